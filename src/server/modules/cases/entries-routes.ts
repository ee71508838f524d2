import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import * as assessments from "./assessments.js";
import * as records from "./records.js";
import { assessmentParams, caseParams, createRecordSchema, saveAssessmentSchema } from "./schema.js";

/** 支援経過 (activity records) and the versioned assessment of a case: consent-aware, every read audited. */
export function caseEntryRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "cases");

  route("GET /api/cases/:caseId/records", { params: caseParams }, async ({ actor, params }) =>
    records.listRecords(db, actor, params.caseId),
  );

  route(
    "POST /api/cases/:caseId/records",
    { params: caseParams, body: createRecordSchema, status: 201 },
    async ({ actor, params, body }) => ({ record: await records.createRecord(db, actor, params.caseId, body) }),
  );

  route(
    "GET /api/cases/:caseId/assessments",
    { params: caseParams, etag: "latestVersion" },
    async ({ actor, params }) => assessments.listAssessments(db, actor, params.caseId),
  );

  route("GET /api/cases/:caseId/assessments/:version", { params: assessmentParams }, async ({ actor, params }) => ({
    assessment: await assessments.getAssessment(db, actor, params.caseId, params.version),
  }));

  route(
    "POST /api/cases/:caseId/assessments",
    { params: caseParams, body: saveAssessmentSchema, ifMatch: "required", status: 201, etag: "assessment" },
    async ({ actor, params, body, version }) => ({
      assessment: await assessments.saveAssessment(db, actor, params.caseId, version, body),
    }),
  );
}
