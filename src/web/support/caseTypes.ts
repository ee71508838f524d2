import type { AgencyRef } from "./types";

/** Shapes of the case (ケース) API answers as the case pages use them (mirrors the cases presenter). */

export interface CaseSummary {
  id: string;
  phase: string;
  phaseLabel: string;
  issues: string[];
  consent: string;
  consentLabel: string;
  household: { id: string; name: string | null };
  mainPerson: { id: string; nameKanji: string | null; nameKana: string };
  leadAgency: AgencyRef;
  team: AgencyRef[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdMember {
  personId: string;
  nameKanji: string | null;
  nameKana: string;
  dateOfBirth: string | null;
  relationship: string;
}

interface CaseEventBase {
  seq: number;
  at: string;
  byUserId: string | null;
  byAgency: AgencyRef | null;
  reason: string | null;
}

export interface CaseDetail {
  id: string;
  phase: string;
  phaseLabel: string;
  issues: string[];
  consent: string;
  consentLabel: string;
  consentDate: string | null;
  consentMethod: string | null;
  household: { id: string; name: string | null; address: string; version: number; members: HouseholdMember[] };
  mainPerson: HouseholdMember | null;
  leadAgency: AgencyRef;
  team: { agency: AgencyRef; isLead: boolean; addedAt: string }[];
  referrals: {
    id: string;
    personId: string;
    fromAgency: AgencyRef;
    concerns: string[];
    status: string;
    statusLabel: string;
    createdAt: string;
  }[];
  phaseHistory: (CaseEventBase & { phase: string; phaseLabel: string })[];
  consentHistory: (CaseEventBase & {
    consent: string;
    consentLabel: string;
    consentDate: string | null;
    consentMethod: string | null;
  })[];
  issuesHistory: (CaseEventBase & { kind: "opened" | "issues_changed"; issues: string[] })[];
  teamHistory: (CaseEventBase & { kind: "team_added" | "team_removed" | "lead_changed"; agency: AgencyRef })[];
  /** why the caller sees the case */
  access: "coordinator" | "lead" | "team";
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseRecord {
  id: string;
  kind: string;
  date: string;
  text: string;
  visibility: "team" | "agency";
  visibilityLabel: string;
  agency: AgencyRef;
  createdBy: string | null;
  createdAt: string;
}

export interface CaseRecords {
  records: CaseRecord[];
  consent: string;
  /** false: records of other agencies are not shown (no consent) */
  sharedWithTeam: boolean;
}

export interface AssessmentVersion {
  version: number;
  agency: AgencyRef;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface Assessment extends AssessmentVersion {
  sections: { key: string; label: string; text: string }[];
}

/** A household (世帯) as the households API answers it (a list row has no cases). */
export interface HouseholdSummary {
  id: string;
  name: string | null;
  address: string;
  registeredByAgency: AgencyRef;
  members: HouseholdMember[];
  version: number;
  updatedAt: string;
}

export interface Household extends HouseholdSummary {
  /** the cases of the household the caller may see */
  cases: { id: string; phase: string; phaseLabel: string }[];
}
