import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, text, unique, uuid } from "drizzle-orm/pg-core";
import type { RoadmapFact, RoadmapIndicator, StreamText } from "../../../domain/import-roadmap/types.js";
import { recordTable, sameMunicipality, timestamps, version } from "./columns.js";
import { ofMunicipality, users } from "./core.js";
import { planItems } from "./plans.js";
import { programmeProjects } from "./programme.js";

/**
 * A monthly roadmap (年間ロードマップ) of one fiscal year, for a plan item or a programme project (at most one of
 * them; none until it is attached). What the imported document says is kept as written: the indicators, the streams
 * in their order, the basic figures it opens with (context). The months are roadmap_months.
 */
export const roadmaps = recordTable(
  "roadmaps",
  {
    fiscalYear: integer("fiscal_year").notNull(),
    itemId: uuid("item_id"),
    projectId: uuid("project_id"),
    title: text("title").notNull(),
    /** 自治体名 as the document writes it */
    municipalityName: text("municipality_name"),
    /** the 現状値 column's time point ("今年度当初") */
    currentPoint: text("current_point"),
    indicators: jsonb("indicators").$type<RoadmapIndicator[]>().notNull().default([]),
    streams: jsonb("streams").$type<string[]>().notNull().default([]),
    context: jsonb("context").$type<RoadmapFact[]>().notNull().default([]),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    ofMunicipality(t),
    sameMunicipality(t, t.itemId, planItems).onDelete("cascade"),
    sameMunicipality(t, t.projectId, programmeProjects).onDelete("cascade"),
    unique("roadmaps_item_year_uq").on(t.municipalityId, t.itemId, t.fiscalYear),
    unique("roadmaps_project_year_uq").on(t.municipalityId, t.projectId, t.fiscalYear),
    check("roadmaps_one_owner", sql`num_nonnulls(${t.itemId}, ${t.projectId}) <= 1`),
  ],
);

/**
 * One month of a roadmap: the plan's 取組内容 and 実施方法 per stream, the progress sheet's repetition of them (kept
 * apart: the two may disagree), then what the responsible department enters during the year: the actual per
 * stream and whether the month slipped (遅れ), with a note.
 */
export const roadmapMonths = recordTable(
  "roadmap_months",
  {
    roadmapId: uuid("roadmap_id").notNull(),
    /** "2022-04" */
    month: text("month").notNull(),
    planned: jsonb("planned").$type<StreamText[]>().notNull().default([]),
    method: jsonb("method").$type<StreamText[]>().notNull().default([]),
    progressPlanned: jsonb("progress_planned").$type<StreamText[]>(),
    progressMethod: jsonb("progress_method").$type<StreamText[]>(),
    actual: jsonb("actual").$type<StreamText[]>().notNull().default([]),
    slipped: boolean("slipped").notNull().default(false),
    slipNote: text("slip_note"),
    updatedBy: uuid("updated_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    sameMunicipality(t, t.roadmapId, roadmaps).onDelete("cascade"),
    sameMunicipality(t, t.updatedBy, users),
    unique("roadmap_months_month_uq").on(t.municipalityId, t.roadmapId, t.month),
  ],
);
