import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireAuth } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { setVersionTag } from "../../platform/versions.js";
import { createAgencySchema } from "./schema.js";
import * as service from "./service.js";

export function agencyRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/agencies", async (request) => {
    const auth = requireAuth(request);
    return { agencies: await service.listAgencies(db, auth) };
  });

  app.post("/api/agencies", async (request, reply) => {
    const auth = requireAuth(request);
    const input = parseInput(createAgencySchema, request.body);
    const agency = await service.createAgency(db, auth, request.ip, input);
    reply.status(201);
    setVersionTag(reply, agency.version);
    return { agency };
  });
}
