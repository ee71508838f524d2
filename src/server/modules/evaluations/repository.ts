import { and, asc, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import { evaluationRounds, evaluationSheets, planItemDepartments } from "../../db/schema/index.js";

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type SheetRow = typeof evaluationSheets.$inferSelect;

export function listRounds(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(evaluationRounds)
    .where(inMunicipality(evaluationRounds, municipalityId, { planId }))
    .orderBy(asc(evaluationRounds.fiscalYear));
}

export function findRound(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  return findOne(db, evaluationRounds, municipalityId, { planId, fiscalYear });
}

/**
 * The year's round, locked for the rest of the caller's transaction: closing takes it for update, every write to
 * the year's sheets and actuals for share, so a close and a change of the year never pass each other.
 */
export async function lockRound(
  db: Executor,
  municipalityId: string,
  planId: string,
  fiscalYear: number,
  mode: "update" | "share",
) {
  const [row] = await db
    .select()
    .from(evaluationRounds)
    .where(inMunicipality(evaluationRounds, municipalityId, { planId, fiscalYear }))
    .for(mode);
  return row ?? null;
}

export type RoundClosing = Pick<RoundRow, "status" | "closedAt" | "closedBy" | "closedRevisionId">;
export type RoundReopening = Pick<RoundRow, "status" | "reopenedAt" | "reopenedBy" | "reopenReason">;

export async function updateRound(
  db: Executor,
  municipalityId: string,
  roundId: string,
  values: RoundClosing | RoundReopening,
) {
  const [row] = await db
    .update(evaluationRounds)
    .set(values)
    .where(inMunicipality(evaluationRounds, municipalityId, { id: roundId }))
    .returning();
  return row ?? null;
}

export function insertRound(
  db: Executor,
  municipalityId: string,
  planId: string,
  fiscalYear: number,
  deadlines: { submissionDue?: string | null; confirmationDue?: string | null } = {},
) {
  return insertOne(db, evaluationRounds, { municipalityId, planId, fiscalYear, ...deadlines });
}

export async function insertSheets(db: Executor, rows: (typeof evaluationSheets.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(evaluationSheets).values(rows).returning();
}

export function listSheetsOfRound(db: Executor, municipalityId: string, roundId: string) {
  return db
    .select()
    .from(evaluationSheets)
    .where(inMunicipality(evaluationSheets, municipalityId, { roundId }));
}

export function listSheetsOfPlanYear(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  return db
    .select()
    .from(evaluationSheets)
    .where(inMunicipality(evaluationSheets, municipalityId, { planId, fiscalYear }));
}

/** Only what the 総括表 needs: kept narrow because the summary is the hottest read. */
export function listGradesOfPlanYear(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  return db
    .select({
      itemId: evaluationSheets.itemId,
      grade: evaluationSheets.grade,
      status: evaluationSheets.status,
      departmentNames: evaluationSheets.departmentNames,
    })
    .from(evaluationSheets)
    .where(inMunicipality(evaluationSheets, municipalityId, { planId, fiscalYear }));
}

export function findSheet(db: Executor, municipalityId: string, sheetId: string) {
  return findOne(db, evaluationSheets, municipalityId, { id: sheetId });
}

export function updateSheet(
  db: Executor,
  municipalityId: string,
  sheetId: string,
  version: number,
  values: Partial<SheetRow>,
) {
  const stamped = { ...values, updatedAt: sql`now()` };
  return updateAtVersion(db, evaluationSheets, municipalityId, { id: sheetId, version }, stamped);
}

export async function itemIdsOfDepartments(db: Executor, municipalityId: string, departmentIds: string[]) {
  if (!departmentIds.length) return new Set<string>();
  const rows = await db
    .select({ itemId: planItemDepartments.itemId })
    .from(planItemDepartments)
    .where(
      and(
        inMunicipality(planItemDepartments, municipalityId),
        inArray(planItemDepartments.departmentId, departmentIds),
      ),
    );
  return new Set(rows.map((r) => r.itemId));
}
