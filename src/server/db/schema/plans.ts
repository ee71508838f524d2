import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
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
import { departments, ofMunicipality, users } from "./core.js";
import { planRevisions } from "./indicators.js";

export interface GradeDef {
  code: string;
  label: string;
}
export interface ConstituentPlan {
  code: string; // "地"
  title: string; // "地域福祉計画"
}

export const plans = recordTable(
  "plans",
  {
    title: text("title").notNull(),
    kind: text("kind").notNull(), // 基本計画 / 実施計画 / 分野別計画 …
    startFiscalYear: integer("start_fiscal_year").notNull(),
    endFiscalYear: integer("end_fiscal_year").notNull(),
    levelNames: jsonb("level_names").$type<string[]>().notNull(),
    gradeScale: jsonb("grade_scale").$type<GradeDef[]>().notNull(),
    constituentPlans: jsonb("constituent_plans").$type<ConstituentPlan[]>().notNull().default([]),
    /** the ordered ladder of milestone targets (調査・研究 < 検討 < … ), editable per plan; null = default ladder */
    milestoneLadder: jsonb("milestone_ladder").$type<{
      steps: { label: string; rank: number; aliases?: string[] }[];
    }>(),
    /** which level gets the yearly evaluation sheets; null = the last level */
    evaluationLevel: integer("evaluation_level"),
    version: version(),
    ...timestamps(),
  },
  (t) => [ofMunicipality(t)],
);

/** One item of a plan's tree (基本目標, 施策, 事業 …). Where it appears is in plan_item_placements. */
export const planItems = recordTable(
  "plan_items",
  {
    planId: uuid("plan_id").notNull(),
    level: integer("level").notNull(), // 0 = top level (基本目標)
    code: text("code"), // "1-1-1" or "12"
    title: text("title").notNull(),
    summary: text("summary"), // 事業概要
    isNew: boolean("is_new").notNull().default(false), // 新
    isPriority: boolean("is_priority").notNull().default(false), // 重
    category: text("category"), // 区分: 新規 / 拡充 / 継続
    majorMeasure: text("major_measure"), // 大施策
    planPage: text("plan_page"), // as written ("##" kept)
    constituentPlans: jsonb("constituent_plans").$type<string[]>().notNull().default([]),
    /** values as written in an imported source, kept next to the parsed ones */
    source: jsonb("source"),
    version: version(),
    ...timestamps(),
  },
  (t) => [sameMunicipality(t, t.planId, plans), index("plan_items_plan_idx").on(t.municipalityId, t.planId)],
);

/**
 * Where an item is shown in the tree. The first placement (relisted = false) is its home; more placements
 * with relisted = true are 再掲: the same item shown under another parent, never a copy.
 */
export const planItemPlacements = recordTable(
  "plan_item_placements",
  {
    planId: uuid("plan_id").notNull(),
    itemId: uuid("item_id").notNull(),
    parentItemId: uuid("parent_item_id"),
    position: integer("position").notNull(),
    relisted: boolean("relisted").notNull().default(false),
  },
  (t) => [
    unique("placements_item_parent_uq").on(t.municipalityId, t.itemId, t.parentItemId),
    sameMunicipality(t, t.planId, plans),
    sameMunicipality(t, t.itemId, planItems).onDelete("cascade"),
    sameMunicipality(t, t.parentItemId, planItems).onDelete("cascade"),
    index("placements_plan_idx").on(t.municipalityId, t.planId),
  ],
);

