import type { AuthContext } from "../auth/context.js";
import { forbidden } from "../errors.js";
import type { PersonBasis } from "./persons.js";
import { actsForAgency, isAgencyStaff, isCoordinatorStaff, isSupportAdmin, onlyFor } from "./roles.js";

/**
 * The support side's decisions (issue 4): agencies, 相談の分類, persons, referrals, households and cases. Records
 * are need-to-know: a record the caller has no basis for is hidden (404), and the basis is what the audit records.
 */

/** Why a caller may see a referral (recorded as the audit basis), or null: need-to-know. */
export type ReferralBasis = "coordinator" | "receiver" | "sender" | "meeting_member";
export type HouseholdBasis = "coordinator" | "registrar" | "case_team";
/** Why a caller may see a case (recorded as the audit basis). */
export type CaseBasis = "coordinator" | "lead" | "team";

/** Which referrals a list shows: every one (coordinators), or those the agency sent (and, for staff, received). */
export type ReferralListScope = { all: true } | { all: false; agencyId: string; received: boolean };

/** Which households or cases a list shows: every one (coordinators: `agencyId` undefined) or the agency's own. */
export interface AgencyListScope {
  agencyId: string | undefined;
}

/** Coordinators list everything; other staff what concerns their agency (the list* check comes first). */
const agencyListScope = (a: AuthContext): AgencyListScope => ({
  agencyId: isCoordinatorStaff(a) ? undefined : (a.agencyId as string),
});

