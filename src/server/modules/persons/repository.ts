import { and, asc, eq, like, or } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { personLinks, persons } from "../../db/schema/index.js";

export type PersonRow = typeof persons.$inferSelect;
export type PersonLinkRow = typeof personLinks.$inferSelect;

export async function insertPerson(db: Executor, values: typeof persons.$inferInsert) {
  const [row] = await db.insert(persons).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function findPerson(db: Executor, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), eq(persons.id, id)));
  return row ?? null;
}

/**
 * Duplicate candidates of a new record, in one statement over the two indexes: the same reading prefix (the key
 * starts with `escapedPrefix`, already LIKE-escaped) or the same date of birth.
 */
export function findDuplicatePool(
  db: Executor,
  municipalityId: string,
  escapedPrefix: string,
  dateOfBirth: string | null,
) {
  const byKana = like(persons.kanaKey, `${escapedPrefix}%`);
  return db
    .select()
    .from(persons)
    .where(
      and(
        eq(persons.municipalityId, municipalityId),
        dateOfBirth ? or(byKana, eq(persons.dateOfBirth, dateOfBirth)) : byKana,
      ),
    )
    .limit(500);
}

/** Prefix search on the normalised reading (`escapedPrefix` from kanaPrefixKey). */
export function searchByKanaPrefix(db: Executor, municipalityId: string, escapedPrefix: string, limit = 50) {
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), like(persons.kanaKey, `${escapedPrefix}%`)))
    .orderBy(asc(persons.kanaKey), asc(persons.id))
    .limit(limit);
}

export async function findLink(db: Executor, municipalityId: string, a: string, b: string) {
  const [row] = await db
    .select()
    .from(personLinks)
    .where(
      and(
        eq(personLinks.municipalityId, municipalityId),
        eq(personLinks.personId, a),
        eq(personLinks.otherPersonId, b),
      ),
    );
  return row ?? null;
}

export async function insertLink(db: Executor, values: typeof personLinks.$inferInsert) {
  const [row] = await db.insert(personLinks).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
