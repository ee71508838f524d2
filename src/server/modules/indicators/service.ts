import { currentFiscalYear, formatFiscalYear, formatFiscalYearRange } from "../../../domain/fiscal-year.js";
import { suggestGrade } from "../../../domain/indicators/attainment.js";
import {
  DEFAULT_LADDER,
  findStep,
  type MilestoneLadder,
  validateLadder,
} from "../../../domain/indicators/milestones.js";
import { isBlankTarget, parseTarget, type Target } from "../../../domain/indicators/target.js";
import { evaluationLevelOf } from "../../../domain/plan-items.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { AppError, conflict, type FieldError, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import * as plansRepo from "../plans/repository.js";
import { loadPlanForStructureChange, loadPlanOr404 } from "../plans/service.js";
import { findCurrentRevision } from "../revisions/repository.js";
import { loadIndicatorForCaller, type ScopedIndicator } from "./access.js";
import {
  presentActual,
  presentAttainment,
  presentIndicatorDetail,
  presentItemBrief,
  presentPoint,
  presentTarget,
  tally,
  type UnclassifiedOccurrence,
  type YearPoint,
} from "./presenter.js";
import * as repo from "./repository.js";
import type { ActualInput, IndicatorInput, IndicatorListQuery, IndicatorPatch, LadderInput } from "./schema.js";
import { PlanStructure } from "./structure.js";
import { decide, ladderOf, parseActualNumber, sameTyping, targetOf, typingOf } from "./typing.js";
import {
  getIndicatorView,
  loadScopedPlanData,
  selectEntries,
  serializedOnce,
  tallyOf,
  type ViewEntry,
  visibilityKey,
} from "./view.js";

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function checkInPlanPeriod(plan: plansRepo.PlanRow, fiscalYear: number, field: string) {
  if (fiscalYear < plan.startFiscalYear || fiscalYear > plan.endFiscalYear) {
    throw new ValidationError([
      {
        field,
        message: `計画期間（${formatFiscalYearRange(plan.startFiscalYear, plan.endFiscalYear)}）外の年度です`,
      },
    ]);
  }
}

async function departmentBriefs(db: Executor, municipalityId: string, ids: string[]) {
  if (!ids.length) return [];
  const all = await departmentsRepo.listDepartments(db, municipalityId);
  const name = new Map(all.map((d) => [d.id, d.name]));
  return ids.map((id) => ({ id, name: name.get(id) ?? "" }));
}

function points(
  plan: plansRepo.PlanRow,
  ladder: MilestoneLadder,
  targets: (repo.TargetTyping & { fiscalYear: number; source: string; version: number })[],
  actuals: repo.ActualRow[],
): YearPoint[] {
  const targetBy = new Map(targets.map((t) => [t.fiscalYear, t]));
  const actualBy = new Map(actuals.map((a) => [a.fiscalYear, a]));
  const years = new Set<number>();
  for (let fy = plan.startFiscalYear; fy <= plan.endFiscalYear; fy++) years.add(fy);
  // a target or actual outside the period (an earlier revision's years) is still shown, not lost
  for (const t of targets) years.add(t.fiscalYear);
  for (const a of actuals) years.add(a.fiscalYear);
  return [...years]
    .sort((a, b) => a - b)
    .map((fiscalYear) => {
      const row = targetBy.get(fiscalYear);
      const target = row ? { target: targetOf(row, ladder), version: row.version } : null;
      const actual = actualBy.get(fiscalYear) ?? null;
      return { fiscalYear, target, actual, attainment: decide(target?.target ?? null, actual, ladder) };
    });
}