export const supportPolicies = {
  /** Agencies: the support side reads them; its administrators register them (a coordinator agency widens access). */
  readAgencies: onlyFor((a) => isSupportAdmin(a) || actsForAgency(a)),
  manageAgencies: onlyFor(isSupportAdmin),
  /** The 「気になること」 categories: read by those who send referrals or work on cases; set by the support admins. */
  readConcerns: onlyFor((a) => isSupportAdmin(a) || actsForAgency(a)),
  manageConcerns: onlyFor(isSupportAdmin),
  /** Persons are registered by agency staff and registered providers (to send a referral about them). */
  registerPersons: onlyFor(actsForAgency),
  /** Linking persons: agency staff only (each of the two records needs a basis, see personBasis). */
  linkPersons: onlyFor(isAgencyStaff),
  sendReferrals: onlyFor(actsForAgency),
  listReferrals: onlyFor(actsForAgency),
  /** The list counterpart of referralBasis: what listReferrals may show the caller. */
  referralListScope(a: AuthContext): ReferralListScope {
    supportPolicies.listReferrals(a);
    if (isCoordinatorStaff(a)) return { all: true };
    return { all: false, agencyId: a.agencyId as string, received: a.role === "support_staff" };
  },
  /**
   * Need-to-know: a provider sees the referrals its agency sent; staff those sent by or to their agency; the
   * 多機関協働 coordinators every referral (all are sent to them or to an agency); a staff user who is a pledged,
   * current member of a 支援会議 with the referral on its agenda (`agendaMeetingId`, looked up for that user), the
   * referral the meeting took up. Everyone else: hidden (404).
   */
  referralBasis(
    a: AuthContext,
    r: { fromAgencyId: string; toAgencyId: string | null },
    agendaMeetingId: string | null = null,
  ): ReferralBasis | null {
    if (!actsForAgency(a)) return null;
    if (isCoordinatorStaff(a)) return "coordinator";
    if (r.fromAgencyId === a.agencyId) return "sender";
    if (a.role === "support_staff" && r.toAgencyId === a.agencyId) return "receiver";
    if (a.role === "support_staff" && agendaMeetingId) return "meeting_member";
    return null;
  },
  /**
   * Closed loop: the receiver (or a coordinator) moves a referral; the sender only reads its outcome, and a
   * meeting's member reads what the meeting took up.
   */
  transitionReferral(basis: ReferralBasis) {
    if (basis === "sender" || basis === "meeting_member") throw forbidden();
  },
  /**
   * The operator's referral listing carries no personal data and is for operator commands only: an actor without
   * a user row whose label names the command line.
   */
  listReferralsAsOperator(a: { userId: string | null; loginId: string }) {
    if (a.userId !== null || !a.loginId.startsWith("cli:")) throw forbidden();
  },

  /** Households (世帯) are registered by agency staff (not by providers: they only send referrals). */
  registerHouseholds: onlyFor(isAgencyStaff),
  listHouseholds: onlyFor(isAgencyStaff),
  /** The list counterpart of householdBasis: coordinators list every household, other staff their agency's. */
  householdListScope(a: AuthContext): AgencyListScope {
    supportPolicies.listHouseholds(a);
    return agencyListScope(a);
  },
  /**
   * Need-to-know on a household: the coordinators, the agency that registered it, and the agencies with a
   * disclosure basis for one of its members (`memberBases`: policies.personBasis of each member): the lead of one of
   * its cases, or an agency a member's consent covers. A team agency without either: hidden (404), like everyone else.
   */
  householdBasis(
    a: AuthContext,
    h: { registeredByAgencyId: string },
    memberBases: readonly PersonBasis[],
  ): HouseholdBasis | null {
    if (!isAgencyStaff(a)) return null;
    if (a.isCoordinator) return "coordinator";
    if (h.registeredByAgencyId === a.agencyId) return "registrar";
    if (memberBases.some((b) => b.kind === "case" || b.kind === "consent" || b.kind === "meeting")) return "case_team";
    return null;
  },
  /** Cases are opened by the 多機関協働 coordinators only. */
  openCases: onlyFor((a) => isAgencyStaff(a) && a.isCoordinator),
  /** The case list is for agency staff (each sees the cases of its agency's teams; coordinators all). */
  listCases: onlyFor(isAgencyStaff),
  /** The list counterpart of caseBasis: coordinators list every case, other staff those of their agency's teams. */
  caseListScope(a: AuthContext): AgencyListScope {
    supportPolicies.listCases(a);
    return agencyListScope(a);
  },
  /**
   * The 参加支援 follow-ups that are due are the work of whoever moves a placement on (manageCase): the coordinators
   * see every case's, other staff those of the cases their agency leads (`agencyId`: the lead to filter on).
   */
  followUpScope(a: AuthContext): AgencyListScope {
    supportPolicies.listCases(a);
    return agencyListScope(a);
  },
  /**
   * Need-to-know on a case and everything under it: the coordinators and the staff of the agencies on its team.
   * Everyone else (other agencies, providers, even the one that sent a referral, the plan office): hidden (404).
   */
  caseBasis(a: AuthContext, c: { leadAgencyId: string }, teamAgencyIds: readonly string[]): CaseBasis | null {
    if (!isAgencyStaff(a)) return null;
    if (a.isCoordinator) return "coordinator";
    if (c.leadAgencyId === a.agencyId) return "lead";
    if (teamAgencyIds.includes(a.agencyId as string)) return "team";
    return null;
  },
  /** Team, phase and consent changes: the coordinators or the lead agency (主担当); other team members 403. */
  manageCase(basis: CaseBasis) {
    if (basis === "team") throw forbidden();
  },
  /** Who leads a case (主担当) is the coordinators' decision. */
  changeCaseLead(basis: CaseBasis) {
    if (basis !== "coordinator") throw forbidden();
  },
  /**
   * The basis on which the caller sees a case's personal content (person, household, records, assessments), as the
   * audit trail names it, or null: the case's existence, lead and phase only.
   * - The 多機関協働 coordinators: always. They are the municipality's own coordination (重層的支援体制整備事業), to
   *   whom referrals without consent are sent precisely so that someone bound by the municipality's duty of
   *   confidentiality can look at them; they decide who leads and who joins.
   * - The lead agency (主担当): always. The coordinators gave it the case to work with the person, and it is the
   *   agency that asks for the consent; without the person's data it could do neither.
   * - Any other team agency: only while the person's consent covers it (`consentId`, read at each request), or for
   *   the one user who is a current, pledged member of a 支援会議 (art. 106-6) that has the case or its main person
   *   on its agenda (`meetingId`: the basis is the member's, not the agency's).
   */
  caseDisclosure(basis: CaseBasis, consentId: string | null, meetingId: string | null = null): string | null {
    if (basis === "coordinator" || basis === "lead") return `case:${basis}`;
    if (consentId) return `consent:${consentId}`;
    return meetingId ? `art106_6:meeting:${meetingId}` : null;
  },
  /** Recording and withdrawing consents: the coordinators or the lead agency (the ones who ask for it). */
  manageConsents(basis: CaseBasis) {
    if (basis === "team") throw forbidden();
  },
  /**
   * Whether the caller sees the entries other agencies shared with the team: the coordinators always, every other
   * team agency (the lead too) while the main person's consent covers it (`consentId`: or, for a pledged member of
   * a 支援会議 that has the case on its agenda, that meeting: services pass whichever shares).
   */
  seesTeamEntries(basis: CaseBasis, consentId: string | null): boolean {
    return basis === "coordinator" || consentId !== null;
  },
  /**
   * Activity records and assessment versions: the coordinators see all; the writing agency sees its own; the other
   * team agencies only what is shared with the team, and only while the person's consent covers them.
   */
  canSeeCaseEntry(
    a: AuthContext,
    basis: CaseBasis,
    entry: { agencyId: string; visibility: string },
    consentId: string | null,
  ): boolean {
    if (basis === "coordinator") return true;
    if (entry.agencyId === a.agencyId) return true;
    return consentId !== null && entry.visibility === "team";
  },
};
