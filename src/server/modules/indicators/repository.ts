import { and, asc, eq, max, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { indicatorActuals, indicators, indicatorTargets, plans } from "../../db/schema/index.js";

export type IndicatorRow = typeof indicators.$inferSelect;
export type TargetRow = typeof indicatorTargets.$inferSelect;
export type ActualRow = typeof indicatorActuals.$inferSelect;
export type LadderValue = NonNullable<(typeof plans.$inferSelect)["milestoneLadder"]>;

/** The typed columns of a target, as parseTarget decided them. */
export interface TargetTyping {
  kind: string;
  comparator: string | null;
  value: number | null;
  unit: string | null;
  step: string | null;
  rank: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregated loads: one round trip, JSON built by the database (see summaries/repository.ts for why).

export interface PlanDataItem {
  id: string;
  level: number;
  code: string | null;
  title: string;
  summary?: string | null;
  category?: string | null;
  majorMeasure?: string | null;
  isNew?: boolean;
  isPriority?: boolean;
}
export interface PlanDataIndicator {
  id: string;
  itemId: string | null;
  kind: string;
  name: string;
  baselineSource: string | null;
  baselineFiscalYear: number | null;
  position: number;
  version: number;
}
export interface PlanDataTarget extends TargetTyping {
  indicatorId: string;
  fiscalYear: number;
  source: string;
  version: number;
}
export interface PlanDataActual {
  indicatorId: string;
  fiscalYear: number;
  kind: string;
  value: number | null;
  step: string | null;
  text: string | null;
  comment: string | null;
  revisionId: string | null;
  version: number;
  updatedAt: string;
}
export interface PlanData {
  /** plans.version read in the same statement as the rest: the data is exactly that version's */
  version: number;
  items: PlanDataItem[];
  /** home placements only (再掲 placements do not change where an item belongs) */
  placements: { itemId: string; parentItemId: string | null; position: number }[];
  itemDepartments: { itemId: string; departmentId: string }[];
  departments: { id: string; name: string }[];
  indicators: PlanDataIndicator[];
  targets: PlanDataTarget[];
  actuals: PlanDataActual[];
}

/**
 * The plan's tree, departments, indicators, and the targets and actuals of one fiscal year (or of every year when
 * `fiscalYear` is null), in one statement.
 */
export async function loadPlanData(
  db: Executor,
  municipalityId: string,
  planId: string,
  opts: { fiscalYear: number | null; itemDetails?: boolean; actuals?: boolean },
): Promise<PlanData> {
  const fy = opts.fiscalYear;
  const details = opts.itemDetails
    ? sql`, 'summary', i.summary, 'category', i.category, 'majorMeasure', i.major_measure,
           'isNew', i.is_new, 'isPriority', i.is_priority`
    : sql``;
  const targetYear = fy === null ? sql`` : sql`and t.fiscal_year = ${fy}`;
  const actualYear = fy === null ? sql`` : sql`and a.fiscal_year = ${fy}`;
  // Targets and actuals are fetched per indicator by correlated subqueries, i.e. by primary-key lookups with the
  // indicator's id. A join lets the planner pick an index scan without the id when it has no statistics (PGlite
  // never analyses): 2,000 targets × 2,000 indicators compared one by one took 2.5 s.
  const actuals =
    opts.actuals === false
      ? sql`'[]'::json`
      : sql`coalesce((
          select json_agg(json_build_object('fiscalYear', a.fiscal_year, 'kind', a.kind, 'value', a.value,
                                            'step', a.step, 'text', a.text, 'comment', a.comment,
                                            'revisionId', a.revision_id, 'version', a.version,
                                            'updatedAt', a.updated_at))
          from indicator_actuals a
          where a.municipality_id = x.municipality_id and a.indicator_id = x.id ${actualYear}), '[]'::json)`;
  const result = await db.execute(sql`
    select json_build_object(
      'version', (select p.version from plans p where p.municipality_id = ${municipalityId} and p.id = ${planId}),
      'items', coalesce((
        select json_agg(json_build_object('id', i.id, 'level', i.level, 'code', i.code, 'title', i.title ${details}))
        from plan_items i where i.municipality_id = ${municipalityId} and i.plan_id = ${planId}), '[]'::json),
      'placements', coalesce((
        select json_agg(json_build_object('itemId', p.item_id, 'parentItemId', p.parent_item_id, 'position', p.position))
        from plan_item_placements p
        where p.municipality_id = ${municipalityId} and p.plan_id = ${planId} and not p.relisted), '[]'::json),
      'itemDepartments', coalesce((
        select json_agg(json_build_object('itemId', i.id, 'departments',
          (select json_agg(d.department_id order by d.position) from plan_item_departments d
           where d.municipality_id = i.municipality_id and d.item_id = i.id)))
        from plan_items i where i.municipality_id = ${municipalityId} and i.plan_id = ${planId}), '[]'::json),
      'departments', coalesce((
        select json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name)
        from departments d where d.municipality_id = ${municipalityId}), '[]'::json),
      'indicators', coalesce((
        select json_agg(json_build_object('id', x.id, 'itemId', x.item_id, 'kind', x.kind, 'name', x.name,
                                          'baselineSource', x.baseline_source,
                                          'baselineFiscalYear', x.baseline_fiscal_year,
                                          'position', x.position, 'version', x.version,
          'targets', coalesce((
            select json_agg(json_build_object('fiscalYear', t.fiscal_year, 'source', t.source, 'kind', t.kind,
                                              'comparator', t.comparator, 'value', t.value, 'unit', t.unit,
                                              'step', t.step, 'rank', t.rank, 'version', t.version)
                            order by t.fiscal_year)
            from indicator_targets t
            where t.municipality_id = x.municipality_id and t.indicator_id = x.id ${targetYear}), '[]'::json),
          'actuals', ${actuals})
          order by x.position, x.created_at, x.id)
        from indicators x where x.municipality_id = ${municipalityId} and x.plan_id = ${planId}), '[]'::json)
    )::text as data`);
  const rows = (result as unknown as { rows: { data: string }[] }).rows;
  const raw = JSON.parse(rows[0]?.data ?? "{}") as RawPlanData;
  const data: PlanData = {
    version: raw.version,
    items: raw.items,
    placements: raw.placements,
    itemDepartments: [],
    departments: raw.departments,
    indicators: [],
    targets: [],
    actuals: [],
  };
  for (const i of raw.itemDepartments) {
    for (const departmentId of i.departments ?? []) data.itemDepartments.push({ itemId: i.itemId, departmentId });
  }
  for (const { targets, actuals, ...indicator } of raw.indicators) {
    data.indicators.push(indicator);
    for (const t of targets) data.targets.push({ ...t, indicatorId: indicator.id });
    for (const a of actuals) data.actuals.push({ ...a, indicatorId: indicator.id });
  }
  return data;
}

interface RawPlanData extends Pick<PlanData, "version" | "items" | "placements" | "departments"> {
  itemDepartments: { itemId: string; departments: string[] | null }[];
  indicators: (PlanDataIndicator & {
    targets: Omit<PlanDataTarget, "indicatorId">[];
    actuals: Omit<PlanDataActual, "indicatorId">[];
  })[];
}

// ---------------------------------------------------------------------------------------------------------------
// Ownership of one item: its home chain with each link's departments (for single-indicator routes).

/** The item and its ancestors (home placements), nearest first, each with its departments in order. */
export async function itemChain(db: Executor, municipalityId: string, itemId: string) {
  const result = await db.execute(sql`
    with recursive chain(item_id, depth) as (
      select ${itemId}::uuid, 0
      union all
      select p.parent_item_id, c.depth + 1
      from chain c
      join plan_item_placements p
        on p.municipality_id = ${municipalityId} and p.item_id = c.item_id and not p.relisted
      where p.parent_item_id is not null and c.depth < 16
    )
    select c.item_id::text as "itemId", c.depth as depth,
           coalesce((select json_agg(d.department_id order by d.position)
                     from plan_item_departments d
                     where d.municipality_id = ${municipalityId} and d.item_id = c.item_id), '[]'::json)::text
             as "departmentIds"
    from chain c order by c.depth`);
  const rows = (result as unknown as { rows: { itemId: string; depth: number; departmentIds: string }[] }).rows;
  return rows.map((r) => ({ itemId: r.itemId, departmentIds: JSON.parse(r.departmentIds) as string[] }));
}

// ---------------------------------------------------------------------------------------------------------------
// Indicators

export async function findIndicator(db: Executor, municipalityId: string, indicatorId: string) {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.id, indicatorId)));
  return row ?? null;
}

