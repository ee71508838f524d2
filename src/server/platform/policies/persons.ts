import type { AuthContext } from "../auth/context.js";
import { forbidden } from "../errors.js";
import { actsForAgency, isAgencyStaff, isCoordinatorStaff } from "./roles.js";

/*
 * Need-to-know on persons: search, duplicate candidates, household members, referring a person, the audit trail's
 * names. Every door to a person's name, birth date, address or phone asks personBasis.
 */

/** What the database holds about one person and the caller's agency (persons repository: personFacts). */
export interface PersonFacts {
  createdByAgencyId: string | null;
  /** a referral about the person that the caller's agency sent, if any */
  referralId: string | null;
  /** a case the caller's agency leads and whose household the person belongs to, if any */
  caseId: string | null;
  /** the person's consent in force that covers the caller's agency, if any (the disclosure basis) */
  consentId: string | null;
  /**
   * a 支援会議 (art. 106-6) whose agenda has the person (or a case of theirs) and of which the caller is a current,
   * pledged member, if any: a basis of that user, not of the agency
   */
  meetingId: string | null;
}

/** Why a caller may see a person in full (recorded as the audit basis of the read). */
export type PersonBasis =
  | { kind: "coordinator" }
  | { kind: "registrar" }
  | { kind: "referral"; referralId: string }
  | { kind: "case"; caseId: string }
  | { kind: "consent"; consentId: string }
  | { kind: "meeting"; meetingId: string };

/**
 * Which persons a search may show: every person (the 多機関協働 coordinators), the persons the agency has a basis
 * for (agency staff: registered by it, a referral it sent or received, a case team it is on), or only the persons
 * the agency registered (registered providers). `othersMatch`: whether the caller is told that other persons
 * match (staff, so that they ask the coordinators; a provider is an outside company and learns nothing of others).
 */
export type PersonScope =
  | { all: true; othersMatch: false }
  | { all: false; agencyId: string; userId: string | null; registeredOnly: boolean; othersMatch: boolean };

export const personPolicies = {
  /** Searching persons: agency staff and registered providers, each in its scope; everyone else 403. */
  personScope(a: AuthContext): PersonScope {
    if (!actsForAgency(a)) throw forbidden();
    const agencyId = a.agencyId as string;
    if (isCoordinatorStaff(a)) return { all: true, othersMatch: false };
    const userId = a.userId;
    if (a.role === "provider") return { all: false, agencyId, userId, registeredOnly: true, othersMatch: false };
    return { all: false, agencyId, userId, registeredOnly: false, othersMatch: true };
  },
  /**
   * Need-to-know on one person: coordinators always; a provider for the persons its agency registered; agency
   * staff when their agency registered the person, sent a referral about them, leads a case whose household they
   * belong to (a case's main person always is a member), or holds the person's consent (disclosure.ts: receiving
   * a referral or sitting on a case team is no basis without it); and the one user who is a pledged member of a
   * 支援会議 with the person on its agenda. Everyone else: none.
   */
  personBasis(a: AuthContext, facts: PersonFacts): PersonBasis | null {
    if (!actsForAgency(a)) return null;
    if (isCoordinatorStaff(a)) return { kind: "coordinator" };
    if (facts.createdByAgencyId === a.agencyId) return { kind: "registrar" };
    if (a.role !== "support_staff") return null;
    if (facts.referralId) return { kind: "referral", referralId: facts.referralId };
    if (facts.caseId) return { kind: "case", caseId: facts.caseId };
    if (facts.consentId) return { kind: "consent", consentId: facts.consentId };
    if (facts.meetingId) return { kind: "meeting", meetingId: facts.meetingId };
    return null;
  },
  /**
   * Who the duplicate candidates of a new record are: told to agency staff for the candidates they have a basis
   * for; a provider, and staff for the others, learn only the score and the reasons.
   */
  namesDuplicateCandidates(a: AuthContext): boolean {
    return isAgencyStaff(a);
  },
};
