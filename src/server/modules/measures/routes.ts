import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { sendSerialized } from "../../platform/http/precompressed.js";
import { routesFor } from "../../platform/http/route.js";
import { contentDisposition } from "../exports/export-workbook.js";
import { XLSX_CONTENT_TYPE } from "../exports/workbook-layout.js";
import { exportStats, type StatsFormat } from "./export.js";
import { statsQuery, suppressionSettingSchema } from "./schema.js";
import { readStatsJson } from "./service.js";
import { getSuppression, setSuppression } from "./settings.js";

/** 統計: the computed measures of 重層的支援 for a fiscal year, 地区 and agency. */
export function measureRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "measures");
  route("GET /api/stats", { query: statsQuery }, async ({ actor, query, request, reply }) =>
    sendSerialized(request, reply, await readStatsJson(db, actor.municipalityId, actor, query)),
  );
  const download = (format: StatsFormat, contentType: string) =>
    route(`GET /api/stats/export.${format}`, { query: statsQuery }, async ({ actor, query, reply }) => {
      const file = await exportStats(db, actor, query, format);
      reply
        .header("content-type", contentType)
        .header("content-disposition", contentDisposition(file.fileName, file.asciiFileName));
      return reply.send(file.buffer);
    });
  download("xlsx", XLSX_CONTENT_TYPE);
  download("csv", "text/csv; charset=utf-8");
  route("GET /api/settings/stats", { etag: "setting" }, async ({ actor }) => ({
    setting: await getSuppression(db, actor),
  }));
  route(
    "PUT /api/settings/stats",
    { body: suppressionSettingSchema, ifMatch: "required", etag: "setting" },
    async ({ actor, body, version }) => ({ setting: await setSuppression(db, actor, body, version) }),
  );
}