async function detailOf(
  db: Executor,
  auth: AuthContext,
  plan: plansRepo.PlanRow,
  indicator: repo.IndicatorRow,
  departmentIds: string[],
  frozen: ScopedIndicator["frozen"] = null,
) {
  // one after the other: inside a transaction they share one connection
  const item = frozen
    ? frozen.item
    : indicator.itemId
      ? await plansRepo.findItem(db, auth.municipalityId, plan.id, indicator.itemId)
      : null;
  const departments = await departmentBriefs(db, auth.municipalityId, departmentIds);
  const targets = frozen ? frozenTargets(frozen) : await repo.listTargets(db, auth.municipalityId, indicator.id);
  const actuals = await repo.listActuals(db, auth.municipalityId, indicator.id);
  const shown = frozen
    ? { ...indicator, name: frozen.name, kind: frozen.kind, baselineSource: frozen.baselineSource }
    : indicator;
  return presentIndicatorDetail(
    shown,
    presentItemBrief(item, plan.levelNames),
    departments,
    points(plan, ladderOf(plan), targets, actuals),
  );
}

/** A frozen indicator's targets as target rows (a frozen target is not edited: version 0). */
function frozenTargets(frozen: NonNullable<ScopedIndicator["frozen"]>) {
  return frozen.targets.map((t) => ({ ...t, version: 0 }));
}

function indicatorSnapshot(i: repo.IndicatorRow) {
  return {
    planId: i.planId,
    itemId: i.itemId,
    kind: i.kind,
    name: i.name,
    baselineSource: i.baselineSource,
    baselineFiscalYear: i.baselineFiscalYear,
    position: i.position,
  };
}

function actualSnapshot(a: repo.ActualRow | null) {
  return a
    ? {
        fiscalYear: a.fiscalYear,
        kind: a.kind,
        value: a.value,
        step: a.step,
        text: a.text,
        comment: a.comment,
        revisionId: a.revisionId,
      }
    : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reads

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
  const key = `list|${visibilityKey(auth)}|${query.departmentId ?? ""}|${query.itemId ?? ""}|${query.offset}|${query.limit ?? ""}|${query.focus ?? ""}`;
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
    frozen ? frozenTargets(frozen) : repo.listTargets(db, auth.municipalityId, indicator.id),
    repo.listActuals(db, auth.municipalityId, indicator.id),
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

/**
 * GET /api/plans/:planId/attainment-share: share of decidable indicators met, per 基本目標 and per department.
 * Aggregates over the whole plan for every role (like the 総括表): no single indicator is revealed.
 */
export async function getAttainmentShare(db: Executor, auth: AuthContext, planId: string, fiscalYear: number) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const view = await getIndicatorView(db, plan, fiscalYear);
  const byGoal = new Map<string, ViewEntry[]>();
  const byDepartment = new Map<string, ViewEntry[]>();
  for (const e of view.entries) {
    if (e.goalId) byGoal.set(e.goalId, [...(byGoal.get(e.goalId) ?? []), e]);
    for (const d of e.departmentIds) byDepartment.set(d, [...(byDepartment.get(d) ?? []), e]);
  }
  return {
    plan: { id: plan.id, title: plan.title },
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    total: tallyOf(view.entries),
    goals: view.structure.childrenOfItem(null).map((goal) => ({
      item: presentItemBrief(goal, plan.levelNames),
      ...tallyOf(byGoal.get(goal.id) ?? []),
    })),
    departments: view.departments
      .filter((d) => byDepartment.has(d.id))
      .map((d) => ({ department: d, ...tallyOf(byDepartment.get(d.id) ?? []) })),
  };
}

/**
 * GET /api/plans/:planId/department-matrix: departments × the items of one level (default: the evaluation level),
 * generated from plan_item_departments. "own" = the item's own department; "rolledUp" = the department of an item
 * below it (an activity's 担当課 shown on its initiative).
 */
