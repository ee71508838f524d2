import type { AuthContext } from "../auth/context.js";
import { forbidden, notFound } from "../errors.js";
import { isPlanOffice, readsPlanSide } from "./roles.js";

const SHEET = "中間報告の進捗シート";

/**
 * The mid-year report's progress sheets follow the yearly sheets' rules: the plan office and viewers see all, a
 * department editor only the items its departments own (others: not found); departments write theirs until they
 * submit (and again once returned); the plan office reviews.
 */
export const midYearPolicies = {
  canSeeMidYearSheet(a: AuthContext, itemDepartmentIds: string[]): boolean {
    if (!readsPlanSide(a)) return false;
    if (a.role !== "department_editor") return true;
    return itemDepartmentIds.some((d) => a.departmentIds.includes(d));
  },
  readMidYearSheet(a: AuthContext, itemDepartmentIds: string[]) {
    if (!midYearPolicies.canSeeMidYearSheet(a, itemDepartmentIds)) throw notFound(SHEET);
  },
  editMidYearSheet(a: AuthContext, itemDepartmentIds: string[]) {
    midYearPolicies.readMidYearSheet(a, itemDepartmentIds);
    if (a.role === "viewer") throw forbidden();
  },
  /** Whether the fields may be changed in this status: the plan office always, departments until they submit. */
  canEditMidYearSheetIn(a: AuthContext, status: string): boolean {
    if (a.role === "viewer") return false;
    if (isPlanOffice(a)) return true;
    return status === "not_started" || status === "draft" || status === "returned";
  },
  reviewMidYearSheet(a: AuthContext, itemDepartmentIds: string[]) {
    midYearPolicies.readMidYearSheet(a, itemDepartmentIds);
    if (!isPlanOffice(a)) throw forbidden();
  },
  /** A department editor's lists and report hold its own departments' sheets only. */
  listsOwnMidYearSheetsOnly(a: AuthContext): boolean {
    return a.role === "department_editor";
  },
};
