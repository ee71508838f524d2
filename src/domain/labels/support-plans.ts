/**
 * Support plans in words (支援プラン, モニタリング, 終結): the kinds and states of a plan, the terms of its goals, the
 * agencies' answers to their tasks and the reasons a case ends.
 */

/** アウトリーチ支援プラン: before the person's consent, under a 支援会議; 支援プラン once consent is given. */
export const PLAN_KINDS = ["support", "outreach"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  support: "支援プラン",
  outreach: "アウトリーチ支援プラン",
};

export const PLAN_STATUSES = ["draft", "approved", "superseded"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "作成中",
  approved: "承認済み",
  superseded: "過去の版",
};

export const GOAL_TERMS = ["long", "short"] as const;
export type GoalTerm = (typeof GOAL_TERMS)[number];
export const GOAL_TERM_LABELS: Record<GoalTerm, string> = { long: "長期目標", short: "短期目標" };

export const TASK_RESPONSES = ["pending", "accepted", "declined"] as const;
export type TaskResponse = (typeof TASK_RESPONSES)[number];
export const TASK_RESPONSE_LABELS: Record<TaskResponse, string> = {
  pending: "回答待ち",
  accepted: "引受け",
  declined: "辞退",
};
/** What an agency may answer (pending is where every task starts). */
export const TASK_ANSWERS = ["accepted", "declined"] as const;

export const CLOSURE_REASONS = ["goals_met", "moved", "refused", "transferred", "died", "other"] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  goals_met: "目標達成",
  moved: "転居",
  refused: "本人の拒否",
  transferred: "他の支援への移行",
  died: "死亡",
  other: "その他",
};
