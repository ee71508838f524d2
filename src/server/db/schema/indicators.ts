import { index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  createdAt,
  municipalityId,
  municipalityKey,
  recordTable,
  sameMunicipality,
  timestamps,
  updatedAt,
  version,
} from "./columns.js";
import { users } from "./core.js";
import { planItems, plans } from "./plans.js";

/**
 * Indicators (成果指標 / 活動指標 / 区政評価指標) belong to a plan item (an activity, an initiative or a policy).
 * Targets are per fiscal year and keep their source text next to the typed value; actuals are per fiscal year and
 * remember the plan revision they were entered under.
 */
export const indicators = recordTable(
  "indicators",
  {
    planId: uuid("plan_id").notNull(),
    itemId: uuid("item_id"),
    /** activity | outcome | policy */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** 現状値 as written, and its fiscal year if given */
    baselineSource: text("baseline_source"),
    baselineFiscalYear: integer("baseline_fiscal_year"),
    position: integer("position").notNull().default(0),
    source: jsonb("source"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    sameMunicipality(t, t.planId, plans),
    sameMunicipality(t, t.itemId, planItems),
    index("indicators_plan_idx").on(t.municipalityId, t.planId),
    index("indicators_item_idx").on(t.municipalityId, t.itemId),
  ],
);

export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    municipalityId: municipalityId(),
    indicatorId: uuid("indicator_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    /** the target exactly as written ("15事業者以上", "試行実施", "適宜") */
    source: text("source").notNull(),
    /** numeric | milestone | asNeeded | text */
    kind: text("kind").notNull(),
    comparator: text("comparator"),
    value: numeric("value", { mode: "number" }),
    unit: text("unit"),
    step: text("step"),
    rank: integer("rank"),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    municipalityKey(t, t.indicatorId, t.fiscalYear),
    sameMunicipality(t, t.indicatorId, indicators).onDelete("cascade"),
  ],
);

export const indicatorActuals = pgTable(
  "indicator_actuals",
  {
    municipalityId: municipalityId(),
    indicatorId: uuid("indicator_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    /** number | milestone | text */
    kind: text("kind").notNull(),
    value: numeric("value", { mode: "number" }),
    step: text("step"),
    text: text("text"),
    comment: text("comment"),
    /** the plan revision in force when the actual was entered */
    revisionId: uuid("revision_id"),
    /**
     * For an indicator fed by a measure: the suggestion the actual was decided against (measure, filter, definition,
     * time computed, the value shown) and whether it was accepted or another value entered with its reason
     */
    fed: jsonb("fed"),
    version: version(),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [
    municipalityKey(t, t.indicatorId, t.fiscalYear),
    sameMunicipality(t, t.indicatorId, indicators).onDelete("cascade"),
    sameMunicipality(t, t.updatedBy, users),
  ],
);

/**
 * ローリング方式: a revision is a frozen snapshot of the whole plan (items, placements, departments, indicators,
 * targets) as JSON. The live tables are the working copy; "start a revision" numbers the next one as a draft,
 * "approve" freezes the live state into it. Items keep their ids across revisions, so a diff is exact.
 */
export const planRevisions = recordTable(
  "plan_revisions",
  {
    planId: uuid("plan_id").notNull(),
    number: integer("number").notNull(),
    label: text("label").notNull(), // e.g. 令和7年度改定
    /** draft | approved */
    status: text("status").notNull(),
    basedOnRevisionId: uuid("based_on_revision_id"),
    snapshot: jsonb("snapshot"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: uuid("approved_by"),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    unique("revisions_plan_number_uq").on(t.municipalityId, t.planId, t.number),
    sameMunicipality(t, t.planId, plans),
  ],
);
