import type { RoadmapWarningKind } from "../import-roadmap/types";

/** The monthly roadmap (年間ロードマップ) in words: its screen, columns, fields and the importer's findings. */
export const ROADMAP_TITLE = "年間ロードマップ";

export const ROADMAP_COLUMN_LABELS = {
  indicator: "課題解決の達成度を測る指標",
  current: "現状値",
  target: "目標値",
  effect: "見込んでいる成果・効果",
  month: "月",
  stream: "取組",
  planned: "取組内容",
  method: "実施方法",
  progressPlanned: "取組内容（月間進捗シート）",
  progressMethod: "実施方法（月間進捗シート）",
  actual: "実際の取組状況・成果等",
  slipped: "遅れ",
  context: "自治体の基礎情報",
} as const;

export const ROADMAP_FIELD_LABELS = {
  actual: "実際の取組状況・成果等",
  stream: "取組",
  text: "内容",
  slipped: "遅れ",
  slipNote: "遅れの理由・対応",
} as const;

export const ROADMAP_WARNING_LABELS: Record<RoadmapWarningKind, string> = {
  plan_mismatch: "年間ロードマップと月間進捗シートの食い違い",
  missing_month: "年間ロードマップにない月",
  missing_progress_month: "月間進捗シートにない月",
  duplicate_month: "同じ月の重複",
  outside_year: "年度外の月",
  unknown_stream: "年間ロードマップにない取組",
  extra_column: "表にない列",
  sheet_mismatch: "二つのシートの年度・自治体名の違い",
};
