import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { planIdParams } from "../plans/schema.js";
import * as diffs from "./diff.js";
import { CSV_CONTENT_TYPE, diffCsv, diffDisposition, diffWorkbook, XLSX_CONTENT_TYPE } from "./diff-export.js";
import { diffQuery, revisionParams, startRevisionSchema } from "./schema.js";
import * as service from "./service.js";

export function revisionRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "revisions");

  route("GET /api/plans/:planId/revisions", { params: planIdParams }, async ({ actor, params }) =>
    service.listRevisions(db, actor, params.planId),
  );

  /** Start next year's revision (the plan office): baseline 1 first if needed, then the next number as a draft. */
  route(
    "POST /api/plans/:planId/revisions",
    { params: planIdParams, body: startRevisionSchema, bodyOptional: true, status: 201, etag: "revision" },
    async ({ actor, params, body }) => service.startRevision(db, actor, params.planId, body),
  );

  route(
    "POST /api/plans/:planId/revisions/:number/approve",
    { params: revisionParams, ifMatch: "required", etag: "revision" },
    async ({ actor, params, version }) => ({
      revision: await service.approveRevision(db, actor, params.planId, params.number, version),
    }),
  );

  /** Delete a draft revision (the plan office, with If-Match); approved revisions stay (409). */
  route(
    "DELETE /api/plans/:planId/revisions/:number",
    { params: revisionParams, ifMatch: "required", status: 204 },
    async ({ actor, params, version }) => {
      await service.deleteRevision(db, actor, params.planId, params.number, version);
    },
  );

  route("GET /api/plans/:planId/diff", { params: planIdParams, query: diffQuery }, async ({ actor, params, query }) =>
    diffs.getDiff(db, actor, params.planId, query),
  );

  route(
    "GET /api/plans/:planId/diff.xlsx",
    { params: planIdParams, query: diffQuery },
    async ({ actor, params, query, reply }) => {
      const diff = await diffs.getDiff(db, actor, params.planId, query);
      const buffer = await diffWorkbook(diff);
      return reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", diffDisposition(diff, "xlsx"))
        .send(buffer);
    },
  );

  route(
    "GET /api/plans/:planId/diff.csv",
    { params: planIdParams, query: diffQuery },
    async ({ actor, params, query, reply }) => {
      const diff = await diffs.getDiff(db, actor, params.planId, query);
      return reply
        .header("content-type", CSV_CONTENT_TYPE)
        .header("content-disposition", diffDisposition(diff, "csv"))
        .send(diffCsv(diff));
    },
  );
}
