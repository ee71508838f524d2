import type { AccountRecord, EntryRow } from "./repository.js";
import { DENIED_ACTIONS, LOGIN_ACTIONS, READ_ACTIONS } from "./repository.js";
import type { AuditActionKind } from "./schema.js";

const ACTION_LABELS: Record<string, string> = {
  read: "閲覧",
  denied: "拒否（閲覧・操作の権限なし）",
  create: "作成",
  update: "更新",
  update_with_password: "更新（パスワードの変更）",
  delete: "削除",
  approve: "承認",
  transition: "状態の変更",
  link: "紐付け",
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
  unrelist: "再掲の解除",
  load_demo: "デモの読込",
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  referral: "つなぐシート",
  person: "対象者",
  case: "ケース",
  household: "世帯",
  user: "利用者",
  agency: "支援機関",
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
};

export function actionKind(action: string): AuditActionKind {
  if (READ_ACTIONS.includes(action)) return "read";
  if (DENIED_ACTIONS.includes(action)) return "denied";
  if (LOGIN_ACTIONS.includes(action)) return "login";
  return "change";
}

/** Why the access was allowed (or denied), in words; the stored text stays in `basis`. */
function basisLabel(basis: string | null, agencyNames: Map<string, string>): string | null {
  if (!basis) return null;
  const [kind = "", ...rest] = basis.split(":");
  const id = rest.join(":");
  switch (kind) {
    case "referral":
      return `つなぐシート ${id} による`;
    case "case":
      return `ケース ${id} による`;
    case "search":
      return "本人の検索";
    case "duplicate_check":
      return `重複候補の確認（${id} の登録時）`;
    case "need_to_know":
      return `知る必要の範囲外（${id === "read" ? "閲覧" : id}）`;
    case "agency":
      return `${agencyNames.get(id) ?? id} として`;
    case "coordinator":
      return "多機関協働の調整役として";
    case "receiver":
      return "受け手の機関として";
    case "sender":
      return "送り手の機関として";
    case "baseline":
      return "策定時の版として記録";
    case "audit_trail":
      return "監査ログの照会";
    case "unknown_login_id":
      return "存在しないログインID";
    case "disabled_user":
      return "停止中の利用者";
    default:
      return basis;
  }
}

const hasAgency = (v: unknown): v is { agencyId: string | null } =>
  typeof v === "object" && v !== null && "agencyId" in v;

/**
 * For records written before the trail stored the actor's agency: the agency the account belonged to then, from
 * the account's own records in the trail (each create and update keeps the agency before and after); the current
 * one when the trail does not say.
 */
export function agencyAt(
  seq: number,
  history: AccountRecord[],
  current: string | null,
): { agencyId: string | null; asRecorded: boolean } {
  let last: AccountRecord | undefined;
  for (const r of history) if (r.seq <= seq && hasAgency(r.after)) last = r;
  if (last && hasAgency(last.after)) return { agencyId: last.after.agencyId ?? null, asRecorded: true };
  const next = history.find((r) => r.seq > seq && hasAgency(r.before));
  if (next && hasAgency(next.before)) return { agencyId: next.before.agencyId ?? null, asRecorded: true };
  return { agencyId: current, asRecorded: false };
}

export function presentEntry(row: EntryRow, history: AccountRecord[], agencyNames: Map<string, string>) {
  const agency = row.recordedAgencyId
    ? { agencyId: row.recordedAgencyId, asRecorded: true }
    : row.actorUserId
      ? agencyAt(row.seq, history, row.currentAgencyId ?? null)
      : null;
  const kind = actionKind(row.action);
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: {
      userId: row.actorUserId,
      /** the login id as recorded (an operator command: "cli:<os user>") */
      loginId: row.actorLabel,
      /** the account's current name (null for an operator command) */
      displayName: row.actorName ?? null,
    },
    agency: agency?.agencyId
      ? { id: agency.agencyId, name: agencyNames.get(agency.agencyId) ?? null, asRecorded: agency.asRecorded }
      : null,
    action: row.action,
    actionLabel: ACTION_LABELS[row.action] ?? row.action,
    kind,
    target: {
      type: row.entityType,
      typeLabel: ENTITY_TYPE_LABELS[row.entityType] ?? row.entityType,
      id: row.entityId,
    },
    basis: row.basis,
    basisLabel: basisLabel(row.basis, agencyNames),
    ip: row.ip,
  };
}
export type AuditEntryDto = ReturnType<typeof presentEntry>;
