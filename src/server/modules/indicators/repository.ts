/** Indicators themselves, the ownership chain of an item, and the plan's milestone ladder. */
import { max, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import { type indicatorActuals, indicators, type indicatorTargets, plans } from "../../db/schema/index.js";

export type IndicatorRow = typeof indicators.$inferSelect;
export type TargetRow = typeof indicatorTargets.$inferSelect;
export type ActualRow = typeof indicatorActuals.$inferSelect;
export type LadderValue = NonNullable<(typeof plans.$inferSelect)["milestoneLadder"]>;

/** The typed columns of a target, as parseTarget decided them. */
export type { TargetTyping } from "../../../domain/indicators/target-typing.js";

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

export function findIndicator(db: Executor, municipalityId: string, indicatorId: string) {
  return findOne(db, indicators, municipalityId, { id: indicatorId });
}

export async function nextIndicatorPosition(db: Executor, municipalityId: string, planId: string) {
  const [row] = await db
    .select({ max: max(indicators.position) })
    .from(indicators)
    .where(inMunicipality(indicators, municipalityId, { planId }));
  return (row?.max ?? -1) + 1;
}

export function insertIndicator(db: Executor, values: typeof indicators.$inferInsert) {
  return insertOne(db, indicators, values);
}

export function updateIndicator(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  version: number,
  values: Partial<IndicatorRow>,
) {
  const stamped = { ...values, updatedAt: sql`now()` };
  return updateAtVersion(db, indicators, municipalityId, { id: indicatorId, version }, stamped);
}

export async function deleteIndicator(db: Executor, municipalityId: string, indicatorId: string, version: number) {
  const rows = await db
    .delete(indicators)
    .where(inMunicipality(indicators, municipalityId, { id: indicatorId, version }))
    .returning({ id: indicators.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan's milestone ladder

/** Sets plans.milestone_ladder (null = default) if the plan is still at `version`; bumps the version. */
export function setPlanLadder(
  db: Executor,
  municipalityId: string,
  planId: string,
  version: number,
  ladder: LadderValue | null,
) {
  const values = { milestoneLadder: ladder, updatedAt: sql`now()` };
  return updateAtVersion(db, plans, municipalityId, { id: planId, version }, values);
}
