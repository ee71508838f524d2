import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { createAgencySchema } from "./schema.js";
import * as service from "./service.js";

export function agencyRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "agencies");

  route("GET /api/agencies", {}, async ({ actor }) => ({ agencies: await service.listAgencies(db, actor) }));

  route("POST /api/agencies", { body: createAgencySchema, status: 201, etag: "agency" }, async ({ actor, body }) => ({
    agency: await service.createAgency(db, actor, body),
  }));
}
