import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { toHalfWidth } from "../../../domain/text/normalize.js";
import type { Db } from "../../db/client.js";
import { municipalities, users } from "../../db/schema/index.js";
import { recordAudit } from "../../platform/audit.js";
import { ROLE_LABELS } from "../../platform/auth/context.js";
import { burnPasswordCheck, verifyPassword } from "../../platform/auth/passwords.js";
import { type CookieSettings, clearSessionCookie, requireAuth, setSessionCookie } from "../../platform/auth/plugin.js";
import { createSession, destroySession } from "../../platform/auth/sessions.js";
import { lockedUntil, recordFailure, recordSuccess } from "../../platform/auth/throttle.js";
import { AppError, parseInput } from "../../platform/errors.js";
import { loginSchema } from "./schema.js";

const badLogin = () => new AppError(401, "bad_credentials", "ログインIDまたはパスワードが正しくありません");

export function authRoutes(app: FastifyInstance, db: Db, cookies: CookieSettings) {
  app.get("/api/municipalities", async () => {
    const rows = await db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities);
    return { municipalities: rows };
  });

  app.post(
    "/api/auth/login",
    { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const input = parseInput(loginSchema, request.body);
      const code = toHalfWidth(input.municipalityCode);
      const loginId = toHalfWidth(input.loginId).toLowerCase();
      const key = `${code}:${loginId}`;
      const until = await lockedUntil(db, key);
      if (until) {
        throw new AppError(
          429,
          "locked",
          "ログインに続けて失敗したため、しばらくの間ログインできません。時間をおいてお試しください。",
          {
            lockedUntil: until.toISOString(),
          },
        );
      }
      const [row] = await db
        .select({ user: users, municipality: municipalities })
        .from(users)
        .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
        .where(and(eq(municipalities.code, code), eq(users.loginId, loginId)))
        .limit(1);
      if (!row || row.user.disabled) {
        await burnPasswordCheck(input.password);
        await recordFailure(db, key);
        throw badLogin();
      }
      if (!(await verifyPassword(row.user.passwordHash, input.password))) {
        await recordFailure(db, key);
        await db.transaction((tx) =>
          recordAudit(tx, {
            municipalityId: row.user.municipalityId,
            actorUserId: row.user.id,
            actorLabel: row.user.loginId,
            action: "login_failed",
            entityType: "user",
            entityId: row.user.id,
            ip: request.ip,
          }),
        );
        throw badLogin();
      }
      await recordSuccess(db, key);
      // A fresh token at every login: a session id planted before login is never promoted.
      const oldToken = request.cookies[cookies.name];
      if (oldToken && request.auth) await destroySession(db, request.auth.sessionTokenHash);
      const session = await db.transaction(async (tx) => {
        const s = await createSession(tx, row.user.municipalityId, row.user.id);
        await recordAudit(tx, {
          municipalityId: row.user.municipalityId,
          actorUserId: row.user.id,
          actorLabel: row.user.loginId,
          action: "login",
          entityType: "user",
          entityId: row.user.id,
          ip: request.ip,
        });
        return s;
      });
      setSessionCookie(reply, cookies, session.token);
      return { csrfToken: session.csrfToken };
    },
  );

  app.post("/api/auth/logout", async (request, reply) => {
    if (request.auth) await destroySession(db, request.auth.sessionTokenHash);
    clearSessionCookie(reply, cookies);
    return { ok: true };
  });

  app.get("/api/auth/session", async (request, reply) => {
    const auth = requireAuth(request);
    reply.header("cache-control", "no-store");
    return {
      user: {
        id: auth.userId,
        loginId: auth.loginId,
        displayName: auth.displayName,
        role: auth.role,
        roleLabel: ROLE_LABELS[auth.role],
        departmentIds: auth.departmentIds,
        agencyId: auth.agencyId,
        isCoordinator: auth.isCoordinator,
      },
      municipality: { id: auth.municipalityId, code: auth.municipalityCode, name: auth.municipalityName },
      csrfToken: auth.csrfToken,
    };
  });
}
