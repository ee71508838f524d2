/** The SQL of fed indicators: their links to measures and the values frozen when a year's round closed. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import { indicatorFrozenFeeds, indicatorMeasureLinks, indicators } from "../../db/schema/index.js";

export type LinkRow = typeof indicatorMeasureLinks.$inferSelect;
export type FrozenRow = typeof indicatorFrozenFeeds.$inferSelect;
export type LinkValues = Pick<
  LinkRow,
  "measureKey" | "breakdownRow" | "agencyId" | "districtId" | "projectId" | "updatedBy"
>;

export function findLink(db: Executor, municipalityId: string, indicatorId: string) {
  return findOne(db, indicatorMeasureLinks, municipalityId, { indicatorId });
}

export function insertLink(db: Executor, municipalityId: string, indicatorId: string, values: LinkValues) {
  return insertOne(db, indicatorMeasureLinks, { municipalityId, indicatorId, ...values });
}

export function updateLink(
  db: Executor,
  municipalityId: string,
  indicatorId: string,
  version: number,
  values: LinkValues,
) {
  return updateAtVersion(
    db,
    indicatorMeasureLinks,
    municipalityId,
    { indicatorId, version },
    {
      ...values,
      updatedAt: new Date(),
    },
  );
}

export async function deleteLink(db: Executor, municipalityId: string, indicatorId: string, version: number) {
  const rows = await db
    .delete(indicatorMeasureLinks)
    .where(inMunicipality(indicatorMeasureLinks, municipalityId, { indicatorId, version }))
    .returning();
  return rows.length > 0;
}

/** The links of the given indicators (a sheet's), by indicator. */
export async function linksOf(db: Executor, municipalityId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return new Map<string, LinkRow>();
  const rows = await db
    .select()
    .from(indicatorMeasureLinks)
    .where(
      and(
        inMunicipality(indicatorMeasureLinks, municipalityId),
        inArray(indicatorMeasureLinks.indicatorId, indicatorIds),
      ),
    );
  return new Map(rows.map((r) => [r.indicatorId, r]));
}

/** Every linked indicator of a plan, with its link. */
export function linksOfPlan(db: Executor, municipalityId: string, planId: string) {
  return db
    .select({ link: indicatorMeasureLinks })
    .from(indicatorMeasureLinks)
    .innerJoin(
      indicators,
      and(
        eq(indicators.municipalityId, indicatorMeasureLinks.municipalityId),
        eq(indicators.id, indicatorMeasureLinks.indicatorId),
      ),
    )
    .where(inMunicipality(indicators, municipalityId, { planId }))
    .orderBy(asc(indicators.position), asc(indicators.id));
}

/** The values frozen for the given indicators in the given years. */
export async function frozenOf(db: Executor, municipalityId: string, indicatorIds: string[], fiscalYears: number[]) {
  if (indicatorIds.length === 0 || fiscalYears.length === 0) return [];
  return db
    .select()
    .from(indicatorFrozenFeeds)
    .where(
      and(
        inMunicipality(indicatorFrozenFeeds, municipalityId),
        inArray(indicatorFrozenFeeds.indicatorId, indicatorIds),
        inArray(indicatorFrozenFeeds.fiscalYear, fiscalYears),
      ),
    );
}

/** Freezes a year's value; a second freeze of the same year (a round closed, reopened and closed) replaces it. */
export async function upsertFrozen(db: Executor, row: typeof indicatorFrozenFeeds.$inferInsert) {
  const { municipalityId: _m, indicatorId: _i, fiscalYear: _y, ...rest } = row;
  await db
    .insert(indicatorFrozenFeeds)
    .values(row)
    .onConflictDoUpdate({
      target: [indicatorFrozenFeeds.municipalityId, indicatorFrozenFeeds.indicatorId, indicatorFrozenFeeds.fiscalYear],
      set: rest,
    });
}
