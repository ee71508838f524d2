import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, recordNamedBy, updateAtVersion } from "../../db/records.js";
import { cases, placementEvents, placements, unmetNeeds } from "../../db/schema/index.js";

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