export async function getDepartmentMatrix(db: Executor, auth: AuthContext, planId: string, level?: number) {
  policies.readPlans(auth);
  const { data, plan } = await loadScopedPlanData(db, await loadPlanOr404(db, auth, planId), "in_force", {
    fiscalYear: null,
    actuals: false,
  });
  const structure = new PlanStructure(data.items, data.placements, data.itemDepartments);
  const last = Math.max(0, plan.levelNames.length - 1);
  const rowLevel = level === undefined ? evaluationLevelOf(plan) : Math.min(level, last);
  const names = new Map(data.departments.map((d) => [d.id, d.name]));
  const columns: string[] = [];
  const rows = structure.ordered
    .filter((i) => i.level === rowLevel)
    .map((item) => {
      const marks: Record<string, "own" | "rolledUp"> = {};
      for (const d of structure.ownDepartmentsOf(item.id)) marks[d] = "own";
      for (const below of structure.descendants(item.id)) {
        for (const d of structure.ownDepartmentsOf(below.id)) marks[d] ??= "rolledUp";
      }
      for (const d of Object.keys(marks)) if (!columns.includes(d)) columns.push(d);
      const chain = structure.chain(item.id);
      return {
        item: presentItemBrief(item, plan.levelNames),
        goal: presentItemBrief(structure.item(chain[chain.length - 1] ?? null), plan.levelNames),
        parent: presentItemBrief(structure.item(chain[1] ?? null), plan.levelNames),
        marks,
      };
    });
  return {
    plan: { id: plan.id, title: plan.title },
    level: rowLevel,
    levelName: plan.levelNames[rowLevel] ?? "",
    legend: { own: "●", rolledUp: "○" },
    departments: columns.map((id) => ({ id, name: names.get(id) ?? "" })),
    rows,
  };
}

/**
 * GET /api/plans/:planId/my-department: the items at the evaluation level that the caller's departments own or
 * have an activity under, each with its indicators (those the caller may see) and this year's attainment.
 */
export async function getMyDepartment(db: Executor, auth: AuthContext, planId: string, fiscalYear?: number) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const fy = fiscalYear ?? Math.min(Math.max(currentFiscalYear(), plan.startFiscalYear), plan.endFiscalYear);
  const view = await getIndicatorView(db, plan, fy);
  const { structure } = view;
  const mine = auth.departmentIds;
  const level = evaluationLevelOf(plan);
  const items = structure.ordered
    .filter((i) => i.level === level)
    .map((item) => {
      const own = structure.ownDepartmentsOf(item.id).some((d) => mine.includes(d));
      const below = structure
        .descendants(item.id)
        .some((b) => structure.ownDepartmentsOf(b.id).some((d) => mine.includes(d)));
      return { item, mark: own ? ("own" as const) : below ? ("rolledUp" as const) : null };
    })
    .filter((r) => r.mark !== null)
    .map(({ item, mark }) => {
      const entries = view.entries.filter(
        (e) => e.itemId !== null && structure.isWithin(e.itemId, item.id) && policies.canSeeIndicator(auth, e.owners),
      );
      const chain = structure.chain(item.id);
      return {
        item: presentItemBrief(item, plan.levelNames),
        goal: presentItemBrief(structure.item(chain[chain.length - 1] ?? null), plan.levelNames),
        mark,
        departments: structure.departmentsOf(item.id).map((id) => ({ id, name: view.departmentName.get(id) ?? "" })),
        counts: tallyOf(entries),
        suggestedGrade: suggestGrade(
          entries.map((e) => e.attainment),
          plan.gradeScale,
        ),
        indicators: entries.map((e) => e.dto),
      };
    });
  return {
    plan: { id: plan.id, title: plan.title },
    fiscalYear: fy,
    fiscalYearLabel: formatFiscalYear(fy),
    departments: mine.map((id) => ({ id, name: view.departmentName.get(id) ?? "" })),
    counts: tally(items.flatMap((i) => i.indicators.map((d) => d.attainment))),
    items,
  };
}

