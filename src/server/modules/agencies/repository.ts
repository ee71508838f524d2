import { asc } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne } from "../../db/records.js";
import { agencies } from "../../db/schema/index.js";

export type AgencyRow = typeof agencies.$inferSelect;

export function listAgencies(db: Executor, municipalityId: string) {
  return db.select().from(agencies).where(inMunicipality(agencies, municipalityId)).orderBy(asc(agencies.name));
}

export function findAgency(db: Executor, municipalityId: string, id: string) {
  return findOne(db, agencies, municipalityId, { id });
}

export function findAgencyByName(db: Executor, municipalityId: string, name: string) {
  return findOne(db, agencies, municipalityId, { name });
}

export function insertAgency(db: Executor, values: typeof agencies.$inferInsert) {
  return insertOne(db, agencies, values);
}
