import { and, asc, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, recordNamedBy, updateAtVersion, withIds } from "../../db/records.js";
import { auditLog, userDepartments, users } from "../../db/schema/index.js";
import { newestFirst } from "../../platform/audit.js";

export type UserRow = typeof users.$inferSelect;

export function listUsers(db: Executor, municipalityId: string) {
  return db.select().from(users).where(inMunicipality(users, municipalityId)).orderBy(asc(users.loginId));
}

export function findUser(db: Executor, municipalityId: string, userId: string) {
  return findOne(db, users, municipalityId, { id: userId });
}

/** The display names of these users of the municipality (for histories that recorded who by id). */
export async function displayNamesOf(db: Executor, municipalityId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(withIds(users, municipalityId, ids));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export function findUserByLogin(db: Executor, municipalityId: string, loginId: string) {
  return findOne(db, users, municipalityId, { loginId });
}

export function insertUser(db: Executor, values: typeof users.$inferInsert) {
  return insertOne(db, users, values);
}

export function updateUser(
  db: Executor,
  municipalityId: string,
  userId: string,
  version: number,
  values: Partial<UserRow>,
) {
  return updateAtVersion(db, users, municipalityId, { id: userId, version }, values);
}

export async function departmentIdsOfUsers(db: Executor, municipalityId: string) {
  const rows = await db.select().from(userDepartments).where(inMunicipality(userDepartments, municipalityId));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.departmentId]);
  return map;
}

export async function setUserDepartments(
  db: Executor,
  municipalityId: string,
  userId: string,
  departmentIds: string[],
) {
  await db.delete(userDepartments).where(inMunicipality(userDepartments, municipalityId, { userId }));
  if (departmentIds.length) {
    await db
      .insert(userDepartments)
      .values(departmentIds.map((departmentId) => ({ municipalityId, userId, departmentId })));
  }
}

/**
 * The account records (create, update, password reset) of support-side accounts, newest first: a change of role,
 * agency or state of an account that acted, or acts, on the support side. Read from the audit trail, where every
 * such change is written in its own transaction.
 */
export function listAccountChanges(db: Executor, municipalityId: string, roles: readonly string[], limit: number) {
  const roleList = sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  );
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityId: auditLog.entityId,
      actorLabel: auditLog.actorLabel,
      actorName: users.displayName,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, recordNamedBy(users, auditLog.actorUserId))
    .where(
      and(
        inMunicipality(auditLog, municipalityId, { entityType: "user" }),
        inArray(auditLog.action, ["create", "update", "update_with_password"]),
        sql`(${auditLog.after}->>'role' in (${roleList}) or ${auditLog.before}->>'role' in (${roleList}))`,
      ),
    )
    .orderBy(...newestFirst)
    .limit(limit);
}
export type AccountChangeRow = Awaited<ReturnType<typeof listAccountChanges>>[number];