/** GET /api/plans/:planId/targets/unclassified: targets that stay free text, for the plan office to classify. */
export async function listUnclassifiedTargets(db: Executor, auth: AuthContext, planId: string) {
  policies.manageIndicators(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const [targets, items] = await Promise.all([
    repo.listTargetsOfPlan(db, auth.municipalityId, planId),
    plansRepo.listItems(db, auth.municipalityId, planId),
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const counts = { numeric: 0, milestone: 0, asNeeded: 0, text: 0, blank: 0, total: targets.length };
  const texts = new Map<string, { source: string; occurrences: UnclassifiedOccurrence[] }>();
  for (const t of targets) {
    if (isBlankTarget(t.source)) {
      counts.blank++;
      continue;
    }
    const kind = t.kind as keyof typeof counts;
    if (kind in counts && kind !== "total" && kind !== "blank") counts[kind]++;
    if (t.kind !== "text") continue;
    const entry = texts.get(t.source) ?? { source: t.source, occurrences: [] };
    const item = t.itemId ? itemById.get(t.itemId) : undefined;
    entry.occurrences.push({
      indicatorId: t.indicatorId,
      indicatorName: t.indicatorName,
      fiscalYear: t.fiscalYear,
      fiscalYearLabel: formatFiscalYear(t.fiscalYear),
      item: item ? presentItemBrief(item, plan.levelNames) : null,
    });
    texts.set(t.source, entry);
  }
  return {
    plan: { id: plan.id, title: plan.title },
    counts,
    texts: [...texts.values()].map((t) => ({ ...t, count: t.occurrences.length })),
  };
}

export async function getLadder(db: Executor, auth: AuthContext, planId: string) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  return { ladder: ladderOf(plan), isDefault: plan.milestoneLadder === null, version: plan.version };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes: one transaction each, the audit record inside it, plans.version bumped (caches of the plan go stale)

export async function createIndicator(db: Db, auth: AuthContext, ip: string, planId: string, input: IndicatorInput) {
  policies.manageIndicators(auth);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForStructureChange(tx, auth, planId);
    const item = await plansRepo.findItem(tx, auth.municipalityId, planId, input.itemId);
    if (!item) throw new ValidationError([{ field: "itemId", message: "この計画の項目が見つかりません" }]);
    const errors: FieldError[] = [];
    input.targets.forEach((t, i) => {
      try {
        checkInPlanPeriod(plan, t.fiscalYear, `targets.${i}.fiscalYear`);
      } catch (e) {
        if (e instanceof ValidationError) errors.push(...e.fields);
        else throw e;
      }
    });
    if (errors.length) throw new ValidationError(errors);
    const position = await repo.nextIndicatorPosition(tx, auth.municipalityId, planId);
    const indicator = await repo.insertIndicator(tx, {
      municipalityId: auth.municipalityId,
      planId,
      itemId: item.id,
      kind: input.kind,
      name: input.name,
      baselineSource: input.baselineSource ?? null,
      baselineFiscalYear: input.baselineFiscalYear ?? null,
      position,
    });
    const ladder = ladderOf(plan);
    await repo.insertTargets(
      tx,
      input.targets.map((t) => ({
        municipalityId: auth.municipalityId,
        indicatorId: indicator.id,
        fiscalYear: t.fiscalYear,
        source: t.source,
        ...typingOf(parseTarget(t.source, ladder)),
      })),
    );
    await plansRepo.touchPlan(tx, auth.municipalityId, planId);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "create",
      entityType: "indicator",
      entityId: indicator.id,
      after: { ...indicatorSnapshot(indicator), targets: input.targets },
    });
    const chain = await repo.itemChain(tx, auth.municipalityId, item.id);
    const departmentIds = chain.find((c) => c.departmentIds.length > 0)?.departmentIds ?? [];
    return detailOf(tx, auth, plan, indicator, departmentIds);
  });
}

export async function updateIndicator(
  db: Db,
  auth: AuthContext,
  ip: string,
  indicatorId: string,
  version: number,
  patch: IndicatorPatch,
) {
  return db.transaction(async (tx) => {
    const { indicator: before } = await loadIndicatorForCaller(tx, auth, indicatorId, "working");
    policies.manageIndicators(auth);
    const plan = await loadPlanForStructureChange(tx, auth, before.planId);
    if (before.version !== version) throw staleVersion(before.version);
    if (patch.itemId !== undefined && !(await plansRepo.findItem(tx, auth.municipalityId, plan.id, patch.itemId))) {
      throw new ValidationError([{ field: "itemId", message: "この計画の項目が見つかりません" }]);
    }
    const values: Partial<repo.IndicatorRow> = {};
    for (const key of ["itemId", "kind", "name", "baselineSource", "baselineFiscalYear", "position"] as const) {
      const v = patch[key];
      if (v !== undefined) (values as Record<string, unknown>)[key] = v;
    }
    const after = await repo.updateIndicator(tx, auth.municipalityId, indicatorId, version, values);
    if (!after) throw staleVersion(before.version);
    await plansRepo.touchPlan(tx, auth.municipalityId, plan.id);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "update",
      entityType: "indicator",
      entityId: indicatorId,
      before: indicatorSnapshot(before),
      after: indicatorSnapshot(after),
    });
    const chain = after.itemId ? await repo.itemChain(tx, auth.municipalityId, after.itemId) : [];
    const departmentIds = chain.find((c) => c.departmentIds.length > 0)?.departmentIds ?? [];
    return detailOf(tx, auth, plan, after, departmentIds);
  });
}

