import { asc } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import {
  programmeCategories,
  programmeProjectAgencies,
  programmeProjectCategories,
  programmeProjectDepartments,
  programmeProjects,
} from "../../db/schema/index.js";

export type CategoryRow = typeof programmeCategories.$inferSelect;
export type ProjectRow = typeof programmeProjects.$inferSelect;

export function listCategories(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(programmeCategories)
    .where(inMunicipality(programmeCategories, municipalityId))
    .orderBy(asc(programmeCategories.position), asc(programmeCategories.name));
}

export function listProjects(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(programmeProjects)
    .where(inMunicipality(programmeProjects, municipalityId))
    .orderBy(asc(programmeProjects.number));
}

/** Every link of the municipality's projects, for the registry in one read. */
export async function listLinks(db: Executor, municipalityId: string) {
  // one after the other: inside a transaction they share one connection
  const categories = await db
    .select()
    .from(programmeProjectCategories)
    .where(inMunicipality(programmeProjectCategories, municipalityId))
    .orderBy(asc(programmeProjectCategories.position));
  const departments = await db
    .select()
    .from(programmeProjectDepartments)
    .where(inMunicipality(programmeProjectDepartments, municipalityId))
    .orderBy(asc(programmeProjectDepartments.position));
  const agencies = await db
    .select()
    .from(programmeProjectAgencies)
    .where(inMunicipality(programmeProjectAgencies, municipalityId));
  return { categories, departments, agencies };
}
export type ProjectLinks = Awaited<ReturnType<typeof listLinks>>;

export function findProject(db: Executor, municipalityId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  return findOne(db, programmeProjects, municipalityId, { id }, opts);
}

export function findProjectByNumber(db: Executor, municipalityId: string, number: number) {
  return findOne(db, programmeProjects, municipalityId, { number }, { forUpdate: true });
}

export function findCategoryByName(db: Executor, municipalityId: string, name: string) {
  return findOne(db, programmeCategories, municipalityId, { name });
}

export function insertCategory(db: Executor, values: typeof programmeCategories.$inferInsert) {
  return insertOne(db, programmeCategories, values);
}

export function insertProject(db: Executor, values: typeof programmeProjects.$inferInsert) {
  return insertOne(db, programmeProjects, values);
}

type ProjectChange = Partial<
  Pick<ProjectRow, "number" | "name" | "content" | "integrated" | "unlinkedDepartmentNames" | "updatedBy">
>;

export function updateProject(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: ProjectChange,
) {
  return updateAtVersion(db, programmeProjects, municipalityId, { id, version }, { ...values, updatedAt: new Date() });
}

/** Replaces a project's categories, departments or agencies with `ids`, in the order given. */
export async function replaceLinks(
  db: Executor,
  municipalityId: string,
  projectId: string,
  links: { categoryIds?: string[]; departmentIds?: string[]; agencyIds?: string[] },
) {
  const m = municipalityId;
  if (links.categoryIds) {
    await db.delete(programmeProjectCategories).where(inMunicipality(programmeProjectCategories, m, { projectId }));
    if (links.categoryIds.length > 0) {
      await db
        .insert(programmeProjectCategories)
        .values(
          links.categoryIds.map((categoryId, position) => ({ municipalityId: m, projectId, categoryId, position })),
        );
    }
  }
  if (links.departmentIds) {
    await db.delete(programmeProjectDepartments).where(inMunicipality(programmeProjectDepartments, m, { projectId }));
    if (links.departmentIds.length > 0) {
      await db.insert(programmeProjectDepartments).values(
        links.departmentIds.map((departmentId, position) => ({
          municipalityId: m,
          projectId,
          departmentId,
          position,
        })),
      );
    }
  }
  if (links.agencyIds) {
    await db.delete(programmeProjectAgencies).where(inMunicipality(programmeProjectAgencies, m, { projectId }));
    if (links.agencyIds.length > 0) {
      await db
        .insert(programmeProjectAgencies)
        .values(links.agencyIds.map((agencyId) => ({ municipalityId: m, projectId, agencyId })));
    }
  }
}
