import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditLog, userDepartments, users } from "../../db/schema/index.js";

export type UserRow = typeof users.$inferSelect;

export function listUsers(db: Executor, municipalityId: string) {
  return db.select().from(users).where(eq(users.municipalityId, municipalityId)).orderBy(asc(users.loginId));
}

export async function findUser(db: Executor, municipalityId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.id, userId)));
  return row ?? null;
}

/** The display names of these users of the municipality (for histories that recorded who by id). */
export async function displayNamesOf(db: Executor, municipalityId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function findUserByLogin(db: Executor, municipalityId: string, loginId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.loginId, loginId)));
  return row ?? null;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateUser(
  db: Executor,
  municipalityId: string,
  userId: string,
  version: number,
  values: Partial<UserRow>,
) {
  const [row] = await db
    .update(users)
    .set({ ...values, version: version + 1 })
    .where(and(eq(users.municipalityId, municipalityId), eq(users.id, userId), eq(users.version, version)))
    .returning();
  return row ?? null;
}

export async function departmentIdsOfUsers(db: Executor, municipalityId: string) {
  const rows = await db.select().from(userDepartments).where(eq(userDepartments.municipalityId, municipalityId));
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
  await db
    .delete(userDepartments)
    .where(and(eq(userDepartments.municipalityId, municipalityId), eq(userDepartments.userId, userId)));
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
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      entityId: auditLog.entityId,
      actorLabel: auditLog.actorLabel,
      actorName: users.displayName,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.municipalityId, auditLog.municipalityId), eq(users.id, auditLog.actorUserId)))
    .where(
      and(
        eq(auditLog.municipalityId, municipalityId),
        eq(auditLog.entityType, "user"),
        inArray(auditLog.action, ["create", "update", "update_with_password"]),
        sql`(${auditLog.after}->>'role' in (${roleList}) or ${auditLog.before}->>'role' in (${roleList}))`,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
export type AccountChangeRow = Awaited<ReturnType<typeof listAccountChanges>>[number];
