/**
 * What the monthly roadmap (年間ロードマップ and its 月間進捗シート) parser returns. Pure data; the import service
 * writes it into a roadmap. Every text keeps its spelling; months are ISO "YYYY-MM", the fiscal year its ISO start.
 */
import type { UnparsedLine } from "../import-evaluation/types";

export type { UnparsedLine };

/** The stream that text written without a `<…>` tag belongs to. */
export const WHOLE_STREAM = "全体";

export type RoadmapWarningKind =
  | "plan_mismatch" // the progress sheet repeats the plan's 取組内容 / 実施方法 differently
  | "missing_month" // a month of April–March the plan sheet has no row for
  | "missing_progress_month" // a month the plan has but the progress sheet leaves out
  | "duplicate_month" // the same month twice in one sheet (the later row is reported, not used)
  | "outside_year" // a month row outside the roadmap's fiscal year
  | "unknown_stream" // a tag the plan sheet never uses
  | "extra_column" // a cell beyond the sheet's columns (kept in the warning, not stored)
  | "sheet_mismatch"; // the two sheets name a different fiscal year or municipality

export interface RoadmapWarning {
  kind: RoadmapWarningKind;
  line: number;
  /** Japanese; names the month and the stream where there is one, and both texts of a disagreement */
  message: string;
  month?: string;
  stream?: string;
}

/** A line of the 自治体の基礎情報 / 基本情報 blocks: kept as written, as the roadmap's context. */
export interface RoadmapFact {
  section: string;
  /** the row's label; a continuation row repeats the label of the row it continues */
  label: string;
  /** the other cells as written, joined by " / " */
  value: string;
  line: number;
}

export interface RoadmapIndicator {
  /** the number written before the name ("1 …"), or null */
  number: number | null;
  name: string;
  /** 現状値 as written */
  current: string;
  /** 目標値 as written */
  target: string;
  /** when the target is due, from the column header ("令和4年度末") */
  targetPoint: string | null;
  /** 見込んでいる成果・効果 */
  effect: string;
  line: number;
}

/** One stream's part of a month's text. */
export interface StreamText {
  stream: string;
  text: string;
}

export interface RoadmapMonth {
  /** "2022-04" */
  month: string;
  /** the plan sheet's 取組内容 and 実施方法, per stream */
  planned: StreamText[];
  method: StreamText[];
  /** the progress sheet's repetition of them (kept even where they disagree); null without a progress row */
  progressPlanned: StreamText[] | null;
  progressMethod: StreamText[] | null;
  /** 実際の取組状況・成果等, per stream */
  actual: StreamText[];
  planLine: number | null;
  progressLine: number | null;
}

export interface ParsedRoadmap {
  kind: "roadmap";
  /** ISO start year of the 年度 in the title, or null when none is written */
  fiscalYear: number | null;
  title: string;
  municipalityName: string | null;
  /** the 現状値 column's time point as written ("今年度当初") */
  currentPoint: string | null;
  indicators: RoadmapIndicator[];
  /** every stream in the order first written, 全体 last */
  streams: string[];
  /** April–March, the months either sheet has */
  months: RoadmapMonth[];
  context: RoadmapFact[];
  warnings: RoadmapWarning[];
  unparsed: UnparsedLine[];
}
