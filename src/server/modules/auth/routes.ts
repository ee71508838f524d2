import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { type CookieSettings, clearSessionCookie, requireAuth, setSessionCookie } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { presentSession } from "./presenter.js";
import { loginSchema } from "./schema.js";
import { listMunicipalities, login, logout } from "./service.js";

export function authRoutes(app: FastifyInstance, db: Db, cookies: CookieSettings) {
  app.get("/api/municipalities", async () => ({ municipalities: await listMunicipalities(db) }));

  app.post(
    "/api/auth/login",
    { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const input = parseInput(loginSchema, request.body);
      const session = await login(db, input, {
        ip: request.ip,
        log: request.log,
        previousSessionHash: request.auth?.sessionTokenHash ?? null,
      });
      setSessionCookie(reply, cookies, session.token);
      return { csrfToken: session.csrfToken };
    },
  );

  app.post("/api/auth/logout", async (request, reply) => {
    if (request.auth) await logout(db, request.auth);
    clearSessionCookie(reply, cookies);
    return { ok: true };
  });

  app.get("/api/auth/session", async (request, reply) => {
    const auth = requireAuth(request);
    reply.header("cache-control", "no-store");
    return presentSession(auth);
  });
}
