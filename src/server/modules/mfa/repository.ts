import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { MfaPolicy } from "../../../domain/mfa/second-factor.js";
import type { Executor } from "../../db/client.js";
import { findOne } from "../../db/records.js";
import { mfaRecoveryCodes, municipalities, sessions, users } from "../../db/schema/index.js";

const ofUser = (municipalityId: string, userId: string) =>
  and(eq(users.municipalityId, municipalityId), eq(users.id, userId));

export const findUser = (db: Executor, municipalityId: string, userId: string) =>
  findOne(db, users, municipalityId, { id: userId });

export async function planSidePolicy(db: Executor, municipalityId: string): Promise<MfaPolicy> {
  return (await planSideSetting(db, municipalityId)).planSide;
}

/** The plan side's setting with the version of the municipality's settings (If-Match names it). */
export async function planSideSetting(db: Executor, municipalityId: string) {
  const [row] = await db
    .select({ planSide: municipalities.mfaForPlanSide, version: municipalities.settingsVersion })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return { planSide: row?.planSide ?? ("optional" as MfaPolicy), version: row?.version ?? 1 };
}

/** Changes the setting if the settings are still at `version`; false when another change came first. */
export async function setPlanSidePolicy(db: Executor, municipalityId: string, policy: MfaPolicy, version: number) {
  const rows = await db
    .update(municipalities)
    .set({ mfaForPlanSide: policy, settingsVersion: version + 1 })
    .where(and(eq(municipalities.id, municipalityId), eq(municipalities.settingsVersion, version)))
    .returning({ id: municipalities.id });
  return rows.length > 0;
}

export async function setPendingSecret(db: Executor, municipalityId: string, userId: string, secret: string) {
  await db.update(users).set({ mfaPendingSecret: secret }).where(ofUser(municipalityId, userId));
}

/** The offered secret becomes the account's, with the step of the code that confirmed it already used. */
export async function confirmSecret(
  db: Executor,
  municipalityId: string,
  userId: string,
  secret: string,
  step: number,
) {
  await db
    .update(users)
    .set({ mfaSecret: secret, mfaPendingSecret: null, mfaLastStep: step, version: sql`${users.version} + 1` })
    .where(ofUser(municipalityId, userId));
}

/** Removes the second factor: secret, offered secret, last step and recovery codes. */
export async function clearSecondFactor(db: Executor, municipalityId: string, userId: string) {
  await db
    .update(users)
    .set({ mfaSecret: null, mfaPendingSecret: null, mfaLastStep: null, version: sql`${users.version} + 1` })
    .where(ofUser(municipalityId, userId));
  await db
    .delete(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.municipalityId, municipalityId), eq(mfaRecoveryCodes.userId, userId)));
}

/**
 * Takes a time step for the account in one statement: it succeeds only when the step is later than the last one
 * accepted, so two requests with the same code (at once or one after the other) cannot both pass.
 */
export async function takeStep(db: Executor, municipalityId: string, userId: string, step: number) {
  const rows = await db
    .update(users)
    .set({ mfaLastStep: step })
    .where(and(ofUser(municipalityId, userId), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function replaceRecoveryCodes(db: Executor, municipalityId: string, userId: string, hashes: string[]) {
  await db
    .delete(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.municipalityId, municipalityId), eq(mfaRecoveryCodes.userId, userId)));
  await db.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ municipalityId, userId, codeHash })));
}

/** Uses a recovery code once: true when it existed unused (it is marked used in the same statement). */
export async function useRecoveryCode(db: Executor, municipalityId: string, userId: string, codeHash: string) {
  const rows = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(mfaRecoveryCodes.municipalityId, municipalityId),
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ codeHash: mfaRecoveryCodes.codeHash });
  return rows.length === 1;
}

export async function unusedRecoveryCodes(db: Executor, municipalityId: string, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(
      and(
        eq(mfaRecoveryCodes.municipalityId, municipalityId),
        eq(mfaRecoveryCodes.userId, userId),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    );
  return row?.n ?? 0;
}

/** Ends every session of the user except one (the caller's own, when an administrator resets itself). */
export async function endSessionsExcept(db: Executor, municipalityId: string, userId: string, keepHash: string) {
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.municipalityId, municipalityId), eq(sessions.userId, userId), ne(sessions.tokenHash, keepHash)),
    );
}
