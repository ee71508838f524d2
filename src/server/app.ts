import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import type { Db } from "./db/client.js";
import { registerApiDescription } from "./modules/api-description/document.js";
import { apiDescriptionRoutes } from "./modules/api-description/routes.js";
import { authRoutes } from "./modules/auth/routes.js";
import { departmentRoutes } from "./modules/departments/routes.js";
import { registerModules } from "./modules/index.js";
import { registerRouteGate } from "./platform/access/route-gate.js";
import { cookieSettings, registerAuth } from "./platform/auth/plugin.js";
import { registerErrorHandler } from "./platform/errors.js";
import { registerJsonBody } from "./platform/http/json-body.js";
import { UPLOAD_CONTENT_TYPES, UPLOAD_LIMITS } from "./platform/uploads/limits.js";

export interface AppOptions {
  db: Db;
  secureCookies: boolean;
  logger?: boolean | object;
  /** serve the built web app from this folder (absent in API-only tests) */
  webRoot?: string | null;
  /** told of every route as it is registered (tests walk every route of the app) */
  onRoute?: (route: RouteOptions) => void;
}

export const defaultWebRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: false,
  });
  if (opts.onRoute) app.addHook("onRoute", opts.onRoute);
  registerErrorHandler(app);
  registerJsonBody(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // before any route: it describes each route as it is registered
  await registerApiDescription(app);
  // Uploads arrive as raw bytes: the importers decide what the bytes are (UTF-8, Shift_JIS, xlsx). Their own size
  // limit (platform/uploads/limits.ts), whatever the limit for other bodies is.
  app.addContentTypeParser(
    [...UPLOAD_CONTENT_TYPES],
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMITS.uploadBytes },
    (_req, body, done) => done(null, body),
  );
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      // API answers may carry personal data: never cached by the browser or a proxy.
      if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    }
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
  });

  const cookies = cookieSettings(opts.secureCookies);
  registerAuth(app, opts.db, cookies);
  registerRouteGate(app, opts.db, (key) => app.log.error({ route: key }, "route missing from the access table"));
  authRoutes(app, opts.db, cookies);
  departmentRoutes(app, opts.db);
  registerModules(app, opts.db);
  await apiDescriptionRoutes(app);

  app.get("/healthz", async () => ({ ok: true }));

  const webRoot = opts.webRoot === undefined ? defaultWebRoot : opts.webRoot;
  const serveWeb = !!webRoot && existsSync(webRoot);
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: any non-API GET that is not a file gets the app shell.
    if (serveWeb && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send({ error: "not_found", message: "ページが見つかりません" });
  });
  return app;
}
