import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { loginAttempts } from "../../db/schema/index.js";

/** After this many consecutive failures the account key is locked; each further failure doubles the lock. */
export const MAX_FAILURES = 5;
const BASE_LOCK_MS = 60_000;

export type AttemptSlot = { granted: true } | { granted: false; lockedUntil: Date };

/**
 * Takes one attempt before the (slow) password check, in one statement: the key's count goes up and, when it
 * reaches the limit, the key is locked at once. The row lock of the upsert serialises attempts for one key, in
 * one process or many on one PostgreSQL, so however many arrive at once only MAX_FAILURES of them are checked;
 * the others find the lock. A success clears the key (recordSuccess); a failure needs nothing more, it is counted.
 */
export async function takeAttempt(db: Executor, key: string): Promise<AttemptSlot> {
  const result = await db.execute(sql`
    insert into login_attempts (key, failures, locked_until, updated_at)
    values (${key}, 1, null, now())
    on conflict (key) do update set
      failures = login_attempts.failures + 1,
      locked_until = case
        when login_attempts.failures + 1 >= ${MAX_FAILURES}
        then now() + ${BASE_LOCK_MS} * power(2, least(login_attempts.failures + 1 - ${MAX_FAILURES}, 6))
          * interval '1 millisecond'
        end,
      updated_at = now()
    where login_attempts.locked_until is null or login_attempts.locked_until <= now()
    returning failures`);
  if ((result as unknown as { rows: unknown[] }).rows.length) return { granted: true };
  return { granted: false, lockedUntil: (await lockedUntil(db, key)) ?? new Date(Date.now() + BASE_LOCK_MS) };
}

export async function lockedUntil(db: Executor, key: string): Promise<Date | null> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now()) return row.lockedUntil;
  return null;
}

export async function recordSuccess(db: Executor, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
