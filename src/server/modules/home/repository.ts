/**
 * The home page's counts: one aggregate per list, over the same scopes as the list routes, never a row of a person.
 */
import { and, count, desc, eq, gte, inArray, isNull, lt, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../domain/access/principals.js";
import type { Executor } from "../../db/client.js";
import { inMunicipality } from "../../db/records.js";
import { evaluationRounds, meetingKinds, meetingMembers, meetings, referrals, users } from "../../db/schema/index.js";
import type { AgencyListScope, ReferralListScope } from "../../platform/policies.js";
import { countCases } from "../cases/repository.js";

/** The evaluation rounds of the municipality's plans, newest year first (the home page takes each plan's latest). */
export function roundsNewestFirst(db: Executor, municipalityId: string) {
  return db
    .select({
      planId: evaluationRounds.planId,
      fiscalYear: evaluationRounds.fiscalYear,
      status: evaluationRounds.status,
      id: evaluationRounds.id,
      submissionDue: evaluationRounds.submissionDue,
      confirmationDue: evaluationRounds.confirmationDue,
    })
    .from(evaluationRounds)
    .where(inMunicipality(evaluationRounds, municipalityId))
    .orderBy(desc(evaluationRounds.fiscalYear));
}

const open = notInArray(referrals.status, ["completed", "declined"]);
const asInt = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/**
 * Referrals within the list's scope (policies.referralListScope): those received and not yet accepted (sent to the
 * caller's agency, or to the coordinators for a coordinator: the list's 受信 box), those past their due date (the
 * coordinators: every one; others: those received, which are theirs to move), and per status those the agency sent.
 */
export async function referralCounts(
  db: Executor,
  municipalityId: string,
  scope: ReferralListScope,
  agencyId: string,
  today: string,
) {
  const received = scope.all
    ? or(eq(referrals.toAgencyId, agencyId), isNull(referrals.toAgencyId))
    : scope.received
      ? eq(referrals.toAgencyId, agencyId)
      : sql`false`;
  const where = [inMunicipality(referrals, municipalityId)];
  if (!scope.all) {
    where.push(
      (scope.received
        ? or(eq(referrals.fromAgencyId, scope.agencyId), eq(referrals.toAgencyId, scope.agencyId))
        : eq(referrals.fromAgencyId, scope.agencyId)) as SQL,
    );
  }
  const overdue = and(open, lt(referrals.dueDate, today), scope.all ? undefined : received);
  const [totals] = await db
    .select({ received: asInt(and(eq(referrals.status, "sent"), received)), overdue: asInt(overdue) })
    .from(referrals)
    .where(and(...where));
  const sent = await db
    .select({ status: referrals.status, count: count() })
    .from(referrals)
    .where(and(...where, eq(referrals.fromAgencyId, agencyId)))
    .groupBy(referrals.status);
  return {
    received: totals?.received ?? 0,
    overdue: totals?.overdue ?? 0,
    sentByStatus: new Map(sent.map((r) => [r.status, Number(r.count)])),
  };
}

/**
 * The cases of the list's scope (policies.caseListScope) whose review is overdue today: the case list's own count
 * under its review filter, so the number and the list it links to cannot disagree.
 */
export function casesWithReviewOverdue(db: Executor, municipalityId: string, scope: AgencyListScope, today: string) {
  return countCases(db, municipalityId, { agencyId: scope.agencyId, reviewOverdueOn: today });
}

/**
 * The caller's own seats at meetings still to come (today or later; not removed), and of those the 支援会議
 * (art. 106-6) seats whose pledge is not yet recorded: a pledge for a meeting already held is no longer anyone's work.
 */
export async function upcomingSeats(db: Executor, municipalityId: string, userId: string, today: string) {
  const [row] = await db
    .select({
      upcoming: count(),
      unpledged: asInt(and(eq(meetingKinds.legalBasis, "art106_6"), isNull(meetingMembers.pledgedOn))),
    })
    .from(meetingMembers)
    .innerJoin(
      meetings,
      and(eq(meetings.municipalityId, meetingMembers.municipalityId), eq(meetings.id, meetingMembers.meetingId)),
    )
    .innerJoin(
      meetingKinds,
      and(eq(meetingKinds.municipalityId, meetings.municipalityId), eq(meetingKinds.id, meetings.kindId)),
    )
    .where(
      and(
        inMunicipality(meetingMembers, municipalityId, { userId }),
        isNull(meetingMembers.leftAt),
        gte(meetings.heldOn, today),
      ),
    );
  return { upcoming: Number(row?.upcoming ?? 0), unpledged: row?.unpledged ?? 0 };
}

/** Active accounts of these roles that have no second factor yet. */
export async function accountsWithoutSecondFactor(db: Executor, municipalityId: string, roles: readonly Role[]) {
  const [row] = await db
    .select({ count: count() })
    .from(users)
    .where(
      and(
        inMunicipality(users, municipalityId, { disabled: false }),
        inArray(users.role, [...roles]),
        isNull(users.mfaSecret),
      ),
    );
  return Number(row?.count ?? 0);
}
