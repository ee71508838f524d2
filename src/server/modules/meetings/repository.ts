import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, max, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import {
  caseSupportDecisions,
  consents,
  consentWithdrawals,
  districts,
  meetingDecisions,
  meetingKinds,
  meetingMembers,
  meetingSubjects,
  meetings,
} from "../../db/schema/index.js";

export type MeetingKindRow = typeof meetingKinds.$inferSelect;
export type DistrictRow = typeof districts.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type MemberRow = typeof meetingMembers.$inferSelect;
export type SubjectRow = typeof meetingSubjects.$inferSelect;
export type DecisionRow = typeof meetingDecisions.$inferSelect;

// --- the municipality's kinds of meeting and 地区 ---------------------------------------------------------------

export function listKinds(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(meetingKinds)
    .where(inMunicipality(meetingKinds, municipalityId))
    .orderBy(asc(meetingKinds.position), asc(meetingKinds.name));
}

/** Inserts kinds that are not there yet (by name): two first uses at once insert them once. */
export async function insertMissingKinds(db: Executor, rows: (typeof meetingKinds.$inferInsert)[]) {
  await db.insert(meetingKinds).values(rows).onConflictDoNothing();
}

export const findKind = (db: Executor, municipalityId: string, id: string) =>
  findOne(db, meetingKinds, municipalityId, { id });
export const findKindByName = (db: Executor, municipalityId: string, name: string) =>
  findOne(db, meetingKinds, municipalityId, { name });
export const insertKind = (db: Executor, values: typeof meetingKinds.$inferInsert) =>
  insertOne(db, meetingKinds, values);
export const updateKind = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<typeof meetingKinds.$inferInsert>,
) => updateAtVersion(db, meetingKinds, municipalityId, { id, version }, { ...values, updatedAt: new Date() });

/** The next position at the end of a list. */
async function nextPosition(db: Executor, table: typeof meetingKinds | typeof districts, municipalityId: string) {
  const [row] = await db
    .select({ last: max(table.position) })
    .from(table)
    .where(eq(table.municipalityId, municipalityId));
  return (row?.last ?? -1) + 1;
}
export const nextKindPosition = (db: Executor, municipalityId: string) =>
  nextPosition(db, meetingKinds, municipalityId);
export const nextDistrictPosition = (db: Executor, municipalityId: string) =>
  nextPosition(db, districts, municipalityId);

export function listDistricts(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(districts)
    .where(inMunicipality(districts, municipalityId))
    .orderBy(asc(districts.position), asc(districts.name));
}
export const findDistrict = (db: Executor, municipalityId: string, id: string) =>
  findOne(db, districts, municipalityId, { id });
export const findDistrictByName = (db: Executor, municipalityId: string, name: string) =>
  findOne(db, districts, municipalityId, { name });
export const insertDistrict = (db: Executor, values: typeof districts.$inferInsert) => insertOne(db, districts, values);
export const updateDistrict = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<typeof districts.$inferInsert>,
) => updateAtVersion(db, districts, municipalityId, { id, version }, { ...values, updatedAt: new Date() });

// --- meetings ----------------------------------------------------------------------------------------------------

export const findMeeting = (db: Executor, municipalityId: string, id: string, lock = false) =>
  findOne(db, meetings, municipalityId, { id }, { forUpdate: lock });
export const insertMeeting = (db: Executor, values: typeof meetings.$inferInsert) => insertOne(db, meetings, values);
export const updateMeeting = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<typeof meetings.$inferInsert>,
) => updateAtVersion(db, meetings, municipalityId, { id, version }, { ...values, updatedAt: new Date() });

/** Whose meetings a list shows: every one (coordinators: undefined), or the agency's as secretariat and the user's. */
export type MeetingListScope = { agencyId: string; userId: string } | undefined;

const currentMemberOf = (userId: string) => sql`exists (select 1 from ${meetingMembers}
  where ${meetingMembers.municipalityId} = ${meetings.municipalityId} and ${meetingMembers.meetingId} = ${meetings.id}
  and ${meetingMembers.userId} = ${userId} and ${meetingMembers.leftAt} is null)`;

