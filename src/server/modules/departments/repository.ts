import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { departmentNames, departments } from "../../db/schema/index.js";

export type DepartmentRow = typeof departments.$inferSelect;

export function listDepartments(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(departments)
    .where(eq(departments.municipalityId, municipalityId))
    .orderBy(asc(departments.name));
}

export async function findDepartment(db: Executor, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.municipalityId, municipalityId), eq(departments.id, id)));
  return row ?? null;
}

export async function findDepartmentByName(db: Executor, municipalityId: string, name: string) {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.municipalityId, municipalityId), eq(departments.name, name)));
  return row ?? null;
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
  const [row] = await db
    .update(departments)
    .set({ name, version: version + 1 })
    .where(
      and(eq(departments.municipalityId, municipalityId), eq(departments.id, id), eq(departments.version, version)),
    )
    .returning();
  if (!row) return null;
  await db
    .update(departmentNames)
    .set({ validTo: effectiveFrom })
    .where(
      and(
        eq(departmentNames.municipalityId, municipalityId),
        eq(departmentNames.departmentId, id),
        isNull(departmentNames.validTo),
      ),
    );
  await db.insert(departmentNames).values({ municipalityId, departmentId: id, name, validFrom: effectiveFrom });
  return row;
}

export async function markMerged(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  intoId: string,
  effectiveFrom: string,
) {
  const [row] = await db
    .update(departments)
    .set({ mergedIntoId: intoId, abolishedOn: effectiveFrom, version: version + 1 })
    .where(
      and(eq(departments.municipalityId, municipalityId), eq(departments.id, id), eq(departments.version, version)),
    )
    .returning();
  return row ?? null;
}

export function listDepartmentNames(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(departmentNames)
    .where(eq(departmentNames.municipalityId, municipalityId))
    .orderBy(asc(departmentNames.validFrom));
}
