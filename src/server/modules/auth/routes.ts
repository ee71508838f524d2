import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { type CookieSettings, clearSessionCookie, setSessionCookie } from "../../platform/auth/plugin.js";
import { routesFor } from "../../platform/http/route.js";
import { presentSession } from "./presenter.js";
import { loginSchema, setPasswordSchema } from "./schema.js";
import { listMunicipalities, login, logout, setOwnPassword } from "./service.js";

export function authRoutes(app: FastifyInstance, db: Db, cookies: CookieSettings) {
  const route = routesFor(app, "auth");

  route("GET /api/municipalities", {}, async () => ({ municipalities: await listMunicipalities(db) }));

  route(
    "POST /api/auth/login",
    { body: loginSchema, alsoAnswers: [401], config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async ({ body, request, reply }) => {
      const session = await login(db, body, {
        ip: request.ip,
        log: request.log,
        previousSessionHash: request.auth?.sessionTokenHash ?? null,
      });
      setSessionCookie(reply, cookies, session.token);
      return { csrfToken: session.csrfToken };
    },
  );

  route("POST /api/auth/logout", {}, async ({ request, reply }) => {
    if (request.auth) await logout(db, request.auth);
    clearSessionCookie(reply, cookies);
    return { ok: true };
  });

  route("GET /api/auth/session", {}, async ({ actor }) => presentSession(actor));

  route("POST /api/auth/password", { body: setPasswordSchema }, async ({ actor, body }) =>
    setOwnPassword(db, actor, body),
  );
}
