import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { createHouseholdSchema, householdParams, listHouseholdsQuery, memberParams, memberSchema } from "./schema.js";
import * as service from "./service.js";

const noStore = (reply: FastifyReply) => reply.header("cache-control", "no-store");

/** 世帯 (households): need-to-know reads, each one audited; member changes need If-Match. */
export function householdRoutes(app: FastifyInstance, db: Db) {
  app.post("/api/households", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(createHouseholdSchema, request.body);
    const household = await service.createHousehold(db, actor, input);
    reply.status(201);
    noStore(reply);
    setVersionTag(reply, household.version);
    return { household };
  });

  app.get("/api/households", async (request, reply) => {
    const actor = requireActor(request);
    const { personId } = parseInput(listHouseholdsQuery, request.query);
    const households = await service.listHouseholds(db, actor, personId);
    noStore(reply);
    return { households };
  });

  app.get("/api/households/:householdId", async (request, reply) => {
    const actor = requireActor(request);
    const { householdId } = parseInput(householdParams, request.params);
    const household = await service.getHousehold(db, actor, householdId);
    noStore(reply);
    setVersionTag(reply, household.version);
    return { household };
  });

  app.post("/api/households/:householdId/members", async (request, reply) => {
    const actor = requireActor(request);
    const { householdId } = parseInput(householdParams, request.params);
    const input = parseInput(memberSchema, request.body);
    const version = expectedVersion(request);
    const household = await service.addMember(db, actor, householdId, version, input);
    reply.status(201);
    noStore(reply);
    setVersionTag(reply, household.version);
    return { household };
  });

  app.delete("/api/households/:householdId/members/:personId", async (request, reply) => {
    const actor = requireActor(request);
    const { householdId, personId } = parseInput(memberParams, request.params);
    const version = expectedVersion(request);
    const household = await service.removeMember(db, actor, householdId, personId, version);
    noStore(reply);
    setVersionTag(reply, household.version);
    return { household };
  });
}
