/**
 * Which records of the audit trail each administrator reads: the plan office those of the plan side, the
 * support-side administrator those of the support side (who read or changed a person, a referral, a case), the
 * system administrator all. Records of accounts, sign-ins and the trail itself go by the side of the account that
 * acted; records without an account (operator commands, unknown sign-in ids) go to both.
 */
import { ROLES, type Role, SIDE_OF_ROLE } from "../../../domain/access/principals.js";
import type { AuditSide } from "../../platform/policies.js";
import type { SideFilter } from "./repository.js";

const PLAN_TYPES = [
  "plan",
  "plan_item",
  "plan_revision",
  "evaluation_round",
  "evaluation_sheet",
  "indicator",
  "department",
  "import",
];
const SUPPORT_TYPES = [
  "referral",
  "person",
  "case",
  "household",
  "case_records",
  "case_record",
  "case_assessments",
  "case_assessment",
  "agency",
  "concern_categories",
  "account_changes",
];
const SHARED_TYPES = ["user", "audit_log", "municipality"];
const rolesOf = (side: "plan" | "support") => ROLES.filter((r: Role) => SIDE_OF_ROLE[r] === side);

export function sideFilter(side: AuditSide): SideFilter | undefined {
  if (side === "all") return undefined;
  return {
    entityTypes: side === "plan" ? PLAN_TYPES : SUPPORT_TYPES,
    sharedTypes: SHARED_TYPES,
    actorRoles: rolesOf(side),
  };
}
