import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { contentDisposition, exportEvaluationWorkbook } from "./export-workbook.js";
import { exportParams } from "./schema.js";
import { XLSX_CONTENT_TYPE } from "./workbook-layout.js";

export function exportRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/plans/:planId/evaluations/:fiscalYear/export.xlsx", async (request, reply) => {
    const actor = requireActor(request);
    const { planId, fiscalYear } = parseInput(exportParams, request.params);
    const { buffer, fileName } = await exportEvaluationWorkbook(db, actor, planId, fiscalYear);
    reply
      .header("content-type", XLSX_CONTENT_TYPE)
      .header("content-disposition", contentDisposition(fileName, `evaluation_${fiscalYear}.xlsx`));
    return reply.send(buffer);
  });
}
