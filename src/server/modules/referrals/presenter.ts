import type { AgencyRow } from "../agencies/repository.js";
import type { ReferralEventRow, ReferralRow } from "./repository.js";
import { CLOSED_STATUSES, type Consent, type ReferralStatus, STATUS_LABELS } from "./schema.js";

export const COORDINATORS_LABEL = "多機関協働（調整役）";

const agencyRef = (agencies: Map<string, AgencyRow>, id: string | null) =>
  id ? { id, name: agencies.get(id)?.name ?? "（不明な機関）" } : null;

export function isOverdue(r: ReferralRow, today: string) {
  return !CLOSED_STATUSES.includes(r.status as ReferralStatus) && !!r.dueDate && r.dueDate < today;
}

export function presentReferral(r: ReferralRow, agencies: Map<string, AgencyRow>, today: string) {
  return {
    id: r.id,
    personId: r.personId,
    fromAgency: agencyRef(agencies, r.fromAgencyId),
    /** null = sent to the 多機関協働 coordinators */
    toAgency: agencyRef(agencies, r.toAgencyId),
    toLabel: r.toAgencyId ? (agencies.get(r.toAgencyId)?.name ?? "（不明な機関）") : COORDINATORS_LABEL,
    concerns: r.concerns,
    observed: r.observed,
    urgency: r.urgency,
    consent: r.consent as Consent,
    consentDate: r.consentDate,
    consentMethod: r.consentMethod,
    status: r.status as ReferralStatus,
    statusLabel: STATUS_LABELS[r.status as ReferralStatus] ?? r.status,
    dueDate: r.dueDate,
    overdue: isOverdue(r, today),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function presentEvent(e: ReferralEventRow, agencies: Map<string, AgencyRow>) {
  return {
    seq: e.seq,
    status: e.status as ReferralStatus,
    statusLabel: STATUS_LABELS[e.status as ReferralStatus] ?? e.status,
    at: e.at,
    byUserId: e.byUserId,
    agency: agencyRef(agencies, e.agencyId),
    reason: e.reason,
  };
}
