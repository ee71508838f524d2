/**
 * What the evaluation-document parser returns. Pure data: the service layer turns it into rows.
 * Every parsed value keeps the text it came from (`raw`) and the 1-based source line.
 */

export interface SourceText {
  /** the text exactly as written in the source (cells joined with their tabs/line breaks kept) */
  raw: string;
  /** 1-based line number of the first line of this text in the source */
  line: number;
}

export type WarningKind =
  | "grade_mismatch" // summary table mark differs from the sheet's grade
  | "columns_shifted" // one notice: marks that differ from the sheets while the printed 小計 agree with the sheets
  | "department_mismatch" // department written differently in summary and sheet
  | "title_mismatch" // project name differs between summary and sheet
  | "subtotal_mismatch" // a 小計 row disagrees with the projects above it
  | "total_mismatch" // a 基本目標 合計 or 総合計 disagrees
  | "total_label_mismatch" // e.g. "基本目標6 合計" written under 基本目標7
  | "percentage_mismatch" // share of a grade does not match counts / denominator
  | "count_mismatch" // e.g. "対象事業（68件）" vs projects found
  | "missing_sheet" // a project in the summary has no sheet
  | "missing_summary_row" // a sheet has no row in the summary
  | "duplicate_title" // two projects share a name (possibly 再掲)
  | "unreadable_value" // a "##" cell or value that could not be read
  | "other";

export interface ImportWarning {
  kind: WarningKind;
  line: number;
  message: string; // Japanese, names both values
}

export interface UnparsedLine {
  line: number;
  text: string;
}

export interface ParsedSheet {
  line: number;
  number: number;
  /** project name on the sheet, without the 【新規・重点】 marks */
  title: string;
  /** marks such as 新規 / 重点 found in 【…】 */
  marks: string[];
  departments: string[];
  fields: {
    header: SourceText;
    overview: SourceText | null; // 事業概要
    previousStatus: SourceText | null; // 令和5年度実施状況
    previousStatusLabel: string | null; // e.g. "令和5年度実施状況"
    targetFirst: SourceText | null; // 事業目標 前期
    targetFirstLabel: string | null; // e.g. "前期（令和5年度）" as written
    targetSecond: SourceText | null; // 事業目標 後期
    targetSecondLabel: string | null;
    results: SourceText | null; // 計画事業の実績等
    resultsLabel: string | null;
    gradeText: SourceText | null; // e.g. "B ある程度達成した" as written
    reason: SourceText | null; // 効果又は評価の理由
    issues: SourceText | null; // 今後の課題及び事業推進の方策
  };
  /** grade code read from gradeText (AA/A/B/C/D), null if none could be read */
  grade: string | null;
}

export interface ParsedProject {
  line: number; // line of the summary-table row (or of the sheet if no row)
  number: number;
  sheetPage: string | null; // 評価表頁 as written
  planPage: string | null; // 計画書頁 as written ("##" kept)
  title: string;
  isNew: boolean;
  isPriority: boolean;
  /** departments as written in the summary row */
  summaryDepartments: string[];
  /** grade marked in the summary row */
  summaryGrade: string | null;
  sheet: ParsedSheet | null;
  /** the raw summary row */
  summaryRow: SourceText | null;
}

export interface ParsedMeasure {
  line: number;
  code: string; // "1"
  title: string;
  projects: ParsedProject[];
  /** counts as written on the 小計 row, by grade code */
  writtenSubtotal: Record<string, number> | null;
}

export interface ParsedGoal {
  line: number;
  code: string;
  title: string;
  measures: ParsedMeasure[];
  writtenTotal: Record<string, number> | null;
  writtenTotalLabel: string | null;
}

export interface ParsedEvaluationDocument {
  kind: "evaluation";
  /** first heading line, e.g. 目黒区保健医療福祉計画（令和6～10年度）事業別評価総括表 */
  documentTitle: string;
  planTitle: string; // 目黒区保健医療福祉計画
  startFiscalYear: number | null; // ISO year, 2024
  endFiscalYear: number | null; // 2028
  /** the fiscal year evaluated, from 計画事業の実績等（令和6年度） */
  fiscalYear: number | null;
  gradeScale: { code: string; label: string }[];
  goals: ParsedGoal[];
  writtenGrandTotal: Record<string, number> | null;
  writtenPercentages: Record<string, string> | null;
  writtenProjectCount: number | null;
  warnings: ImportWarning[];
  unparsed: UnparsedLine[];
}
