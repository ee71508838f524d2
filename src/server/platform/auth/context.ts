export { ROLE_LABELS, ROLES, type Role } from "../../../domain/access/principals.js";

import type { Role } from "../../../domain/access/principals.js";
import type { PendingStep } from "../../../domain/mfa/second-factor.js";

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
  /** what the session must still do before it may act (empty: signed in fully); only the first step's routes answer */
  pendingSteps: PendingStep[];
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