export async function deleteIndicator(db: Db, auth: AuthContext, ip: string, indicatorId: string, version: number) {
  await db.transaction(async (tx) => {
    const { indicator } = await loadIndicatorForCaller(tx, auth, indicatorId, "working");
    policies.manageIndicators(auth);
    await loadPlanForStructureChange(tx, auth, indicator.planId);
    if (indicator.version !== version) throw staleVersion(indicator.version);
    // one after the other: inside a transaction they share one connection
    const targets = await repo.listTargets(tx, auth.municipalityId, indicatorId);
    const actuals = await repo.listActuals(tx, auth.municipalityId, indicatorId);
    // an approved revision shows this indicator with its actuals: deleting them would rewrite approved years
    if (actuals.length && (await findCurrentRevision(tx, auth.municipalityId, indicator.planId))) {
      throw conflict(
        `実績が入力されている指標は削除できません（${actuals.map((a) => formatFiscalYear(a.fiscalYear)).join("・")}）。承認済みの年度の記録が変わってしまうためです。今後使わない場合は、改定で目標を「—」にしてください。`,
      );
    }
    if (!(await repo.deleteIndicator(tx, auth.municipalityId, indicatorId, version))) {
      throw staleVersion(indicator.version);
    }
    await plansRepo.touchPlan(tx, auth.municipalityId, indicator.planId);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "delete",
      entityType: "indicator",
      entityId: indicatorId,
      before: {
        ...indicatorSnapshot(indicator),
        targets: targets.map((t) => ({ fiscalYear: t.fiscalYear, source: t.source })),
        actuals: actuals.map(actualSnapshot),
      },
    });
  });
}

/**
 * PUT /api/indicators/:id/targets/:fiscalYear. `version` is the If-Match value: the target's version to replace it,
 * or 0 / absent (null) to create the year's first target; a target that exists needs its version (428 without).
 */
export async function putTarget(
  db: Db,
  auth: AuthContext,
  ip: string,
  indicatorId: string,
  fiscalYear: number,
  version: number | null,
  source: string,
) {
  return db.transaction(async (tx) => {
    const { indicator } = await loadIndicatorForCaller(tx, auth, indicatorId, "working");
    policies.manageIndicators(auth);
    const plan = await loadPlanForStructureChange(tx, auth, indicator.planId);
    checkInPlanPeriod(plan, fiscalYear, "fiscalYear");
    const ladder = ladderOf(plan);
    const typing = typingOf(parseTarget(source, ladder));
    const before = await repo.findTarget(tx, auth.municipalityId, indicatorId, fiscalYear);
    let after: repo.TargetRow | null;
    if (!before) {
      if (version !== null && version !== 0) throw staleVersion(0);
      after = await repo.insertTarget(tx, {
        municipalityId: auth.municipalityId,
        indicatorId,
        fiscalYear,
        source,
        ...typing,
      });
    } else {
      if (version === null) throw versionRequired();
      if (before.version !== version) throw staleVersion(before.version);
      after = await repo.updateTarget(tx, auth.municipalityId, indicatorId, fiscalYear, version, { source, ...typing });
    }
    if (!after) throw staleVersion(before?.version ?? 0);
    await plansRepo.touchPlan(tx, auth.municipalityId, plan.id);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: before ? "update_target" : "create_target",
      entityType: "indicator",
      entityId: indicatorId,
      before: before ? { fiscalYear, source: before.source, kind: before.kind } : null,
      after: { fiscalYear, source: after.source, kind: after.kind },
    });
    return presentTarget(fiscalYear, targetOf(after, ladder), after.version);
  });
}

