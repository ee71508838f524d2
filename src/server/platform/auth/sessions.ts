import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { municipalities, sessions, userDepartments, users } from "../../db/schema/index.js";
import type { AuthContext, Role } from "./context.js";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Executor, municipalityId: string, userId: string) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db.insert(sessions).values({ municipalityId, tokenHash: tokenHash(token), userId, csrfToken });
  return { token, csrfToken };
}

export async function destroySession(db: Executor, hash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, hash));
}

export async function destroyUserSessions(db: Executor, municipalityId: string, userId: string) {
  await db.delete(sessions).where(and(eq(sessions.municipalityId, municipalityId), eq(sessions.userId, userId)));
}

/** Resolves a cookie token to the caller; expired sessions (idle or absolute) and disabled users resolve to null. */
export async function loadSession(db: Executor, token: string): Promise<AuthContext | null> {
  const hash = tokenHash(token);
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      municipality: municipalities,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.municipalityId, sessions.municipalityId), eq(users.id, sessions.userId)))
    .innerJoin(municipalities, eq(municipalities.id, sessions.municipalityId))
    .where(eq(sessions.tokenHash, hash))
    .limit(1);
  if (!row) return null;
  const now = Date.now();
  if (
    row.user.disabled ||
    now - row.session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS ||
    now - row.session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS
  ) {
    await destroySession(db, hash);
    return null;
  }
  // Touch at most once a minute so that reads do not write on every request.
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(sessions.municipalityId, row.session.municipalityId), eq(sessions.tokenHash, hash)));
  }
  const depts = await db
    .select({ id: userDepartments.departmentId })
    .from(userDepartments)
    .where(and(eq(userDepartments.municipalityId, row.user.municipalityId), eq(userDepartments.userId, row.user.id)));
  return {
    userId: row.user.id,
    municipalityId: row.user.municipalityId,
    municipalityCode: row.municipality.code,
    municipalityName: row.municipality.name,
    loginId: row.user.loginId,
    displayName: row.user.displayName,
    role: row.user.role as Role,
    departmentIds: depts.map((d) => d.id),
    csrfToken: row.session.csrfToken,
    sessionTokenHash: hash,
  };
}

export async function purgeExpiredSessions(db: Executor) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - IDLE_TIMEOUT_MS)));
}
