import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { sendSerialized } from "../../platform/http/precompressed.js";
import { routesFor } from "../../platform/http/route.js";
import { contentDisposition } from "../exports/export-workbook.js";
import { XLSX_CONTENT_TYPE } from "../exports/workbook-layout.js";
import { planIdParams } from "../plans/schema.js";
import { exportIndicatorsCsv } from "./export-csv.js";
import { exportImplementationPlan } from "./export-implementation-plan.js";
import {
  actualPutSchema,
  csvQuery,
  fiscalYearQuery,
  indicatorInputSchema,
  indicatorListQuery,
  indicatorParams,
  indicatorPatchSchema,
  indicatorYearParams,
  ladderPutSchema,
  matrixQuery,
  optionalFiscalYearQuery,
  targetPutSchema,
} from "./schema.js";
import * as service from "./service.js";

export function indicatorRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "indicators");

  route(
    "GET /api/plans/:planId/indicators",
    { params: planIdParams, query: indicatorListQuery },
    async ({ actor, params, query, request, reply }) => {
      const json = await service.getIndicatorListJson(db, actor, params.planId, query);
      // a 2,000-indicator list is ~1.5 MB of JSON and ~10× smaller gzipped; compressed once per plan version
      return sendSerialized(request, reply, json);
    },
  );

  route(
    "POST /api/plans/:planId/indicators",
    { params: planIdParams, body: indicatorInputSchema, status: 201, etag: "indicator" },
    async ({ actor, params, body }) => ({
      indicator: await service.createIndicator(db, actor, params.planId, body),
    }),
  );

  route(
    "GET /api/indicators/:indicatorId",
    { params: indicatorParams, etag: "indicator" },
    async ({ actor, params }) => ({
      indicator: await service.getIndicator(db, actor, params.indicatorId),
    }),
  );

  route(
    "PATCH /api/indicators/:indicatorId",
    { params: indicatorParams, body: indicatorPatchSchema, ifMatch: "required", etag: "indicator" },
    async ({ actor, params, body, version }) => ({
      indicator: await service.updateIndicator(db, actor, params.indicatorId, version, body),
    }),
  );

  route(
    "DELETE /api/indicators/:indicatorId",
    { params: indicatorParams, ifMatch: "required", status: 204 },
    async ({ actor, params, version }) => {
      await service.deleteIndicator(db, actor, params.indicatorId, version);
    },
  );

  // the year's first target or actual is created without a version
  route(
    "PUT /api/indicators/:indicatorId/targets/:fiscalYear",
    { params: indicatorYearParams, body: targetPutSchema, ifMatch: "optional", etag: "target" },
    async ({ actor, params, body, version }) => ({
      target: await service.putTarget(db, actor, params.indicatorId, params.fiscalYear, version, body.source),
    }),
  );

  route(
    "PUT /api/indicators/:indicatorId/actuals/:fiscalYear",
    { params: indicatorYearParams, body: actualPutSchema, ifMatch: "optional", etag: "actual" },
    async ({ actor, params, body, version }) =>
      service.putActual(db, actor, params.indicatorId, params.fiscalYear, version, body),
  );

  route(
    "DELETE /api/indicators/:indicatorId/actuals/:fiscalYear",
    { params: indicatorYearParams, ifMatch: "required", status: 204 },
    async ({ actor, params, version }) => {
      await service.deleteActual(db, actor, params.indicatorId, params.fiscalYear, version);
    },
  );

  route("GET /api/indicators/:indicatorId/series", { params: indicatorParams }, async ({ actor, params }) =>
    service.getSeries(db, actor, params.indicatorId),
  );

  route("GET /api/plans/:planId/targets/unclassified", { params: planIdParams }, async ({ actor, params }) =>
    service.listUnclassifiedTargets(db, actor, params.planId),
  );

  route(
    "GET /api/plans/:planId/milestone-ladder",
    { params: planIdParams, etag: "version" },
    async ({ actor, params }) => service.getLadder(db, actor, params.planId),
  );

  route(
    "PUT /api/plans/:planId/milestone-ladder",
    { params: planIdParams, body: ladderPutSchema, ifMatch: "required", etag: "version" },
    async ({ actor, params, body, version }) => service.putLadder(db, actor, params.planId, version, body),
  );

  route(
    "GET /api/plans/:planId/attainment-share",
    { params: planIdParams, query: fiscalYearQuery },
    async ({ actor, params, query }) => service.getAttainmentShare(db, actor, params.planId, query.fiscalYear),
  );

  route(
    "GET /api/plans/:planId/department-matrix",
    { params: planIdParams, query: matrixQuery },
    async ({ actor, params, query }) => service.getDepartmentMatrix(db, actor, params.planId, query.level),
  );

  route(
    "GET /api/plans/:planId/my-department",
    { params: planIdParams, query: optionalFiscalYearQuery },
    async ({ actor, params, query }) => service.getMyDepartment(db, actor, params.planId, query.fiscalYear),
  );

  route(
    "GET /api/plans/:planId/indicators/export.csv",
    { params: planIdParams, query: csvQuery },
    async ({ actor, params, query, reply }) => {
      const csv = await exportIndicatorsCsv(db, actor, params.planId, query.fiscalYear, query.encoding);
      reply
        .header("content-type", csv.contentType)
        .header("content-disposition", contentDisposition(csv.fileName, csv.asciiFileName));
      return reply.send(csv.buffer);
    },
  );

  route(
    "GET /api/plans/:planId/implementation-plan/export.xlsx",
    { params: planIdParams },
    async ({ actor, params, reply }) => {
      const { buffer, fileName } = await exportImplementationPlan(db, actor, params.planId);
      reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", contentDisposition(fileName, "implementation_plan.xlsx"));
      return reply.send(buffer);
    },
  );
}
