import { and, asc, eq, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, recordNamedBy, updateAtVersion } from "../../db/records.js";
import {
  planItemDepartments,
  planItems,
  programmeProjectDepartments,
  programmeProjects,
  roadmapMonths,
  roadmaps,
} from "../../db/schema/index.js";

export type RoadmapRow = typeof roadmaps.$inferSelect;
export type RoadmapMonthRow = typeof roadmapMonths.$inferSelect;
type NewRoadmap = typeof roadmaps.$inferInsert;
type NewMonth = typeof roadmapMonths.$inferInsert;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function findRoadmap(db: Executor, municipalityId: string, id: string) {
  return findOne(db, roadmaps, municipalityId, { id });
}

export function findRoadmapOf(
  db: Executor,
  municipalityId: string,
  owner: { itemId: string } | { projectId: string },
  fiscalYear: number,
) {
  return findOne(db, roadmaps, municipalityId, { ...owner, fiscalYear });
}

/** The roadmaps of the plan's items, with the item each belongs to. */
export async function listRoadmapsOfPlan(db: Executor, municipalityId: string, planId: string) {
  const rows = await db
    .select({ roadmap: roadmaps })
    .from(roadmaps)
    .innerJoin(planItems, recordNamedBy(planItems, roadmaps.itemId))
    .where(and(inMunicipality(roadmaps, municipalityId), eq(planItems.planId, planId)))
    .orderBy(asc(roadmaps.fiscalYear));
  return rows.map((r) => r.roadmap);
}

export function insertRoadmap(db: Executor, values: NewRoadmap) {
  return insertOne(db, roadmaps, values);
}

export async function insertMonths(db: Executor, rows: NewMonth[]) {
  if (rows.length > 0) await db.insert(roadmapMonths).values(rows);
}

export function listMonths(db: Executor, municipalityId: string, roadmapId: string) {
  return db
    .select()
    .from(roadmapMonths)
    .where(inMunicipality(roadmapMonths, municipalityId, { roadmapId }))
    .orderBy(asc(roadmapMonths.month));
}

export function findMonth(db: Executor, municipalityId: string, roadmapId: string, month: string) {
  return findOne(db, roadmapMonths, municipalityId, { roadmapId, month });
}

export function updateMonth(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Pick<NewMonth, "actual" | "slipped" | "slipNote" | "updatedBy">,
) {
  return updateAtVersion(db, roadmapMonths, municipalityId, { id, version }, { ...values, updatedAt: new Date() });
}

/** The item a roadmap belongs to: its plan and the departments that own it (they enter the months). */
export async function findItemWithDepartments(db: Executor, municipalityId: string, itemId: string) {
  const item = await findOne(db, planItems, municipalityId, { id: itemId });
  if (!item) return null;
  const links = await db
    .select({ departmentId: planItemDepartments.departmentId })
    .from(planItemDepartments)
    .where(inMunicipality(planItemDepartments, municipalityId, { itemId }))
    .orderBy(asc(planItemDepartments.position));
  return { item, departmentIds: links.map((l) => l.departmentId) };
}

/** The items an operator's `--item` names: by id, or by code (in one plan when `planId` is given). */
export function findItemsNamed(db: Executor, municipalityId: string, given: string, planId?: string) {
  const named: SQL[] = [eq(planItems.code, given.trim())];
  if (UUID.test(given)) named.push(eq(planItems.id, given));
  return db
    .select({ id: planItems.id, planId: planItems.planId, code: planItems.code, title: planItems.title })
    .from(planItems)
    .where(and(inMunicipality(planItems, municipalityId, planId ? { planId } : {}), or(...named)));
}

/** The registry project a roadmap belongs to and the departments linked to it. */
export async function findProjectWithDepartments(db: Executor, municipalityId: string, projectId: string) {
  const project = await findOne(db, programmeProjects, municipalityId, { id: projectId });
  if (!project) return null;
  const links = await db
    .select({ departmentId: programmeProjectDepartments.departmentId })
    .from(programmeProjectDepartments)
    .where(inMunicipality(programmeProjectDepartments, municipalityId, { projectId }));
  return { project, departmentIds: links.map((l) => l.departmentId) };
}
