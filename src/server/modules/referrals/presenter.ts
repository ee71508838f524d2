import {
  REFERRAL_STATUS_LABELS,
  TO_COORDINATORS_LABEL,
  TO_SUPPORT_MEETING_LABEL,
} from "../../../domain/labels/support.js";
import { type AgencyMap, agencyName, agencyRefOrNull } from "../agencies/presenter.js";
import type { ReferralEventRow, ReferralRow } from "./repository.js";
import { CLOSED_STATUSES, type Consent, type ReferralStatus } from "./schema.js";

export function isOverdue(r: ReferralRow, today: string) {
  return !CLOSED_STATUSES.includes(r.status as ReferralStatus) && !!r.dueDate && r.dueDate < today;
}

export function presentReferral(r: ReferralRow, agencies: AgencyMap, today: string) {
  return {
    id: r.id,
    personId: r.personId,
    fromAgency: agencyRefOrNull(agencies, r.fromAgencyId),
    /** null = sent to the 多機関協働 coordinators */
    toAgency: agencyRefOrNull(agencies, r.toAgencyId),
    toLabel: r.toAgencyId
      ? agencyName(agencies, r.toAgencyId)
      : r.toSupportMeeting
        ? TO_SUPPORT_MEETING_LABEL
        : TO_COORDINATORS_LABEL,
    /** asked to be taken up at a 支援会議 (the coordinators put it on a meeting's agenda) */
    toSupportMeeting: r.toSupportMeeting,
    concerns: r.concerns,
    observed: r.observed,
    urgency: r.urgency,
    consent: r.consent as Consent,
    consentDate: r.consentDate,
    consentMethod: r.consentMethod,
    status: r.status as ReferralStatus,
    statusLabel: REFERRAL_STATUS_LABELS[r.status as ReferralStatus] ?? r.status,
    dueDate: r.dueDate,
    overdue: isOverdue(r, today),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function presentEvent(e: ReferralEventRow, agencies: AgencyMap) {
  return {
    seq: e.seq,
    status: e.status as ReferralStatus,
    statusLabel: REFERRAL_STATUS_LABELS[e.status as ReferralStatus] ?? e.status,
    at: e.at,
    byUserId: e.byUserId,
    agency: agencyRefOrNull(agencies, e.agencyId),
    reason: e.reason,
  };
}
