/**
 * Notice mail in words. A mail says only that something waits in tsunagu, in general words by the kind of notice,
 * never whose or what: the kinds below are the notices' kinds (part N names them); an unknown kind is said as
 * 「お知らせ」.
 */
export const NOTICE_MAIL_KINDS = [
  "sheet_returned",
  "sheet_accepted",
  "deadline_soon",
  "deadline_overdue",
  "referral_arrived",
  "referral_answered",
  "task_assigned",
  "review_due",
  "opinion_requested",
] as const;
export type NoticeMailKind = (typeof NOTICE_MAIL_KINDS)[number];
export const NOTICE_MAIL_KIND_LABELS: Record<NoticeMailKind, string> = {
  sheet_returned: "評価表についてのお知らせ",
  sheet_accepted: "評価表についてのお知らせ",
  deadline_soon: "期限が近づいている作業があります",
  deadline_overdue: "期限を過ぎた作業があります",
  referral_arrived: "つなぐシートについてのお知らせ",
  referral_answered: "つなぐシートについてのお知らせ",
  task_assigned: "担当する作業についてのお知らせ",
  review_due: "見直しの時期についてのお知らせ",
  opinion_requested: "意見の依頼についてのお知らせ",
};

/** The general words of a kind of notice (subject and first line of its mail). */
export function noticeMailSubject(kind: string): string {
  return (NOTICE_MAIL_KIND_LABELS as Record<string, string>)[kind] ?? "お知らせ";
}

export const MAIL_SECURITIES = ["tls", "starttls", "none"] as const;
export type MailSecurityCode = (typeof MAIL_SECURITIES)[number];
export const MAIL_SECURITY_LABELS: Record<MailSecurityCode, string> = {
  tls: "SSL/TLS（接続の最初から暗号化。通常はポート 465）",
  starttls: "STARTTLS（接続してから暗号化。通常はポート 587）",
  none: "暗号化しない（庁内の中継サーバーだけ。通常はポート 25）",
};

/** Why a notice mail was not sent, or why its last attempt failed (kept as a code on the outbox row). */
export const NOTICE_MAIL_REASONS = ["no_address", "mail_off", "user_disabled", "smtp_error", "gave_up"] as const;
export type NoticeMailReason = (typeof NOTICE_MAIL_REASONS)[number];
export const NOTICE_MAIL_REASON_LABELS: Record<NoticeMailReason, string> = {
  no_address: "利用者にメールアドレスが登録されていない",
  mail_off: "この自治体のメール送信が設定されていないか、止めてある",
  user_disabled: "利用者が停止されている",
  smtp_error: "メールサーバーに送れなかった（再試行する）",
  gave_up: "再試行しても送れなかった",
};
