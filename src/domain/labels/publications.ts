/**
 * Publication to residents (issue 16): what the plan office publishes, in words. The sheet fields a plan may make
 * public are the sheet's own written fields; the plan office's 未評価 reason, the grade override's reason, review
 * comments and the workflow's history are internal and can never be chosen (they are not in this list).
 */
import { SHEET_FIELD_LABELS, SHEET_FIELDS } from "./evaluation.js";

/**
 * seam: part K: committee opinions with 市の対応方針 become a kind "opinions" once part K's committees exist; it is
 * named here so the public site and the catalogue have their place, and not offered to publish yet.
 */
export const PUBLICATION_KINDS = ["plan", "year", "opinions"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const PUBLICATION_KIND_LABELS: Record<PublicationKind, string> = {
  plan: "計画（体系・本文・指標の目標）",
  year: "年度の評価結果（総括表・評価表・指標の実績）",
  opinions: "委員会の意見と市の対応方針",
};
/** The kinds the plan office can publish today. */
export const OFFERED_PUBLICATION_KINDS = ["plan", "year"] as const satisfies readonly PublicationKind[];

export const PUBLICATION_STATUSES = ["published", "withdrawn"] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  published: "公開中",
  withdrawn: "公開取り下げ",
};

export const PUBLIC_SHEET_FIELDS = SHEET_FIELDS;
export type PublicSheetField = (typeof PUBLIC_SHEET_FIELDS)[number];
export const PUBLIC_SHEET_FIELD_LABELS = SHEET_FIELD_LABELS;

/** The words of the public site that more than one page or file uses. */
export const PUBLIC_SITE_LABELS = {
  published: "公開日",
  updated: "更新日",
  license: "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）",
  openData: "オープンデータ",
  search: "項目を検索",
  department: "担当課",
  category: "区分",
  isNew: "新規",
  isPriority: "重点",
  baseline: "基準値",
  actual: "実績",
  target: "目標",
  attainment: "達成状況",
} as const;
