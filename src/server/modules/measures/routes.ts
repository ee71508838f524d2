import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { statsQuery } from "./schema.js";
import { readStats } from "./service.js";

/** 統計: the computed measures of 重層的支援 for a fiscal year, 地区 and agency. */
export function measureRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "measures");
  route("GET /api/stats", { query: statsQuery }, async ({ actor, query }) =>
    readStats(db, actor.municipalityId, actor, query),
  );
}
