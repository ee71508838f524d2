import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { getHome } from "./service.js";

/** ホーム: one request for the counts of what needs the caller now. */
export function homeRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "home");
  route("GET /api/home", {}, async ({ actor }) => ({ home: await getHome(db, actor) }));
}
