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
 * The steps a signed-in session has left, in the order they are done: the password first (an account whose password
 * someone else set chooses its own), then the second factor (`mfa_enroll`: a required one is not set up yet;
 * `mfa_verify`: the account has one and this session has not passed it). Only the first step's routes answer
 * (plus the session and logout).
 */
export const PENDING_STEPS = ["set_password", "mfa_enroll", "mfa_verify"] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];

export interface SecondFactorState {
  role: Role;
  planSidePolicy: MfaPolicy;
  enrolled: boolean;
  sessionVerified: boolean;
  /** the account's password was set by someone else (a setup secret, an administrator's reset) */
  passwordChangeRequired?: boolean;
}

export function pendingSteps(s: SecondFactorState): PendingStep[] {
  const steps: PendingStep[] = s.passwordChangeRequired ? ["set_password"] : [];
  if (s.enrolled) return s.sessionVerified ? steps : [...steps, "mfa_verify"];
  return mfaRequired(s.role, s.planSidePolicy) ? [...steps, "mfa_enroll"] : steps;
}
