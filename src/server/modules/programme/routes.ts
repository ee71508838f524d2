import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { projectParams, updateProjectSchema } from "./schema.js";
import * as service from "./service.js";

export function programmeRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "programme");

  route("GET /api/programme", {}, async ({ actor }) => service.getRegistry(db, actor));

  route(
    "PATCH /api/programme/projects/:projectId",
    { params: projectParams, body: updateProjectSchema, ifMatch: "required", etag: "project" },
    async ({ actor, params, body, version }) => ({
      project: await service.updateProject(db, actor, params.projectId, version, body),
    }),
  );
}
