/**
 * A committee's view of a closed year: the results of the items routed to it (the frozen sheets with grades, the
 * indicators with their actuals and attainment, the 総括表's lines) and the opinions the caller may see (submitted
 * ones, and the caller's own drafts). The results are the 評価結果報告書's, read as a reader of the whole plan: the
 * committee's task gives its members the routed items whatever their own account may read elsewhere.
 */
import { itemsForCommittee, marksWithAncestors, type RoutedCommittee } from "../../../domain/committees/routing.js";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { conflict, notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as evaluationsRepo from "../evaluations/repository.js";
import { getYearReport } from "../evaluations/year-report.js";
import { resolveStructure } from "../revisions/in-force.js";
import { reachCommittee } from "./access.js";
import { peopleOf, presentCommittee, presentOpinion } from "./presenter.js";
import * as repo from "./repository.js";

/** The year must be closed: committees review results as they were frozen. */
export async function closedRound(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  const round = await evaluationsRepo.findRound(db, municipalityId, planId, fiscalYear);
  if (!round) throw notFound(`${formatFiscalYear(fiscalYear)}の評価`);
  if (round.status !== "closed")
    throw conflict(`意見は締め切った年度についてだけ書けます（${formatFiscalYear(fiscalYear)}は評価中です）`);
  return round;
}

/** The ids of the items a committee reviews in a year, by the marks of the year's frozen structure. */
export async function routedItemIds(
  db: Executor,
  municipalityId: string,
  committee: RoutedCommittee & { planId: string },
  fiscalYear: number,
): Promise<Set<string>> {
  const { frozen } = await resolveStructure(db, municipalityId, committee.planId, { fiscalYear });
  if (!frozen) return new Set();
  const items = marksWithAncestors(frozen.snapshot.items, frozen.snapshot.placements);
  return new Set(itemsForCommittee(committee, items).map((i) => i.id));
}

/** The report's data read as a whole-plan reader (see the file's comment). */
const asPlanReader = (auth: AuthContext): AuthContext =>
  auth.role === "department_editor" ? { ...auth, role: "viewer", departmentIds: [] } : auth;

export async function getCommitteeYear(db: Executor, auth: AuthContext, committeeId: string, fiscalYear: number) {
  const { committee, basis, serving } = await reachCommittee(db, auth, committeeId);
  await closedRound(db, auth.municipalityId, committee.planId, fiscalYear);
  const routed = await routedItemIds(db, auth.municipalityId, asRouted(committee), fiscalYear);
  const report = await getYearReport(db, asPlanReader(auth), committee.planId, fiscalYear);
  const indicators = new Map(report.indicators.map((i) => [i.id, i]));
  const items = report.sheets
    .filter((s) => routed.has(s.itemId))
    .map((s) => ({ ...s, indicators: s.indicatorIds.flatMap((id) => indicators.get(id) ?? []) }));
  const summaryLines = report.summary.lines.filter((l) => l.kind === "project" && routed.has(l.itemId));
  const opinions = (
    await repo.listOpinionsOfYear(db, auth.municipalityId, committee.planId, fiscalYear, committeeId)
  ).filter((o) => policies.canSeeOpinion(auth, o));
  const names = await repo.namesOf(db, auth.municipalityId, peopleOf(opinions));
  const itemById = new Map(items.map((i) => [i.itemId, { code: i.code, title: i.title }]));
  return {
    committee: presentCommittee(committee, null, ""),
    plan: report.plan,
    fiscalYear,
    fiscalYearLabel: report.fiscalYearLabel,
    basis,
    canWrite: serving,
    canAnswer: basis === "office",
    items,
    summaryLines,
    opinions: opinions.map((o) => presentOpinion(o, names, o.itemId ? (itemById.get(o.itemId) ?? null) : null)),
  };
}

export const asRouted = (c: repo.CommitteeRow) => ({
  id: c.id,
  planId: c.planId,
  kind: c.kind as RoutedCommittee["kind"],
  marks: c.marks,
});
