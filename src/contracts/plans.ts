import type { z } from "zod";
import type { presentDepartment } from "../server/modules/departments/presenter.js";
import type {
  createDepartmentSchema,
  mergeDepartmentSchema,
  renameDepartmentSchema,
} from "../server/modules/departments/schema.js";
import type {
  presentSheetHistory,
  presentSheetListRow,
  SheetDto,
  SheetIndicators,
} from "../server/modules/evaluations/presenter.js";
import type { listRounds, openRound } from "../server/modules/evaluations/rounds.js";
import type {
  notEvaluatedSchema,
  openRoundSchema,
  reopenRoundSchema,
  returnSheetSchema,
  SheetStatus,
  sheetFieldsSchema,
} from "../server/modules/evaluations/schema.js";
import type { getYearReport } from "../server/modules/evaluations/year-report.js";
import type { ItemDto, PlanDto } from "../server/modules/plans/presenter.js";
import type {
  itemCategorySchema,
  itemInputSchema,
  itemPatchSchema,
  planInputSchema,
  relistSchema,
} from "../server/modules/plans/schema.js";
import type { getPlanWithItems } from "../server/modules/plans/service.js";
import type { getSummary, SummaryLine as ServerSummaryLine } from "../server/modules/summaries/service.js";
import type { Jsonify, JsonOf } from "./json.js";

export type { SourceText } from "../domain/import-evaluation/types.js";
export type { SheetStatus };

// Plans (GET /api/plans, GET /api/plans/:planId)
export type Plan = Jsonify<PlanDto>;
export type GradeDef = Plan["gradeScale"][number];
export type PlanItem = Jsonify<ItemDto>;
export type Placement = PlanItem["placements"][number];
export type PlanWithItems = JsonOf<typeof getPlanWithItems>;
/** Which version of a plan a screen shows (see the server's revisions/in-force.ts). */
export type PlanShown = PlanWithItems["shown"];
export type PlanInput = z.input<typeof planInputSchema>;
export type ItemInput = z.input<typeof itemInputSchema>;
export type ItemPatch = z.input<typeof itemPatchSchema>;
/** 区分 as the item schema names it (a stored item's category is read as text) */
export type ItemCategory = z.infer<typeof itemCategorySchema>;
export type RelistInput = z.input<typeof relistSchema>;

// Departments (GET /api/departments)
export type Department = Jsonify<ReturnType<typeof presentDepartment>>;
export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;
export type RenameDepartmentInput = z.input<typeof renameDepartmentSchema>;
export type MergeDepartmentInput = z.input<typeof mergeDepartmentSchema>;

// Evaluations: rounds, sheets, history
export type Round = JsonOf<typeof listRounds>[number];
/** POST /api/plans/:planId/evaluations: the round opened, with the number of sheets made for it. */
export type OpenedRound = JsonOf<typeof openRound>;
export type SheetListRow = Jsonify<ReturnType<typeof presentSheetListRow>>;
export type ItemBrief = NonNullable<SheetListRow["item"]>;
export type Sheet = Jsonify<SheetDto>;
export type SuggestedGrade = Jsonify<SheetIndicators["suggestedGrade"]>;
export type HistoryEntry = Jsonify<ReturnType<typeof presentSheetHistory>[number]>;
export type OpenRoundInput = z.input<typeof openRoundSchema>;
export type SheetFieldsInput = z.input<typeof sheetFieldsSchema>;
export type ReturnSheetInput = z.input<typeof returnSheetSchema>;
export type NotEvaluatedInput = z.input<typeof notEvaluatedSchema>;
export type ReopenRoundInput = z.input<typeof reopenRoundSchema>;
/** GET /api/plans/:planId/evaluations/:fiscalYear/report: the 評価結果報告書 of a closed year */
export type YearReport = JsonOf<typeof getYearReport>;

// Summary (GET /api/plans/:planId/summary?include=rows)
export type Summary = JsonOf<typeof getSummary>;
export type SummaryGroup = Summary["groups"][number];
export type GradeTally = Summary["total"];
export type SummaryLine = Jsonify<ServerSummaryLine>;
