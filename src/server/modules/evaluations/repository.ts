import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { evaluationRounds, evaluationSheets, planItemDepartments } from "../../db/schema/index.js";

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type SheetRow = typeof evaluationSheets.$inferSelect;

export function listRounds(db: Executor, municipalityId: string, planId: string) {
  return db
    .select()
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.municipalityId, municipalityId), eq(evaluationRounds.planId, planId)))
    .orderBy(asc(evaluationRounds.fiscalYear));
}

export async function findRound(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  const [row] = await db
    .select()
    .from(evaluationRounds)
    .where(
      and(
        eq(evaluationRounds.municipalityId, municipalityId),
        eq(evaluationRounds.planId, planId),
        eq(evaluationRounds.fiscalYear, fiscalYear),
      ),
    );
  return row ?? null;
}

export async function insertRound(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  const [row] = await db.insert(evaluationRounds).values({ municipalityId, planId, fiscalYear }).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function insertSheets(db: Executor, rows: (typeof evaluationSheets.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(evaluationSheets).values(rows).returning();
}

export function listSheetsOfRound(db: Executor, municipalityId: string, roundId: string) {
  return db
    .select()
    .from(evaluationSheets)
    .where(and(eq(evaluationSheets.municipalityId, municipalityId), eq(evaluationSheets.roundId, roundId)));
}

export function listSheetsOfPlanYear(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  return db
    .select()
    .from(evaluationSheets)
    .where(
      and(
        eq(evaluationSheets.municipalityId, municipalityId),
        eq(evaluationSheets.planId, planId),
        eq(evaluationSheets.fiscalYear, fiscalYear),
      ),
    );
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
    .where(
      and(
        eq(evaluationSheets.municipalityId, municipalityId),
        eq(evaluationSheets.planId, planId),
        eq(evaluationSheets.fiscalYear, fiscalYear),
      ),
    );
}

export async function findSheet(db: Executor, municipalityId: string, sheetId: string) {
  const [row] = await db
    .select()
    .from(evaluationSheets)
    .where(and(eq(evaluationSheets.municipalityId, municipalityId), eq(evaluationSheets.id, sheetId)));
  return row ?? null;
}

export async function updateSheet(
  db: Executor,
  municipalityId: string,
  sheetId: string,
  version: number,
  values: Partial<SheetRow>,
) {
  const [row] = await db
    .update(evaluationSheets)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(
      and(
        eq(evaluationSheets.municipalityId, municipalityId),
        eq(evaluationSheets.id, sheetId),
        eq(evaluationSheets.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

export async function itemIdsOfDepartments(db: Executor, municipalityId: string, departmentIds: string[]) {
  if (!departmentIds.length) return new Set<string>();
  const rows = await db
    .select({ itemId: planItemDepartments.itemId })
    .from(planItemDepartments)
    .where(
      and(
        eq(planItemDepartments.municipalityId, municipalityId),
        inArray(planItemDepartments.departmentId, departmentIds),
      ),
    );
  return new Set(rows.map((r) => r.itemId));
}