/** The counts a list row shows (numbers only: no names leave in a list). */
const counts = {
  members: sql<number>`(select count(*)::int from ${meetingMembers} where ${meetingMembers.municipalityId} = ${meetings.municipalityId}
    and ${meetingMembers.meetingId} = ${meetings.id} and ${meetingMembers.leftAt} is null)`,
  pledged: sql<number>`(select count(*)::int from ${meetingMembers} where ${meetingMembers.municipalityId} = ${meetings.municipalityId}
    and ${meetingMembers.meetingId} = ${meetings.id} and ${meetingMembers.leftAt} is null and ${meetingMembers.pledgedOn} is not null)`,
  subjects: sql<number>`(select count(*)::int from ${meetingSubjects} where ${meetingSubjects.municipalityId} = ${meetings.municipalityId}
    and ${meetingSubjects.meetingId} = ${meetings.id} and ${meetingSubjects.removedAt} is null)`,
  decisions: sql<number>`(select count(*)::int from ${meetingDecisions} where ${meetingDecisions.municipalityId} = ${meetings.municipalityId}
    and ${meetingDecisions.meetingId} = ${meetings.id})`,
};

/** Meetings held between two days (inclusive), filtered, in date order, with their kind and counts. */
export function listMeetings(
  db: Executor,
  municipalityId: string,
  filter: { from?: string; to?: string; districtId?: string; kindId?: string; scope: MeetingListScope },
) {
  const scope = filter.scope;
  const visible: SQL | undefined = scope
    ? or(eq(meetings.secretariatAgencyId, scope.agencyId), currentMemberOf(scope.userId))
    : undefined;
  return db
    .select({ meeting: meetings, kind: meetingKinds, ...counts })
    .from(meetings)
    .innerJoin(
      meetingKinds,
      and(eq(meetingKinds.municipalityId, meetings.municipalityId), eq(meetingKinds.id, meetings.kindId)),
    )
    .where(
      and(
        inMunicipality(meetings, municipalityId, { districtId: filter.districtId, kindId: filter.kindId }),
        filter.from ? gte(meetings.heldOn, filter.from) : undefined,
        filter.to ? lte(meetings.heldOn, filter.to) : undefined,
        visible,
      ),
    )
    .orderBy(asc(meetings.heldOn), asc(meetings.startsAt), asc(meetings.id));
}

// --- roster ------------------------------------------------------------------------------------------------------

export function listMembers(db: Executor, municipalityId: string, meetingId: string) {
  return db
    .select()
    .from(meetingMembers)
    .where(inMunicipality(meetingMembers, municipalityId, { meetingId }))
    .orderBy(asc(meetingMembers.addedAt), asc(meetingMembers.id));
}

/** The user's row on the roster: the current one if any, else the latest former one (null: never a member). */
export async function ownMembership(db: Executor, municipalityId: string, meetingId: string, userId: string) {
  const [row] = await db
    .select()
    .from(meetingMembers)
    .where(inMunicipality(meetingMembers, municipalityId, { meetingId, userId }))
    .orderBy(sql`${meetingMembers.leftAt} is null desc`, desc(meetingMembers.addedAt))
    .limit(1);
  return row ?? null;
}

export const findMember = (db: Executor, municipalityId: string, meetingId: string, id: string) =>
  findOne(db, meetingMembers, municipalityId, { meetingId, id }, { forUpdate: true });
export const insertMember = (db: Executor, values: typeof meetingMembers.$inferInsert) =>
  insertOne(db, meetingMembers, values);

export async function markMemberLeft(db: Executor, municipalityId: string, id: string, by: string | null) {
  const [row] = await db
    .update(meetingMembers)
    .set({ leftAt: new Date(), leftBy: by })
    .where(and(inMunicipality(meetingMembers, municipalityId, { id }), isNull(meetingMembers.leftAt)))
    .returning();
  return row ?? null;
}

export async function recordPledge(db: Executor, municipalityId: string, id: string, pledgedOn: string, by: string) {
  const [row] = await db
    .update(meetingMembers)
    .set({ pledgedOn, pledgeRecordedBy: by })
    .where(and(inMunicipality(meetingMembers, municipalityId, { id }), isNull(meetingMembers.pledgedOn)))
    .returning();
  return row ?? null;
}

