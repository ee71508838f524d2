import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { putConcernsSchema } from "./schema.js";
import * as service from "./service.js";

export function concernRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "concerns");

  route("GET /api/concerns", { etag: "version" }, async ({ actor }) => service.getConcerns(db, actor));

  route(
    "PUT /api/concerns",
    { body: putConcernsSchema, ifMatch: "required", etag: "version" },
    async ({ actor, body, version }) => service.putConcerns(db, actor, version, body),
  );
}