const versionRequired = () => new AppError(428, "version_required", "更新には版番号（If-Match ヘッダー）が必要です");

/** What a milestone actual may name: the ladder's stages, as a field-named 400. */
function stepNotOnLadder(ladder: MilestoneLadder) {
  return new ValidationError([
    {
      field: "step",
      message: `段階は次のいずれかを選んでください: ${ladder.steps.map((s) => s.label).join("、")}`,
    },
  ]);
}

/**
 * PUT /api/indicators/:id/actuals/:fiscalYear. Creation: If-Match "0" or no If-Match when the year has no actual;
 * an existing actual needs its version (428 without, 412 when stale). The actual remembers the plan revision in
 * force (null before the first approved revision).
 */
export async function putActual(
  db: Db,
  auth: AuthContext,
  ip: string,
  indicatorId: string,
  fiscalYear: number,
  version: number | null,
  input: ActualInput,
) {
  return db.transaction(async (tx) => {
    // the year's actual is entered under the revision the year is evaluated under (its owners, its target)
    const { indicator, owners, frozen } = await loadIndicatorForCaller(tx, auth, indicatorId, { fiscalYear });
    policies.enterActual(auth, owners);
    const plan = await loadPlanOr404(tx, auth, indicator.planId);
    checkInPlanPeriod(plan, fiscalYear, "fiscalYear");
    const ladder = ladderOf(plan);
    const targetRow = frozen
      ? (frozenTargets(frozen).find((t) => t.fiscalYear === fiscalYear) ?? null)
      : await repo.findTarget(tx, auth.municipalityId, indicatorId, fiscalYear);
    const target: Target | null = targetRow ? targetOf(targetRow, ladder) : null;

    const values: repo.ActualValues = {
      kind: input.kind,
      value: null,
      step: null,
      text: null,
      comment: input.comment ?? null,
      revisionId: null,
      updatedBy: auth.userId ?? null,
    };
    if (input.kind === "number") {
      const value = parseActualNumber(input.value ?? "", target?.kind === "numeric" ? target.unit : null);
      if (value === null) {
        throw new ValidationError([
          { field: "value", message: "実績値を数値で入力してください（例: 1,200 または １，２００）" },
        ]);
      }
      values.value = value;
    } else if (input.kind === "milestone") {
      const step = findStep(input.step ?? "", ladder);
      if (!step) throw stepNotOnLadder(ladder);
      values.step = step.label;
    } else {
      values.text = input.text ?? "";
    }

    const before = await repo.findActual(tx, auth.municipalityId, indicatorId, fiscalYear);
    values.revisionId = (await findCurrentRevision(tx, auth.municipalityId, plan.id))?.id ?? null;
    let after: repo.ActualRow | null;
    if (!before) {
      if (version !== null && version !== 0) throw staleVersion(0);
      after = await repo.insertActual(tx, auth.municipalityId, indicatorId, fiscalYear, values);
    } else {
      if (version === null) throw versionRequired();
      if (before.version !== version) throw staleVersion(before.version);
      after = await repo.updateActual(tx, auth.municipalityId, indicatorId, fiscalYear, version, values);
    }
    if (!after) throw staleVersion(before?.version ?? 1);
    await plansRepo.touchPlan(tx, auth.municipalityId, plan.id);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: before ? "update_actual" : "create_actual",
      entityType: "indicator",
      entityId: indicatorId,
      before: actualSnapshot(before),
      after: actualSnapshot(after),
    });
    const attainment = decide(target, after, ladder);
    return {
      indicatorId,
      fiscalYear,
      target: target && targetRow ? presentTarget(fiscalYear, target, targetRow.version) : null,
      actual: presentActual(after, target),
      attainment: presentAttainment(attainment),
    };
  });
}

