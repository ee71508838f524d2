import { canManageRole, MANAGEABLE_ROLES, principalOf, SIDE_OF_ROLE } from "../../domain/access/principals.js";
import type { AuthContext, Role } from "./auth/context.js";
import { forbidden, notFound } from "./errors.js";

/**
 * Every authorisation decision of the product, in one place. Services call these explicitly.
 * Rules: an item a caller may not see is reported as not found (404), never as forbidden, so that its
 * existence does not leak; an action on an item the caller can see but not change is 403.
 */

const isPlanOffice = (a: AuthContext) => a.role === "plan_office" || a.role === "system_admin";
/** the plan side's readers: the plan office, department editors, viewers (committee members), the system admin */
const readsPlanSide = (a: AuthContext) => SIDE_OF_ROLE[a.role] === "plan" || a.role === "system_admin";
/** the support side's settings (agencies, 相談の分類) are its administrators' (and the system admin's) */
const isSupportAdmin = (a: AuthContext) => a.role === "support_admin" || a.role === "system_admin";
/** support_staff and provider accounts act for their agency; without one they can do nothing of issue 4 */
const actsForAgency = (a: AuthContext) => (a.role === "support_staff" || a.role === "provider") && !!a.agencyId;
const isAgencyStaff = (a: AuthContext) => a.role === "support_staff" && !!a.agencyId;

/** Why a caller may see a referral (recorded as the audit basis), or null: need-to-know. */
export type ReferralBasis = "coordinator" | "receiver" | "sender";

