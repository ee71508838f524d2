import { bigint, pgTable } from "drizzle-orm/pg-core";
import { municipalityId, municipalityKey } from "./columns.js";
import { ofMunicipality } from "./core.js";

/**
 * The version of the support data a municipality's statistics count: moved once by every transaction that changes
 * one of the counted tables (a deferred trigger, migration 0026_stats_data_version.sql, fires at commit), so a
 * computed answer may be reused for as long as the version read with it has not moved. A municipality without a
 * row has changed nothing since the triggers exist (version 0).
 */
export const supportDataVersions = pgTable(
  "support_data_versions",
  {
    municipalityId: municipalityId(),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [municipalityKey(t), ofMunicipality(t)],
);
