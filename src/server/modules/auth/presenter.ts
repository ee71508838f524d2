import { type AuthContext, ROLE_LABELS } from "../../platform/auth/context.js";

/** GET /api/auth/session: who is signed in, in which municipality, and the CSRF token for the changes it sends. */
export function presentSession(auth: AuthContext) {
  return {
    user: {
      id: auth.userId,
      loginId: auth.loginId,
      displayName: auth.displayName,
      role: auth.role,
      roleLabel: ROLE_LABELS[auth.role],
      departmentIds: auth.departmentIds,
      /** the agency of an agency staff or provider account (null for the other roles) */
      agencyId: auth.agencyId,
      /** the account's agency is a 多機関協働 coordinator */
      isCoordinator: auth.isCoordinator,
    },
    municipality: { id: auth.municipalityId, code: auth.municipalityCode, name: auth.municipalityName },
    csrfToken: auth.csrfToken,
    /** sign-in steps still to take ("set_password"): until they are done, nothing else answers */
    pendingSteps: [...auth.pendingSteps],
  };
}
export type SessionDto = ReturnType<typeof presentSession>;
