import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import type { Db } from "./db/client.js";
import { registerApiDescription } from "./modules/api-description/document.js";
import { apiDescriptionRoutes } from "./modules/api-description/routes.js";
import { authRoutes } from "./modules/auth/routes.js";
import { departmentRoutes } from "./modules/departments/routes.js";
import { registerModules } from "./modules/index.js";
import { DEFAULT_DELIVERY, type DeliveryPolicy } from "./modules/mail/delivery.js";
import { mailRoutes } from "./modules/mail/routes.js";
import { startNoticeMail } from "./modules/mail/worker.js";
import { registerRouteGate } from "./platform/access/route-gate.js";
import { AuditSealer } from "./platform/audit-sealer.js";
import { cookieSettings, registerAuth } from "./platform/auth/plugin.js";
import { registerErrorHandler } from "./platform/errors.js";
import { registerJsonBody } from "./platform/http/json-body.js";
import { registerSecurityHeaders } from "./platform/http/security-headers.js";
import { registerWebApp } from "./platform/http/web-app.js";
import { Jobs } from "./platform/jobs/jobs.js";
import { secretBoxAt } from "./platform/mail/secret-box.js";
import { UPLOAD_CONTENT_TYPES, UPLOAD_LIMITS } from "./platform/uploads/limits.js";

export interface AppOptions {
  db: Db;
  secureCookies: boolean;
  logger?: boolean | object;
  /** serve the built web app from this folder (absent in API-only tests) */
  webRoot?: string | null;
  /** told of every route as it is registered (tests walk every route of the app) */
  onRoute?: (route: RouteOptions) => void;
  /** the audit sealer's own connection (Database.background()), so it never waits behind requests; default db */
  sealerDb?: Db;
  /** the key sealing the SMTP password (a file outside the database) and the address the mail links to */
  mail?: { keyPath: string; appUrl: string };
  /**
   * run the job table (pg-boss) and the notice mail delivery with the app; absent or false: no jobs (the tests
   * that do not need them; `TSUNAGU_JOBS=0` for the server)
   */
  jobs?: false | { pollingSeconds?: number; delivery?: Partial<DeliveryPolicy> };
}

declare module "fastify" {
  interface FastifyInstance {
    /** the job table, when the app runs it */
    jobs?: Jobs;
  }
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
  await registerSecurityHeaders(app, { secure: opts.secureCookies });
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
    // API answers may carry personal data: never cached by the browser or a proxy.
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });

  const cookies = cookieSettings(opts.secureCookies);
  registerAuth(app, opts.db, cookies);
  registerRouteGate(app, opts.db, (key) => app.log.error({ route: key }, "route missing from the access table"));
  authRoutes(app, opts.db, cookies);
  departmentRoutes(app, opts.db);
  registerModules(app, opts.db);
  const mail = {
    secrets: secretBoxAt(opts.mail?.keyPath ?? null),
    appUrl: opts.mail?.appUrl ?? "http://localhost:3000",
  };
  mailRoutes(app, opts.db, mail);
  await apiDescriptionRoutes(app);

  app.get("/healthz", async () => ({ ok: true }));

  // Audit records are sealed into their chain shortly after they commit: a round once an API answer is sent (its
  // transaction has committed by then), after every audit insert, and every second; the rest when the app closes.
  const sealer = new AuditSealer(opts.sealerDb ?? opts.db, {
    onError: (err) => app.log.error({ err }, "audit sealing failed"),
  });
  app.addHook("onResponse", async (request) => {
    if (request.url.startsWith("/api/")) sealer.schedule();
  });
  app.addHook("onClose", () => sealer.close());

  if (opts.jobs) {
    // started before the app listens, stopped when it closes: a job in hand finishes first (or runs again at the
    // next start), and what was queued while the app was down is delivered now
    const jobs = new Jobs(opts.db, {
      pollingSeconds: opts.jobs.pollingSeconds,
      onError: (err) => app.log.error({ err }, "job table error"),
    });
    await jobs.start();
    const stopMail = await startNoticeMail(jobs, opts.db, mail, { ...DEFAULT_DELIVERY, ...opts.jobs.delivery });
    app.decorate("jobs", jobs);
    app.addHook("onClose", async () => {
      stopMail();
      await jobs.stop();
    });
  }

  const webRoot = opts.webRoot === undefined ? defaultWebRoot : opts.webRoot;
  await registerWebApp(app, webRoot && existsSync(webRoot) ? webRoot : null);
  return app;
}
