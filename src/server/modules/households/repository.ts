import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, recordNamedBy, updateAtVersion } from "../../db/records.js";
import { cases, caseTeam, householdMembers, households, persons } from "../../db/schema/index.js";

export type HouseholdRow = typeof households.$inferSelect;
export type HouseholdMemberRow = typeof householdMembers.$inferSelect;

export function insertHousehold(db: Executor, values: typeof households.$inferInsert) {
  return insertOne(db, households, values);
}

export function findHousehold(db: Executor, municipalityId: string, id: string) {
  return findOne(db, households, municipalityId, { id });
}

/** Bumps the version when it is still `version`; null when someone else changed it first. */
export function touchHousehold(db: Executor, municipalityId: string, id: string, version: number) {
  return updateAtVersion(db, households, municipalityId, { id, version }, { updatedAt: new Date() });
}

export async function insertMembers(db: Executor, values: (typeof householdMembers.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(householdMembers).values(values).returning();
}

export async function deleteMember(db: Executor, municipalityId: string, householdId: string, personId: string) {
  return db
    .delete(householdMembers)
    .where(inMunicipality(householdMembers, municipalityId, { householdId, personId }))
    .returning();
}

/** The members with the person fields a household shows, in the order they joined. */
export function listMembers(db: Executor, municipalityId: string, householdId: string) {
  return listMembersOf(db, municipalityId, [householdId]);
}
export type MemberView = Awaited<ReturnType<typeof listMembers>>[number];

/** The cases of a household, each with the agencies of its team (need-to-know on the household). */
export function listCasesOfHousehold(db: Executor, municipalityId: string, householdId: string) {
  return db
    .select({
      id: cases.id,
      phase: cases.phase,
      leadAgencyId: cases.leadAgencyId,
      mainPersonId: cases.mainPersonId,
      teamAgencyIds: sql<string[]>`coalesce((select jsonb_agg(${caseTeam.agencyId}) from ${caseTeam}
        where ${caseTeam.municipalityId} = ${cases.municipalityId} and ${caseTeam.caseId} = ${cases.id}), '[]'::jsonb)`,
    })
    .from(cases)
    .where(inMunicipality(cases, municipalityId, { householdId }))
    .orderBy(asc(cases.createdAt));
}
export type HouseholdCaseView = Awaited<ReturnType<typeof listCasesOfHousehold>>[number];

/**
 * Households of the municipality: all, or those an agency needs to know (registered by it, or with a case whose
 * team includes it); optionally only those `personId` is a member of.
 */
export function listHouseholds(db: Executor, municipalityId: string, opts: { agencyId?: string; personId?: string }) {
  const where: (SQL | undefined)[] = [inMunicipality(households, municipalityId)];
  if (opts.agencyId) {
    where.push(
      or(
        eq(households.registeredByAgencyId, opts.agencyId),
        sql`exists (select 1 from ${cases} join ${caseTeam} on ${caseTeam.municipalityId} = ${cases.municipalityId}
          and ${caseTeam.caseId} = ${cases.id}
          where ${cases.municipalityId} = ${households.municipalityId} and ${cases.householdId} = ${households.id}
          and ${caseTeam.agencyId} = ${opts.agencyId})`,
      ),
    );
  }
  if (opts.personId) {
    where.push(
      sql`exists (select 1 from ${householdMembers} where ${householdMembers.municipalityId} = ${households.municipalityId}
        and ${householdMembers.householdId} = ${households.id} and ${householdMembers.personId} = ${opts.personId})`,
    );
  }
  return db
    .select()
    .from(households)
    .where(and(...where))
    .orderBy(desc(households.updatedAt), asc(households.id))
    .limit(500);
}

/** The members of several households in one statement, with the person fields a household shows. */
export async function listMembersOf(db: Executor, municipalityId: string, householdIds: string[]) {
  if (!householdIds.length) return [];
  return db
    .select({
      householdId: householdMembers.householdId,
      personId: householdMembers.personId,
      relationship: householdMembers.relationship,
      addedAt: householdMembers.addedAt,
      nameKanji: persons.nameKanji,
      nameKana: persons.nameKana,
      dateOfBirth: persons.dateOfBirth,
    })
    .from(householdMembers)
    .innerJoin(persons, recordNamedBy(persons, householdMembers.personId))
    .where(and(inMunicipality(householdMembers, municipalityId), inArray(householdMembers.householdId, householdIds)))
    .orderBy(asc(householdMembers.addedAt), asc(persons.kanaKey));
}
