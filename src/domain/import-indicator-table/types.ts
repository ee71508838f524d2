/**
 * What the policy-indicator-table parser returns (区政評価指標 / 成果指標 tables of a basic plan). Values are kept as
 * written; the fiscal year read from them is added next to the source text, never instead of it.
 */
import type { UnparsedLine } from "../import-evaluation/types";

export type { UnparsedLine };

export type IndicatorWarningKind =
  | "missing_value" // a row without a 現状値 or 計画目標値 cell
  | "missing_target_year" // a 計画目標値 with no year in the cell, the header or the line under the header
  | "extra_cells" // a row with more cells than the header has columns (the extra text is in the message)
  | "duplicate_indicator"; // the same indicator name twice under one heading

export interface IndicatorWarning {
  kind: IndicatorWarningKind;
  line: number;
  /** Japanese */
  message: string;
}

export interface IndicatorValue {
  /** the cell exactly as written, e.g. "36.6%", "—", "65%（令和13年度末）" */
  source: string;
  /**
   * ISO starting year of the fiscal year the value refers to (令和13年度末 → 2031), read from the cell itself, the
   * header line under the column titles (e.g. "令和13年度末") or the column title; null when none is written.
   */
  fiscalYear: number | null;
}

export interface PolicyIndicator {
  /** the 施策 (成果指標) or 政策 (区政評価指標) heading the table belongs to, as written */
  policy: string;
  /** the 政策 heading above `policy` when `policy` is a 施策; an addition so equal 施策 numbers stay apart */
  parentPolicy: string | null;
  /** first column title of the table as written: "区政評価指標", "成果指標名"; an addition to the brief's shape */
  indicatorType: string;
  name: string;
  baseline: IndicatorValue;
  target: IndicatorValue;
  line: number;
}

export interface ParsedIndicatorTable {
  kind: "indicator-table";
  title: string;
  indicators: PolicyIndicator[];
  warnings: IndicatorWarning[];
  unparsed: UnparsedLine[];
}
