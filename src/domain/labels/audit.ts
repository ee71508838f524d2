/**
 * The audit trail in words: what was done, to what kind of thing, and the kinds a reader filters by. The stored
 * codes stay in the records; the 監査ログ page, its print and the account changes list read these.
 */
import { OPINION_ACTION_LABELS } from "./committees";
import { SHEET_ACTION_LABELS } from "./evaluation";

/** Kinds of record a reader can filter by (each action of the trail falls in exactly one). */
export const AUDIT_ACTION_KINDS = ["read", "change", "denied", "login"] as const;
export type AuditActionKind = (typeof AUDIT_ACTION_KINDS)[number];
export const AUDIT_ACTION_KIND_LABELS: Record<AuditActionKind, string> = {
  read: "閲覧",
  change: "変更",
  denied: "拒否",
  login: "ログイン",
};

/** Every action the server records, in the words used when the kind of target does not change them. */
export const AUDIT_ACTIONS = [
  "read",
  "search",
  "denied",
  "create",
  "update",
  "delete",
  "approve",
  "transition",
  "link",
  "login",
  "login_failed",
  "mfa_verified",
  "mfa_failed",
  "mfa_enrolled",
  "mfa_disabled",
  "mfa_reset",
  "mfa_recovery_codes",
  "set_password",
  "import",
  "import_xlsx",
  "rename",
  "merge",
  "open_evaluation",
  "close_evaluation",
  "publish",
  "update_publication",
  "withdraw_publication",
  "reopen_evaluation",
  "open_mid_year",
  "close_mid_year",
  "round_deadlines",
  "create_actual",
  "update_actual",
  "delete_actual",
  "link_measure",
  "unlink_measure",
  "create_target",
  "update_target",
  "update_milestone_ladder",
  "relist",
  "unrelist",
  "load_demo",
  "phase",
  "consent",
  "withdraw",
  "team_add",
  "team_remove",
  "add_member",
  "remove_member",
  "respond",
  "complete",
  "close",
  "member_add",
  "member_remove",
  "pledge",
  "subject_add",
  "subject_remove",
  "decision_add",
  "minutes",
  "support_decision",
  "propose",
  "review",
  "export",
  "mail_test",
  "mail_sent",
  "mail_skipped",
  "mail_failed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  read: "閲覧",
  search: "検索",
  denied: "拒否（閲覧・操作の権限なし）",
  create: "作成",
  update: "更新",
  delete: "削除",
  approve: "承認",
  transition: "状態の変更",
  link: "同じ人として関連付け",
  login: "ログイン",
  login_failed: "ログイン失敗",
  mfa_verified: "二段階認証（確認コード）",
  mfa_failed: "二段階認証の失敗",
  mfa_enrolled: "二段階認証の登録",
  mfa_disabled: "二段階認証の停止",
  mfa_reset: "二段階認証のリセット（管理者）",
  mfa_recovery_codes: "回復コードの再発行",
  set_password: "パスワードの設定（本人）",
  import: "取込",
  import_xlsx: "Excelからの取込",
  rename: "名称変更",
  merge: "統合",
  open_evaluation: "評価の開始",
  close_evaluation: "年度の締め",
  publish: "住民への公開",
  update_publication: "公開内容の更新",
  withdraw_publication: "公開の取り下げ",
  reopen_evaluation: "締めた年度の再開",
  open_mid_year: "中間報告の開始",
  close_mid_year: "中間報告の締め",
  round_deadlines: "提出期限・確認期限の変更",
  create_actual: "実績の登録",
  update_actual: "実績の更新",
  delete_actual: "実績の削除",
  link_measure: "指標と集計値をつなぐ",
  unlink_measure: "指標と集計値のつなぎを外す",
  create_target: "目標の登録",
  update_target: "目標の更新",
  update_milestone_ladder: "段階の変更",
  relist: "再掲",
  unrelist: "再掲の解除",
  load_demo: "デモの読込",
  phase: "段階の変更",
  consent: "本人同意の更新",
  withdraw: "撤回の記録",
  team_add: "チームへの追加",
  team_remove: "チームから外す",
  add_member: "世帯員の追加",
  remove_member: "世帯員の削除",
  respond: "引受け・辞退の回答",
  complete: "完了の記録",
  close: "終結",
  member_add: "構成員の追加",
  member_remove: "構成員を外す",
  pledge: "誓約の記録",
  subject_add: "議題の追加",
  subject_remove: "議題を外す",
  decision_add: "決定事項の記録",
  minutes: "会議録の保存",
  support_decision: "支援決定の記録",
  propose: "提案",
  review: "提案の受け入れ・見送り",
  export: "書き出し",
  mail_test: "テストメールの送信",
  mail_sent: "通知メールの送信",
  mail_skipped: "通知メールを送らなかった",
  mail_failed: "通知メールの送信の失敗",
};

