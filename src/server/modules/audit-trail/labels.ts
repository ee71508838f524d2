/**
 * Why an access was allowed (or refused), in words, with the actor's part as it stands now. The words of actions
 * and kinds of target are the tables of src/domain/labels; the stored codes stay in the records.
 */
import { CLI_LIST_LABELS, REFUSED_ACTION_LABELS } from "../../../domain/labels/audit.js";
import { MEETING_ACCESS_LABELS } from "../../../domain/labels/meetings.js";
import {
  CASE_BASIS_LABELS,
  CONSENT_LABELS,
  HOUSEHOLD_BASIS_LABELS,
  REFERRAL_BASIS_LABELS,
} from "../../../domain/labels/support.js";

/** The first 8 characters of an id: enough to tell records apart on a page, with the whole id kept beside it. */
export const shortId = (id: string) => `#${id.slice(0, 8)}`;

const label = (table: Readonly<Record<string, string>>, code: string): string | undefined => table[code];
const as = (part: string) => `${part}として`;

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
  if (ctx.agencies.get(agency)?.isCoordinator) return as(CASE_BASIS_LABELS.coordinator);
  if (kind === "referral") {
    const r = ctx.referrals.get(id);
    if (r?.toAgencyId === agency) return as(REFERRAL_BASIS_LABELS.receiver);
    if (r?.fromAgencyId === agency) return as(REFERRAL_BASIS_LABELS.sender);
    return null;
  }
  const c = ctx.cases.get(id);
  if (c?.leadAgencyId === agency) return as(CASE_BASIS_LABELS.lead);
  if (c?.teamAgencyIds.includes(agency)) return as(CASE_BASIS_LABELS.team);
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
    case "case": {
      if (!value) return "ケース";
      const part = label(CASE_BASIS_LABELS, value);
      return part ? `ケース（${as(part)}）` : withPart(`ケース ${shortId(value)}`, partIn("case", value, ctx));
    }
    case "household": {
      const part = label(HOUSEHOLD_BASIS_LABELS, value);
      return part ? `世帯（${as(part)}）` : `世帯 ${shortId(value)} の世帯員として`;
    }
    case "consent":
      // consent:<id> names the consent record a read was made on; older records name the case's consent state
      if (value === "none") return "本人同意の記録なし（自機関の記録だけ）";
      return /^[0-9a-f-]{36}$/.test(value)
        ? `本人同意 ${shortId(value)} に基づく`
        : `本人同意: ${label(CONSENT_LABELS, value) ?? value}`;
    case "art106_6":
      // art106_6:meeting:<id>: shown on a 支援会議's basis (社会福祉法第106条の6), to a pledged member or its office
      return `支援会議 ${shortId(rest[1] ?? "")} に基づく（社会福祉法第106条の6）`;
    case "meeting": {
      const part = label(MEETING_ACCESS_LABELS, value);
      return part ? `会議（${as(part)}）` : `会議 ${shortId(value)}`;
    }
    case "no_basis":
      return "本人同意なし（ケースの存在・主担当・段階だけ）";
    case "version":
      return `第${value}版`;
    case "search":
      return "対象者の検索";
    case "duplicate_check":
      // written so before the basis of each candidate was recorded: the id of the record being registered
      return value ? `登録時の重複の確認（対象者 ${shortId(value)} の登録時）` : "登録時の重複の確認";
    case "need_to_know":
      return `知る必要の範囲外（${label(REFUSED_ACTION_LABELS, value) ?? value}）`;
    case "agency":
      return `${ctx.agencies.get(value)?.name ?? "（不明な機関）"}として`;
    case "coordinator":
    case "receiver":
    case "sender":
      return as(REFERRAL_BASIS_LABELS[kind]);
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
      return `操作コマンド（${label(CLI_LIST_LABELS, rest[0] ?? "") ?? rest[0] ?? ""}）`;
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
