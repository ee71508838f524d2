/**
 * The local resource directory (地域資源, issue 14) in words: categories, who a resource is for, the days of the
 * week its schedule names and its status. Screens, presenters, the CSV / HSDS export and the print read these.
 */

export const RESOURCE_CATEGORIES = [
  "ibasho",
  "work_experience",
  "salon",
  "kayoinoba",
  "volunteer",
  "kodomo_shokudo",
  "other",
] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];
export const RESOURCE_CATEGORY_LABELS: Record<ResourceCategory, string> = {
  ibasho: "居場所",
  work_experience: "就労体験",
  salon: "サロン",
  kayoinoba: "通いの場",
  volunteer: "ボランティア",
  kodomo_shokudo: "子ども食堂",
  other: "その他",
};

/** Who a resource is for (several may apply; `anyone`: open to all). */
export const RESOURCE_AUDIENCES = ["older", "disability", "children", "youth", "families", "anyone"] as const;
export type ResourceAudience = (typeof RESOURCE_AUDIENCES)[number];
export const RESOURCE_AUDIENCE_LABELS: Record<ResourceAudience, string> = {
  older: "高齢者",
  disability: "障がいのある人",
  children: "子ども",
  youth: "若者",
  families: "子育て世帯",
  anyone: "誰でも",
};

/** Days of the week, in the codes Open Referral HSDS uses for a weekly schedule (byday). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MO: "月",
  TU: "火",
  WE: "水",
  TH: "木",
  FR: "金",
  SA: "土",
  SU: "日",
};

/**
 * A resource's status: in the directory (公開中) or paused (休止); a provider's proposal waits (提案中) until a
 * coordinator accepts it (公開中) or turns it down with a reason (見送り).
 */
export const RESOURCE_STATUSES = ["active", "proposed", "paused", "rejected"] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  active: "公開中",
  proposed: "提案中",
  paused: "休止",
  rejected: "見送り",
};

/** The statuses agency staff may set by editing (a proposal is decided by a coordinator's review, not an edit). */
export const EDITABLE_RESOURCE_STATUSES = ["active", "paused"] as const satisfies readonly ResourceStatus[];

/** A coordinator's decision on a proposal. */
export const PROPOSAL_DECISIONS = ["accept", "reject"] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];
export const PROPOSAL_DECISION_LABELS: Record<ProposalDecision, string> = {
  accept: "受け入れる（公開）",
  reject: "見送る",
};
