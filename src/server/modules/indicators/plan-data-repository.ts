/**
 * The plan's data as the indicator readers use it (tree, departments, indicators with their targets and actuals),
 * in one round trip with the JSON built by the database (see summaries/repository.ts for why).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import type { TargetTyping } from "./repository.js";

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
  /** a fed indicator's actual: what it was decided against (null for the others) */
  fed: unknown;
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
                                            'updatedAt', a.updated_at, 'fed', a.fed))
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