/** What was done to an account: the account changes list and the audit trail say the same. */
export const USER_ACTIONS = ["create", "update", "update_with_password"] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
export const USER_ACTION_LABELS: Record<UserAction, string> = {
  create: "登録",
  update: "変更",
  update_with_password: "パスワードの再設定",
};

/** Actions whose word depends on what they were done to (a sheet is 保存・提出・承認・差戻し, an account 登録). */
const ACTION_LABELS_BY_TYPE: Record<string, Readonly<Record<string, string>>> = {
  evaluation_sheet: SHEET_ACTION_LABELS,
  mid_year_sheet: SHEET_ACTION_LABELS,
  committee_opinion: OPINION_ACTION_LABELS,
  user: USER_ACTION_LABELS,
};

/** An action in words, for the kind of target it was done to; an unknown code is shown as stored. */
export function auditActionLabel(action: string, entityType: string): string {
  return (
    ACTION_LABELS_BY_TYPE[entityType]?.[action] ?? (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action
  );
}

/**
 * Which administrator reads the records about a kind of target: the plan office the plan side's, the support-side
 * administrator the support side's. A shared kind (accounts, sign-ins, the trail itself) goes by the side of the
 * account that acted.
 */
export type AuditEntitySide = "plan" | "support" | "shared";

/** The kinds of target the trail records: each in words and with the side whose administrator reads it. */
const AUDIT_ENTITIES = {
  referral: { label: "つなぐシート", side: "support" },
  person: { label: "対象者", side: "support" },
  case: { label: "ケース", side: "support" },
  household: { label: "世帯", side: "support" },
  case_records: { label: "支援経過（一覧）", side: "support" },
  case_record: { label: "支援経過", side: "support" },
  case_assessments: { label: "アセスメント（一覧）", side: "support" },
  case_assessment: { label: "アセスメント", side: "support" },
  support_plans: { label: "支援プラン（一覧）", side: "support" },
  support_plan: { label: "支援プラン", side: "support" },
  support_plan_task: { label: "支援プランのタスク", side: "support" },
  support_plan_monitoring: { label: "モニタリング", side: "support" },
  support_tasks: { label: "自機関のタスク（一覧）", side: "support" },
  case_closure: { label: "終結", side: "support" },
  consent: { label: "本人同意", side: "support" },
  consents: { label: "本人同意（一覧）", side: "support" },
  user: { label: "利用者", side: "shared" },
  agency: { label: "支援機関", side: "support" },
  concern_categories: { label: "相談の分類", side: "support" },
  meeting: { label: "会議", side: "support" },
  meeting_kind: { label: "会議の種類", side: "support" },
  district: { label: "地区", side: "support" },
  resource: { label: "地域資源", side: "support" },
  resource_activity: { label: "地域づくりの拠点の参加", side: "support" },
  plan: { label: "計画", side: "plan" },
  plan_item: { label: "計画の項目", side: "plan" },
  plan_revision: { label: "計画の改定", side: "plan" },
  evaluation_round: { label: "評価（年度）", side: "plan" },
  publication: { label: "住民への公開", side: "plan" },
  evaluation_sheet: { label: "評価表", side: "plan" },
  mid_year_round: { label: "中間報告（年度）", side: "plan" },
  mid_year_sheet: { label: "中間報告の進捗シート", side: "plan" },
  committee: { label: "委員会", side: "plan" },
  committee_opinion: { label: "委員会の意見", side: "plan" },
  indicator: { label: "指標", side: "plan" },
  department: { label: "課", side: "plan" },
  import: { label: "取込", side: "plan" },
  roadmap_month: { label: "ロードマップの月", side: "plan" },
  // the plan office and the support side's administrator both keep the registry: each reads its own side's edits
  programme_project: { label: "重層事業の事業", side: "shared" },
  // read by both sides (suppressed for the plan side): each administrator reads its own side's exports
  stats: { label: "重層的支援の統計", side: "shared" },
  municipality: { label: "自治体", side: "shared" },
  mail_settings: { label: "メールの設定", side: "shared" },
  // who was told by mail that something waits (never what): the notice's own side is the notices' business
  notice_mail: { label: "通知メール", side: "shared" },
  audit_log: { label: "監査ログ", side: "shared" },
  account_changes: { label: "利用者の変更履歴", side: "support" },
} as const satisfies Record<string, { label: string; side: AuditEntitySide }>;
export type AuditEntityType = keyof typeof AUDIT_ENTITIES;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITIES) as AuditEntityType[];
export const AUDIT_ENTITY_TYPE_LABELS = Object.fromEntries(
  AUDIT_ENTITY_TYPES.map((type) => [type, AUDIT_ENTITIES[type].label]),
) as Record<AuditEntityType, string>;

