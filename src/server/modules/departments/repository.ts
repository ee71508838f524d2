import { asc } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, updateAtVersion } from "../../db/records.js";
import { departmentNames, departments } from "../../db/schema/index.js";

export type DepartmentRow = typeof departments.$inferSelect;

export function listDepartments(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(departments)
    .where(inMunicipality(departments, municipalityId))
    .orderBy(asc(departments.name));
}

export function findDepartment(db: Executor, municipalityId: string, id: string) {
  return findOne(db, departments, municipalityId, { id });
}

export function findDepartmentByName(db: Executor, municipalityId: string, name: string) {
  return findOne(db, departments, municipalityId, { name });
}

export async function insertDepartment(db: Executor, municipalityId: string, name: string, validFrom = "1900-01-01") {
  const [row] = await db.insert(departments).values({ municipalityId, name }).returning();
  if (!row) throw new Error("insert returned nothing");
  await db.insert(departmentNames).values({ municipalityId, departmentId: row.id, name, validFrom });
  return row;
}

export async function renameDepartment(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  name: string,
  effectiveFrom: string,
) {
  const row = await updateAtVersion(db, departments, municipalityId, { id, version }, { name });
  if (!row) return null;
  await db
    .update(departmentNames)
    .set({ validTo: effectiveFrom })
    .where(inMunicipality(departmentNames, municipalityId, { departmentId: id, validTo: null }));
  await db.insert(departmentNames).values({ municipalityId, departmentId: id, name, validFrom: effectiveFrom });
  return row;
}

export function markMerged(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  intoId: string,
  effectiveFrom: string,
) {
  const merged = { mergedIntoId: intoId, abolishedOn: effectiveFrom };
  return updateAtVersion(db, departments, municipalityId, { id, version }, merged);
}

export function listDepartmentNames(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(departmentNames)
    .where(inMunicipality(departmentNames, municipalityId))
    .orderBy(asc(departmentNames.validFrom));
}
