import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import { indicators, midYearRounds, midYearSheets } from "../../db/schema/index.js";

export type MidYearRoundRow = typeof midYearRounds.$inferSelect;
export type MidYearSheetRow = typeof midYearSheets.$inferSelect;

export function listRounds(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(midYearRounds)
    .where(inMunicipality(midYearRounds, municipalityId, { planId }))
    .orderBy(asc(midYearRounds.fiscalYear));
}

/** Every plan's open mid-year rounds (ホーム). */
export function listOpenRounds(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(midYearRounds)
    .where(inMunicipality(midYearRounds, municipalityId, { status: "open" }))
    .orderBy(asc(midYearRounds.fiscalYear));
}

export function findRound(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  return findOne(db, midYearRounds, municipalityId, { planId, fiscalYear });
}

/**
 * The round, locked for the rest of the caller's transaction: closing takes it for update, every write to its
 * sheets for share, so a close and a change of a sheet never pass each other.
 */
export async function lockRound(db: Executor, municipalityId: string, roundId: string, mode: "update" | "share") {
  const [row] = await db
    .select()
    .from(midYearRounds)
    .where(inMunicipality(midYearRounds, municipalityId, { id: roundId }))
    .for(mode);
  return row ?? null;
}

export function insertRound(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  return insertOne(db, midYearRounds, { municipalityId, planId, fiscalYear });
}

export async function closeRound(db: Executor, municipalityId: string, roundId: string, closedBy: string | null) {
  const [row] = await db
    .update(midYearRounds)
    .set({ status: "closed", closedAt: new Date(), closedBy })
    .where(inMunicipality(midYearRounds, municipalityId, { id: roundId }))
    .returning();
  return row ?? null;
}

export async function insertSheets(db: Executor, rows: (typeof midYearSheets.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(midYearSheets).values(rows).returning();
}

export function listSheetsOfRound(db: Executor, municipalityId: string, roundId: string) {
  return db
    .select()
    .from(midYearSheets)
    .where(inMunicipality(midYearSheets, municipalityId, { roundId }));
}

export function findSheet(db: Executor, municipalityId: string, sheetId: string) {
  return findOne(db, midYearSheets, municipalityId, { id: sheetId });
}

export function updateSheet(
  db: Executor,
  municipalityId: string,
  sheetId: string,
  version: number,
  values: Partial<MidYearSheetRow>,
) {
  return updateAtVersion(
    db,
    midYearSheets,
    municipalityId,
    { id: sheetId, version },
    {
      ...values,
      updatedAt: sql`now()`,
    },
  );
}

/** The indicators attached to the given items (their mid-year actual is asked on the items' sheets). */
export async function indicatorsOfItems(db: Executor, municipalityId: string, itemIds: string[]) {
  if (!itemIds.length) return [];
  return db
    .select({ id: indicators.id, itemId: indicators.itemId, name: indicators.name, position: indicators.position })
    .from(indicators)
    .where(and(eq(indicators.municipalityId, municipalityId), inArray(indicators.itemId, itemIds)))
    .orderBy(asc(indicators.position), asc(indicators.name));
}
