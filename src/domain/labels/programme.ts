import type { ProgrammeWarningKind } from "../import-programme/types";

/** The programme registry (重層的支援体制整備事業) in words: its screen, fields and the importer's findings. */
export const PROGRAMME_TITLE = "重層的支援体制整備事業の事業一覧";

export const PROGRAMME_FIELD_LABELS = {
  number: "事業番号",
  name: "区該当事業",
  content: "内容",
  integrated: "一体的連携事業",
  categoryIds: "法対象事業",
  departmentIds: "所管課",
  agencyIds: "支援機関",
} as const;

export const PROGRAMME_WARNING_LABELS: Record<ProgrammeWarningKind, string> = {
  no_content: "内容の表がない事業",
  unknown_project: "事業の表にない事業",
  duplicate_project: "事業番号の重複",
  no_category: "法対象事業のない行",
};
