import { index, integer, jsonb, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { recordTable, sameMunicipality, updatedAt, version } from "./columns.js";
import { users } from "./core.js";
import { planItems, plans } from "./plans.js";

/**
 * A plan's mid-year round (中間報告) for a fiscal year: opened by the plan office, independent of the yearly
 * evaluation round, one short progress sheet per project. Closing it freezes its sheets.
 */
export const midYearRounds = recordTable(
  "mid_year_rounds",
  {
    planId: uuid("plan_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    status: text("status").notNull().default("open"), // open | closed
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by"),
  },
  (t) => [
    unique("mid_year_rounds_plan_year_uq").on(t.municipalityId, t.planId, t.fiscalYear),
    sameMunicipality(t, t.planId, plans),
    sameMunicipality(t, t.closedBy, users),
  ],
);

/** One project's progress at mid-year: no grade, only where it stands, its problems and the second half's plan. */
export const midYearSheets = recordTable(
  "mid_year_sheets",
  {
    roundId: uuid("round_id").notNull(),
    planId: uuid("plan_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    itemId: uuid("item_id").notNull(),
    status: text("status").notNull().default("not_started"), // not_started | draft | submitted | accepted | returned
    progress: text("progress"), // 進捗状況: one of MID_YEAR_PROGRESS
    issues: text("issues"), // 課題
    secondHalfPlan: text("second_half_plan"), // 下半期の予定
    /** the mid-year actual of the item's indicators, as written: { indicatorId: text } */
    indicatorActuals: jsonb("indicator_actuals").$type<Record<string, string>>().notNull().default({}),
    reviewComment: text("review_comment"), // the plan office's reason when returning
    /** department names as they were when the sheet was written (組織改正 keeps them) */
    departmentNames: jsonb("department_names").$type<string[]>().notNull().default([]),
    version: version(),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAt(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    unique("mid_year_sheets_round_item_uq").on(t.municipalityId, t.roundId, t.itemId),
    sameMunicipality(t, t.roundId, midYearRounds),
    sameMunicipality(t, t.planId, plans),
    sameMunicipality(t, t.itemId, planItems),
    sameMunicipality(t, t.updatedBy, users),
    index("mid_year_sheets_plan_year_idx").on(t.municipalityId, t.planId, t.fiscalYear),
  ],
);