export const planItemDepartments = pgTable(
  "plan_item_departments",
  {
    municipalityId: municipalityId(),
    itemId: uuid("item_id").notNull(),
    departmentId: uuid("department_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    municipalityKey(t, t.itemId, t.departmentId),
    sameMunicipality(t, t.itemId, planItems).onDelete("cascade"),
    sameMunicipality(t, t.departmentId, departments),
    index("item_departments_dept_idx").on(t.municipalityId, t.departmentId),
  ],
);

/** The yearly evaluation of a plan: opened by the plan office, one sheet per project. */
export const evaluationRounds = recordTable(
  "evaluation_rounds",
  {
    planId: uuid("plan_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    status: text("status").notNull().default("open"), // open | closed
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    /** set by the plan office's closing (締め): the year's sheets, grades, actuals and summary are frozen */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by"),
    /** the revision the year was evaluated under when it was closed: the closed year is shown under it */
    closedRevisionId: uuid("closed_revision_id"),
    /** the last reopening: who, when and why (each one is also in the audit trail) */
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    reopenedBy: uuid("reopened_by"),
    reopenReason: text("reopen_reason"),
    /** 提出期限: the last day (in Japan) departments submit their sheets; optional */
    submissionDue: date("submission_due", { mode: "string" }),
    /** 確認期限: the last day (in Japan) the plan office confirms (accepts or returns) the submitted sheets */
    confirmationDue: date("confirmation_due", { mode: "string" }),
    /** the deadlines are changed under If-Match */
    version: version(),
  },
  (t) => [
    unique("rounds_plan_year_uq").on(t.municipalityId, t.planId, t.fiscalYear),
    sameMunicipality(t, t.planId, plans),
    sameMunicipality(t, t.closedBy, users),
    sameMunicipality(t, t.reopenedBy, users),
    // declared lazily (the callback runs after both schema files are loaded), so the import cycle is harmless
    sameMunicipality(t, t.closedRevisionId, planRevisions),
  ],
);

/** A department's own 提出期限 in a round, where it differs from the round's (a late start, a larger workload). */
export const roundDepartmentDeadlines = pgTable(
  "round_department_deadlines",
  {
    municipalityId: municipalityId(),
    roundId: uuid("round_id").notNull(),
    departmentId: uuid("department_id").notNull(),
    submissionDue: date("submission_due", { mode: "string" }).notNull(),
  },
  (t) => [
    municipalityKey(t, t.roundId, t.departmentId),
    sameMunicipality(t, t.roundId, evaluationRounds),
    sameMunicipality(t, t.departmentId, departments),
  ],
);

export const evaluationSheets = recordTable(
  "evaluation_sheets",
  {
    roundId: uuid("round_id").notNull(),
    planId: uuid("plan_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    itemId: uuid("item_id").notNull(),
    status: text("status").notNull().default("not_started"), // not_started | draft | submitted | accepted | returned
    previousStatus: text("previous_status"), // 前年度の実施状況
    targetFirst: text("target_first"), // 事業目標 前期
    targetSecond: text("target_second"), // 事業目標 後期
    results: text("results"), // 実績等
    grade: text("grade"),
    /** why the department chose another grade than the one suggested by the item's indicators */
    gradeOverrideReason: text("grade_override_reason"),
    reason: text("reason"), // 効果又は評価の理由
    issues: text("issues"), // 今後の課題及び事業推進の方策
    reviewComment: text("review_comment"), // plan office's comment when returning
    /** why the plan office left the project 未評価 for the year (status not_evaluated) */
    notEvaluatedReason: text("not_evaluated_reason"),
    /** department names as they were when the sheet was written (組織改正 keeps them) */
    departmentNames: jsonb("department_names").$type<string[]>().notNull().default([]),
    /** the sheet as written in an imported source: { field: { raw, line } } */
    source: jsonb("source"),
    version: version(),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAt(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    unique("sheets_round_item_uq").on(t.municipalityId, t.roundId, t.itemId),
    sameMunicipality(t, t.roundId, evaluationRounds),
    sameMunicipality(t, t.itemId, planItems),
    sameMunicipality(t, t.updatedBy, users),
    index("sheets_plan_year_idx").on(t.municipalityId, t.planId, t.fiscalYear),
  ],
);

/** One imported document: the sha256 makes a second import of the same bytes a no-op. */
export const imports = recordTable(
  "imports",
  {
    kind: text("kind").notNull(),
    sha256: text("sha256").notNull(),
    fileName: text("file_name"),
    planId: uuid("plan_id"),
    report: jsonb("report").notNull(),
    importedBy: uuid("imported_by"),
    createdAt: createdAt(),
  },
  (t) => [unique("imports_sha_uq").on(t.municipalityId, t.kind, t.sha256), sameMunicipality(t, t.planId, plans)],
);
