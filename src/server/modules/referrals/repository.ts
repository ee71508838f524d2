import { and, asc, desc, eq, inArray, lt, notInArray, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { caseReferrals, cases, caseTeam, persons, referralEvents, referrals } from "../../db/schema/index.js";

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect;

export async function insertReferral(db: Executor, values: typeof referrals.$inferInsert) {
  const [row] = await db.insert(referrals).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function findReferral(db: Executor, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.municipalityId, municipalityId), eq(referrals.id, id)));
  return row ?? null;
}

/** Which referrals a list covers: all of the municipality, or those sent by (and optionally to) one agency. */
export type ReferralScope = { all: true } | { all: false; agencyId: string; received: boolean };

export interface ListOptions {
  status?: string;
  /** not completed or declined, with a due date before this ISO date */
  overdueBefore?: string;
}

export function listReferrals(db: Executor, municipalityId: string, scope: ReferralScope, opts: ListOptions) {
  const where: (SQL | undefined)[] = [eq(referrals.municipalityId, municipalityId)];
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
    .innerJoin(persons, and(eq(persons.municipalityId, referrals.municipalityId), eq(persons.id, referrals.personId)))
    .where(and(...where))
    .orderBy(desc(referrals.createdAt), asc(referrals.id))
    .limit(1000);
}

export async function updateReferral(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<Pick<ReferralRow, "status" | "toAgencyId">>,
) {
  const [row] = await db
    .update(referrals)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(referrals.municipalityId, municipalityId), eq(referrals.id, id), eq(referrals.version, version)))
    .returning();
  return row ?? null;
}

export async function listEvents(db: Executor, municipalityId: string, referralIds: string[]) {
  if (!referralIds.length) return [];
  return db
    .select()
    .from(referralEvents)
    .where(and(eq(referralEvents.municipalityId, municipalityId), inArray(referralEvents.referralId, referralIds)))
    .orderBy(asc(referralEvents.referralId), asc(referralEvents.seq));
}

export async function insertEvent(db: Executor, values: Omit<typeof referralEvents.$inferInsert, "seq">) {
  const [last] = await db
    .select({ seq: referralEvents.seq })
    .from(referralEvents)
    .where(
      and(eq(referralEvents.municipalityId, values.municipalityId), eq(referralEvents.referralId, values.referralId)),
    )
    .orderBy(desc(referralEvents.seq))
    .limit(1);
  const [row] = await db
    .insert(referralEvents)
    .values({ ...values, seq: (last?.seq ?? 0) + 1 })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** The case a referral was opened into, with what deciding who may see it needs (its lead and team agencies). */
export async function findCaseOfReferral(db: Executor, municipalityId: string, referralId: string) {
  const [row] = await db
    .select({ id: cases.id, phase: cases.phase, leadAgencyId: cases.leadAgencyId })
    .from(caseReferrals)
    .innerJoin(cases, and(eq(cases.municipalityId, caseReferrals.municipalityId), eq(cases.id, caseReferrals.caseId)))
    .where(and(eq(caseReferrals.municipalityId, municipalityId), eq(caseReferrals.referralId, referralId)));
  if (!row) return null;
  const team = await db
    .select({ agencyId: caseTeam.agencyId })
    .from(caseTeam)
    .where(and(eq(caseTeam.municipalityId, municipalityId), eq(caseTeam.caseId, row.id)));
  return { ...row, teamAgencyIds: team.map((t) => t.agencyId) };
}
