import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { publicationPlanParams, publicationYearParams, publishPlanSchema } from "./schema.js";
import { listPublications, publishPlan, publishYear, withdrawPlan, withdrawYear } from "./service.js";

/** The plan office's publishing: what is public, publish or update (a new snapshot), withdraw. */
export function publicationRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "publications");

  route("GET /api/plans/:planId/publications", { params: publicationPlanParams }, async ({ actor, params }) =>
    listPublications(db, actor, params.planId),
  );

  route(
    "PUT /api/plans/:planId/publication",
    { params: publicationPlanParams, body: publishPlanSchema, ifMatch: "optional", etag: "publication" },
    async ({ actor, params, body, version }) => ({
      publication: await publishPlan(db, actor, params.planId, version, body),
    }),
  );

  route(
    "DELETE /api/plans/:planId/publication",
    { params: publicationPlanParams, ifMatch: "required", etag: "publication" },
    async ({ actor, params, version }) => ({ publication: await withdrawPlan(db, actor, params.planId, version) }),
  );

  route(
    "PUT /api/plans/:planId/publications/:fiscalYear",
    { params: publicationYearParams, ifMatch: "optional", etag: "publication" },
    async ({ actor, params, version }) => ({
      publication: await publishYear(db, actor, params.planId, params.fiscalYear, version),
    }),
  );

  route(
    "DELETE /api/plans/:planId/publications/:fiscalYear",
    { params: publicationYearParams, ifMatch: "required", etag: "publication" },
    async ({ actor, params, version }) => ({
      publication: await withdrawYear(db, actor, params.planId, params.fiscalYear, version),
    }),
  );
}
