/**
 * Closing a year (締め): the plan office closes the round once every sheet is accepted or left 未評価 with a
 * reason. From then on the year is frozen (year-lock.ts) and shown under the revision it was evaluated under,
 * which the round remembers; its 評価結果報告書 can be produced.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { SHEET_STATUS_LABELS, type SheetStatus } from "../../../domain/labels/evaluation.js";
import { compareCodes } from "../../../domain/plan-items.js";
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { requestOpinions } from "../committees/opinion-requests.js";
import { freezeFedValues } from "../fed-indicators/freeze.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { loadPlanOr404 } from "../plans/service.js";
import { resolveStructure } from "../revisions/in-force.js";
import { ensureBaseline } from "../revisions/service.js";
import * as repo from "./repository.js";
import { roundWithNames } from "./rounds.js";
import { yearStructure } from "./year-structure.js";

/** The statuses a sheet may be closed in: the plan office has either accepted it or decided not to evaluate it. */
const SETTLED: readonly string[] = ["accepted", "not_evaluated"] satisfies SheetStatus[];

export async function closeRound(db: Db, actor: RequestActor, planId: string, fiscalYear: number) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    const round = await repo.lockRound(tx, actor.municipalityId, planId, fiscalYear, "update");
    if (!round) throw notFound(`${formatFiscalYear(fiscalYear)}の評価`);
    if (round.status === "closed") throw conflict(`${formatFiscalYear(fiscalYear)}は既に締め切られています`);
    const sheets = await repo.listSheetsOfRound(tx, actor.municipalityId, round.id);
    const open = sheets.filter((s) => !SETTLED.includes(s.status));
    if (open.length) throw stillOpen(await describeOpen(tx, actor.municipalityId, planId, fiscalYear, open));

    // the year is frozen under a numbered revision: a plan never approved (an imported one) gets its 第1版 now
    await ensureBaseline(tx, actor, planId);
    const { frozen } = await resolveStructure(tx, actor.municipalityId, planId, { fiscalYear });
    const closed = await repo.updateRound(tx, actor.municipalityId, round.id, {
      status: "closed",
      closedAt: new Date(),
      closedBy: actor.userId,
      closedRevisionId: frozen?.revisionId ?? null,
    });
    if (!closed) throw new Error("a locked round disappeared");
    // the indicators fed by measures keep this year's counts as they stand at closing, with their definitions
    const fed = await freezeFedValues(tx, actor.municipalityId, planId, fiscalYear);
    // the plan's committees are asked for their opinions on the closed year (seam: part N sends the notices)
    const asked = await requestOpinions(tx, actor.municipalityId, planId, fiscalYear);
    await recordPlanChange(tx, actor, planId, {
      action: "close_evaluation",
      entityType: "evaluation_round",
      entityId: round.id,
      before: { status: round.status },
      after: {
        status: closed.status,
        fiscalYear,
        accepted: sheets.filter((s) => s.status === "accepted").length,
        notEvaluated: sheets.filter((s) => s.status === "not_evaluated").length,
        revisionId: closed.closedRevisionId,
        fedIndicatorsFrozen: fed.length,
        committeesAsked: asked.length,
      },
    });
    return roundWithNames(tx, actor.municipalityId, closed);
  });
}

interface OpenSheet {
  sheetId: string;
  code: string | null;
  title: string;
  status: string;
  statusLabel: string;
  departmentNames: string[];
  message: string;
}

async function describeOpen(
  tx: Parameters<typeof yearStructure>[0],
  municipalityId: string,
  planId: string,
  fiscalYear: number,
  open: repo.SheetRow[],
): Promise<OpenSheet[]> {
  const structure = await yearStructure(tx, municipalityId, planId, fiscalYear);
  return open
    .map((s) => {
      const item = structure.itemOf(s.itemId);
      const statusLabel = SHEET_STATUS_LABELS[s.status as SheetStatus] ?? s.status;
      const name = [item?.code, item?.title].filter(Boolean).join(" ");
      const departments = s.departmentNames.length ? `（${s.departmentNames.join("・")}）` : "";
      return {
        sheetId: s.id,
        code: item?.code ?? null,
        title: item?.title ?? "",
        status: s.status,
        statusLabel,
        departmentNames: s.departmentNames,
        message: `${name}${departments}: ${statusLabel}。承認するか、理由を付けて未評価としてください`,
      };
    })
    .sort((a, b) => compareCodes(a.code ?? "", b.code ?? ""));
}

function stillOpen(open: OpenSheet[]) {
  return new AppError(
    409,
    "sheets_open",
    `承認も未評価の指定もされていない評価表が${open.length}件あるため、年度を締め切れません`,
    { openSheets: open },
  );
}
