/**
 * Records whose very existence is need-to-know (a referral, a case, a household, a meeting): a caller without a basis
 * is told "not found", and the attempt is an audit record that stays even though the request fails.
 */
import type { Db, Executor } from "../db/client.js";
import { actorOf, recordAudit } from "./audit.js";
import type { RequestActor } from "./auth/context.js";

/** A refused attempt on a need-to-know record; `action` says what was tried (basis need_to_know:<action>). */
export async function recordDenial(
  tx: Executor,
  actor: RequestActor,
  target: { entityType: "referral" | "case" | "household" | "meeting" | "resource"; entityId: string },
  action: string,
) {
  await recordAudit(tx, { ...actorOf(actor), action: "denied", ...target, basis: `need_to_know:${action}` });
}

/**
 * Runs `work` in one transaction on a record the caller may see. `load` answers null for a hidden record, after
 * recording the denial: that transaction commits (the denial stays) and `hidden()` is thrown after it.
 */
export async function withVisible<V, T>(
  db: Db,
  load: (tx: Executor) => Promise<V | null>,
  work: (tx: Executor, visible: V) => Promise<T>,
  hidden: () => Error,
): Promise<T> {
  const result = await db.transaction(async (tx) => {
    const visible = await load(tx);
    if (visible === null) return { hidden: true as const };
    return { hidden: false as const, value: await work(tx, visible) };
  });
  if (result.hidden) throw hidden();
  return result.value;
}
