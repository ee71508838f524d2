import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor, requireAuth } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { sendSerialized } from "../../platform/http/precompressed.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
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

/** If-Match when given (a stale one is 412); null when absent, which only creation accepts. */
function optionalVersion(request: FastifyRequest): number | null {
  return request.headers["if-match"] === undefined ? null : expectedVersion(request);
}

export function indicatorRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/plans/:planId/indicators", async (request, reply) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const query = parseInput(indicatorListQuery, request.query);
    const json = await service.getIndicatorListJson(db, auth, planId, query);
    // a 2,000-indicator list is ~1.5 MB of JSON and ~10× smaller gzipped; compressed once per plan version
    return sendSerialized(request, reply, json);
  });

  app.post("/api/plans/:planId/indicators", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const input = parseInput(indicatorInputSchema, request.body);
    const indicator = await service.createIndicator(db, actor, planId, input);
    reply.status(201);
    setVersionTag(reply, indicator.version);
    return { indicator };
  });

  app.get("/api/indicators/:indicatorId", async (request, reply) => {
    const auth = requireAuth(request);
    const { indicatorId } = parseInput(indicatorParams, request.params);
    const indicator = await service.getIndicator(db, auth, indicatorId);
    setVersionTag(reply, indicator.version);
    return { indicator };
  });

  app.patch("/api/indicators/:indicatorId", async (request, reply) => {
    const actor = requireActor(request);
    const { indicatorId } = parseInput(indicatorParams, request.params);
    const patch = parseInput(indicatorPatchSchema, request.body);
    const version = expectedVersion(request);
    const indicator = await service.updateIndicator(db, actor, indicatorId, version, patch);
    setVersionTag(reply, indicator.version);
    return { indicator };
  });

  app.delete("/api/indicators/:indicatorId", async (request, reply) => {
    const actor = requireActor(request);
    const { indicatorId } = parseInput(indicatorParams, request.params);
    const version = expectedVersion(request);
    await service.deleteIndicator(db, actor, indicatorId, version);
    reply.status(204);
  });

  app.put("/api/indicators/:indicatorId/targets/:fiscalYear", async (request, reply) => {
    const actor = requireActor(request);
    const { indicatorId, fiscalYear } = parseInput(indicatorYearParams, request.params);
    const { source } = parseInput(targetPutSchema, request.body);
    const version = optionalVersion(request);
    const target = await service.putTarget(db, actor, indicatorId, fiscalYear, version, source);
    setVersionTag(reply, target.version);
    return { target };
  });

  app.put("/api/indicators/:indicatorId/actuals/:fiscalYear", async (request, reply) => {
    const actor = requireActor(request);
    const { indicatorId, fiscalYear } = parseInput(indicatorYearParams, request.params);
    const input = parseInput(actualPutSchema, request.body);
    const version = optionalVersion(request);
    const result = await service.putActual(db, actor, indicatorId, fiscalYear, version, input);
    setVersionTag(reply, result.actual.version);
    return result;
  });

  app.delete("/api/indicators/:indicatorId/actuals/:fiscalYear", async (request, reply) => {
    const actor = requireActor(request);
    const { indicatorId, fiscalYear } = parseInput(indicatorYearParams, request.params);
    const version = expectedVersion(request);
    await service.deleteActual(db, actor, indicatorId, fiscalYear, version);
    reply.status(204);
  });

  app.get("/api/indicators/:indicatorId/series", async (request) => {
    const auth = requireAuth(request);
    const { indicatorId } = parseInput(indicatorParams, request.params);
    return service.getSeries(db, auth, indicatorId);
  });

  app.get("/api/plans/:planId/targets/unclassified", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    return service.listUnclassifiedTargets(db, auth, planId);
  });

  app.get("/api/plans/:planId/milestone-ladder", async (request, reply) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const result = await service.getLadder(db, auth, planId);
    setVersionTag(reply, result.version);
    return result;
  });

  app.put("/api/plans/:planId/milestone-ladder", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const input = parseInput(ladderPutSchema, request.body);
    const version = expectedVersion(request);
    const result = await service.putLadder(db, actor, planId, version, input);
    setVersionTag(reply, result.version);
    return result;
  });

  app.get("/api/plans/:planId/attainment-share", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { fiscalYear } = parseInput(fiscalYearQuery, request.query);
    return service.getAttainmentShare(db, auth, planId, fiscalYear);
  });

  app.get("/api/plans/:planId/department-matrix", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { level } = parseInput(matrixQuery, request.query);
    return service.getDepartmentMatrix(db, auth, planId, level);
  });

  app.get("/api/plans/:planId/my-department", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { fiscalYear } = parseInput(optionalFiscalYearQuery, request.query);
    return service.getMyDepartment(db, auth, planId, fiscalYear);
  });

  app.get("/api/plans/:planId/indicators/export.csv", async (request, reply) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { fiscalYear, encoding } = parseInput(csvQuery, request.query);
    const csv = await exportIndicatorsCsv(db, auth, planId, fiscalYear, encoding);
    reply
      .header("content-type", csv.contentType)
      .header("content-disposition", contentDisposition(csv.fileName, csv.asciiFileName));
    return reply.send(csv.buffer);
  });

  app.get("/api/plans/:planId/implementation-plan/export.xlsx", async (request, reply) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { buffer, fileName } = await exportImplementationPlan(db, auth, planId);
    reply
      .header("content-type", XLSX_CONTENT_TYPE)
      .header("content-disposition", contentDisposition(fileName, "implementation_plan.xlsx"));
    return reply.send(buffer);
  });
}
