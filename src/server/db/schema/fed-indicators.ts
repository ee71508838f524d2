import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { municipalityId, municipalityKey, sameMunicipality, timestamps, version } from "./columns.js";
import { users } from "./core.js";
import { indicators } from "./indicators.js";
import { districts } from "./meetings.js";
import { programmeProjects } from "./programme.js";
import { agencies } from "./support.js";

/**
 * An indicator fed by a computed measure (issue 14): which measure of the catalogue, which row of its breakdown (null:
 * its total) and which 地区 / agency / programme registry project it is filtered to. One link per indicator; the plan
 * office keeps it at its version.
 */
export const indicatorMeasureLinks = pgTable(
  "indicator_measure_links",
  {
    municipalityId: municipalityId(),
    indicatorId: uuid("indicator_id").notNull(),
    measureKey: text("measure_key").notNull(),
    breakdownRow: text("breakdown_row"),
    agencyId: uuid("agency_id"),
    districtId: uuid("district_id"),
    projectId: uuid("project_id"),
    version: version(),
    updatedBy: uuid("updated_by"),
    ...timestamps(),
  },
  (t) => [
    municipalityKey(t, t.indicatorId),
    sameMunicipality(t, t.indicatorId, indicators).onDelete("cascade"),
    sameMunicipality(t, t.agencyId, agencies),
    sameMunicipality(t, t.districtId, districts),
    sameMunicipality(t, t.projectId, programmeProjects),
    sameMunicipality(t, t.updatedBy, users),
  ],
);

/**
 * A fed indicator's value as it stood when the year's evaluation round was closed: the measure's raw counts (its
 * total and rows, so the same suppression is applied when it is shown), the link it was computed under, the words of
 * the definition at that time and the time computed. Once the round is closed, readers see this, never a recount.
 */
export const indicatorFrozenFeeds = pgTable(
  "indicator_frozen_feeds",
  {
    municipalityId: municipalityId(),
    indicatorId: uuid("indicator_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    measureKey: text("measure_key").notNull(),
    breakdownRow: text("breakdown_row"),
    agencyId: uuid("agency_id"),
    districtId: uuid("district_id"),
    projectId: uuid("project_id"),
    label: text("label").notNull(),
    definition: text("definition").notNull(),
    /** the words of the filter when frozen (地区, agency and project names may change later) */
    filterLabel: text("filter_label").notNull(),
    counts: jsonb("counts").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    municipalityKey(t, t.indicatorId, t.fiscalYear),
    sameMunicipality(t, t.indicatorId, indicators).onDelete("cascade"),
  ],
);
