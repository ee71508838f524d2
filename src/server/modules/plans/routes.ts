import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { policies } from "../../platform/policies.js";
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

const relistingParams = itemParams.extend({ parentItemId: relistSchema.shape.parentItemId });

export function planRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "plans");

  route("GET /api/plans", {}, async ({ actor }) => {
    policies.readPlans(actor);
    const rows = await repo.listPlans(db, actor.municipalityId);
    return { plans: rows.map(presentPlan) };
  });

  route("POST /api/plans", { body: planInputSchema, status: 201, etag: "plan" }, async ({ actor, body }) => ({
    plan: await service.createPlan(db, actor, body),
  }));

  route(
    "GET /api/plans/:planId",
    { params: planIdParams, query: planViewQuery, etag: "plan" },
    async ({ actor, params, query }) => service.getPlanWithItems(db, actor, params.planId, query),
  );

  route(
    "PUT /api/plans/:planId",
    { params: planIdParams, body: planInputSchema, ifMatch: "required", etag: "plan" },
    async ({ actor, params, body, version }) => ({
      plan: await service.updatePlan(db, actor, params.planId, version, body),
    }),
  );

  route(
    "POST /api/plans/:planId/items",
    { params: planIdParams, body: itemInputSchema, status: 201, etag: "item" },
    async ({ actor, params, body }) => ({ item: await service.addItem(db, actor, params.planId, body) }),
  );

  route(
    "PATCH /api/plans/:planId/items/:itemId",
    { params: itemParams, body: itemPatchSchema, ifMatch: "required", etag: "item" },
    async ({ actor, params, body, version }) => ({
      item: await service.updateItem(db, actor, params.planId, params.itemId, version, body),
    }),
  );

  route(
    "POST /api/plans/:planId/items/:itemId/relistings",
    { params: itemParams, body: relistSchema, status: 201 },
    async ({ actor, params, body }) => ({
      placement: await service.relistItem(db, actor, params.planId, params.itemId, body.parentItemId),
    }),
  );

  route(
    "DELETE /api/plans/:planId/items/:itemId/relistings/:parentItemId",
    { params: relistingParams, status: 204 },
    async ({ actor, params }) => {
      await service.removeRelisting(db, actor, params.planId, params.itemId, params.parentItemId);
    },
  );
}
