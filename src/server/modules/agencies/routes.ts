import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { setVersionTag } from "../../platform/versions.js";
import { createAgencySchema } from "./schema.js";
import * as service from "./service.js";

export function agencyRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/agencies", async (request) => {
    const actor = requireActor(request);
    return { agencies: await service.listAgencies(db, actor) };
  });

  app.post("/api/agencies", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(createAgencySchema, request.body);
    const agency = await service.createAgency(db, actor, input);
    reply.status(201);
    setVersionTag(reply, agency.version);
    return { agency };
  });
}
