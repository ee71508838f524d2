/**
 * Who must use a second factor, and what a session still has to do before it may act. Shared by the server (the
 * route gate, the session answer) and the web (where the login leads).
 */
import { type Role, SIDE_OF_ROLE } from "../access/principals.js";

export type MfaPolicy = "optional" | "required";
export const MFA_POLICIES = ["optional", "required"] as const satisfies readonly MfaPolicy[];

/**
 * Administrators and every support-side account always; the plan side's accounts when their municipality says so.
 */
export function mfaRequired(role: Role, planSidePolicy: MfaPolicy): boolean {
  if (role === "system_admin" || SIDE_OF_ROLE[role] === "support") return true;
  return planSidePolicy === "required";
}

/**
 * The steps a signed-in session has left, in the order they are done; only the first one's routes answer (plus the
 * session and logout). `mfa_enroll`: a required second factor is not set up yet; `mfa_verify`: the account has one
 * and this session has not passed it.
 */
export const PENDING_STEPS = ["mfa_enroll", "mfa_verify"] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];

export interface SecondFactorState {
  role: Role;
  planSidePolicy: MfaPolicy;
  enrolled: boolean;
  sessionVerified: boolean;
}

export function pendingSteps(s: SecondFactorState): PendingStep[] {
  if (s.enrolled) return s.sessionVerified ? [] : ["mfa_verify"];
  return mfaRequired(s.role, s.planSidePolicy) ? ["mfa_enroll"] : [];
}
