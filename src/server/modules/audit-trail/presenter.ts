import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { auditActionLabel, auditEntityTypeLabel } from "../../../domain/labels/audit.js";
import { type BasisContext, basisLabel, shortId } from "./labels.js";
import type { AccountRecord, FocusedEntryRow, TargetName } from "./repository.js";
import { DENIED_ACTIONS, LOGIN_ACTIONS, READ_ACTIONS } from "./repository.js";
import type { AuditActionKind } from "./schema.js";

export function actionKind(action: string): AuditActionKind {
  if (READ_ACTIONS.includes(action)) return "read";
  if (DENIED_ACTIONS.includes(action)) return "denied";
  if (LOGIN_ACTIONS.includes(action)) return "login";
  return "change";
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

/** A target's name from its parts: 「令和7年度 1-1-3 地域の見守り」, 「第2版 令和8年度改定」, 「福祉政策課」. */
export function targetName(n: TargetName): string | null {
  const text = [n.fiscalYear ? formatFiscalYear(n.fiscalYear) : null, n.code, n.title].filter(Boolean).join(" ");
  return text || null;
}

/** How the viewer sees a target: its name where the viewer may see it, otherwise its kind and a short id. */
export function targetOf(type: string, id: string | null, name: string | null, shown = 1) {
  const kind = auditEntityTypeLabel(type);
  let label = shown > 1 && !id ? `${kind} ${shown}件` : kind;
  if (name) label = `${kind}「${name}」`;
  else if (type === "audit_log" && id) {
    // a query of the trail about one target: "referral:<id>"
    const [about = "", ...rest] = id.split(":");
    label = `監査ログの照会（${auditEntityTypeLabel(about)} ${shortId(rest.join(":"))}）`;
  } else if (id) label = `${kind} ${shortId(id)}`;
  // one of several shown at once (a list page or a search)
  if (shown > 1 && id) label = `${label}（${shown}件の一覧の中で）`;
  return { type, typeLabel: kind, id, name, label, shown };
}

export function presentEntry(
  row: FocusedEntryRow,
  history: AccountRecord[],
  names: Map<string, string>,
  basisContext: Omit<BasisContext, "actorAgencyId">,
) {
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
      ? {
          id: agency.agencyId,
          name: basisContext.agencies.get(agency.agencyId)?.name ?? null,
          asRecorded: agency.asRecorded,
        }
      : null,
    action: row.action,
    actionLabel: auditActionLabel(row.action, row.entityType),
    kind,
    target: targetOf(row.entityType, row.entityId, names.get(`${row.entityType}:${row.entityId}`) ?? null, row.shown),
    basis: row.basis,
    basisLabel: basisLabel(row.basis, { ...basisContext, actorAgencyId: agency?.agencyId ?? null }),
    ip: row.ip,
  };
}
export type AuditEntryDto = ReturnType<typeof presentEntry>;
