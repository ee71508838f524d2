/**
 * The mid-year report (中間報告): every project's progress in the plan's tree order, grouped under its ancestors
 * (基本目標 → 施策 …), the counts per progress and per state, and the projects to watch: those late (遅れ・未着手)
 * and those whose sheet was not handed in. The page and the xlsx both draw this object, so they cannot disagree.
 * A department editor's report holds its own items only, as its lists do.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { todayInJapan } from "../../../domain/japanese-date.js";
import {
  LATE_PROGRESS,
  MID_YEAR_PROGRESS,
  MID_YEAR_PROGRESS_LABELS,
  MID_YEAR_SHEET_STATUS_LABELS,
  MID_YEAR_SHEET_STATUSES,
  MID_YEAR_UNSUBMITTED,
  type MidYearProgress,
  type MidYearSheetStatus,
} from "../../../domain/labels/mid-year.js";
import { type SnapshotItem, treeOrder } from "../../../domain/revisions/snapshot.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { loadPlanOr404 } from "../plans/service.js";
import { resolveStructure } from "../revisions/in-force.js";
import { getRoadmapSummariesForItems } from "../roadmaps/summary.js";
import { presentMidYearRound, progressLabel, sheetStatusLabel } from "./presenter.js";
import * as repo from "./repository.js";

/** A label for a progress not written yet, in the counts. */
export const NO_PROGRESS_LABEL = "未記入";

export async function getMidYearReport(db: Executor, auth: AuthContext, planId: string, fiscalYear: number) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const round = await repo.findRound(db, auth.municipalityId, planId, fiscalYear);
  if (!round) throw notFound(`${formatFiscalYear(fiscalYear)}の中間報告`);
  const { frozen } = await resolveStructure(db, auth.municipalityId, planId, { fiscalYear });
  if (!frozen) throw new Error("a plan with a mid-year round has an approved revision");
  const snapshot = frozen.snapshot;
  const byId = new Map(snapshot.items.map((i) => [i.id, i]));
  const parentOf = new Map(snapshot.placements.filter((p) => !p.relisted).map((p) => [p.itemId, p.parentItemId]));
  const order = new Map(treeOrder(snapshot).map((i, n) => [i.id, n]));
  const levelNames = snapshot.plan.levelNames;

  const all = await repo.listSheetsOfRound(db, auth.municipalityId, round.id);
  const indicators = await repo.indicatorsOfItems(
    db,
    auth.municipalityId,
    all.map((s) => s.itemId),
  );
  const sheets = all
    .filter((s) => policies.canSeeMidYearSheet(auth, byId.get(s.itemId)?.departmentIds ?? []))
    .sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0))
    .map((s) => {
      const item = byId.get(s.itemId);
      return {
        id: s.id,
        itemId: s.itemId,
        code: item?.code ?? null,
        title: item?.title ?? "",
        departmentNames: s.departmentNames,
        status: s.status,
        statusLabel: sheetStatusLabel(s.status),
        progress: s.progress,
        progressLabel: progressLabel(s.progress),
        issues: s.issues,
        secondHalfPlan: s.secondHalfPlan,
        indicators: indicators
          .filter((i) => i.itemId === s.itemId)
          .map((i) => ({ id: i.id, name: i.name, actual: s.indicatorActuals[i.id] ?? null })),
      };
    });
  type ReportSheet = (typeof sheets)[number];

  // one group per parent in the tree, in the order its first project appears
  const groups: {
    key: string;
    path: { code: string | null; title: string; levelName: string }[];
    sheets: ReportSheet[];
  }[] = [];
  for (const s of sheets) {
    const ancestors = ancestorsOf(s.itemId, parentOf, byId);
    const key = ancestors.at(-1)?.id ?? "";
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = {
        key,
        path: ancestors.map((a) => ({ code: a.code, title: a.title, levelName: levelNames[a.level] ?? "" })),
        sheets: [],
      };
      groups.push(group);
    }
    group.sheets.push(s);
  }

  // the roadmaps stand as of today, or as of the year's last day once the year is over
  const yearEnd = `${fiscalYear + 1}-03-31`;
  const today = todayInJapan();
  const roadmaps = await getRoadmapSummariesForItems(
    db,
    auth.municipalityId,
    planId,
    new Set(sheets.map((s) => s.itemId)),
    fiscalYear,
    today < yearEnd ? today : yearEnd,
  );
  const sheetOfItem = new Map(sheets.map((s) => [s.itemId, s]));

  const count = (pick: (s: ReportSheet) => boolean) => sheets.filter(pick).length;
  return {
    plan: { id: plan.id, title: snapshot.plan.title },
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    round: presentMidYearRound(round, all.length),
    total: sheets.length,
    groups,
    byProgress: [
      ...MID_YEAR_PROGRESS.map((p) => ({
        key: p as string,
        label: MID_YEAR_PROGRESS_LABELS[p],
        count: count((s) => s.progress === p),
      })),
      { key: "none", label: NO_PROGRESS_LABEL, count: count((s) => !s.progress) },
    ],
    byStatus: MID_YEAR_SHEET_STATUSES.map((st) => ({
      key: st as string,
      label: MID_YEAR_SHEET_STATUS_LABELS[st],
      count: count((s) => s.status === st),
    })),
    /** 遅れ・未着手 as the departments wrote it */
    late: sheets.filter((s) => LATE_PROGRESS.includes(s.progress as MidYearProgress)),
    /** not handed in (not written, being written, or returned and not submitted again) */
    unsubmitted: sheets.filter((s) => MID_YEAR_UNSUBMITTED.includes(s.status as MidYearSheetStatus)),
    /** the monthly roadmaps of the items shown, as they stand: months due, entered and slipped */
    roadmaps: roadmaps.map((r) => ({
      ...r,
      code: sheetOfItem.get(r.itemId)?.code ?? null,
      title: sheetOfItem.get(r.itemId)?.title ?? "",
    })),
  };
}
export type MidYearReport = Awaited<ReturnType<typeof getMidYearReport>>;

/** The item's ancestors from the top, along its home placements. */
function ancestorsOf(itemId: string, parentOf: Map<string, string | null>, byId: Map<string, SnapshotItem>) {
  const out: SnapshotItem[] = [];
  const seen = new Set<string>([itemId]);
  let parent = parentOf.get(itemId) ?? null;
  while (parent && !seen.has(parent)) {
    seen.add(parent);
    const item = byId.get(parent);
    if (!item) break;
    out.unshift(item);
    parent = parentOf.get(parent) ?? null;
  }
  return out;
}
