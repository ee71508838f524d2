import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { sendSerialized } from "../../platform/http/precompressed.js";
import { routesFor } from "../../platform/http/route.js";
import { planIdParams } from "../plans/schema.js";
import { summaryQuery } from "./schema.js";
import { getSummaryJson } from "./service.js";

export function summaryRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "summaries");

  route(
    "GET /api/plans/:planId/summary",
    { params: planIdParams, query: summaryQuery },
    async ({ actor, params, query, request, reply }) =>
      sendSerialized(request, reply, await getSummaryJson(db, actor, params.planId, query)),
  );
}
