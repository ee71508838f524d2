/**
 * Committees and their opinions in words: the kinds of committee that read a closed year's results, what an
 * opinion's state is, and the 市の対応方針's status. Screens, presenters, the report and its xlsx read these.
 */

/** 推進会議 evaluates inside the city; the 推進委員会 (citizens) and its 小委員会 per field evaluate the results. */
export const COMMITTEE_KINDS = ["internal_council", "committee", "subcommittee"] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  internal_council: "推進会議（庁内）",
  committee: "推進委員会",
  subcommittee: "小委員会",
};

/** An opinion is the writer's own until submitted; then the plan office answers it. */
export const OPINION_STATUSES = ["draft", "submitted"] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  draft: "下書き",
  submitted: "提出済",
};

/** How the city's answer (市の対応方針) stands. */
export const RESPONSE_STATUSES = ["reflected", "considering", "difficult", "other"] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
  reflected: "反映済",
  considering: "検討中",
  difficult: "対応困難",
  other: "その他",
};

/** What the audit trail says was done to an opinion (the trail's own words where these do not apply). */
export const OPINION_ACTION_LABELS = {
  create: "意見の作成",
  update: "意見の下書きの保存",
  transition: "意見の提出",
  respond: "市の対応方針の回答",
} as const;

/** The words of a committee's fields, for field-named messages and the screens' labels. */
export const COMMITTEE_FIELD_LABELS = {
  name: "委員会の名称",
  kind: "種類",
  marks: "担当する構成計画",
  members: "委員",
  termFrom: "任期（開始）",
  termTo: "任期（終了）",
  body: "意見",
  response: "市の対応方針",
  responseStatus: "対応の状況",
} as const;

/** An opinion about the year as a whole (not about one item). */
export const OVERALL_OPINION_LABEL = "年度全体への意見";
