/**
 * The home page (ホーム): what each item counts, in words, once. The server sends the key and the label; the screen
 * shows the label with the count.
 */

export const HOME_ITEMS = [
  // plan side, per plan and open evaluation year
  "sheets_submitted",
  "sheets_returned",
  "sheets_not_started",
  "sheets_draft",
  "sheets_accepted",
  "departments_late",
  "actuals_missing",
  "summary_latest",
  // plan side, per plan and open mid-year report (中間報告)
  "mid_year_submitted",
  "mid_year_returned",
  "mid_year_to_fill",
  "mid_year_unsubmitted",
  // support side
  "referrals_received",
  "referrals_overdue",
  "referrals_sent",
  "tasks_open",
  "tasks_overdue",
  "reviews_overdue",
  "placement_follow_ups_due",
  "meetings_upcoming",
  "pledges_to_sign",
  "accounts_without_second_factor",
] as const;
export type HomeItemKey = (typeof HOME_ITEMS)[number];

export const HOME_ITEM_LABELS: Record<HomeItemKey, string> = {
  sheets_submitted: "承認待ちの評価表",
  sheets_returned: "差戻しの評価表",
  sheets_not_started: "未着手の評価表",
  sheets_draft: "作成中の評価表",
  sheets_accepted: "承認済の評価表",
  departments_late: "未提出の評価表がある課",
  actuals_missing: "実績が未入力の指標",
  summary_latest: "総括表の承認済の項目",
  mid_year_submitted: "確認待ちの中間報告の進捗シート",
  mid_year_returned: "差戻しの中間報告の進捗シート",
  mid_year_to_fill: "記入・提出する中間報告の進捗シート",
  mid_year_unsubmitted: "未提出の中間報告の進捗シート",
  referrals_received: "受け付けていないつなぐシート",
  referrals_overdue: "期限を過ぎたつなぐシート",
  referrals_sent: "送付したつなぐシート",
  tasks_open: "自機関の未完了のタスク",
  tasks_overdue: "期限を過ぎたタスク",
  reviews_overdue: "見直し日を過ぎた支援プラン",
  placement_follow_ups_due: "フォローアップの時期が来た参加支援",
  meetings_upcoming: "今後の会議（構成員）",
  pledges_to_sign: "誓約がまだの会議",
  accounts_without_second_factor: "二段階認証を登録していない利用者",
};

/** The sections of the support side's home page. */
export const HOME_SECTIONS = ["referrals", "tasks", "cases", "meetings", "accounts"] as const;
export type HomeSectionKey = (typeof HOME_SECTIONS)[number];
export const HOME_SECTION_LABELS: Record<HomeSectionKey, string> = {
  referrals: "つなぐシート",
  tasks: "自機関のタスク",
  cases: "ケース",
  meetings: "会議",
  accounts: "利用者",
};
