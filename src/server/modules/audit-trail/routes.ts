import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { auditQuerySchema } from "./schema.js";
import * as service from "./service.js";

export function auditTrailRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "audit-trail");

  /** The municipality's audit trail, newest first; filters are ids and dates only (see auditQuerySchema). */
  route("GET /api/audit/entries", { query: auditQuerySchema }, async ({ actor, query }) =>
    service.listAuditEntries(db, actor, query),
  );
}
