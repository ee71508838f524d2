import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { auditQuerySchema } from "./schema.js";
import * as service from "./service.js";

export function auditTrailRoutes(app: FastifyInstance, db: Db) {
  /** The municipality's audit trail, newest first; filters are ids and dates only (see auditQuerySchema). */
  app.get("/api/audit/entries", async (request, reply) => {
    const actor = requireActor(request);
    const query = parseInput(auditQuerySchema, request.query);
    reply.header("cache-control", "no-store");
    return service.listAuditEntries(db, actor, query);
  });
}
