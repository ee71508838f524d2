import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { contentDisposition, exportEvaluationWorkbook } from "./export-workbook.js";
import { exportParams } from "./schema.js";
import { XLSX_CONTENT_TYPE } from "./workbook-layout.js";
import { exportYearReport } from "./year-report-workbook.js";

export function exportRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "exports");

  route(
    "GET /api/plans/:planId/evaluations/:fiscalYear/export.xlsx",
    { params: exportParams },
    async ({ actor, params: { planId, fiscalYear }, reply }) => {
      const { buffer, fileName } = await exportEvaluationWorkbook(db, actor, planId, fiscalYear);
      reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", contentDisposition(fileName, `evaluation_${fiscalYear}.xlsx`));
      return reply.send(buffer);
    },
  );

  route(
    "GET /api/plans/:planId/evaluations/:fiscalYear/report.xlsx",
    { params: exportParams },
    async ({ actor, params: { planId, fiscalYear }, reply }) => {
      const { buffer, fileName } = await exportYearReport(db, actor, planId, fiscalYear);
      reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", contentDisposition(fileName, `evaluation_report_${fiscalYear}.xlsx`));
      return reply.send(buffer);
    },
  );
}
