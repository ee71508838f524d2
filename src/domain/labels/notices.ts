/**
 * お知らせ (in-app notices): each kind in words, once. A notice's text says what happened and where, never who it is
 * about: the subject's reference (受付番号, 年度) is all it quotes.
 */

export const NOTICE_KINDS = [
  "sheet_returned",
  "sheet_accepted",
  "deadline_soon",
  "deadline_overdue",
  "confirmation_soon",
  "confirmation_overdue",
  "referral_arrived",
  "referral_answered",
  "task_assigned",
  "review_due",
  "opinion_requested",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The notice's title; the screen adds the reference (「（受付番号 R-12）」) and, for deadlines, the day. */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  sheet_returned: "評価表が差し戻されました",
  sheet_accepted: "評価表が承認されました",
  deadline_soon: "評価表の提出期限が近づいています",
  deadline_overdue: "評価表の提出期限を過ぎています",
  confirmation_soon: "評価表の確認期限が近づいています",
  confirmation_overdue: "評価表の確認期限を過ぎています",
  referral_arrived: "つなぐシートが届きました",
  referral_answered: "つなぐシートに返答がありました",
  task_assigned: "タスクが割り当てられました",
  review_due: "支援計画の見直し時期です",
  opinion_requested: "意見の提出が依頼されました",
};

/** What a notice points at; each has its own access rule, applied when the notice is listed and when it is opened. */
export const NOTICE_SUBJECTS = ["sheet", "round", "referral", "case", "committee"] as const;
export type NoticeSubject = (typeof NOTICE_SUBJECTS)[number];
