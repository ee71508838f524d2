/**
 * Multi-layered support (重層的支援) in words: つなぐシート, cases, consent, agencies and the part an agency plays
 * in a record. The screens, the API's presenters and messages, the audit trail and the CLI read these tables.
 */

/** The closed loop of a つなぐシート. */
export const REFERRAL_STATUSES = ["sent", "accepted", "in_progress", "completed", "declined", "forwarded"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  sent: "送付",
  accepted: "受付",
  in_progress: "対応中",
  completed: "つなぎ完了",
  declined: "辞退",
  forwarded: "転送",
};

/** The button that moves a つなぐシート to a status (受付 → 対応開始 → つなぎ完了, or 辞退 / 転送). */
export type ReferralMove = Exclude<ReferralStatus, "sent">;
export const REFERRAL_MOVE_LABELS: Record<ReferralMove, string> = {
  accepted: "受付",
  in_progress: "対応開始",
  completed: "つなぎ完了",
  declined: "辞退",
  forwarded: "転送",
};

/** The lists of the つなぐシート screen. */
export const REFERRAL_BOXES = ["received", "sent", "all"] as const;
export type ReferralBox = (typeof REFERRAL_BOXES)[number];
export const REFERRAL_BOX_LABELS: Record<ReferralBox, string> = { received: "受信", sent: "送信", all: "すべて" };

/** The phases of a case, in order: 受付 → アセスメント → プラン → 支援 → モニタリング → 終結. */
export const PHASES = ["intake", "assessment", "planning", "support", "monitoring", "closed"] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  intake: "受付",
  assessment: "アセスメント",
  planning: "プラン",
  support: "支援",
  monitoring: "モニタリング",
  closed: "終結",
};

/** The case list's review filter: the cases whose support plan's next review day has passed (ホーム counts them). */
export const CASE_REVIEW_FILTERS = ["overdue"] as const;
export type CaseReviewFilter = (typeof CASE_REVIEW_FILTERS)[number];
export const CASE_REVIEW_FILTER_LABELS: Record<CaseReviewFilter, string> = { overdue: "見直しの時期を過ぎたもの" };

/** The person's consent to share information within the team (重層的支援会議 needs it). */
export const CASE_CONSENTS = ["given", "not_given", "unknown", "withdrawn"] as const;
export type CaseConsent = (typeof CASE_CONSENTS)[number];
export const CONSENT_LABELS: Record<CaseConsent, string> = {
  given: "同意あり",
  not_given: "同意なし",
  unknown: "未確認",
  withdrawn: "同意撤回",
};

/** Whom a consent record lets see the person's information: the case's team (as it is at each read) or named agencies. */
export const CONSENT_SCOPES = ["team", "agencies"] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  team: "ケースのチーム全体",
  agencies: "指定した機関",
};

/** How a consent was obtained. */
export const CONSENT_METHODS = ["written", "oral", "other"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  written: "書面",
  oral: "口頭",
  other: "その他",
};

/** Who may read a 支援経過 record. */
export const RECORD_VISIBILITIES = ["team", "agency"] as const;
export type RecordVisibility = (typeof RECORD_VISIBILITIES)[number];
export const VISIBILITY_LABELS: Record<RecordVisibility, string> = {
  team: "チーム全体",
  agency: "自機関のみ",
};

/** The changes of a case's team, in its history. */
export const TEAM_EVENT_KINDS = ["team_added", "team_removed", "lead_changed"] as const;
export type TeamEventKind = (typeof TEAM_EVENT_KINDS)[number];
export const TEAM_EVENT_LABELS: Record<TeamEventKind, string> = {
  team_added: "チームに加入",
  team_removed: "チームから外れた",
  lead_changed: "主担当に変更",
};

/** 支援機関 receive つなぐシート; 登録事業者 only send them. */
export const AGENCY_KINDS = ["public", "provider"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = { public: "支援機関", provider: "登録事業者" };

/** The staff of a 多機関協働 agency, in every sentence that names their part. */
export const COORDINATOR_LABEL = "多機関協働の調整役";

/** Where a つなぐシート sent to no agency in particular goes: the coordinators take it. */
export const TO_COORDINATORS_LABEL = "多機関協働（調整役）";
/** Where a つなぐシート asking for a 支援会議 goes: the coordinators, who put the person on a meeting's agenda. */
export const TO_SUPPORT_MEETING_LABEL = "支援会議（多機関協働の調整役が議題にします）";

/** The caller's agency's part in a つなぐシート (why it may see it). */
export const REFERRAL_BASES = ["coordinator", "receiver", "sender", "meeting_member"] as const;
export type ReferralBasis = (typeof REFERRAL_BASES)[number];
export const REFERRAL_BASIS_LABELS: Record<ReferralBasis, string> = {
  coordinator: COORDINATOR_LABEL,
  receiver: "受信機関",
  sender: "送付機関",
  meeting_member: "支援会議の構成員",
};

/** The caller's agency's part in a case. */
export const CASE_BASES = ["coordinator", "lead", "team"] as const;
export type CaseBasis = (typeof CASE_BASES)[number];
export const CASE_BASIS_LABELS: Record<CaseBasis, string> = {
  coordinator: COORDINATOR_LABEL,
  lead: "主担当機関",
  team: "チームの機関",
};

/**
 * The kinds of basis a case's personal content is shown on (policies.caseDisclosure: "case:coordinator",
 * "case:lead", "consent:<id>", "art106_6:meeting:<id>"), in words, for the case page's 閲覧の根拠.
 */
export const DISCLOSURE_KINDS = ["coordinator", "lead", "consent", "art106_6"] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = {
  coordinator: `${COORDINATOR_LABEL}として`,
  lead: "主担当機関として",
  consent: "本人の同意に基づく",
  art106_6: "支援会議の構成員として（社会福祉法第106条の6）",
};
/** The kind of a stored disclosure basis (null: none, or one this version does not know). */
export function disclosureKind(disclosure: string | null): DisclosureKind | null {
  if (disclosure === "case:coordinator") return "coordinator";
  if (disclosure === "case:lead") return "lead";
  if (disclosure?.startsWith("consent:")) return "consent";
  if (disclosure?.startsWith("art106_6:")) return "art106_6";
  return null;
}

/** The caller's agency's part in a household. */
export const HOUSEHOLD_BASES = ["coordinator", "registrar", "case_team"] as const;
export type HouseholdBasis = (typeof HOUSEHOLD_BASES)[number];
export const HOUSEHOLD_BASIS_LABELS: Record<HouseholdBasis, string> = {
  coordinator: COORDINATOR_LABEL,
  registrar: "登録した機関",
  case_team: "ケースの主担当・本人の同意がある機関",
};

/** Why the caller's agency may see a person found by a search (the need-to-know basis). */
export const PERSON_BASES = ["coordinator", "registrar", "referral", "case", "consent", "meeting"] as const;
export type PersonBasisKind = (typeof PERSON_BASES)[number];
export const PERSON_BASIS_LABELS: Record<PersonBasisKind, string> = {
  coordinator: `${COORDINATOR_LABEL}として`,
  registrar: "自機関で登録",
  referral: "つなぐシートを送付",
  case: "ケースの主担当",
  consent: "本人の同意",
  meeting: "支援会議の構成員（誓約済み）",
};
