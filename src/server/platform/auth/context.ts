export { ROLE_LABELS, ROLES, type Role } from "../../../domain/access/principals.js";

import type { Role } from "../../../domain/access/principals.js";

/**
 * A step of signing in that the account has not taken yet: while any is pending, the session may call only the
 * routes the access table marks `duringSignIn` (the step's own, the session, logout).
 */
export type SignInStep = "set_password";

/** Who is asking: set on every request by the session hook, null when not logged in. */
export interface AuthContext {
  userId: string;
  municipalityId: string;
  municipalityCode: string;
  municipalityName: string;
  loginId: string;
  displayName: string;
  role: Role;
  departmentIds: string[];
  /** the agency of a support_staff or provider account (null for the other roles) */
  agencyId: string | null;
  /** the caller's agency is a 多機関協働 coordinator */
  isCoordinator: boolean;
  csrfToken: string;
  sessionTokenHash: string;
  /** the sign-in steps still to take, in order; empty for a complete sign-in */
  pendingSteps: readonly SignInStep[];
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/**
 * The caller of a request as a service sees it: who (the session) and from where (the client address the audit
 * record keeps). Services take this one object instead of (auth, ip) pairs.
 */
export interface RequestActor extends AuthContext {
  ip: string | null;
}
