/**
 * What the implementation-plan (実施計画) parser returns. Pure data: the service layer turns it into rows.
 * Values are kept as written in the source (targets stay text: typing them is a later step), each with its line.
 */
import type { UnparsedLine } from "../import-evaluation/types";

export type { UnparsedLine };

export type PlanWarningKind =
  | "department_mismatch" // 関連事業と担当課 matrix marks differ from the sheet's 担当課
  | "title_mismatch" // the same goal / measure / initiative is named differently in two places
  | "major_measure_mismatch" // sheet's 大施策 is not the heading the measure sits under in 施策の体系
  | "constituent_plan_mismatch" // 構成計画 marks of a measure differ from those on its initiatives' sheets
  | "relist_unresolved" // a (再掲) item whose original could not be found
  | "relist_mismatch" // a (再掲) item resolved to its original but written differently
  | "missing_sheet" // a matrix row with no 重点取組 sheet
  | "missing_matrix_row" // a sheet with no row in the matrix
  | "missing_measure" // a sheet whose 施策 is not in 施策の体系
  | "duplicate_code" // two sheets (or matrix rows, or measures) share a code
  | "target_count_mismatch" // an activity row has a different number of targets than year columns
  | "fiscal_year_mismatch"; // an activity table's fiscal-year columns differ from the document's other tables

export interface PlanWarning {
  kind: PlanWarningKind;
  /** 1-based line of the value that disagrees (the message names the other line when there is one) */
  line: number;
  /** Japanese, names both values */
  message: string;
}

export interface PlanTarget {
  /** ISO starting year of the fiscal year of the column (R6 → 2024) */
  fiscalYear: number;
  /** the target exactly as written in that column, e.g. "15事業者以上", "—" */
  source: string;
}

export interface PlanActivity {
  /** 事業(取組)内容 without the trailing "担当課：…"; a (再掲) mark is kept as written */
  title: string;
  line: number;
  departments: string[];
  /** 成果(活動)指標 as written ("—" is kept: it is what the plan says); null when the row has no such cell */
  indicator: string | null;
  targets: PlanTarget[];
  /**
   * Targets of a table whose fiscal-year columns disagree with the document's other tables: kept as written (with the
   * year of the column they stand in) but filed under no year, since it cannot be told which heading is right.
   */
  unfiledTargets: PlanTarget[];
  /**
   * For a (再掲) activity: the original activity as "<initiative code>#<1-based position>", e.g. "1-3-3#1".
   * Activities have no code of their own in the document, so the reference is built from the sheet holding them.
   */
  relistOf: string | null;
}

export interface PlanInitiative {
  /** 取組No., e.g. "1-1-1" */
  code: string;
  /** 重点取組 as written on the sheet (a (再掲) mark is kept) */
  title: string;
  /** line of the 取組No. row (or of the matrix row when the sheet is missing) */
  line: number;
  /** 担当課 of the sheet (of the matrix row when the sheet is missing) */
  departments: string[];
  /** 大施策 */
  majorMeasure: string | null;
  /** 区分: 新規 / 拡充 / 継続 as written */
  category: string | null;
  /** ①事業概要 as written (several lines joined with "\n") */
  overview: string | null;
  /** code of the original initiative when this one is marked (再掲) */
  relistOf: string | null;
  /** 構成計画 marked on the sheet (地/後/高/障); an addition to the brief's shape so the sheet's marks are not lost */
  constituentPlans: string[];
  activities: PlanActivity[];
}

export interface PlanMeasure {
  /** 施策No., e.g. "1-1" */
  code: string;
  title: string;
  line: number;
  /** 構成計画 columns marked in 施策の体系: any of 地, 後, 高, 障 */
  constituentPlans: string[];
  /** ★ (障害者差別解消法に係る施策) */
  star: boolean;
  initiatives: PlanInitiative[];
}

export interface PlanGoal {
  code: string;
  title: string;
  line: number;
  measures: PlanMeasure[];
}

export interface PlanMatrixCell {
  department: string;
  initiativeCode: string;
  /** the mark as written, normally "●" */
  mark: string;
  line: number;
}

export interface ParsedImplementationPlan {
  kind: "implementation-plan";
  title: string;
  /** first / last fiscal year of the target columns (ISO starting years), null when none was found */
  startFiscalYear: number | null;
  endFiscalYear: number | null;
  fiscalYears: number[];
  goals: PlanGoal[];
  matrix: { departments: string[]; cells: PlanMatrixCell[] };
  warnings: PlanWarning[];
  unparsed: UnparsedLine[];
}
