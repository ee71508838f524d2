/**
 * The audit trail in words: what was done, to what kind of thing, and why it was allowed (or refused). The stored
 * codes stay in the records (and in the answer, for the record); people read these.
 */
import { CONSENT_LABELS } from "../cases/schema.js";
import { SHEET_ACTION_LABELS } from "../evaluations/presenter.js";

const ACTION_LABELS: Record<string, string> = {
  read: "閲覧",
  search: "検索",
  denied: "拒否（閲覧・操作の権限なし）",
  create: "作成",
  update: "更新",
  update_with_password: "更新（パスワードの変更）",
  delete: "削除",
  approve: "承認",
  transition: "状態の変更",
  link: "同じ人として関連付け",
  login: "ログイン",
  login_failed: "ログイン失敗",
  import: "取込",
  import_xlsx: "Excelからの取込",
  rename: "名称変更",
  merge: "統合",
  open_evaluation: "評価の開始",
  create_actual: "実績の登録",
  update_actual: "実績の更新",
  delete_actual: "実績の削除",
  create_target: "目標の登録",
  update_target: "目標の更新",
  update_milestone_ladder: "段階の変更",
  relist: "再掲",
  unrelist: "再掲の解除",
  load_demo: "デモの読込",
  phase: "段階の変更",
  consent: "本人同意の更新",
  team_add: "チームへの追加",
  team_remove: "チームから外す",
  add_member: "世帯員の追加",
  remove_member: "世帯員の削除",
};

/** Actions whose word depends on what they were done to (a sheet is 保存・提出・承認・差戻し). */
const ACTION_LABELS_BY_TYPE: Record<string, Record<string, string>> = {
  evaluation_sheet: SHEET_ACTION_LABELS,
};

export function actionLabel(action: string, entityType: string): string {
  return ACTION_LABELS_BY_TYPE[entityType]?.[action] ?? ACTION_LABELS[action] ?? action;
}

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  referral: "つなぐシート",
  person: "対象者",
  case: "ケース",
  household: "世帯",
  case_records: "支援経過（一覧）",
  case_record: "支援経過",
  case_assessments: "アセスメント（一覧）",
  case_assessment: "アセスメント",
  user: "利用者",
  agency: "支援機関",
  concern_categories: "相談の分類",
  plan: "計画",
  plan_item: "計画の項目",
  plan_revision: "計画の改定",
  evaluation_round: "評価（年度）",
  evaluation_sheet: "評価表",
  indicator: "指標",
  department: "課",
  import: "取込",
  municipality: "自治体",
  audit_log: "監査ログ",
  account_changes: "利用者の変更履歴",
};

export const typeLabel = (type: string) => ENTITY_TYPE_LABELS[type] ?? type;

/** The first 8 characters of an id: enough to tell records apart on a page, with the whole id kept beside it. */
export const shortId = (id: string) => `#${id.slice(0, 8)}`;

const CASE_ROLES: Record<string, string> = {
  coordinator: "多機関協働として",
  lead: "主担当機関として",
  team: "チームの機関として",
};
const HOUSEHOLD_ROLES: Record<string, string> = {
  coordinator: "多機関協働として",
  registrar: "登録した機関として",
  case_team: "ケースのチームの機関として",
};
/** What a refused request tried to do (need_to_know:<action>). */
const REFUSED_ACTIONS: Record<string, string> = {
  read: "閲覧",
  transition: "状態の変更",
  records: "支援経過の閲覧",
  record_create: "支援経過の記録",
  assessments: "アセスメントの閲覧",
  assessment: "アセスメントの閲覧",
  assessment_save: "アセスメントの保存",
  phase: "段階の変更",
  consent: "本人同意の更新",
  team_add: "チームへの追加",
  team_remove: "チームから外す",
  update: "課題・主担当の変更",
  add_member: "世帯員の追加",
  remove_member: "世帯員の削除",
};
const CLI_LISTS: Record<string, string> = { list: "つなぐシートの一覧" };

