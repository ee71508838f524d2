import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { contentDisposition } from "../exports/export-workbook.js";
import { XLSX_CONTENT_TYPE } from "../exports/workbook-layout.js";
import { planIdParams } from "../plans/schema.js";
import { getMidYearReport } from "./report.js";
import { exportMidYearReport } from "./report-workbook.js";
import { closeMidYearRound, listMidYearRounds, openMidYearRound } from "./rounds.js";
import {
  midYearFieldsSchema,
  midYearListQuery,
  midYearRoundParams,
  midYearSheetParams,
  openMidYearSchema,
  returnMidYearSchema,
} from "./schema.js";
import { acceptMidYearSheet, returnMidYearSheet, saveMidYearSheet, submitMidYearSheet } from "./sheet-changes.js";
import { getMidYearSheet, listMidYearSheets } from "./sheets.js";

export function midYearRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "mid-year");

  route("GET /api/plans/:planId/mid-year", { params: planIdParams }, async ({ actor, params }) => ({
    rounds: await listMidYearRounds(db, actor, params.planId),
  }));

  route(
    "POST /api/plans/:planId/mid-year",
    { params: planIdParams, body: openMidYearSchema, status: 201 },
    async ({ actor, params, body }) => ({ round: await openMidYearRound(db, actor, params.planId, body.fiscalYear) }),
  );

  route(
    "POST /api/plans/:planId/mid-year/:fiscalYear/close",
    { params: midYearRoundParams },
    async ({ actor, params }) => ({
      round: await closeMidYearRound(db, actor, params.planId, params.fiscalYear),
    }),
  );

  route(
    "GET /api/plans/:planId/mid-year/:fiscalYear/sheets",
    { params: midYearRoundParams, query: midYearListQuery },
    async ({ actor, params, query }) => ({
      sheets: await listMidYearSheets(db, actor, params.planId, params.fiscalYear, query),
    }),
  );

  route(
    "GET /api/plans/:planId/mid-year/:fiscalYear/report",
    { params: midYearRoundParams },
    async ({ actor, params }) => ({
      report: await getMidYearReport(db, actor, params.planId, params.fiscalYear),
    }),
  );

  route(
    "GET /api/plans/:planId/mid-year/:fiscalYear/report.xlsx",
    { params: midYearRoundParams },
    async ({ actor, params: { planId, fiscalYear }, reply }) => {
      const { buffer, fileName } = await exportMidYearReport(db, actor, planId, fiscalYear);
      reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", contentDisposition(fileName, `mid_year_report_${fiscalYear}.xlsx`));
      return reply.send(buffer);
    },
  );

  route(
    "GET /api/mid-year-sheets/:sheetId",
    { params: midYearSheetParams, etag: "sheet" },
    async ({ actor, params }) => ({
      sheet: await getMidYearSheet(db, actor, params.sheetId),
    }),
  );

  route(
    "PUT /api/mid-year-sheets/:sheetId",
    { params: midYearSheetParams, body: midYearFieldsSchema, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, body, version }) => ({
      sheet: await saveMidYearSheet(db, actor, params.sheetId, version, body),
    }),
  );

  route(
    "POST /api/mid-year-sheets/:sheetId/submit",
    { params: midYearSheetParams, body: midYearFieldsSchema, bodyOptional: true, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, body, version }) => ({
      sheet: await submitMidYearSheet(db, actor, params.sheetId, version, body),
    }),
  );

  route(
    "POST /api/mid-year-sheets/:sheetId/accept",
    { params: midYearSheetParams, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, version }) => ({
      sheet: await acceptMidYearSheet(db, actor, params.sheetId, version),
    }),
  );

  route(
    "POST /api/mid-year-sheets/:sheetId/return",
    { params: midYearSheetParams, body: returnMidYearSchema, ifMatch: "required", etag: "sheet" },
    async ({ actor, params, body, version }) => ({
      sheet: await returnMidYearSheet(db, actor, params.sheetId, version, body.comment),
    }),
  );
}
