/**
 * What an import found, in words: the warning kinds of each document parser and why an edited workbook's sheet
 * was not applied. The import screens and the findings CSV they offer read these.
 */
import type { WarningKind } from "../import-evaluation/types";
import type { PlanWarningKind } from "../import-implementation-plan/types";
import type { IndicatorWarningKind } from "../import-indicator-table/types";

/** The evaluation document (総括表 + 評価表). */
export const EVALUATION_WARNING_LABELS: Record<WarningKind, string> = {
  grade_mismatch: "評価の不一致",
  columns_shifted: "○の列ずれ（抽出テキスト）",
  department_mismatch: "担当課の表記の違い",
  title_mismatch: "事業名の不一致",
  subtotal_mismatch: "小計の不一致",
  total_mismatch: "合計の不一致",
  total_label_mismatch: "合計行の見出しの誤り",
  percentage_mismatch: "割合の不一致",
  count_mismatch: "件数の不一致",
  missing_sheet: "評価表がない事業",
  missing_summary_row: "総括表にない評価表",
  duplicate_title: "事業名の重複",
  unreadable_value: "読み取れない値",
  other: "その他",
};

/** Warnings added when a 実施計画 is laid out as a plan (after the parser). */
export type LayoutWarningKind =
  | "relist_duplicate"
  | "relist_extra_activity"
  | "duplicate_target_year"
  | "category_unknown";

/** The 実施計画 (parser and layout) and a basic plan's indicator tables. */
export const PLAN_WARNING_LABELS: Record<PlanWarningKind | LayoutWarningKind | IndicatorWarningKind, string> = {
  department_mismatch: "担当課の食い違い",
  title_mismatch: "名称の食い違い",
  major_measure_mismatch: "大施策の食い違い",
  constituent_plan_mismatch: "構成計画の食い違い",
  relist_unresolved: "再掲元が見つからない",
  relist_mismatch: "再掲元と表記が違う",
  relist_duplicate: "再掲の重複",
  relist_extra_activity: "再掲にない取組内容",
  missing_sheet: "個別シートがない取組",
  missing_matrix_row: "担当課の表にない取組",
  missing_measure: "施策の体系にない施策",
  duplicate_code: "番号の重複",
  target_count_mismatch: "目標の数と年度の列が合わない",
  fiscal_year_mismatch: "年度の列がほかの表と違う",
  duplicate_target_year: "同じ年度の目標が重複",
  category_unknown: "区分が読み取れない",
  missing_value: "現状値・目標値がない",
  missing_target_year: "目標の年度がない",
  extra_cells: "列より多いセル",
  duplicate_indicator: "指標名の重複",
};

/**
 * Why a sheet of an uploaded workbook was not applied.
 * - unreadable: the file itself is wrong (bad grade, broken layout); any one of these stops the whole import
 * - missing: a sheet listed in the metadata was deleted from the workbook; the others are still imported
 * - not_found / permission / locked: decided against the database, reported per sheet
 */
export const WORKBOOK_PROBLEM_KINDS = ["unreadable", "missing", "not_found", "permission", "locked"] as const;
export type WorkbookProblemKind = (typeof WORKBOOK_PROBLEM_KINDS)[number];
export const WORKBOOK_PROBLEM_LABELS: Record<WorkbookProblemKind, string> = {
  unreadable: "読み取れない",
  missing: "シートがない",
  not_found: "評価表が見つからない",
  permission: "権限がない",
  locked: "提出済みのため変更できない",
};
