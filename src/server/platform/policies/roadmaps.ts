import type { AuthContext } from "../auth/context.js";
import { forbidden } from "../errors.js";
import { isPlanOffice, onlyFor, readsPlanSide } from "./roles.js";

/**
 * Monthly roadmaps are the plan side's: every plan-side reader sees them (as they see the item they belong to); the
 * months are entered by the departments that own the item or project, and by the plan office. Another department's
 * editor sees the roadmap but may not write in it (403), a viewer never writes.
 */
const ownsRoadmap = (a: AuthContext, ownerDepartmentIds: readonly string[]) =>
  isPlanOffice(a) || (a.role === "department_editor" && ownerDepartmentIds.some((d) => a.departmentIds.includes(d)));

export const roadmapPolicies = {
  readRoadmaps: onlyFor(readsPlanSide),
  canEditRoadmap: (a: AuthContext, ownerDepartmentIds: readonly string[]) =>
    readsPlanSide(a) && ownsRoadmap(a, ownerDepartmentIds),
  editRoadmap(a: AuthContext, ownerDepartmentIds: readonly string[]) {
    roadmapPolicies.readRoadmaps(a);
    if (!ownsRoadmap(a, ownerDepartmentIds)) throw forbidden();
  },
};
