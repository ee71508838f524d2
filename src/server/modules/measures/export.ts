import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { statsCsvFile, statsWorkbook } from "./export-files.js";
import { STATS_TITLE, statsTable } from "./export-table.js";
import type { StatsQuery } from "./schema.js";
import { readStats } from "./service.js";

export type StatsFormat = "xlsx" | "csv";

/**
 * The statistics page as a file (xlsx or CSV): the answer the caller's page gets for the same query (suppressed for
 * the plan side, raw for the support side's readers), written out with the municipality, the year and the filters.
 * The counts are read first (a refused filter writes nothing), then the export is recorded in the trail with its
 * filter and whether it was suppressed; the file is only returned once that record is in.
 */
export async function exportStats(db: Db, actor: RequestActor, query: StatsQuery, format: StatsFormat) {
  const stats = await readStats(db, actor.municipalityId, actor, query);
  const createdAt = new Date();
  const table = statsTable(stats, actor.municipalityName, createdAt);
  await db.transaction(async (tx) =>
    recordAudit(tx, {
      ...actorOf(actor),
      action: "export",
      entityType: "stats",
      after: { format, ...stats.filter, fiscalYear: stats.fiscalYear, suppressed: stats.suppressed },
    }),
  );
  const buffer = format === "xlsx" ? await statsWorkbook(table, createdAt) : statsCsvFile(table);
  return {
    buffer,
    fileName: `${STATS_TITLE}_${formatFiscalYear(stats.fiscalYear)}.${format}`,
    asciiFileName: `stats_${stats.fiscalYear}.${format}`,
  };
}
