import { and, asc, eq, like, sql } from "drizzle-orm";
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
 * Reading order by code point (the pattern operators of the text_pattern_ops index on kana_key), whatever the
 * database's collation: the index answers both the prefix and the order, so a page of a common prefix reads only
 * that page.
 */
const byReading = sql`${persons.kanaKey} using ~<~`;

/** How many neighbours of the reading, on each side, are compared with a new record. */
const NEIGHBOURS_EACH_SIDE = 250;

/**
 * Duplicate candidates of a new record, from three index range scans: the readings nearest to the new one in
 * reading order on either side (within the same first letters, `escapedPrefix`, already LIKE-escaped), and every
 * record with the same date of birth. A common reading (サトウ…) has thousands of records in a large city; taking
 * the nearest ones keeps every record whose reading shares the longest start with the new one, and the date of
 * birth brings in the rest that could score.
 */
export async function findDuplicatePool(
  db: Executor,
  municipalityId: string,
  kanaKey: string,
  escapedPrefix: string,
  dateOfBirth: string | null,
) {
  const samePrefix = and(eq(persons.municipalityId, municipalityId), like(persons.kanaKey, `${escapedPrefix}%`));
  // one after the other: inside a transaction they share one connection
  const after = await db
    .select()
    .from(persons)
    .where(and(samePrefix, sql`${persons.kanaKey} ~>=~ ${kanaKey}`))
    .orderBy(byReading)
    .limit(NEIGHBOURS_EACH_SIDE);
  const before = await db
    .select()
    .from(persons)
    .where(and(samePrefix, sql`${persons.kanaKey} ~<~ ${kanaKey}`))
    .orderBy(sql`${persons.kanaKey} using ~>~`)
    .limit(NEIGHBOURS_EACH_SIDE);
  const sameDay = await (dateOfBirth
    ? db
        .select()
        .from(persons)
        .where(and(eq(persons.municipalityId, municipalityId), eq(persons.dateOfBirth, dateOfBirth)))
    : Promise.resolve([]));
  const pool = new Map<string, PersonRow>();
  for (const row of [...after, ...before, ...sameDay]) pool.set(row.id, row);
  return [...pool.values()];
}

/** Prefix search on the normalised reading (`escapedPrefix` from kanaPrefixKey). */
export function searchByKanaPrefix(db: Executor, municipalityId: string, escapedPrefix: string, limit = 50) {
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), like(persons.kanaKey, `${escapedPrefix}%`)))
    .orderBy(byReading, asc(persons.id))
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
