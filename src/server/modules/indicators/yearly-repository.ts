/**
 * The yearly values of an indicator: its targets and its actuals, one row per (indicator, fiscal year) each, both
 * versioned for If-Match.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, recordNamedBy, updateAtVersion } from "../../db/records.js";
import { indicatorActuals, indicators, indicatorTargets } from "../../db/schema/index.js";
import type { ActualRow, TargetTyping } from "./repository.js";

// ---------------------------------------------------------------------------------------------------------------
// Targets

export function listTargets(db: Executor, municipalityId: string, indicatorId: string) {
  return db
    .select()
    .from(indicatorTargets)
    .where(inMunicipality(indicatorTargets, municipalityId, { indicatorId }))
    .orderBy(asc(indicatorTargets.fiscalYear));
}

export function findTarget(db: Executor, municipalityId: string, indicatorId: string, fiscalYear: number) {
  return findOne(db, indicatorTargets, municipalityId, { indicatorId, fiscalYear });
}

export async function insertTargets(db: Executor, rows: (typeof indicatorTargets.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(indicatorTargets).values(rows).returning();
}

/** Inserts the first target of a year; null when another request created it first (the caller answers 412). */
export async function insertTarget(db: Executor, values: typeof indicatorTargets.$inferInsert) {
  const [row] = await db.insert(indicatorTargets).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export function updateTarget(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  version: number,
  values: { source: string } & TargetTyping,
) {
  const key = { indicatorId, fiscalYear, version };
  return updateAtVersion(db, indicatorTargets, municipalityId, key, { ...values, updatedAt: sql`now()` });
}

/** Every target of a plan with its source and typing (re-typing after a ladder change, the unclassified list). */
export function listTargetsOfPlan(db: Executor, municipalityId: string, planId: string) {
  return db
    .select({
      indicatorId: indicatorTargets.indicatorId,
      fiscalYear: indicatorTargets.fiscalYear,
      source: indicatorTargets.source,
      kind: indicatorTargets.kind,
      comparator: indicatorTargets.comparator,
      value: indicatorTargets.value,
      unit: indicatorTargets.unit,
      step: indicatorTargets.step,
      rank: indicatorTargets.rank,
      indicatorName: indicators.name,
      itemId: indicators.itemId,
    })
    .from(indicatorTargets)
    .innerJoin(indicators, recordNamedBy(indicators, indicatorTargets.indicatorId))
    .where(and(inMunicipality(indicatorTargets, municipalityId), eq(indicators.planId, planId)))
    .orderBy(asc(indicators.position), asc(indicators.id), asc(indicatorTargets.fiscalYear));
}

/** Rewrites the typing of many targets in one statement; each changed target's version goes up. */
export async function retypeTargets(
  db: Executor,
  municipalityId: string,
  rows: ({ indicatorId: string; fiscalYear: number } & TargetTyping)[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = JSON.stringify(rows.slice(i, i + 1000));
    await db.execute(sql`
      update indicator_targets t
      set kind = v.kind, comparator = v.comparator, value = v.value, unit = v.unit, step = v.step, rank = v.rank,
          version = t.version + 1, updated_at = now()
      from json_to_recordset(${chunk}::json)
        as v("indicatorId" uuid, "fiscalYear" integer, kind text, comparator text, value numeric, unit text,
             step text, rank integer)
      where t.municipality_id = ${municipalityId} and t.indicator_id = v."indicatorId"
        and t.fiscal_year = v."fiscalYear"`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Actuals

export function listActuals(db: Executor, municipalityId: string, indicatorId: string) {
  return db
    .select()
    .from(indicatorActuals)
    .where(inMunicipality(indicatorActuals, municipalityId, { indicatorId }))
    .orderBy(asc(indicatorActuals.fiscalYear));
}

export function findActual(db: Executor, municipalityId: string, indicatorId: string, fiscalYear: number) {
  return findOne(db, indicatorActuals, municipalityId, { indicatorId, fiscalYear });
}

export type ActualValues = Pick<
  ActualRow,
  "kind" | "value" | "step" | "text" | "comment" | "revisionId" | "updatedBy" | "fed"
>;

/** Inserts the first actual of a year; null when another request created it first (the caller answers 412). */
export async function insertActual(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  values: ActualValues,
) {
  const [row] = await db
    .insert(indicatorActuals)
    .values({ municipalityId, indicatorId, fiscalYear, ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export function updateActual(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  version: number,
  values: ActualValues,
) {
  const key = { indicatorId, fiscalYear, version };
  return updateAtVersion(db, indicatorActuals, municipalityId, key, { ...values, updatedAt: sql`now()` });
}

export async function deleteActual(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  fiscalYear: number,
  version: number,
) {
  const rows = await db
    .delete(indicatorActuals)
    .where(inMunicipality(indicatorActuals, municipalityId, { indicatorId, fiscalYear, version }))
    .returning({ indicatorId: indicatorActuals.indicatorId });
  return rows.length > 0;
}
