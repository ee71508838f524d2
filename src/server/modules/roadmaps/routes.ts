import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { monthParams, monthProgressSchema, planRoadmapsParams, roadmapParams } from "./schema.js";
import * as service from "./service.js";

export function roadmapRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "roadmaps");

  route("GET /api/plans/:planId/roadmaps", { params: planRoadmapsParams }, async ({ actor, params }) =>
    service.listPlanRoadmaps(db, actor, params.planId),
  );

  route("GET /api/roadmaps/:roadmapId", { params: roadmapParams }, async ({ actor, params }) =>
    service.getRoadmap(db, actor, params.roadmapId),
  );

  route(
    "PATCH /api/roadmaps/:roadmapId/months/:month",
    { params: monthParams, body: monthProgressSchema, ifMatch: "required", etag: "month" },
    async ({ actor, params, body, version }) =>
      service.updateMonth(db, actor, params.roadmapId, params.month, version, body),
  );
}
