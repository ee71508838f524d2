import type { AuthContext } from "../auth/context.js";
import { isCoordinatorStaff, isPlanOffice, isSupportAdmin, onlyFor } from "./roles.js";

/**
 * The programme registry (重層的支援体制整備事業) is kept by both sides: the plan office runs the plan it comes from,
 * the support side's administrator attaches the agencies that do the work. 多機関協働 coordinators read it; it
 * holds no person, only the municipality's projects, departments and agencies.
 */
const keepsRegistry = (a: AuthContext) => isPlanOffice(a) || isSupportAdmin(a);

export const programmePolicies = {
  canEditProgramme: keepsRegistry,
  readProgramme: onlyFor((a) => keepsRegistry(a) || isCoordinatorStaff(a)),
  editProgramme: onlyFor(keepsRegistry),
};
