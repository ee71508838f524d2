import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality } from "../../db/records.js";
import { consentAgencies, consents, consentWithdrawals } from "../../db/schema/index.js";

export type ConsentRow = typeof consents.$inferSelect;
export type WithdrawalRow = typeof consentWithdrawals.$inferSelect;

/** A consent with the agencies it names and its withdrawal, if any. */
export interface ConsentFact {
  consent: ConsentRow;
  agencyIds: string[];
  withdrawal: WithdrawalRow | null;
}

/** Every consent of the persons (their whole history, withdrawn ones too), oldest first. */
export async function listConsents(db: Executor, municipalityId: string, personIds: string[]): Promise<ConsentFact[]> {
  if (!personIds.length) return [];
  const rows = await db
    .select({ consent: consents, withdrawal: consentWithdrawals })
    .from(consents)
    .leftJoin(
      consentWithdrawals,
      and(
        eq(consentWithdrawals.municipalityId, consents.municipalityId),
        eq(consentWithdrawals.consentId, consents.id),
      ),
    )
    .where(and(eq(consents.municipalityId, municipalityId), inArray(consents.personId, personIds)))
    .orderBy(asc(consents.recordedAt), asc(consents.id));
  const named = rows.length
    ? await db
        .select()
        .from(consentAgencies)
        .where(
          and(
            eq(consentAgencies.municipalityId, municipalityId),
            inArray(
              consentAgencies.consentId,
              rows.map((r) => r.consent.id),
            ),
          ),
        )
    : [];
  return rows.map((r) => ({
    consent: r.consent,
    withdrawal: r.withdrawal,
    agencyIds: named.filter((n) => n.consentId === r.consent.id).map((n) => n.agencyId),
  }));
}

export async function insertConsent(
  db: Executor,
  values: typeof consents.$inferInsert & { id: string; municipalityId: string },
  agencyIds: string[],
) {
  await db.insert(consents).values(values);
  if (agencyIds.length)
    await db
      .insert(consentAgencies)
      .values(agencyIds.map((agencyId) => ({ municipalityId: values.municipalityId, consentId: values.id, agencyId })));
}

export function findConsent(db: Executor, municipalityId: string, id: string) {
  return findOne(db, consents, municipalityId, { id });
}

/**
 * Records a withdrawal; false when the consent was withdrawn already (also by a request at the same time: the key
 * allows one withdrawal per consent).
 */
export async function insertWithdrawal(db: Executor, values: typeof consentWithdrawals.$inferInsert) {
  const rows = await db
    .insert(consentWithdrawals)
    .values(values)
    .onConflictDoNothing()
    .returning({ one: sql<number>`1` });
  return rows.length > 0;
}

/** Whether the consent has been withdrawn. */
export async function isWithdrawn(db: Executor, municipalityId: string, consentId: string) {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(consentWithdrawals)
    .where(inMunicipality(consentWithdrawals, municipalityId, { consentId }));
  return rows.length > 0;
}