export async function deleteActual(
  db: Db,
  auth: AuthContext,
  ip: string,
  indicatorId: string,
  fiscalYear: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { indicator, owners } = await loadIndicatorForCaller(tx, auth, indicatorId, { fiscalYear });
    policies.enterActual(auth, owners);
    const before = await repo.findActual(tx, auth.municipalityId, indicatorId, fiscalYear);
    if (!before) throw notFound("実績");
    if (before.version !== version) throw staleVersion(before.version);
    if (!(await repo.deleteActual(tx, auth.municipalityId, indicatorId, fiscalYear, version))) {
      throw staleVersion(before.version);
    }
    await plansRepo.touchPlan(tx, auth.municipalityId, indicator.planId);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "delete_actual",
      entityType: "indicator",
      entityId: indicatorId,
      before: actualSnapshot(before),
    });
  });
}

/** validateLadder's messages name the step; the field is that step ("steps.3"), or the whole list. */
function ladderFieldErrors(ladder: MilestoneLadder, messages: string[]): FieldError[] {
  return messages.map((message) => {
    let index = -1;
    ladder.steps.forEach((step, i) => {
      const label = step.label.trim();
      if ((label !== "" && message.includes(`段階「${label}」`)) || message.startsWith(`${i + 1}番目の段階`)) index = i;
    });
    return { field: index >= 0 ? `steps.${index}` : "steps", message };
  });
}

/**
 * PUT /api/plans/:planId/milestone-ladder (If-Match: the plan's version). Every target of the plan is typed again
 * with the new ladder in the same transaction, so the stored typing never disagrees with the ladder in force.
 * Actuals keep the stage they name; one the new ladder no longer knows is decided by hand (attainment "manual").
 */
export async function putLadder(
  db: Db,
  auth: AuthContext,
  ip: string,
  planId: string,
  version: number,
  input: LadderInput,
) {
  policies.manageIndicators(auth);
  const ladder: MilestoneLadder | null =
    input.steps === null
      ? null
      : {
          steps: input.steps.map((s) => ({
            label: s.label.trim(),
            rank: s.rank,
            ...(s.aliases ? { aliases: s.aliases.map((a) => a.trim()) } : {}),
          })),
        };
  if (ladder) {
    const problems = validateLadder(ladder);
    if (problems.length) throw new ValidationError(ladderFieldErrors(ladder, problems));
  }
  return db.transaction(async (tx) => {
    const plan = await loadPlanForStructureChange(tx, auth, planId);
    if (plan.version !== version) throw staleVersion(plan.version);
    const updated = await repo.setPlanLadder(tx, auth.municipalityId, planId, version, ladder);
    if (!updated) throw staleVersion(plan.version);
    const effective = ladder ?? DEFAULT_LADDER;
    const targets = await repo.listTargetsOfPlan(tx, auth.municipalityId, planId);
    const changed = targets
      .map((t) => ({ t, typing: typingOf(parseTarget(t.source, effective)) }))
      .filter(({ t, typing }) => !sameTyping(t, typing))
      .map(({ t, typing }) => ({ indicatorId: t.indicatorId, fiscalYear: t.fiscalYear, ...typing }));
    await repo.retypeTargets(tx, auth.municipalityId, changed);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "update_milestone_ladder",
      entityType: "plan",
      entityId: planId,
      before: { milestoneLadder: plan.milestoneLadder },
      after: { milestoneLadder: ladder, retypedTargets: changed.length },
    });
    const newKind = new Map(changed.map((c) => [`${c.indicatorId}:${c.fiscalYear}`, c.kind]));
    const freeText = targets.filter(
      (t) => (newKind.get(`${t.indicatorId}:${t.fiscalYear}`) ?? t.kind) === "text" && !isBlankTarget(t.source),
    ).length;
    return {
      ladder: effective,
      isDefault: ladder === null,
      version: updated.version,
      retypedTargets: changed.length,
      unclassifiedTargets: freeText,
    };
  });
}

export type IndicatorListDto = Awaited<ReturnType<typeof listIndicators>>;