/** What the words of a basis need beyond the basis itself. */
export interface BasisContext {
  /** the agency the actor acted for */
  actorAgencyId: string | null;
  agencies: Map<string, { name: string; isCoordinator: boolean }>;
  referrals: Map<string, { fromAgencyId: string; toAgencyId: string | null }>;
  cases: Map<string, { leadAgencyId: string; teamAgencyIds: string[] }>;
}

/** The actor's part in a referral or case as it stands now (null when it is none of these any more). */
function partIn(kind: "referral" | "case", id: string, ctx: BasisContext): string | null {
  const agency = ctx.actorAgencyId;
  if (!agency) return null;
  if (ctx.agencies.get(agency)?.isCoordinator) return "多機関協働として";
  if (kind === "referral") {
    const r = ctx.referrals.get(id);
    if (r?.toAgencyId === agency) return "受信機関として";
    if (r?.fromAgencyId === agency) return "送付機関として";
    return null;
  }
  const c = ctx.cases.get(id);
  if (c?.leadAgencyId === agency) return "主担当機関として";
  if (c?.teamAgencyIds.includes(agency)) return "チームの機関として";
  return null;
}

const withPart = (text: string, part: string | null) => (part ? `${text}（${part}）` : `${text} による`);

/** One part of a basis ("referral:<id>", "consent:given", "coordinator" …) in words. */
function basisPart(part: string, ctx: BasisContext): string {
  const [kind = "", ...rest] = part.split(":");
  const value = rest.join(":");
  switch (kind) {
    case "referral":
      return withPart(`つなぐシート ${shortId(value)}`, partIn("referral", value, ctx));
    case "case":
      if (!value) return "ケース";
      return CASE_ROLES[value]
        ? `ケース（${CASE_ROLES[value]}）`
        : withPart(`ケース ${shortId(value)}`, partIn("case", value, ctx));
    case "household":
      return HOUSEHOLD_ROLES[value] ? `世帯（${HOUSEHOLD_ROLES[value]}）` : `世帯 ${shortId(value)} の世帯員として`;
    case "consent":
      return `本人同意: ${CONSENT_LABELS[value as keyof typeof CONSENT_LABELS] ?? value}`;
    case "version":
      return `第${value}版`;
    case "search":
      return "対象者の検索";
    case "duplicate_check":
      // written so before the basis of each candidate was recorded: the id of the record being registered
      return value ? `登録時の重複の確認（対象者 ${shortId(value)} の登録時）` : "登録時の重複の確認";
    case "need_to_know":
      return `知る必要の範囲外（${REFUSED_ACTIONS[value] ?? value}）`;
    case "agency":
      return `${ctx.agencies.get(value)?.name ?? "（不明な機関）"}として`;
    case "coordinator":
      return "多機関協働として";
    case "receiver":
      return "受信機関として";
    case "sender":
      return "送付機関として";
    case "registrar":
      return "自機関で登録した対象者";
    case "baseline":
      return "策定時の版として記録";
    case "audit_trail":
      return "監査ログの照会";
    case "role_not_allowed":
      return "役割に権限のない操作（アクセス表で拒否）";
    case "separation_of_duties":
      return "支援側の利用者の変更履歴の確認";
    case "unknown_login_id":
      return "存在しないログインID";
    case "disabled_user":
      return "停止中の利用者";
    case "cli":
      return `操作コマンド（${CLI_LISTS[rest[0] ?? ""] ?? rest[0] ?? ""}）`;
    default:
      return part;
  }
}

/**
 * Why the access was allowed (or refused), in words. Parts are joined with 「・」; a read made through a door
 * (the person search, the duplicate check at registration) names the door and then its basis:
 * "search;referral:<id>" → 「対象者の検索（つなぐシート #1a2b3c4d（受信機関として））」.
 */
export function basisLabel(basis: string | null, ctx: BasisContext): string | null {
  if (!basis) return null;
  const [first = "", ...more] = basis.split(";");
  if ((first === "search" || first === "duplicate_check") && more.length) {
    return `${basisPart(first, ctx)}（${more.map((p) => basisPart(p, ctx)).join("・")}）`;
  }
  return basis
    .split(";")
    .map((p) => basisPart(p, ctx))
    .join("・");
}
