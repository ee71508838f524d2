/**
 * Meetings of 重層的支援 in words: the legal bases a municipality's kinds of meeting map to, the outside experts'
 * roles, and the caller's part in a meeting. The screens, presenters, messages and the CLI read these tables.
 */

/**
 * The legal basis a kind of meeting shares information on: 社会福祉法 第106条の6 (支援会議: without the person's
 * consent, every member bound by confidentiality) or the person's consent (重層的支援会議).
 */
export const MEETING_LEGAL_BASES = ["art106_6", "consent"] as const;
export type MeetingLegalBasis = (typeof MEETING_LEGAL_BASES)[number];
export const MEETING_LEGAL_BASIS_LABELS: Record<MeetingLegalBasis, string> = {
  art106_6: "支援会議（社会福祉法第106条の6：本人の同意なしで共有、構成員に守秘義務）",
  consent: "重層的支援会議（本人の同意に基づいて共有）",
};

/** The kinds every municipality starts with, until it names its own (e.g. 包括的支援会議 for a 支援会議). */
export const DEFAULT_MEETING_KINDS: readonly { name: string; legalBasis: MeetingLegalBasis }[] = [
  { name: "支援会議", legalBasis: "art106_6" },
  { name: "重層的支援会議", legalBasis: "consent" },
];

/** How the operator's listing names a meeting's legal basis (stable codes for other programs). */
export const MEETING_KIND_CODES: Record<MeetingLegalBasis, string> = {
  art106_6: "support_meeting",
  consent: "multi_agency_meeting",
};

/** The role of an outside expert on a meeting's roster. */
export const EXPERT_ROLES = ["supervisor", "lawyer", "doctor", "other"] as const;
export type ExpertRole = (typeof EXPERT_ROLES)[number];
export const EXPERT_ROLE_LABELS: Record<ExpertRole, string> = {
  supervisor: "スーパーバイザー",
  lawyer: "弁護士",
  doctor: "医師",
  other: "その他の専門職",
};

/** The caller's part in a meeting (policies.meetingAccess). */
export const MEETING_ACCESSES = ["coordinator", "secretariat", "member", "pledge_pending"] as const;
export type MeetingAccess = (typeof MEETING_ACCESSES)[number];
export const MEETING_ACCESS_LABELS: Record<MeetingAccess, string> = {
  coordinator: "多機関協働",
  secretariat: "事務局",
  member: "構成員",
  pledge_pending: "構成員（誓約の前）",
};
