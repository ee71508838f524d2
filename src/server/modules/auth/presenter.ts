import { type AuthContext, ROLE_LABELS } from "../../platform/auth/context.js";

/** The signed-in caller as the web sees it (GET /api/auth/session): who, which municipality, the CSRF token. */
export function presentSession(auth: AuthContext) {
  return {
    user: {
      id: auth.userId,
      loginId: auth.loginId,
      displayName: auth.displayName,
      role: auth.role,
      roleLabel: ROLE_LABELS[auth.role],
      departmentIds: auth.departmentIds,
      agencyId: auth.agencyId,
      isCoordinator: auth.isCoordinator,
    },
    municipality: { id: auth.municipalityId, code: auth.municipalityCode, name: auth.municipalityName },
    csrfToken: auth.csrfToken,
  };
}
