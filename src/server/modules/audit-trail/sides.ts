/**
 * Which records of the audit trail each administrator reads: the plan office those of the plan side, the
 * support-side administrator those of the support side (who read or changed a person, a referral, a case), the
 * system administrator all. Records of accounts, sign-ins and the trail itself go by the side of the account that
 * acted; records without an account (operator commands, unknown sign-in ids) go to both.
 */
import { ROLES, type Role, SIDE_OF_ROLE } from "../../../domain/access/principals.js";
import { auditEntityTypesOf } from "../../../domain/labels/audit.js";
import type { AuditSide } from "../../platform/policies.js";
import type { SideFilter } from "./repository.js";

const rolesOf = (side: "plan" | "support") => ROLES.filter((r: Role) => SIDE_OF_ROLE[r] === side);

export function sideFilter(side: AuditSide): SideFilter | undefined {
  if (side === "all") return undefined;
  return {
    entityTypes: auditEntityTypesOf(side),
    sharedTypes: auditEntityTypesOf("shared"),
    actorRoles: rolesOf(side),
  };
}
