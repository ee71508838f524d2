/**
 * Reading indicators: the plan's list (cached per plan version and caller visibility), one indicator, its series,
 * and the indicators of an evaluation sheet.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { suggestGrade } from "../../../domain/indicators/attainment.js";
import { parseTarget } from "../../../domain/indicators/target.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import type * as plansRepo from "../plans/repository.js";
import { loadPlanOr404 } from "../plans/service.js";
import { loadIndicatorForCaller } from "./access.js";
import { detailOf, frozenTargets, points } from "./detail.js";
import { presentPoint } from "./presenter.js";
import type { IndicatorListQuery } from "./schema.js";
import { ladderOf } from "./typing.js";
import { getIndicatorView, selectEntries, serializedOnce, tallyOf } from "./view.js";
import * as yearly from "./yearly-repository.js";

/** The plan's indicators of a year that the caller may see, narrowed by the query's filters, in tree order. */
export async function visibleEntries(
  db: Executor,
  auth: AuthContext,
  planId: string,
  fiscalYear: number,
  filter: { departmentId?: string; itemId?: string } = {},
) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const view = await getIndicatorView(db, plan, fiscalYear);
  return { plan, view, entries: selectEntries(view, auth, filter) };
}

/** GET /api/plans/:planId/indicators as an object (the CLI prints this). */
export async function listIndicators(
  db: Executor,
  auth: AuthContext,
  planId: string,
  query: Pick<IndicatorListQuery, "fiscalYear" | "departmentId" | "itemId">,
) {
  const { plan, entries } = await visibleEntries(db, auth, planId, query.fiscalYear, query);
  return {
    plan: { id: plan.id, title: plan.title },
    fiscalYear: query.fiscalYear,
    fiscalYearLabel: formatFiscalYear(query.fiscalYear),
    counts: tallyOf(entries),
    indicators: entries.map((e) => e.dto),
  };
}

/**
 * Which slice of the list a query asks for: the page at offset, or the page holding the focused indicator
 * (pages are aligned to the limit, so the pager shows where it is); the whole list without a limit.
 */
export function pageOf(ids: string[], query: Pick<IndicatorListQuery, "offset" | "limit" | "focus">) {
  const total = ids.length;
  if (query.limit === undefined) return { offset: 0, limit: null, start: 0, end: total };
  let offset = query.offset;
  if (query.focus) {
    const at = ids.indexOf(query.focus);
    if (at >= 0) offset = Math.floor(at / query.limit) * query.limit;
  }
  return { offset, limit: query.limit, start: Math.min(offset, total), end: Math.min(offset + query.limit, total) };
}

/**
 * The HTTP answer of GET /api/plans/:planId/indicators, serialised once per (plan version, year, caller
 * visibility, filter, page): a 2,000-indicator answer is more than a megabyte of JSON, so the page asks for one
 * page at a time; the counts always cover every indicator the filter selects.
 */
export async function getIndicatorListJson(db: Executor, auth: AuthContext, planId: string, query: IndicatorListQuery) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const working = query.revision === "draft";
  if (working) policies.readDraft(auth);
  const view = await getIndicatorView(db, plan, query.fiscalYear, { working });
  const key = `list|${policies.indicatorVisibilityKey(auth)}|${query.departmentId ?? ""}|${query.itemId ?? ""}|${query.offset}|${query.limit ?? ""}|${query.focus ?? ""}`;
  return serializedOnce(view, key, () => {
    const entries = selectEntries(view, auth, query);
    const page = pageOf(
      entries.map((e) => e.id),
      query,
    );
    const head = JSON.stringify({
      plan: { id: plan.id, title: plan.title },
      fiscalYear: query.fiscalYear,
      fiscalYearLabel: formatFiscalYear(query.fiscalYear),
      counts: tallyOf(entries),
      total: entries.length,
      offset: page.offset,
      limit: page.limit,
    });
    const rows = entries.slice(page.start, page.end).map((e) => e.json);
    return `${head.slice(0, -1)},"indicators":[${rows.join(",")}]}`;
  });
}

export async function getIndicator(db: Executor, auth: AuthContext, indicatorId: string) {
  const { indicator, departmentIds, frozen } = await loadIndicatorForCaller(db, auth, indicatorId, "in_force");
  const plan = await loadPlanOr404(db, auth, indicator.planId);
  return detailOf(db, auth, plan, indicator, departmentIds, frozen);
}

/** GET /api/indicators/:id/series: the chart of one indicator over the plan's fiscal years. */
export async function getSeries(db: Executor, auth: AuthContext, indicatorId: string) {
  const { indicator: row, frozen } = await loadIndicatorForCaller(db, auth, indicatorId, "in_force");
  const indicator = frozen
    ? { ...row, name: frozen.name, kind: frozen.kind, baselineSource: frozen.baselineSource }
    : row;
  const plan = await loadPlanOr404(db, auth, indicator.planId);
  const [targets, actuals] = await Promise.all([
    frozen ? frozenTargets(frozen) : yearly.listTargets(db, auth.municipalityId, indicator.id),
    yearly.listActuals(db, auth.municipalityId, indicator.id),
  ]);
  const ladder = ladderOf(plan);
  const baselineTarget = indicator.baselineSource ? parseTarget(indicator.baselineSource, ladder) : null;
  const series = points(plan, ladder, targets, actuals);
  const numericTarget = series.map((p) => p.target?.target).find((t) => t?.kind === "numeric");
  return {
    indicator: {
      id: indicator.id,
      name: indicator.name,
      kind: indicator.kind,
      unit: numericTarget?.kind === "numeric" ? numericTarget.unit : null,
    },
    baseline: {
      source: indicator.baselineSource,
      fiscalYear: indicator.baselineFiscalYear,
      /** the baseline as a number when it reads as one ("4,100人" → 4100), for the chart */
      value: baselineTarget?.kind === "numeric" ? baselineTarget.value : null,
    },
    points: series.map(presentPoint),
  };
}

/** The indicators of an evaluation sheet (its item and the items below it) and the grade they suggest. */
export async function indicatorsOfSheet(
  db: Executor,
  plan: plansRepo.PlanRow,
  itemId: string,
  fiscalYear: number,
  opts: { store?: boolean } = {},
) {
  const view = await getIndicatorView(db, plan, fiscalYear, opts);
  const entries = view.entries.filter((e) => e.itemId !== null && view.structure.isWithin(e.itemId, itemId));
  return {
    indicators: entries.map((e) => e.dto),
    suggestedGrade: suggestGrade(
      entries.map((e) => e.attainment),
      plan.gradeScale,
    ),
  };
}

export type IndicatorListDto = Awaited<ReturnType<typeof listIndicators>>;
