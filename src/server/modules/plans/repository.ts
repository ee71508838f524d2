import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { departments, planItemDepartments, planItemPlacements, planItems, plans } from "../../db/schema/index.js";
import type { ItemInput, PlanInput } from "./schema.js";

export type PlanRow = typeof plans.$inferSelect;
export type ItemRow = typeof planItems.$inferSelect;
export type PlacementRow = typeof planItemPlacements.$inferSelect;

export function listPlans(db: Executor, municipalityId: string) {
  return db.select().from(plans).where(eq(plans.municipalityId, municipalityId)).orderBy(asc(plans.createdAt));
}

export async function findPlan(db: Executor, municipalityId: string, planId: string) {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.municipalityId, municipalityId), eq(plans.id, planId)));
  return row ?? null;
}

/** Imports also set the level that gets the yearly sheets and the milestone ladder (null = the defaults). */
export type NewPlan = PlanInput & Partial<Pick<typeof plans.$inferInsert, "evaluationLevel" | "milestoneLadder">>;

export async function insertPlan(db: Executor, municipalityId: string, input: NewPlan) {
  const [row] = await db
    .insert(plans)
    .values({ municipalityId, ...input })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updatePlan(
  db: Executor,
  municipalityId: string,
  planId: string,
  version: number,
  input: PlanInput,
) {
  const [row] = await db
    .update(plans)
    .set({ ...input, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(plans.municipalityId, municipalityId), eq(plans.id, planId), eq(plans.version, version)))
    .returning();
  return row ?? null;
}

/** Bumps the plan's version so that cached summaries of it are recomputed. */
export async function touchPlan(db: Executor, municipalityId: string, planId: string) {
  await db
    .update(plans)
    .set({ version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(plans.municipalityId, municipalityId), eq(plans.id, planId)));
}

/**
 * Bumps every plan of the municipality: a department's name (組織改正) shows in views cached per plan version
 * (indicators, the department matrix, "my department"), which must be recomputed.
 */
export async function touchPlansOfMunicipality(db: Executor, municipalityId: string) {
  await db
    .update(plans)
    .set({ version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
    .where(eq(plans.municipalityId, municipalityId));
}

export function listItems(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(planItems)
    .where(and(eq(planItems.municipalityId, municipalityId), eq(planItems.planId, planId)));
}

export function listPlacements(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(planItemPlacements)
    .where(and(eq(planItemPlacements.municipalityId, municipalityId), eq(planItemPlacements.planId, planId)))
    .orderBy(asc(planItemPlacements.position));
}

export async function listItemDepartments(db: Executor, municipalityId: string, planId: string) {
  return db
    .select({ itemId: planItemDepartments.itemId, departmentId: planItemDepartments.departmentId })
    .from(planItemDepartments)
    .innerJoin(
      planItems,
      and(
        eq(planItems.municipalityId, planItemDepartments.municipalityId),
        eq(planItems.id, planItemDepartments.itemId),
      ),
    )
    .where(and(eq(planItemDepartments.municipalityId, municipalityId), eq(planItems.planId, planId)))
    .orderBy(asc(planItemDepartments.position));
}

export async function findItem(db: Executor, municipalityId: string, planId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.municipalityId, municipalityId), eq(planItems.planId, planId), eq(planItems.id, itemId)));
  return row ?? null;
}

export async function departmentIdsOfItem(db: Executor, municipalityId: string, itemId: string) {
  const rows = await db
    .select({ id: planItemDepartments.departmentId })
    .from(planItemDepartments)
    .where(and(eq(planItemDepartments.municipalityId, municipalityId), eq(planItemDepartments.itemId, itemId)))
    .orderBy(asc(planItemDepartments.position));
  return rows.map((r) => r.id);
}

type ItemValues = Omit<ItemInput, "parentItemId" | "departmentIds"> & { level: number; source?: unknown };

export async function insertItem(db: Executor, municipalityId: string, planId: string, values: ItemValues) {
  const [row] = await db
    .insert(planItems)
    .values({
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
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateItem(
  db: Executor,
  municipalityId: string,
  itemId: string,
  version: number,
  values: Partial<ItemRow>,
) {
  const [row] = await db
    .update(planItems)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(planItems.municipalityId, municipalityId), eq(planItems.id, itemId), eq(planItems.version, version)))
    .returning();
  return row ?? null;
}

export async function nextPosition(db: Executor, municipalityId: string, planId: string, parentItemId: string | null) {
  const [row] = await db
    .select({ max: max(planItemPlacements.position) })
    .from(planItemPlacements)
    .where(
      and(
        eq(planItemPlacements.municipalityId, municipalityId),
        eq(planItemPlacements.planId, planId),
        parentItemId === null
          ? sql`${planItemPlacements.parentItemId} is null`
          : eq(planItemPlacements.parentItemId, parentItemId),
      ),
    );
  return (row?.max ?? -1) + 1;
}

export async function insertPlacement(
  db: Executor,
  municipalityId: string,
  planId: string,
  itemId: string,
  parentItemId: string | null,
  position: number,
  relisted: boolean,
) {
  const [row] = await db
    .insert(planItemPlacements)
    .values({ municipalityId, planId, itemId, parentItemId, position, relisted })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function findPlacement(db: Executor, municipalityId: string, itemId: string, parentItemId: string | null) {
  const [row] = await db
    .select()
    .from(planItemPlacements)
    .where(
      and(
        eq(planItemPlacements.municipalityId, municipalityId),
        eq(planItemPlacements.itemId, itemId),
        parentItemId === null
          ? sql`${planItemPlacements.parentItemId} is null`
          : eq(planItemPlacements.parentItemId, parentItemId),
      ),
    );
  return row ?? null;
}

export async function deletePlacement(db: Executor, municipalityId: string, placementId: string) {
  await db
    .delete(planItemPlacements)
    .where(and(eq(planItemPlacements.municipalityId, municipalityId), eq(planItemPlacements.id, placementId)));
}

export async function setItemDepartments(
  db: Executor,
  municipalityId: string,
  itemId: string,
  departmentIds: string[],
) {
  await db
    .delete(planItemDepartments)
    .where(and(eq(planItemDepartments.municipalityId, municipalityId), eq(planItemDepartments.itemId, itemId)));
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
    .where(and(eq(departments.municipalityId, municipalityId), inArray(departments.id, ids)));
  return rows.length;
}
