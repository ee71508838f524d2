import { SIDE_OF_ROLE } from "../../../domain/access/principals.js";
import type { AuthContext } from "../auth/context.js";
import { forbidden } from "../errors.js";

/** A decision only some callers may take: anyone else is refused (403). */
export const onlyFor =
  (allowed: (a: AuthContext) => boolean) =>
  (a: AuthContext): void => {
    if (!allowed(a)) throw forbidden();
  };

/** The callers the policies tell apart. Only the policies use these: services ask the policies, never the role. */

export const isPlanOffice = (a: AuthContext) => a.role === "plan_office" || a.role === "system_admin";
/** the plan side's readers: the plan office, department editors, viewers (committee members), the system admin */
export const readsPlanSide = (a: AuthContext) => SIDE_OF_ROLE[a.role] === "plan" || a.role === "system_admin";
/** the support side's settings (agencies, 相談の分類) are its administrators' (and the system admin's) */
export const isSupportAdmin = (a: AuthContext) => a.role === "support_admin" || a.role === "system_admin";
/** support_staff and provider accounts act for their agency; without one they can do nothing of issue 4 */
export const actsForAgency = (a: AuthContext) => (a.role === "support_staff" || a.role === "provider") && !!a.agencyId;
export const isAgencyStaff = (a: AuthContext) => a.role === "support_staff" && !!a.agencyId;
/** staff of a 多機関協働 agency: they coordinate, so they see every referral, person, household and case */
export const isCoordinatorStaff = (a: AuthContext) => a.role === "support_staff" && a.isCoordinator;
