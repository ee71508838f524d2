import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";
import { principalOf } from "../../../domain/access/principals.js";
import { type RouteRule, ruleOf } from "../../../domain/access/route-table.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../audit.js";
import { AppError, forbidden, notFound, unauthorized } from "../errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of a route in the access table: "GET /api/cases/:caseId" (HEAD answers as its GET). */
export const routeKey = (method: string, url: string) => `${method === "HEAD" ? "GET" : method} ${url}`;

/** The routes the access table governs: the API, and the public site and its open data (issue 16). */
const isGated = (url: string) => url.startsWith("/api/") || url.startsWith("/p/");

const registered = new WeakMap<FastifyInstance, Set<string>>();

/** Every /api and /p route key the app registered (the access test walks them all, and fails on one the table lacks). */
export function registeredRouteKeys(app: FastifyInstance): string[] {
  return [...(registered.get(app) ?? [])].sort();
}

/**
 * Deny by default: every /api route gets a gate, run after the session is known and before the body is read,
 * that lets through only the callers the access table allows. A route the table does not name answers nobody
 * (404) and is reported at start, so it cannot ship unnoticed (the access test fails on it too).
 */
export function registerRouteGate(app: FastifyInstance, db: Db, onMissing: (key: string) => void) {
  const keys = new Set<string>();
  registered.set(app, keys);
  app.addHook("onRoute", (route) => {
    if (!isGated(route.url)) return;
    const methods = [route.method].flat();
    const gates = new Map<string, RouteRule | undefined>();
    for (const m of methods) {
      const key = routeKey(m, route.url);
      keys.add(key);
      const rule = ruleOf(key);
      if (!rule) onMissing(key);
      gates.set(m, rule);
    }
    const gate: onRequestHookHandler = async (request) => {
      const rule = gates.get(request.method);
      if (!rule) throw notFound("ページ");
      await admit(db, request, rule);
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), gate];
  });
}

const signInIncomplete = (pendingSteps: readonly string[]) =>
  new AppError(
    403,
    "sign_in_incomplete",
    pendingSteps[0] === "set_password"
      ? "ログインの手続きが済んでいません。パスワードを設定してください"
      : "ログインの手続きが済んでいません。二段階認証を済ませてください",
    { pendingSteps },
  );

async function admit(db: Db, request: FastifyRequest, rule: RouteRule) {
  if (rule.allow === "public") return;
  const auth = request.auth;
  if (!auth) throw unauthorized();
  // a sign-in with a step left (set the password, the second factor) opens nothing but that step's routes, the
  // session and logout
  const step = auth.pendingSteps[0];
  if (step && !rule.during?.includes(step)) throw signInIncomplete(auth.pendingSteps);
  if (rule.allow === "signed_in") return;
  const principal = principalOf(auth);
  if (principal && rule.allow.includes(principal)) return;
  if (rule.denied !== 404) throw forbidden();
  // a need-to-know record: the refused attempt is kept, as when a service hides a record from an allowed role
  const id = rule.record ? (request.params as Record<string, string | undefined>)[rule.record.param] : undefined;
  if (rule.record && id && UUID.test(id)) {
    const entityType = rule.record.entityType;
    await db.transaction((tx) =>
      recordAudit(tx, {
        ...actorOf(auth, request.ip),
        action: "denied",
        entityType,
        entityId: id.toLowerCase(),
        basis: "role_not_allowed",
      }),
    );
  }
  throw notFound(rule.record?.what);
}
