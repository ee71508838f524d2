import { and, asc, count, desc, eq, inArray, lte, ne } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, recordNamedBy, updateAtVersion } from "../../db/records.js";
import { cases, households, placementEvents, placements, resources, unmetNeeds } from "../../db/schema/index.js";

/** The only SQL of placements (参加支援) and unmet needs. */

export type PlacementRow = typeof placements.$inferSelect;
export type PlacementEventRow = typeof placementEvents.$inferSelect;
export type UnmetNeedRow = typeof unmetNeeds.$inferSelect;

export const listPlacements = (db: Executor, municipalityId: string, caseId: string) =>
  db
    .select()
    .from(placements)
    .where(inMunicipality(placements, municipalityId, { caseId }))
    .orderBy(desc(placements.createdAt));

export const findPlacement = (db: Executor, municipalityId: string, caseId: string, id: string) =>
  findOne(db, placements, municipalityId, { caseId, id }, { forUpdate: true });

export const insertPlacement = (db: Executor, values: typeof placements.$inferInsert) =>
  insertOne(db, placements, values);

export const updatePlacement = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Pick<PlacementRow, "status" | "statusOn" | "interruptionReason" | "followUpOn">,
) => updateAtVersion(db, placements, municipalityId, { id, version }, { ...values, updatedAt: new Date() });

export const insertEvent = (db: Executor, values: typeof placementEvents.$inferInsert) =>
  insertOne(db, placementEvents, values);

/** The history of several placements, oldest first. */
export async function eventsOf(db: Executor, municipalityId: string, placementIds: string[]) {
  if (!placementIds.length) return [] as PlacementEventRow[];
  return db
    .select()
    .from(placementEvents)
    .where(and(eq(placementEvents.municipalityId, municipalityId), inArray(placementEvents.placementId, placementIds)))
    .orderBy(asc(placementEvents.on), asc(placementEvents.createdAt));
}

export const insertUnmetNeed = (db: Executor, values: typeof unmetNeeds.$inferInsert) =>
  insertOne(db, unmetNeeds, values);

export const listUnmetNeeds = (db: Executor, municipalityId: string) =>
  db
    .select()
    .from(unmetNeeds)
    .where(inMunicipality(unmetNeeds, municipalityId))
    .orderBy(desc(unmetNeeds.recordedOn), desc(unmetNeeds.createdAt));

/** The placements at one resource with the main person of each one's case (the operator's view filters them). */
export const placementsAtResource = (db: Executor, municipalityId: string, resourceId: string) =>
  db
    .select({ placement: placements, mainPersonId: cases.mainPersonId })
    .from(placements)
    .innerJoin(cases, recordNamedBy(cases, placements.caseId))
    .where(inMunicipality(placements, municipalityId, { resourceId }))
    .orderBy(desc(placements.createdAt));

/**
 * Placements whose follow-up day is `today` or past, still running (not 中断) on a case not closed: of every case,
 * or of the cases `leadAgencyId` leads. The list and the home page's count read the same condition.
 */
function followUpDueWhere(municipalityId: string, today: string, leadAgencyId: string | undefined) {
  return and(
    inMunicipality(placements, municipalityId),
    lte(placements.followUpOn, today),
    ne(placements.status, "interrupted"),
    ne(cases.phase, "closed"),
    leadAgencyId ? eq(cases.leadAgencyId, leadAgencyId) : undefined,
  );
}

export const followUpsDue = (db: Executor, municipalityId: string, today: string, leadAgencyId: string | undefined) =>
  db
    .select({
      placement: placements,
      mainPersonId: cases.mainPersonId,
      household: { id: households.id, name: households.name },
      resourceName: resources.name,
    })
    .from(placements)
    .innerJoin(cases, recordNamedBy(cases, placements.caseId))
    .innerJoin(households, recordNamedBy(households, cases.householdId))
    .innerJoin(resources, recordNamedBy(resources, placements.resourceId))
    .where(followUpDueWhere(municipalityId, today, leadAgencyId))
    .orderBy(asc(placements.followUpOn), asc(placements.createdAt));

export async function countFollowUpsDue(
  db: Executor,
  municipalityId: string,
  today: string,
  leadAgencyId: string | undefined,
) {
  const [row] = await db
    .select({ count: count() })
    .from(placements)
    .innerJoin(cases, recordNamedBy(cases, placements.caseId))
    .where(followUpDueWhere(municipalityId, today, leadAgencyId));
  return Number(row?.count ?? 0);
}
