import type { Executor } from "../../db/client.js";
import { type Actor, type AuditEntry, actorOf, recordAudit } from "../../platform/audit.js";
import { touchPlan } from "./repository.js";

/** What an audit record says about a change, beside who made it. */
export type AuditedChange = Omit<AuditEntry, keyof ReturnType<typeof actorOf>>;

/**
 * A change to a plan's items, sheets, indicators, targets, actuals or revisions, in the caller's transaction: the
 * plan's version moves, so every view cached per plan version is computed again, and the change is audited.
 */
export async function recordPlanChange(tx: Executor, actor: Actor, planId: string, change: AuditedChange) {
  await touchPlan(tx, actor.municipalityId, planId);
  await recordAudit(tx, { ...actorOf(actor), ...change });
}
