import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { sendSerialized } from "../../platform/http/precompressed.js";
import { planIdParams } from "../plans/schema.js";
import { summaryQuery } from "./schema.js";
import { getSummaryJson } from "./service.js";

export function summaryRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/plans/:planId/summary", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const query = parseInput(summaryQuery, request.query);
    const json = await getSummaryJson(db, actor, planId, query);
    return sendSerialized(request, reply, json);
  });
}
