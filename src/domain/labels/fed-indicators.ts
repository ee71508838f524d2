/**
 * Indicators fed by computed measures (集計値とつなぐ): the words of the suggested actual and of how a department
 * decided on it.
 */

/** How a year's actual relates to the suggestion: taken as it is, or another value entered with a reason. */
export const FED_DECISIONS = ["accepted", "other"] as const;
export type FedDecision = (typeof FED_DECISIONS)[number];
export const FED_DECISION_LABELS: Record<FedDecision, string> = {
  accepted: "提案値を採用",
  other: "提案値と異なる値（理由あり）",
};

/** Where a suggestion comes from: a count made now, or the value kept when the year's round was closed. */
export const FED_SOURCES = ["live", "frozen", "none"] as const;
export type FedSource = (typeof FED_SOURCES)[number];
export const FED_SOURCE_LABELS: Record<FedSource, string> = {
  live: "現在の集計",
  frozen: "締切時に確定した値",
  none: "締切時の値なし（締切の後につないだため）",
};

export const SUGGESTED_ACTUAL_LABEL = "提案値";
export const NO_FILTER_LABEL = "絞り込みなし（市全体）";
/** Why a suppressed suggestion cannot be accepted: the count is not given to the plan side. */
export const SUPPRESSED_NOT_ACCEPTABLE =
  "集計値が少ないため秘匿されており、数値として採用できません。実績値を入力してください。";
