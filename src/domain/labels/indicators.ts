/**
 * Indicators in words: their kinds, how a target was read, attainment, and a department's part in an item. The
 * screens, the CSV, the 実施計画 xlsx, the diff of revisions and the CLI all take their words from here.
 */
import type { AttainmentStatus } from "../indicators/attainment";
import type { TargetKind } from "../indicators/target";

export const INDICATOR_KINDS = ["activity", "outcome", "policy"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
/** 政策指標, not a municipality's own name for it (区政評価指標 is one ward's): one deployment serves many. */
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  activity: "活動指標",
  outcome: "成果指標",
  policy: "政策指標",
};

/** How a target's text was read. */
export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  numeric: "数値",
  milestone: "段階",
  asNeeded: "適宜",
  text: "文章",
};

/** In the order counts are shown. */
export const ATTAINMENT_STATUSES = [
  "met",
  "notMet",
  "manual",
  "noActual",
] as const satisfies readonly AttainmentStatus[];

/**
 * The attainment of one indicator-year. 要判定: the target cannot decide it (text, 適宜, no target that year), a
 * person does; 実績未入力: no actual yet (the domain's reasons say 手動判定 and 実績未入力 too).
 */
export const ATTAINMENT_LABELS: Record<AttainmentStatus, string> = {
  met: "達成",
  notMet: "未達成",
  manual: "要判定",
  noActual: "実績未入力",
};

/** Why a department is shown against an item: its own item, or an item below one of its items. */
export const MATRIX_MARKS = ["own", "rolledUp"] as const;
export type MatrixMark = (typeof MATRIX_MARKS)[number];
export const MATRIX_MARK_LABELS: Record<MatrixMark, string> = { own: "担当", rolledUp: "配下の取組を担当" };
