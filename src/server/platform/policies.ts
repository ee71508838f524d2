import { canManageRole, MANAGEABLE_ROLES, principalOf } from "../../domain/access/principals.js";
import type { AuthContext, Role } from "./auth/context.js";
import { forbidden, notFound } from "./errors.js";
import { committeePolicies } from "./policies/committees.js";
import { fedIndicatorPolicies } from "./policies/fed-indicators.js";
import { measurePolicies } from "./policies/measures.js";
import { meetingPolicies } from "./policies/meetings.js";
import { midYearPolicies } from "./policies/mid-year.js";
import { programmePolicies } from "./policies/programme.js";
import { resourcePolicies } from "./policies/resources.js";
import { roadmapPolicies } from "./policies/roadmaps.js";
import { isPlanOffice, isSupportAdmin, onlyFor, readsPlanSide } from "./policies/roles.js";
import { supportPolicies } from "./policies/support.js";

export type { CommitteeBasis } from "./policies/committees.js";
export * from "./policies/persons.js";
export type {
  AgencyListScope,
  CaseBasis,
  HouseholdBasis,
  ReferralBasis,
  ReferralListScope,
} from "./policies/support.js";

/**
 * Every authorisation decision of the product, in one place. Services call these explicitly.
 * Rules: an item a caller may not see is reported as not found (404), never as forbidden, so that its
 * existence does not leak; an action on an item the caller can see but not change is 403.
 */

export const policies = {
  ...supportPolicies,
  ...meetingPolicies,
  ...midYearPolicies,
  ...programmePolicies,
  ...measurePolicies,
  ...fedIndicatorPolicies,
  ...committeePolicies,
  ...resourcePolicies,
  ...roadmapPolicies,
  manageDepartments: onlyFor(isPlanOffice),
  managePlans: onlyFor(isPlanOffice),
  importDocuments: onlyFor(isPlanOffice),
  /**
   * Uploads: the plan office imports any document; a department editor may bring back the evaluation workbook it
   * exported (xlsx only), and each sheet in it is then checked like a save on screen (canEditSheet, sheetLockedFor).
   */
  uploadDocument(a: AuthContext, upload: { isWorkbook: boolean }) {
    if (a.role === "department_editor" && upload.isWorkbook) return;
    policies.importDocuments(a);
  },
  /** A revision being drafted is seen only where it is drafted: by the plan office (others: as if it did not exist). */
  canReadDraft(a: AuthContext): boolean {
    return isPlanOffice(a);
  },
  readDraft(a: AuthContext) {
    if (!isPlanOffice(a)) throw notFound("改定案");
  },
  reviewSheets: onlyFor(isPlanOffice),
  /** Plan structure and the 総括表 are the plan side's: the support side sees none of its internal work. */
  readPlans: onlyFor(readsPlanSide),
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
  /** editSheet as an answer rather than a refusal (a workbook reports each sheet it may not change). */
  canEditSheet(a: AuthContext, itemDepartmentIds: string[]): boolean {
    return policies.canSeeSheet(a, itemDepartmentIds) && a.role !== "viewer";
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
  manageIndicators: onlyFor(isPlanOffice),
  /**
   * Accounts, with separation of duties: the plan office administers the plan side's accounts, the support-side
   * administrator the support side's (agency staff, coordinators, providers), the system administrator all. Nobody
   * grants a role above its own or of the other side.
   */
  manageUsers: onlyFor((a) => !!MANAGEABLE_ROLES[a.role]),
  /** The municipality's mail server (its password opens a mailbox): the system administrator's alone. */
  manageMail: onlyFor((a) => a.role === "system_admin"),
  canManageAccount(a: AuthContext, accountRole: Role): boolean {
    return canManageRole(a.role, accountRole);
  },
  canGrantRole(a: AuthContext, role: Role): boolean {
    return canManageRole(a.role, role);
  },
  /**
   * An administrator does not disable its own account nor change its own role:
   * the refused field, or null when the change leaves the caller's own access alone.
   */
  ownAccessChange(
    a: AuthContext,
    account: { id: string; role: string },
    change: { disabled?: boolean; role?: Role },
  ): "disabled" | "role" | null {
    if (account.id !== a.userId) return null;
    if (change.disabled) return "disabled";
    if (change.role && change.role !== account.role) return "role";
    return null;
  },
  /** Support-side account changes are shown to the coordinators and the support-side administrators. */
  readAccountChanges: onlyFor((a) => isSupportAdmin(a) || principalOf(a) === "coordinator"),
  /** The audit trail, per side: each administrator reads the records of its own side (the system admin all). */
  readAudit: onlyFor((a) => isPlanOffice(a) || a.role === "support_admin"),
  auditSideOf(a: AuthContext): AuditSide {
    return a.role === "system_admin" ? "all" : a.role === "support_admin" ? "support" : "plan";
  },
};

export type AuditSide = "plan" | "support" | "all";
