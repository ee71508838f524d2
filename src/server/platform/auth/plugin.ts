import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { AppError, unauthorized } from "../errors.js";
import type { AuthContext, RequestActor } from "./context.js";
import { loadSession } from "./sessions.js";

export interface CookieSettings {
  name: string;
  secure: boolean;
}

export const cookieSettings = (secure: boolean): CookieSettings => ({
  // __Host- binds the cookie to this exact origin (Secure, Path=/, no Domain).
  name: secure ? "__Host-tsunagu_session" : "tsunagu_session",
  secure,
});

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const CSRF_EXEMPT = new Set(["/api/auth/login"]);

/**
 * Resolves the session cookie on every request and enforces CSRF on every state change:
 * the X-CSRF-Token header must equal the session's token, and a present Origin must be this host.
 */
export function registerAuth(app: FastifyInstance, db: Db, cookies: CookieSettings) {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[cookies.name];
    request.auth = token ? await loadSession(db, token) : null;
    if (UNSAFE.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && originHost(origin) !== request.headers.host) {
        throw new AppError(403, "bad_origin", "別のサイトからの操作は受け付けられません");
      }
      const path = request.url.split("?")[0] ?? "";
      if (!CSRF_EXEMPT.has(path) && request.auth && request.headers["x-csrf-token"] !== request.auth.csrfToken) {
        throw new AppError(403, "csrf", "画面を再読み込みしてから、もう一度操作してください");
      }
    }
  });
}

/**
 * The host an Origin header names, or null when it names none: a sandboxed frame or a privacy-sensitive redirect
 * sends the literal `null`, and anything unparsable is treated the same (refused, never trusted).
 */
function originHost(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  return new URL(origin).host || null;
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** The signed-in caller with the address the request came from: what services take. */
export function requireActor(request: FastifyRequest): RequestActor {
  return { ...requireAuth(request), ip: request.ip };
}

export function setSessionCookie(reply: FastifyReply, cookies: CookieSettings, token: string) {
  reply.setCookie(cookies.name, token, {
    path: "/",
    httpOnly: true,
    secure: cookies.secure,
    sameSite: "strict",
  });
}

export function clearSessionCookie(reply: FastifyReply, cookies: CookieSettings) {
  reply.clearCookie(cookies.name, { path: "/", httpOnly: true, secure: cookies.secure, sameSite: "strict" });
}