/** The kinds of target whose records belong to one side (or are shared). */
export const auditEntityTypesOf = (side: AuditEntitySide): AuditEntityType[] =>
  AUDIT_ENTITY_TYPES.filter((type) => AUDIT_ENTITIES[type].side === side);

/** A kind of target in words; an unknown code is shown as stored. */
export const auditEntityTypeLabel = (type: string): string =>
  (AUDIT_ENTITY_TYPE_LABELS as Record<string, string>)[type] ?? type;

/** What a refused request on a need-to-know record tried to do (basis need_to_know:<action>). */
export const REFUSED_ACTIONS = [
  "read",
  "transition",
  "records",
  "record_create",
  "assessments",
  "assessment",
  "assessment_save",
  "phase",
  "consent",
  "withdraw",
  "team_add",
  "team_remove",
  "update",
  "add_member",
  "remove_member",
  "plans",
  "plan_create",
  "plan_update",
  "plan_approve",
  "task_respond",
  "task_done",
  "monitoring",
  "close",
  "meetings",
  "support_decision",
  "meeting_update",
  "minutes",
  "member_add",
  "member_remove",
  "pledge",
  "subject_add",
  "subject_remove",
  "decision_add",
] as const;
export type RefusedAction = (typeof REFUSED_ACTIONS)[number];
export const REFUSED_ACTION_LABELS: Record<RefusedAction, string> = {
  read: "閲覧",
  transition: "状態の変更",
  records: "支援経過の閲覧",
  record_create: "支援経過の記録",
  assessments: "アセスメントの閲覧",
  assessment: "アセスメントの閲覧",
  assessment_save: "アセスメントの保存",
  phase: "段階の変更",
  consent: "本人同意の更新",
  withdraw: "撤回の記録",
  team_add: "チームへの追加",
  team_remove: "チームから外す",
  update: "課題・主担当の変更",
  add_member: "世帯員の追加",
  remove_member: "世帯員の削除",
  plans: "支援プランの閲覧",
  plan_create: "支援プランの作成",
  plan_update: "支援プランの編集",
  plan_approve: "支援プランの承認",
  task_respond: "タスクへの回答",
  task_done: "タスクの完了",
  monitoring: "モニタリングの記録",
  close: "終結",
  meetings: "議題にした会議の閲覧",
  support_decision: "支援決定の記録",
  meeting_update: "会議の変更",
  minutes: "会議録の保存",
  member_add: "構成員の追加",
  member_remove: "構成員を外す",
  pledge: "誓約の記録",
  subject_add: "議題の追加",
  subject_remove: "議題を外す",
  decision_add: "決定事項の記録",
};

/** What an operator command listed (basis cli:<list>). */
export const CLI_LIST_LABELS: Readonly<Record<string, string>> = { list: "つなぐシートの一覧", meetings: "会議の件数" };
