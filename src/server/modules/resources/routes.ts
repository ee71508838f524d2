import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { contentDisposition } from "../exports/export-workbook.js";
import { listActivity, recordActivity } from "./activity.js";
import { exportCsv, exportHsds } from "./export.js";
import {
  activityParams,
  activitySchema,
  createResourceSchema,
  listResourcesQuery,
  resourceParams,
  reviewProposalSchema,
  updateResourceSchema,
} from "./schema.js";
import * as service from "./service.js";

/** 地域資源: the directory, its proposals and their review, and its HSDS-shaped exports. */
export function resourceRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "resources");

  route("GET /api/resources", { query: listResourcesQuery }, async ({ actor, query }) =>
    service.listResources(db, actor, query),
  );
  route(
    "POST /api/resources",
    { body: createResourceSchema, status: 201, etag: "resource" },
    async ({ actor, body }) => ({
      resource: await service.createResource(db, actor, body),
    }),
  );
  route("GET /api/resources/export.json", {}, async ({ actor, reply }) => {
    const hsds = await exportHsds(db, actor);
    reply.header("content-disposition", contentDisposition("地域資源.json", "resources.json"));
    return hsds;
  });
  route("GET /api/resources/export.csv", {}, async ({ actor, reply }) => {
    const csv = await exportCsv(db, actor);
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", contentDisposition("地域資源.csv", "resources.csv"));
    return reply.send(csv);
  });
  route("GET /api/resources/:resourceId", { params: resourceParams, etag: "resource" }, async ({ actor, params }) => ({
    resource: await service.getResource(db, actor, params.resourceId),
  }));
  route(
    "PUT /api/resources/:resourceId",
    { params: resourceParams, body: updateResourceSchema, ifMatch: "required", etag: "resource" },
    async ({ actor, params, body, version }) => ({
      resource: await service.updateResource(db, actor, params.resourceId, version, body),
    }),
  );
  route(
    "POST /api/resources/:resourceId/review",
    { params: resourceParams, body: reviewProposalSchema, ifMatch: "required", etag: "resource" },
    async ({ actor, params, body, version }) => ({
      resource: await service.reviewProposal(db, actor, params.resourceId, version, body),
    }),
  );
  route("GET /api/resources/:resourceId/activity", { params: resourceParams }, async ({ actor, params }) =>
    listActivity(db, actor, params.resourceId),
  );
  route(
    "PUT /api/resources/:resourceId/activity/:month",
    { params: activityParams, body: activitySchema, ifMatch: "optional", etag: "activity" },
    async ({ actor, params, body, version }) => ({
      activity: await recordActivity(db, actor, params.resourceId, params.month, version, body),
    }),
  );
}
