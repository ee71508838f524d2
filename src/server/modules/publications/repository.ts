/** The publications' SQL: the office's rows by plan, and the public site's read by 団体コード. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import { municipalities, publications } from "../../db/schema/index.js";

export type PublicationRow = typeof publications.$inferSelect;

export function listOfPlan(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(publications)
    .where(inMunicipality(publications, municipalityId, { planId }))
    .orderBy(asc(publications.kind), asc(publications.fiscalYear));
}

export function findPublication(
  db: Executor,
  municipalityId: string,
  planId: string,
  kind: string,
  fiscalYear: number,
  forUpdate = false,
) {
  return findOne(db, publications, municipalityId, { planId, kind, fiscalYear }, { forUpdate });
}

export function insertPublication(db: Executor, values: typeof publications.$inferInsert) {
  return insertOne(db, publications, values);
}

export function updatePublication(
  db: Executor,
  row: PublicationRow,
  values: Partial<Pick<PublicationRow, "status" | "content" | "contentUpdatedAt" | "withdrawnAt" | "updatedBy">>,
) {
  return updateAtVersion(
    db,
    publications,
    row.municipalityId,
    { id: row.id, version: row.version },
    { ...values, updatedAt: new Date() },
  );
}

/**
 * The public site's data version of a municipality, by its 団体コード: every publish, update and withdrawal moves
 * a row's version (or adds a row), so the sum of versions and the number of rows only grows. Null: no such code.
 */
export async function publicDataVersion(db: Executor, code: string) {
  const rows = await db
    .select({
      municipalityId: municipalities.id,
      name: municipalities.name,
      version: sql<string>`coalesce(sum(${publications.version}), 0) + count(${publications.id})`,
    })
    .from(municipalities)
    .leftJoin(publications, eq(publications.municipalityId, municipalities.id))
    .where(eq(municipalities.code, code))
    .groupBy(municipalities.id, municipalities.name);
  const row = rows[0];
  return row ? { municipalityId: row.municipalityId, name: row.name, version: Number(row.version) } : null;
}

/** Every publication of a municipality that is published now, with its content. */
export function listPublished(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(publications)
    .where(and(eq(publications.municipalityId, municipalityId), eq(publications.status, "published")))
    .orderBy(asc(publications.planId), asc(publications.kind), asc(publications.fiscalYear));
}