export async function nextIndicatorPosition(db: Executor, municipalityId: string, planId: string) {
  const [row] = await db
    .select({ max: max(indicators.position) })
    .from(indicators)
    .where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.planId, planId)));
  return (row?.max ?? -1) + 1;
}

export async function insertIndicator(db: Executor, values: typeof indicators.$inferInsert) {
  const [row] = await db.insert(indicators).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateIndicator(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  version: number,
  values: Partial<IndicatorRow>,
) {
  const [row] = await db
    .update(indicators)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(
      and(
        eq(indicators.municipalityId, municipalityId),
        eq(indicators.id, indicatorId),
        eq(indicators.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteIndicator(db: Executor, municipalityId: string, indicatorId: string, version: number) {
  const rows = await db
    .delete(indicators)
    .where(
      and(
        eq(indicators.municipalityId, municipalityId),
        eq(indicators.id, indicatorId),
        eq(indicators.version, version),
      ),
    )
    .returning({ id: indicators.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

export function listTargets(db: Executor, municipalityId: string, indicatorId: string) {
  return db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.municipalityId, municipalityId), eq(indicatorTargets.indicatorId, indicatorId)))
    .orderBy(asc(indicatorTargets.fiscalYear));
}

export async function findTarget(db: Executor, municipalityId: string, indicatorId: string, fiscalYear: number) {
  const [row] = await db
    .select()
    .from(indicatorTargets)
    .where(
      and(
        eq(indicatorTargets.municipalityId, municipalityId),
        eq(indicatorTargets.indicatorId, indicatorId),
        eq(indicatorTargets.fiscalYear, fiscalYear),
      ),
    );
  return row ?? null;
}

export async function insertTargets(db: Executor, rows: (typeof indicatorTargets.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(indicatorTargets).values(rows).returning();
}

/** Inserts the first target of a year; null when another request created it first (the caller answers 412). */
export async function insertTarget(db: Executor, values: typeof indicatorTargets.$inferInsert) {
  const [row] = await db.insert(indicatorTargets).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateTarget(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  version: number,
  values: { source: string } & TargetTyping,
) {
  const [row] = await db
    .update(indicatorTargets)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(
      and(
        eq(indicatorTargets.municipalityId, municipalityId),
        eq(indicatorTargets.indicatorId, indicatorId),
        eq(indicatorTargets.fiscalYear, fiscalYear),
        eq(indicatorTargets.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

/** Every target of a plan with its source and typing (re-typing after a ladder change, the unclassified list). */
export function listTargetsOfPlan(db: Executor, municipalityId: string, planId: string) {
  return db
    .select({
      indicatorId: indicatorTargets.indicatorId,
      fiscalYear: indicatorTargets.fiscalYear,
      source: indicatorTargets.source,
      kind: indicatorTargets.kind,
      comparator: indicatorTargets.comparator,
      value: indicatorTargets.value,
      unit: indicatorTargets.unit,
      step: indicatorTargets.step,
      rank: indicatorTargets.rank,
      indicatorName: indicators.name,
      itemId: indicators.itemId,
    })
    .from(indicatorTargets)
    .innerJoin(
      indicators,
      and(
        eq(indicators.municipalityId, indicatorTargets.municipalityId),
        eq(indicators.id, indicatorTargets.indicatorId),
      ),
    )
    .where(and(eq(indicatorTargets.municipalityId, municipalityId), eq(indicators.planId, planId)))
    .orderBy(asc(indicators.position), asc(indicators.id), asc(indicatorTargets.fiscalYear));
}

/** Rewrites the typing of many targets in one statement; each changed target's version goes up. */
export async function retypeTargets(
  db: Executor,
  municipalityId: string,
  rows: ({ indicatorId: string; fiscalYear: number } & TargetTyping)[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = JSON.stringify(rows.slice(i, i + 1000));
    await db.execute(sql`
      update indicator_targets t
      set kind = v.kind, comparator = v.comparator, value = v.value, unit = v.unit, step = v.step, rank = v.rank,
          version = t.version + 1, updated_at = now()
      from json_to_recordset(${chunk}::json)
        as v("indicatorId" uuid, "fiscalYear" integer, kind text, comparator text, value numeric, unit text,
             step text, rank integer)
      where t.municipality_id = ${municipalityId} and t.indicator_id = v."indicatorId"
        and t.fiscal_year = v."fiscalYear"`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Actuals

export function listActuals(db: Executor, municipalityId: string, indicatorId: string) {
  return db
    .select()
    .from(indicatorActuals)
    .where(and(eq(indicatorActuals.municipalityId, municipalityId), eq(indicatorActuals.indicatorId, indicatorId)))
    .orderBy(asc(indicatorActuals.fiscalYear));
}

export async function findActual(db: Executor, municipalityId: string, indicatorId: string, fiscalYear: number) {
  const [row] = await db
    .select()
    .from(indicatorActuals)
    .where(
      and(
        eq(indicatorActuals.municipalityId, municipalityId),
        eq(indicatorActuals.indicatorId, indicatorId),
        eq(indicatorActuals.fiscalYear, fiscalYear),
      ),
    );
  return row ?? null;
}

export type ActualValues = Pick<ActualRow, "kind" | "value" | "step" | "text" | "comment" | "revisionId" | "updatedBy">;

/** Inserts the first actual of a year; null when another request created it first (the caller answers 412). */
export async function insertActual(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  values: ActualValues,
) {
  const [row] = await db
    .insert(indicatorActuals)
    .values({ municipalityId, indicatorId, fiscalYear, ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updateActual(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  version: number,
  values: ActualValues,
) {
  const [row] = await db
    .update(indicatorActuals)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(
      and(
        eq(indicatorActuals.municipalityId, municipalityId),
        eq(indicatorActuals.indicatorId, indicatorId),
        eq(indicatorActuals.fiscalYear, fiscalYear),
        eq(indicatorActuals.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteActual(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  version: number,
) {
  const rows = await db
    .delete(indicatorActuals)
    .where(
      and(
        eq(indicatorActuals.municipalityId, municipalityId),
        eq(indicatorActuals.indicatorId, indicatorId),
        eq(indicatorActuals.fiscalYear, fiscalYear),
        eq(indicatorActuals.version, version),
      ),
    )
    .returning({ indicatorId: indicatorActuals.indicatorId });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan's milestone ladder

/** Sets plans.milestone_ladder (null = default) if the plan is still at `version`; bumps the version. */
export async function setPlanLadder(
  db: Executor,
  municipalityId: string,
  planId: string,
  version: number,
  ladder: LadderValue | null,
) {
  const [row] = await db
    .update(plans)
    .set({ milestoneLadder: ladder, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(plans.municipalityId, municipalityId), eq(plans.id, planId), eq(plans.version, version)))
    .returning();
  return row ?? null;
}
