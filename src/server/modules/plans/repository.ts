import { and, asc, eq, max, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, recordNamedBy, updateAtVersion, withIds } from "../../db/records.js";
import { departments, planItemDepartments, planItemPlacements, planItems, plans } from "../../db/schema/index.js";
import type { ItemInput, PlanInput } from "./schema.js";

export type PlanRow = typeof plans.$inferSelect;
export type ItemRow = typeof planItems.$inferSelect;
export type PlacementRow = typeof planItemPlacements.$inferSelect;

export function listPlans(db: Executor, municipalityId: string) {
  return db.select().from(plans).where(inMunicipality(plans, municipalityId)).orderBy(asc(plans.createdAt));
}

export function findPlan(db: Executor, municipalityId: string, planId: string) {
  return findOne(db, plans, municipalityId, { id: planId });
}

/** Imports also set the level that gets the yearly sheets and the milestone ladder (null = the defaults). */
export type NewPlan = PlanInput & Partial<Pick<typeof plans.$inferInsert, "evaluationLevel" | "milestoneLadder">>;

export function insertPlan(db: Executor, municipalityId: string, input: NewPlan) {
  return insertOne(db, plans, { municipalityId, ...input });
}

export function updatePlan(db: Executor, municipalityId: string, planId: string, version: number, input: PlanInput) {
  return updateAtVersion(db, plans, municipalityId, { id: planId, version }, { ...input, updatedAt: sql`now()` });
}

/** Bumps the plan's version so that cached summaries of it are recomputed. */
export async function touchPlan(db: Executor, municipalityId: string, planId: string) {
  await db
    .update(plans)
    .set({ version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
    .where(inMunicipality(plans, municipalityId, { id: planId }));
}

/**
 * Bumps every plan of the municipality: a department's name (組織改正) shows in views cached per plan version
 * (indicators, the department matrix, "my department"), which must be recomputed.
 */
export async function touchPlansOfMunicipality(db: Executor, municipalityId: string) {
  await db
    .update(plans)
    .set({ version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
    .where(inMunicipality(plans, municipalityId));
}

export function listItems(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(planItems)
    .where(inMunicipality(planItems, municipalityId, { planId }));
}

export function listPlacements(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(planItemPlacements)
    .where(inMunicipality(planItemPlacements, municipalityId, { planId }))
    .orderBy(asc(planItemPlacements.position));
}

export async function listItemDepartments(db: Executor, municipalityId: string, planId: string) {
  return db
    .select({ itemId: planItemDepartments.itemId, departmentId: planItemDepartments.departmentId })
    .from(planItemDepartments)
    .innerJoin(planItems, recordNamedBy(planItems, planItemDepartments.itemId))
    .where(and(inMunicipality(planItemDepartments, municipalityId), eq(planItems.planId, planId)))
    .orderBy(asc(planItemDepartments.position));
}

export function findItem(db: Executor, municipalityId: string, planId: string, itemId: string) {
  return findOne(db, planItems, municipalityId, { planId, id: itemId });
}

export async function departmentIdsOfItem(db: Executor, municipalityId: string, itemId: string) {
  const rows = await db
    .select({ id: planItemDepartments.departmentId })
    .from(planItemDepartments)
    .where(inMunicipality(planItemDepartments, municipalityId, { itemId }))
    .orderBy(asc(planItemDepartments.position));
  return rows.map((r) => r.id);
}

type ItemValues = Omit<ItemInput, "parentItemId" | "departmentIds"> & { level: number; source?: unknown };

export function insertItem(db: Executor, municipalityId: string, planId: string, values: ItemValues) {
  return insertOne(db, planItems, {
    municipalityId,
    planId,
    level: values.level,
    code: values.code ?? null,
    title: values.title,
    summary: values.summary ?? null,
    isNew: values.isNew,
    isPriority: values.isPriority,
    category: values.category,
    planPage: values.planPage ?? null,
    constituentPlans: values.constituentPlans,
    source: values.source ?? null,
  });
}

export function updateItem(
  db: Executor,
  municipalityId: string,
  itemId: string,
  version: number,
  values: Partial<ItemRow>,
) {
  return updateAtVersion(db, planItems, municipalityId, { id: itemId, version }, { ...values, updatedAt: sql`now()` });
}

export async function nextPosition(db: Executor, municipalityId: string, planId: string, parentItemId: string | null) {
  const [row] = await db
    .select({ max: max(planItemPlacements.position) })
    .from(planItemPlacements)
    .where(inMunicipality(planItemPlacements, municipalityId, { planId, parentItemId }));
  return (row?.max ?? -1) + 1;
}

export function insertPlacement(
  db: Executor,
  municipalityId: string,
  planId: string,
  itemId: string,
  parentItemId: string | null,
  position: number,
  relisted: boolean,
) {
  return insertOne(db, planItemPlacements, { municipalityId, planId, itemId, parentItemId, position, relisted });
}

export function findPlacement(db: Executor, municipalityId: string, itemId: string, parentItemId: string | null) {
  return findOne(db, planItemPlacements, municipalityId, { itemId, parentItemId });
}

export async function deletePlacement(db: Executor, municipalityId: string, placementId: string) {
  await db.delete(planItemPlacements).where(inMunicipality(planItemPlacements, municipalityId, { id: placementId }));
}

export async function setItemDepartments(
  db: Executor,
  municipalityId: string,
  itemId: string,
  departmentIds: string[],
) {
  await db.delete(planItemDepartments).where(inMunicipality(planItemDepartments, municipalityId, { itemId }));
  if (departmentIds.length) {
    await db
      .insert(planItemDepartments)
      .values(departmentIds.map((departmentId, position) => ({ municipalityId, itemId, departmentId, position })));
  }
}

export async function countExistingDepartments(db: Executor, municipalityId: string, ids: string[]) {
  if (!ids.length) return 0;
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(withIds(departments, municipalityId, ids));
  return rows.length;
}