export const policies = {
  manageDepartments(a: AuthContext) {
    if (!isPlanOffice(a)) throw forbidden();
  },
  managePlans(a: AuthContext) {
    if (!isPlanOffice(a)) throw forbidden();
  },
  importDocuments(a: AuthContext) {
    if (!isPlanOffice(a)) throw forbidden();
  },
  /** A revision being drafted is seen only where it is drafted: by the plan office (others: as if it did not exist). */
  canReadDraft(a: AuthContext): boolean {
    return isPlanOffice(a);
  },
  readDraft(a: AuthContext) {
    if (!isPlanOffice(a)) throw notFound("改定案");
  },
  reviewSheets(a: AuthContext) {
    if (!isPlanOffice(a)) throw forbidden();
  },
  /** Plan structure and the 総括表 are the plan side's: the support side sees none of its internal work. */
  readPlans(a: AuthContext) {
    if (!readsPlanSide(a)) throw forbidden();
  },
  /** Sheets: plan office and viewers see all; a department editor sees only items its departments own. */
  canSeeSheet(a: AuthContext, itemDepartmentIds: string[]): boolean {
    if (!readsPlanSide(a)) return false;
    if (a.role !== "department_editor") return true;
    return itemDepartmentIds.some((d) => a.departmentIds.includes(d));
  },
  readSheet(a: AuthContext, itemDepartmentIds: string[]) {
    if (!policies.canSeeSheet(a, itemDepartmentIds)) throw notFound("評価表");
  },
  editSheet(a: AuthContext, itemDepartmentIds: string[]) {
    policies.readSheet(a, itemDepartmentIds);
    if (a.role === "viewer") throw forbidden();
  },
  /**
   * Whether a sheet's fields may be changed in its status: never by viewers; by the plan office in every status; by
   * department editors until it is submitted (and again once it is returned).
   */
  canEditSheetIn(a: AuthContext, status: string): boolean {
    if (a.role === "viewer") return false;
    if (isPlanOffice(a)) return true;
    return status === "not_started" || status === "draft" || status === "returned";
  },
  /** Accepting or returning a sheet: the plan office, on a sheet it can see. */
  reviewSheet(a: AuthContext, itemDepartmentIds: string[]) {
    policies.readSheet(a, itemDepartmentIds);
    policies.reviewSheets(a);
  },
  /** A department editor's sheet list holds its own departments' sheets only, whatever the list asks for. */
  listsOwnSheetsOnly(a: AuthContext): boolean {
    return a.role === "department_editor";
  },
  /**
   * Indicators: plan office and viewers see all; a department editor sees the indicators of items its departments
   * own, directly or through an ancestor item (`owners` = departments of the item and of its ancestors).
   */
  canSeeIndicator(a: AuthContext, owners: string[]): boolean {
    if (!readsPlanSide(a)) return false;
    if (a.role !== "department_editor") return true;
    return owners.some((d) => a.departmentIds.includes(d));
  },
  readIndicator(a: AuthContext, owners: string[]) {
    if (!policies.canSeeIndicator(a, owners)) throw notFound("指標");
  },
  /** Callers who see the same indicators share a key: department editors by their departments, other readers all. */
  indicatorVisibilityKey(a: AuthContext): string {
    return a.role === "department_editor" ? `d:${[...a.departmentIds].sort().join(",")}` : "all";
  },
  /** Actuals: the plan office, and department editors for the indicators they can see; viewers never. */
  enterActual(a: AuthContext, owners: string[]) {
    policies.readIndicator(a, owners);
    if (a.role === "viewer") throw forbidden();
  },
  /** Indicators, targets and the milestone ladder are plan structure: the plan office's. */
  manageIndicators(a: AuthContext) {
    if (!isPlanOffice(a)) throw forbidden();
  },
  /**
   * Accounts, with separation of duties: the plan office administers the plan side's accounts, the support-side
   * administrator the support side's (agency staff, coordinators, providers), the system administrator all. Nobody
   * grants a role above its own or of the other side.
   */
  manageUsers(a: AuthContext) {
    if (!MANAGEABLE_ROLES[a.role]) throw forbidden();
  },
  canManageAccount(a: AuthContext, accountRole: Role): boolean {
    return canManageRole(a.role, accountRole);
  },
  canGrantRole(a: AuthContext, role: Role): boolean {
    return canManageRole(a.role, role);
  },
  /** Support-side account changes are shown to the coordinators and the support-side administrators. */
  readAccountChanges(a: AuthContext) {
    if (!isSupportAdmin(a) && principalOf(a) !== "coordinator") throw forbidden();
  },
  /** The audit trail, per side: each administrator reads the records of its own side (the system admin all). */
  readAudit(a: AuthContext) {
    if (!isPlanOffice(a) && a.role !== "support_admin") throw forbidden();
  },
  auditSideOf(a: AuthContext): AuditSide {
    return a.role === "system_admin" ? "all" : a.role === "support_admin" ? "support" : "plan";
  },

  /** Agencies: the support side reads them; its administrators register them (a coordinator agency widens access). */
  readAgencies(a: AuthContext) {
    if (!isSupportAdmin(a) && !actsForAgency(a)) throw forbidden();
  },
  manageAgencies(a: AuthContext) {
    if (!isSupportAdmin(a)) throw forbidden();
  },
  /** The 「気になること」 categories: read by those who send referrals or work on cases; set by the support admins. */
  readConcerns(a: AuthContext) {
    if (!isSupportAdmin(a) && !actsForAgency(a)) throw forbidden();
  },
  manageConcerns(a: AuthContext) {
    if (!isSupportAdmin(a)) throw forbidden();
  },
  /** Persons are registered by agency staff and registered providers (to send a referral about them). */
  registerPersons(a: AuthContext) {
    if (!actsForAgency(a)) throw forbidden();
  },
  /** Linking persons: agency staff only (each of the two records needs a basis, see personBasis). */
  linkPersons(a: AuthContext) {
    if (!isAgencyStaff(a)) throw forbidden();
  },
  sendReferrals(a: AuthContext) {
    if (!actsForAgency(a)) throw forbidden();
  },
  listReferrals(a: AuthContext) {
    if (!actsForAgency(a)) throw forbidden();
  },
  /**
   * Need-to-know: a provider sees the referrals its agency sent; staff those sent by or to their agency; the
   * 多機関協働 coordinators every referral (all are sent to them or to an agency). Everyone else: hidden (404).
   */
  referralBasis(a: AuthContext, r: { fromAgencyId: string; toAgencyId: string | null }): ReferralBasis | null {
    if (!actsForAgency(a)) return null;
    if (a.role === "support_staff" && a.isCoordinator) return "coordinator";
    if (r.fromAgencyId === a.agencyId) return "sender";
    if (a.role === "support_staff" && r.toAgencyId === a.agencyId) return "receiver";
    return null;
  },
  /** Closed loop: the receiver (or a coordinator) moves a referral; the sender only reads its outcome. */
  transitionReferral(basis: ReferralBasis) {
    if (basis === "sender") throw forbidden();
  },

  /** Households (世帯) are registered by agency staff (not by providers: they only send referrals). */
  registerHouseholds(a: AuthContext) {
    if (!isAgencyStaff(a)) throw forbidden();
  },
  listHouseholds(a: AuthContext) {
    if (!isAgencyStaff(a)) throw forbidden();
  },
  /**
   * Need-to-know on a household: the coordinators, the agency that registered it, and the agencies on the team
   * of one of its cases. Everyone else: hidden (404).
   */
  householdBasis(
    a: AuthContext,
    h: { registeredByAgencyId: string },
    caseTeamAgencyIds: readonly string[],
  ): HouseholdBasis | null {
    if (!isAgencyStaff(a)) return null;
    if (a.isCoordinator) return "coordinator";
    if (h.registeredByAgencyId === a.agencyId) return "registrar";
    if (caseTeamAgencyIds.includes(a.agencyId as string)) return "case_team";
    return null;
  },
  /** Cases are opened by the 多機関協働 coordinators only. */
  openCases(a: AuthContext) {
    if (!(isAgencyStaff(a) && a.isCoordinator)) throw forbidden();
  },
  /** The case list is for agency staff (each sees the cases of its agency's teams; coordinators all). */
  listCases(a: AuthContext) {
    if (!isAgencyStaff(a)) throw forbidden();
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
   * Activity records and assessment versions: the coordinators see all; the writing agency sees its own; the other
   * team agencies only what is shared with the team, and only while the person's consent is given.
   */
  canSeeCaseEntry(
    a: AuthContext,
    basis: CaseBasis,
    entry: { agencyId: string; visibility: string },
    consentGiven: boolean,
  ): boolean {
    if (basis === "coordinator") return true;
    if (entry.agencyId === a.agencyId) return true;
    return consentGiven && entry.visibility === "team";
  },
};

export type AuditSide = "plan" | "support" | "all";
export type HouseholdBasis = "coordinator" | "registrar" | "case_team";
/** Why a caller may see a case (recorded as the audit basis). */
export type CaseBasis = "coordinator" | "lead" | "team";

// ---------------------------------------------------------------------------------------------------------------
// Need-to-know on persons: search, duplicate candidates, household members, referring a person, the audit trail's
// names. Every door to a person's name, birth date, address or phone asks personBasis.
// ---------------------------------------------------------------------------------------------------------------

/** What the database holds about one person and the caller's agency (persons repository: personFacts). */
export interface PersonFacts {
  createdByAgencyId: string | null;
  /** a referral about the person that the caller's agency sent or received, if any */
  referralId: string | null;
  /** a case whose team includes the caller's agency and whose household the person belongs to, if any */
  caseId: string | null;
}

/** Why a caller may see a person in full (recorded as the audit basis of the read). */
export type PersonBasis =
  | { kind: "coordinator" }
  | { kind: "registrar" }
  | { kind: "referral"; referralId: string }
  | { kind: "case"; caseId: string };

/**
 * Which persons a search may show: every person (the 多機関協働 coordinators), the persons the agency has a basis
 * for (agency staff: registered by it, a referral it sent or received, a case team it is on), or only the persons
 * the agency registered (registered providers). `othersMatch`: whether the caller is told that other persons
 * match (staff, so that they ask the coordinators; a provider is an outside company and learns nothing of others).
 */
export type PersonScope =
  | { all: true; othersMatch: false }
  | { all: false; agencyId: string; registeredOnly: boolean; othersMatch: boolean };

export const personPolicies = {
  /** Searching persons: agency staff and registered providers, each in its scope; everyone else 403. */
  personScope(a: AuthContext): PersonScope {
    if (!actsForAgency(a)) throw forbidden();
    const agencyId = a.agencyId as string;
    if (a.role === "support_staff" && a.isCoordinator) return { all: true, othersMatch: false };
    if (a.role === "provider") return { all: false, agencyId, registeredOnly: true, othersMatch: false };
    return { all: false, agencyId, registeredOnly: false, othersMatch: true };
  },
  /**
   * Need-to-know on one person: coordinators always; a provider for the persons its agency registered; agency
   * staff when their agency registered the person, sent or received a referral about them, or is on the team of a
   * case whose household they belong to (a case's main person always is a member). Everyone else: none.
   */
  personBasis(a: AuthContext, facts: PersonFacts): PersonBasis | null {
    if (!actsForAgency(a)) return null;
    if (a.role === "support_staff" && a.isCoordinator) return { kind: "coordinator" };
    if (facts.createdByAgencyId === a.agencyId) return { kind: "registrar" };
    if (a.role !== "support_staff") return null;
    if (facts.referralId) return { kind: "referral", referralId: facts.referralId };
    if (facts.caseId) return { kind: "case", caseId: facts.caseId };
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
