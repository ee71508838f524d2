import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { ParsedRoadmap } from "../../../domain/import-roadmap/types.js";
import { shiftMonth } from "../../../domain/japanese-month.js";
import type { Executor } from "../../db/client.js";
import type { Actor } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { assertYearOpen } from "../evaluations/year-lock.js";
import { findProject } from "../programme/repository.js";
import * as repo from "./repository.js";

/** What a roadmap is attached to: a plan item or a programme project (the operator names it when importing). */
export type RoadmapOwner = { itemId: string } | { projectId: string };

export const ownerRequired = () =>
  new AppError(
    400,
    "roadmap_owner",
    "ロードマップの取り込み先を指定してください（計画の項目: --item <項目のコードまたはID>、重層事業の事業: --project <事業のID・番号・名称>）。何も取り込んでいません。",
  );

/**
 * Writes a parsed roadmap inside the import's transaction: the roadmap with what the document says as written, and
 * all twelve months of its fiscal year (a month the document leaves out is there, empty, for the department to
 * fill in). An item's closed year is frozen; a second roadmap for the same owner and year is refused.
 */
export async function writeRoadmap(tx: Executor, actor: Actor, doc: ParsedRoadmap, owner: RoadmapOwner | null) {
  const m = actor.municipalityId;
  if (!owner) throw ownerRequired();
  if (doc.fiscalYear === null) throw new AppError(400, "unreadable_file", "ロードマップの年度が読み取れません");
  let planId: string | null = null;
  if ("itemId" in owner) {
    const item = await repo.findItemWithDepartments(tx, m, owner.itemId);
    if (!item) throw new AppError(404, "not_found", "取り込み先の項目が見つかりません");
    planId = item.item.planId;
    await assertYearOpen(tx, m, planId, doc.fiscalYear);
  } else if (!(await findProject(tx, m, owner.projectId))) {
    throw new AppError(404, "not_found", "取り込み先の事業が見つかりません");
  }
  if (await repo.findRoadmapOf(tx, m, owner, doc.fiscalYear)) {
    throw new AppError(
      409,
      "roadmap_exists",
      `取り込み先には${formatFiscalYear(doc.fiscalYear)}のロードマップがすでにあります。何も取り込んでいません。`,
    );
  }
  const roadmap = await repo.insertRoadmap(tx, {
    municipalityId: m,
    fiscalYear: doc.fiscalYear,
    ...owner,
    title: doc.title,
    municipalityName: doc.municipalityName,
    currentPoint: doc.currentPoint,
    indicators: doc.indicators,
    streams: doc.streams,
    context: doc.context,
  });
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(`${doc.fiscalYear}-04`, i));
  await repo.insertMonths(
    tx,
    months.map((month) => {
      const read = doc.months.find((x) => x.month === month);
      return {
        municipalityId: m,
        roadmapId: roadmap.id,
        month,
        planned: read?.planned ?? [],
        method: read?.method ?? [],
        progressPlanned: read?.progressPlanned ?? null,
        progressMethod: read?.progressMethod ?? null,
        actual: read?.actual ?? [],
        updatedBy: actor.userId,
      };
    }),
  );
  return { planId, roadmapId: roadmap.id };
}
