import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { presentPlan } from "./presenter.js";
import * as repo from "./repository.js";
import {
  itemInputSchema,
  itemParams,
  itemPatchSchema,
  planIdParams,
  planInputSchema,
  planViewQuery,
  relistSchema,
} from "./schema.js";
import * as service from "./service.js";

export function planRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/plans", async (request) => {
    const actor = requireActor(request);
    policies.readPlans(actor);
    const rows = await repo.listPlans(db, actor.municipalityId);
    return { plans: rows.map(presentPlan) };
  });

  app.post("/api/plans", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(planInputSchema, request.body);
    const plan = await service.createPlan(db, actor, input);
    reply.status(201);
    setVersionTag(reply, plan.version);
    return { plan };
  });

  app.get("/api/plans/:planId", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { revision } = parseInput(planViewQuery, request.query);
    const result = await service.getPlanWithItems(db, actor, planId, { revision });
    setVersionTag(reply, result.plan.version);
    return result;
  });

  app.put("/api/plans/:planId", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const input = parseInput(planInputSchema, request.body);
    const version = expectedVersion(request);
    const plan = await service.updatePlan(db, actor, planId, version, input);
    setVersionTag(reply, plan.version);
    return { plan };
  });

  app.post("/api/plans/:planId/items", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const input = parseInput(itemInputSchema, request.body);
    const item = await service.addItem(db, actor, planId, input);
    reply.status(201);
    setVersionTag(reply, item.version);
    return { item };
  });

  app.patch("/api/plans/:planId/items/:itemId", async (request, reply) => {
    const actor = requireActor(request);
    const { planId, itemId } = parseInput(itemParams, request.params);
    const patch = parseInput(itemPatchSchema, request.body);
    const version = expectedVersion(request);
    const item = await service.updateItem(db, actor, planId, itemId, version, patch);
    setVersionTag(reply, item.version);
    return { item };
  });

  app.post("/api/plans/:planId/items/:itemId/relistings", async (request, reply) => {
    const actor = requireActor(request);
    const { planId, itemId } = parseInput(itemParams, request.params);
    const { parentItemId } = parseInput(relistSchema, request.body);
    const placement = await service.relistItem(db, actor, planId, itemId, parentItemId);
    reply.status(201);
    return { placement };
  });

  app.delete("/api/plans/:planId/items/:itemId/relistings/:parentItemId", async (request, reply) => {
    const actor = requireActor(request);
    const params = parseInput(itemParams.extend({ parentItemId: relistSchema.shape.parentItemId }), request.params);
    await service.removeRelisting(db, actor, params.planId, params.itemId, params.parentItemId);
    reply.status(204);
  });
}
