import {
  CONSENT_LABELS,
  PHASE_LABELS,
  REFERRAL_STATUS_LABELS,
  type RecordVisibility,
  TEAM_EVENT_KINDS,
  type TeamEventKind,
  VISIBILITY_LABELS,
} from "../../../domain/labels/support.js";
import type { CaseBasis } from "../../platform/policies.js";
import { type AgencyMap, agencyRef, agencyRefOrNull } from "../agencies/presenter.js";
import type { HouseholdMember } from "../households/presenter.js";
import type { ReferralRow } from "../referrals/repository.js";
import type { CaseConsentRecord } from "./consents.js";
import type {
  AssessmentVersionRow,
  CaseAssessmentRow,
  CaseEventRow,
  CaseRecordRow,
  CaseRow,
  CaseTeamRow,
} from "./repository.js";
import { ASSESSMENT_SECTIONS } from "./schema.js";

/** A stored code in words; a code the table does not know is shown as stored. */
const wordFor = (table: Readonly<Record<string, string>>, code: string) => table[code] ?? code;
const phaseLabel = (p: string) => wordFor(PHASE_LABELS, p);
const consentLabel = (c: string) => wordFor(CONSENT_LABELS, c);

/** A case as another record (its household, the referral it came from) names it: which case, at what phase. */
export const presentCaseRef = (c: { id: string; phase: string }) => ({
  id: c.id,
  phase: c.phase,
  phaseLabel: phaseLabel(c.phase),
});
export type CaseRef = ReturnType<typeof presentCaseRef>;

