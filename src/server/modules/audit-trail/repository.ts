import { and, desc, eq, gte, inArray, lt, notInArray, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditLog, users } from "../../db/schema/index.js";

/** Actions that are neither a read, a denial nor a sign-in are changes. */
export const READ_ACTIONS = ["read"];
export const DENIED_ACTIONS = ["denied"];
export const LOGIN_ACTIONS = ["login", "login_failed"];

/**
 * Targets that other records are made "through": a read of a person on a referral is recorded against the person
 * with the basis "referral:<id>", so asking about the referral finds it too.
 */
export const THROUGH_TARGETS = new Set(["referral", "case"]);

export interface EntryFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  /** inclusive */
  fromAt?: Date | undefined;
  /** exclusive */
  untilAt?: Date | undefined;
  actions?: { in: string[] } | { notIn: string[] } | undefined;
  beforeSeq?: number | undefined;
}

export async function findEntries(db: Executor, municipalityId: string, f: EntryFilter, limit: number) {
  const where: (SQL | undefined)[] = [eq(auditLog.municipalityId, municipalityId)];
  if (f.entityType && f.entityId) {
    const own = and(eq(auditLog.entityType, f.entityType), eq(auditLog.entityId, f.entityId));
    where.push(THROUGH_TARGETS.has(f.entityType) ? or(own, eq(auditLog.basis, `${f.entityType}:${f.entityId}`)) : own);
  } else if (f.entityType) {
    where.push(eq(auditLog.entityType, f.entityType));
  }
  if (f.actorUserId) where.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.fromAt) where.push(gte(auditLog.at, f.fromAt));
  if (f.untilAt) where.push(lt(auditLog.at, f.untilAt));
  if (f.actions && "in" in f.actions) where.push(inArray(auditLog.action, f.actions.in));
  if (f.actions && "notIn" in f.actions) where.push(notInArray(auditLog.action, f.actions.notIn));
  if (f.beforeSeq) where.push(lt(auditLog.seq, f.beforeSeq));
  return db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      basis: auditLog.basis,
      ip: auditLog.ip,
      actorName: users.displayName,
      /** stored with the record since the column exists */
      recordedAgencyId: auditLog.actorAgencyId,
      /** the account's agency now: only a fallback for older records */
      currentAgencyId: users.agencyId,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.municipalityId, auditLog.municipalityId), eq(users.id, auditLog.actorUserId)))
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
export type EntryRow = Awaited<ReturnType<typeof findEntries>>[number];

/** The account records (create / update) of some users, oldest first: their agency over time is in them. */
export function accountHistory(db: Executor, municipalityId: string, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .select({
      seq: auditLog.seq,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.municipalityId, municipalityId),
        eq(auditLog.entityType, "user"),
        inArray(auditLog.entityId, userIds),
        notInArray(auditLog.action, LOGIN_ACTIONS),
      ),
    )
    .orderBy(auditLog.seq);
}
export type AccountRecord = Awaited<ReturnType<typeof accountHistory>>[number];