// --- agenda and decisions ----------------------------------------------------------------------------------------

export function listSubjects(db: Executor, municipalityId: string, meetingId: string) {
  return db
    .select()
    .from(meetingSubjects)
    .where(inMunicipality(meetingSubjects, municipalityId, { meetingId }))
    .orderBy(asc(meetingSubjects.addedAt), asc(meetingSubjects.id));
}
export const findSubject = (db: Executor, municipalityId: string, meetingId: string, id: string) =>
  findOne(db, meetingSubjects, municipalityId, { meetingId, id }, { forUpdate: true });
export const insertSubject = (db: Executor, values: typeof meetingSubjects.$inferInsert) =>
  insertOne(db, meetingSubjects, values);

export async function markSubjectRemoved(db: Executor, municipalityId: string, id: string, by: string | null) {
  const [row] = await db
    .update(meetingSubjects)
    .set({ removedAt: new Date(), removedBy: by })
    .where(and(inMunicipality(meetingSubjects, municipalityId, { id }), isNull(meetingSubjects.removedAt)))
    .returning();
  return row ?? null;
}

export function listDecisions(db: Executor, municipalityId: string, meetingId: string) {
  return db
    .select()
    .from(meetingDecisions)
    .where(inMunicipality(meetingDecisions, municipalityId, { meetingId }))
    .orderBy(asc(meetingDecisions.createdAt), asc(meetingDecisions.id));
}
export const insertDecision = (db: Executor, values: typeof meetingDecisions.$inferInsert) =>
  insertOne(db, meetingDecisions, values);

/** The consents among `ids` that have been withdrawn (a consent meeting's subject is then no longer shown). */
export async function withdrawnConsents(db: Executor, municipalityId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: consentWithdrawals.consentId })
    .from(consentWithdrawals)
    .where(and(eq(consentWithdrawals.municipalityId, municipalityId), inArray(consentWithdrawals.consentId, ids)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The person's consent in force on a day: given on or before it and not withdrawn on or before it (the latest one
 * given), or null.
 */
export async function consentCoveringDay(db: Executor, municipalityId: string, personId: string, day: string) {
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .leftJoin(
      consentWithdrawals,
      and(
        eq(consentWithdrawals.municipalityId, consents.municipalityId),
        eq(consentWithdrawals.consentId, consents.id),
      ),
    )
    .where(
      and(
        inMunicipality(consents, municipalityId, { personId }),
        isNotNull(consents.givenOn),
        lte(consents.givenOn, day),
        or(isNull(consentWithdrawals.consentId), sql`${consentWithdrawals.withdrawnOn} > ${day}`),
      ),
    )
    .orderBy(desc(consents.givenOn))
    .limit(1);
  return row?.id ?? null;
}

// --- a case's meetings and 支援決定 -------------------------------------------------------------------------------

/** The meetings whose current agenda has the case, with their kind, in date order. */
export function meetingsOfCase(db: Executor, municipalityId: string, caseId: string) {
  return db
    .selectDistinct({ meeting: meetings, kind: meetingKinds })
    .from(meetingSubjects)
    .innerJoin(
      meetings,
      and(eq(meetings.municipalityId, meetingSubjects.municipalityId), eq(meetings.id, meetingSubjects.meetingId)),
    )
    .innerJoin(
      meetingKinds,
      and(eq(meetingKinds.municipalityId, meetings.municipalityId), eq(meetingKinds.id, meetings.kindId)),
    )
    .where(and(inMunicipality(meetingSubjects, municipalityId, { caseId, removedAt: null })))
    .orderBy(asc(meetings.heldOn), asc(meetings.id));
}

export const findSupportDecision = (db: Executor, municipalityId: string, caseId: string) =>
  findOne(db, caseSupportDecisions, municipalityId, { caseId });

export async function insertSupportDecision(db: Executor, values: typeof caseSupportDecisions.$inferInsert) {
  const [row] = await db.insert(caseSupportDecisions).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
