import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { planIdParams } from "../plans/schema.js";
import { closeRound } from "./close-round.js";
import { reopenRound } from "./reopen-round.js";
import { setRoundDeadlines } from "./round-deadlines.js";
import * as rounds from "./rounds.js";
import {
  notEvaluatedSchema,
  openRoundSchema,
  reopenRoundSchema,
  returnSheetSchema,
  roundDeadlinesSchema,
  roundParams,
  sheetFieldsSchema,
  sheetListQuery,
  sheetParams,
} from "./schema.js";
import * as service from "./service.js";
import * as sheetChanges from "./sheet-changes.js";
import { getYearReport } from "./year-report.js";

export function evaluationRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "evaluations");

  route("GET /api/plans/:planId/evaluations", { params: planIdParams }, async ({ actor, params }) => ({
    rounds: await rounds.listRounds(db, actor, params.planId),
  }));

  route(
    "POST /api/plans/:planId/evaluations",
    { params: planIdParams, body: openRoundSchema, status: 201 },
    async ({ actor, params, body }) => ({
      round: await rounds.openRound(db, actor, params.planId, body.fiscalYear, {
        submissionDue: body.submissionDue,
        confirmationDue: body.confirmationDue,
      }),
    }),
  );

  route(
    "PUT /api/plans/:planId/evaluations/:fiscalYear/deadlines",
    { params: roundParams, body: roundDeadlinesSchema, ifMatch: "required", etag: "round" },
    async ({ actor, params, body, version }) => ({
      round: await setRoundDeadlines(db, actor, params.planId, params.fiscalYear, version, body),
    }),
  );

  route(
    "POST /api/plans/:planId/evaluations/:fiscalYear/close",
    { params: roundParams },
    async ({ actor, params }) => ({ round: await closeRound(db, actor, params.planId, params.fiscalYear) }),
  );

  route(
    "POST /api/plans/:planId/evaluations/:fiscalYear/reopen",
    { params: roundParams, body: reopenRoundSchema },
    async ({ actor, params, body }) => ({
      round: await reopenRound(db, actor, params.planId, params.fiscalYear, body.reason),
    }),
  );

  route(
    "GET /api/plans/:planId/evaluations/:fiscalYear/report",
    { params: roundParams },
    async ({ actor, params }) => ({
      report: await getYearReport(db, actor, params.planId, params.fiscalYear),
    }),
  );

  route(
    "GET /api/plans/:planId/evaluations/:fiscalYear/sheets",
    { params: roundParams, query: sheetListQuery },
    async ({ actor, params, query }) => ({
      sheets: await service.listSheets(db, actor, params.planId, params.fiscalYear, query),
    }),
  );

  route("GET /api/sheets/:sheetId", { params: sheetParams, etag: "sheet" }, async ({ actor, params }) => ({
    sheet: await service.getSheet(db, actor, params.sheetId),
  }));

  route(
    "PUT /api/sheets/:sheetId",
    { params: sheetParams, body: sheetFieldsSchema, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, body, version }) => ({
      sheet: await sheetChanges.saveSheet(db, actor, params.sheetId, version, body),
    }),
  );

  // the fields on screen come with the submission (optional): checked and saved with it, or nothing is saved
  route(
    "POST /api/sheets/:sheetId/submit",
    { params: sheetParams, body: sheetFieldsSchema, bodyOptional: true, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, body, version }) => ({
      sheet: await sheetChanges.submitSheet(db, actor, params.sheetId, version, body),
    }),
  );

  route(
    "POST /api/sheets/:sheetId/accept",
    { params: sheetParams, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, version }) => ({
      sheet: await sheetChanges.acceptSheet(db, actor, params.sheetId, version),
    }),
  );

  route(
    "POST /api/sheets/:sheetId/return",
    { params: sheetParams, body: returnSheetSchema, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, body, version }) => ({
      sheet: await sheetChanges.returnSheet(db, actor, params.sheetId, version, body.comment),
    }),
  );

  route(
    "POST /api/sheets/:sheetId/not-evaluated",
    { params: sheetParams, body: notEvaluatedSchema, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, body, version }) => ({
      sheet: await sheetChanges.markNotEvaluated(db, actor, params.sheetId, version, body.reason),
    }),
  );

  route("GET /api/sheets/:sheetId/history", { params: sheetParams }, async ({ actor, params }) => ({
    history: await service.sheetHistory(db, actor, params.sheetId),
  }));
}
