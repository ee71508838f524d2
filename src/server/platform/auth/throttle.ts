import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { loginAttempts } from "../../db/schema/index.js";

/** After this many consecutive failures the account key is locked; each further failure doubles the lock. */
export const MAX_FAILURES = 5;
const BASE_LOCK_MS = 60_000;

export async function lockedUntil(db: Executor, key: string): Promise<Date | null> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now()) return row.lockedUntil;
  return null;
}

export async function recordFailure(db: Executor, key: string): Promise<void> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  const failures = (row?.failures ?? 0) + 1;
  const lock =
    failures >= MAX_FAILURES ? new Date(Date.now() + BASE_LOCK_MS * 2 ** Math.min(failures - MAX_FAILURES, 6)) : null;
  await db
    .insert(loginAttempts)
    .values({ key, failures, lockedUntil: lock })
    .onConflictDoUpdate({ target: loginAttempts.key, set: { failures, lockedUntil: lock, updatedAt: sql`now()` } });
}

export async function recordSuccess(db: Executor, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
