import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { sessions } from "../../db/schema/index.js";
import { GenerationCache } from "../../db/write-generation.js";
import type { AuthContext, Role, SignInStep } from "./context.js";

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

interface SessionRow {
  municipality_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string | Date;
  last_seen_at: string | Date;
  login_id: string;
  display_name: string;
  role: string;
  disabled: boolean;
  password_change_required: boolean;
  code: string;
  name: string;
  department_ids: string[] | null;
  agency_id: string | null;
  is_coordinator: boolean | null;
}

/**
 * Resolves a cookie token to the caller in one query (it runs on every request); expired sessions (idle or
 * absolute) and disabled users resolve to null, so disabling an account ends its sessions at once.
 */
export async function loadSession(db: Executor, token: string): Promise<AuthContext | null> {
  const hash = tokenHash(token);
  // On the embedded database the row is reused until anything is written (a login, a logout, a touch, a change
  // of the user, its departments or its agency), so a disabled account still ends at its next request.
  const row = await sessionRows.get(db, hash, () => findSessionRow(db, hash));
  if (!row) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (
    row.disabled ||
    now - lastSeen > IDLE_TIMEOUT_MS ||
    now - new Date(row.created_at).getTime() > ABSOLUTE_TIMEOUT_MS
  ) {
    await destroySession(db, hash);
    return null;
  }
  // Touch at most once a minute so that reads do not write on every request.
  if (now - lastSeen > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(sessions.municipalityId, row.municipality_id), eq(sessions.tokenHash, hash)));
  }
  return {
    userId: row.user_id,
    municipalityId: row.municipality_id,
    municipalityCode: row.code,
    municipalityName: row.name,
    loginId: row.login_id,
    displayName: row.display_name,
    role: row.role as Role,
    departmentIds: [...(row.department_ids ?? [])],
    agencyId: row.agency_id ?? null,
    isCoordinator: row.is_coordinator === true,
    csrfToken: row.csrf_token,
    sessionTokenHash: hash,
    pendingSteps: pendingStepsOf(row),
  };
}

/** What the account still has to do before its session may do anything else, in the order it is done. */
function pendingStepsOf(row: SessionRow): SignInStep[] {
  return row.password_change_required ? ["set_password"] : [];
}

const sessionRows = new GenerationCache<SessionRow | null>(10_000);

async function findSessionRow(db: Executor, hash: string): Promise<SessionRow | null> {
  const result = await db.execute(sql`
    select s.municipality_id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
           u.login_id, u.display_name, u.role, u.disabled, u.password_change_required, m.code, m.name,
           u.agency_id, a.is_coordinator,
           (select array_agg(ud.department_id::text) from user_departments ud
             where ud.municipality_id = u.municipality_id and ud.user_id = u.id) as department_ids
    from sessions s
    join users u on u.municipality_id = s.municipality_id and u.id = s.user_id
    join municipalities m on m.id = s.municipality_id
    left join agencies a on a.municipality_id = u.municipality_id and a.id = u.agency_id
    where s.token_hash = ${hash}
    limit 1`);
  return (result as unknown as { rows: SessionRow[] }).rows[0] ?? null;
}

export async function purgeExpiredSessions(db: Executor) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - IDLE_TIMEOUT_MS)));
}
