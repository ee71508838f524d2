import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  appendNumbered,
  findOne,
  inMunicipality,
  insertOne,
  recordNamedBy,
  updateAtVersion,
} from "../../db/records.js";
import {
  caseReferrals,
  cases,
  caseTeam,
  meetingKinds,
  meetingMembers,
  meetingSubjects,
  meetings,
  persons,
  referralEvents,
  referrals,
} from "../../db/schema/index.js";

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect;

export function insertReferral(db: Executor, values: typeof referrals.$inferInsert) {
  return insertOne(db, referrals, values);
}

export function findReferral(db: Executor, municipalityId: string, id: string) {
  return findOne(db, referrals, municipalityId, { id });
}

/** Which referrals a list covers: all of the municipality, or those sent by (and optionally to) one agency. */
export type ReferralScope = { all: true } | { all: false; agencyId: string; received: boolean };

export interface ListOptions {
  status?: string;
  /** not completed or declined, with a due date before this ISO date */
  overdueBefore?: string;
}

export function listReferrals(db: Executor, municipalityId: string, scope: ReferralScope, opts: ListOptions) {
  const where: (SQL | undefined)[] = [inMunicipality(referrals, municipalityId)];
  if (!scope.all) {
    where.push(
      scope.received
        ? or(eq(referrals.fromAgencyId, scope.agencyId), eq(referrals.toAgencyId, scope.agencyId))
        : eq(referrals.fromAgencyId, scope.agencyId),
    );
  }
  if (opts.status) where.push(eq(referrals.status, opts.status));
  if (opts.overdueBefore) {
    where.push(notInArray(referrals.status, ["completed", "declined"]), lt(referrals.dueDate, opts.overdueBefore));
  }
  return db
    .select({
      referral: referrals,
      person: { id: persons.id, nameKanji: persons.nameKanji, nameKana: persons.nameKana },
    })
    .from(referrals)
    .innerJoin(persons, recordNamedBy(persons, referrals.personId))
    .where(and(...where))
    .orderBy(desc(referrals.createdAt), asc(referrals.id))
    .limit(1000);
}

export function updateReferral(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<Pick<ReferralRow, "status" | "toAgencyId">>,
) {
  return updateAtVersion(db, referrals, municipalityId, { id, version }, { ...values, updatedAt: new Date() });
}

export async function listEvents(db: Executor, municipalityId: string, referralIds: string[]) {
  if (!referralIds.length) return [];
  return db
    .select()
    .from(referralEvents)
    .where(and(inMunicipality(referralEvents, municipalityId), inArray(referralEvents.referralId, referralIds)))
    .orderBy(asc(referralEvents.referralId), asc(referralEvents.seq));
}

export function insertEvent(db: Executor, values: Omit<typeof referralEvents.$inferInsert, "seq">) {
  return appendNumbered(db, referralEvents, { referralId: values.referralId }, values);
}

/** The case a referral was opened into, with what deciding who may see it needs (its lead and team agencies). */
export async function findCaseOfReferral(db: Executor, municipalityId: string, referralId: string) {
  const [row] = await db
    .select({ id: cases.id, phase: cases.phase, leadAgencyId: cases.leadAgencyId })
    .from(caseReferrals)
    .innerJoin(cases, recordNamedBy(cases, caseReferrals.caseId))
    .where(inMunicipality(caseReferrals, municipalityId, { referralId }));
  if (!row) return null;
  const team = await db
    .select({ agencyId: caseTeam.agencyId })
    .from(caseTeam)
    .where(inMunicipality(caseTeam, municipalityId, { caseId: row.id }));
  return { ...row, teamAgencyIds: team.map((t) => t.agencyId) };
}

/** The meetings whose current agenda took the referral (the 支援会議 it was sent to), with their kind, by date. */
export function meetingsOfReferral(db: Executor, municipalityId: string, referralId: string) {
  return db
    .selectDistinct({
      id: meetings.id,
      heldOn: meetings.heldOn,
      kindName: meetingKinds.name,
      legalBasis: meetingKinds.legalBasis,
    })
    .from(meetingSubjects)
    .innerJoin(meetings, recordNamedBy(meetings, meetingSubjects.meetingId))
    .innerJoin(meetingKinds, recordNamedBy(meetingKinds, meetings.kindId))
    .where(inMunicipality(meetingSubjects, municipalityId, { referralId, removedAt: null }))
    .orderBy(asc(meetings.heldOn), asc(meetings.id));
}

/**
 * The 支援会議 (art. 106-6) that gives `userId` the referral now: the referral is on its current agenda and the user
 * is a current member who has signed the pledge. The latest such meeting, or null.
 */
export async function meetingGivingReferral(db: Executor, municipalityId: string, referralId: string, userId: string) {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetingSubjects)
    .innerJoin(meetings, recordNamedBy(meetings, meetingSubjects.meetingId))
    .innerJoin(meetingKinds, and(recordNamedBy(meetingKinds, meetings.kindId), eq(meetingKinds.legalBasis, "art106_6")))
    .innerJoin(
      meetingMembers,
      and(
        eq(meetingMembers.municipalityId, meetings.municipalityId),
        eq(meetingMembers.meetingId, meetings.id),
        eq(meetingMembers.userId, userId),
        isNull(meetingMembers.leftAt),
        isNotNull(meetingMembers.pledgedOn),
      ),
    )
    .where(inMunicipality(meetingSubjects, municipalityId, { referralId, removedAt: null }))
    .orderBy(desc(meetings.heldOn), asc(meetings.id))
    .limit(1);
  return row?.id ?? null;
}