/** What the case list and the case page both show of the case itself. */
function caseFields(c: CaseRow, agencies: AgencyMap) {
  return {
    id: c.id,
    phase: c.phase,
    phaseLabel: phaseLabel(c.phase),
    issues: c.issues,
    consent: c.consent,
    consentLabel: consentLabel(c.consent),
    leadAgency: agencyRef(agencies, c.leadAgencyId),
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** One row of the case list. */
export function presentCaseSummary(
  c: CaseRow,
  household: { id: string; name: string | null },
  /** null: the caller has no disclosure basis (the row says the case exists, its lead and phase only) */
  person: { id: string; nameKanji: string | null; nameKana: string } | null,
  teamAgencyIds: string[],
  agencies: AgencyMap,
) {
  return {
    ...caseFields(c, agencies),
    ...(person ? {} : { issues: [] as string[] }),
    household,
    mainPerson: person,
    team: teamAgencyIds.map((id) => agencyRef(agencies, id)),
  };
}
export type CaseSummary = ReturnType<typeof presentCaseSummary>;

function presentEvents(events: CaseEventRow[], agencies: AgencyMap) {
  const by = (e: CaseEventRow) => ({
    seq: e.seq,
    at: e.at,
    byUserId: e.byUserId,
    byAgency: agencyRefOrNull(agencies, e.byAgencyId),
    reason: e.reason,
  });
  return {
    phaseHistory: events
      .filter((e) => e.phase !== null)
      .map((e) => ({ ...by(e), phase: e.phase as string, phaseLabel: phaseLabel(e.phase as string) })),
    consentHistory: events
      .filter((e) => e.consent !== null)
      .map((e) => ({
        ...by(e),
        consent: e.consent as string,
        consentLabel: consentLabel(e.consent as string),
        consentDate: e.consentDate,
        consentMethod: e.consentMethod,
      })),
    /** from the opening on (cases opened before the issues were kept in the history start at their first change) */
    issuesHistory: events
      .filter((e) => e.issues !== null)
      .map((e) => ({ ...by(e), kind: e.kind as "opened" | "issues_changed", issues: e.issues as string[] })),
    teamHistory: events
      .filter((e) => (TEAM_EVENT_KINDS as readonly string[]).includes(e.kind))
      .filter((e) => e.subjectAgencyId !== null)
      .map((e) => ({
        ...by(e),
        kind: e.kind as TeamEventKind,
        agency: agencyRef(agencies, e.subjectAgencyId as string),
      })),
  };
}

/** A case as the caller sees it: household and members, team, linked referrals, the whole history. */
export function presentCase(
  c: CaseRow,
  parts: {
    /** version: the household's own (If-Match for its member changes) */
    household: { id: string; name: string | null; address: string; version: number; members: HouseholdMember[] };
    team: CaseTeamRow[];
    referrals: ReferralRow[];
    events: CaseEventRow[];
    agencies: AgencyMap;
    access: CaseBasis;
    /** the basis the caller sees the personal content on (policies.caseDisclosure) */
    disclosure: string;
    /** the consents of the household members shown, oldest first */
    consents: CaseConsentRecord[];
  },
) {
  const { agencies } = parts;
  const main = parts.household.members.find((m) => m.personId === c.mainPersonId) ?? null;
  return {
    ...caseFields(c, agencies),
    consentDate: c.consentDate,
    consentMethod: c.consentMethod,
    household: parts.household,
    mainPerson: main,
    team: presentTeam(c, parts.team, agencies),
    referrals: parts.referrals.map((r) => ({
      id: r.id,
      personId: r.personId,
      fromAgency: agencyRef(agencies, r.fromAgencyId),
      concerns: r.concerns,
      status: r.status,
      statusLabel: wordFor(REFERRAL_STATUS_LABELS, r.status),
      createdAt: r.createdAt,
    })),
    ...presentEvents(parts.events, agencies),
    /** why the caller sees the case: coordinator | lead | team */
    access: parts.access,
    disclosure: parts.disclosure as string | null,
    consents: parts.consents,
  };
}

/** The team, lead first. */
function presentTeam(c: CaseRow, team: CaseTeamRow[], agencies: AgencyMap) {
  return [...team]
    .sort((a, b) => Number(b.agencyId === c.leadAgencyId) - Number(a.agencyId === c.leadAgencyId))
    .map((t) => ({
      agency: agencyRef(agencies, t.agencyId),
      isLead: t.agencyId === c.leadAgencyId,
      addedAt: t.addedAt,
    }));
}

/**
 * A case as a team agency without a disclosure basis sees it: that it exists, its lead, phase and team, and nothing
 * personal (no person, household, issues, referrals or history). Same shape as the full case, so the page shows
 * what there is and says why the rest is missing (`disclosure` null).
 */
export function presentRestrictedCase(c: CaseRow, team: CaseTeamRow[], agencies: AgencyMap, access: CaseBasis) {
  return {
    ...caseFields(c, agencies),
    // the issues name the person's situation (8050, ひきこもり …): personal
    issues: [] as string[],
    consentDate: null,
    consentMethod: null,
    household: null,
    mainPerson: null,
    team: presentTeam(c, team, agencies),
    referrals: [],
    phaseHistory: [],
    consentHistory: [],
    issuesHistory: [],
    teamHistory: [],
    access,
    disclosure: null,
    consents: [],
  } satisfies Omit<FullCase, "household" | "mainPerson" | "disclosure"> & {
    household: null;
    mainPerson: null;
    disclosure: null;
  };
}
type FullCase = ReturnType<typeof presentCase>;
export type CaseDetail = FullCase | ReturnType<typeof presentRestrictedCase>;

/** Who wrote an entry of the case (a record, an assessment version): the agency, the account and when. */
const writtenBy = (e: { agencyId: string; createdBy: string | null; createdAt: Date }, agencies: AgencyMap) => ({
  agency: agencyRef(agencies, e.agencyId),
  createdBy: e.createdBy,
  createdAt: e.createdAt,
});

export function presentRecord(r: CaseRecordRow, agencies: AgencyMap) {
  return {
    id: r.id,
    kind: r.kind,
    date: r.date,
    text: r.text,
    visibility: r.visibility as RecordVisibility,
    visibilityLabel: wordFor(VISIBILITY_LABELS, r.visibility),
    ...writtenBy(r, agencies),
  };
}
export type CaseRecord = ReturnType<typeof presentRecord>;

export function presentAssessmentVersion(v: AssessmentVersionRow, agencies: AgencyMap) {
  return {
    version: v.version,
    note: v.note,
    ...writtenBy(v, agencies),
  };
}
export type AssessmentVersion = ReturnType<typeof presentAssessmentVersion>;

/** One version of the assessment: every section of the fixed format, in order, with its label. */
export function presentAssessment(a: CaseAssessmentRow, agencies: AgencyMap) {
  return {
    ...presentAssessmentVersion(a, agencies),
    sections: ASSESSMENT_SECTIONS.map((s) => ({ key: s.key, label: s.label, text: a.sections[s.key] ?? "" })),
  };
}
export type Assessment = ReturnType<typeof presentAssessment>;
