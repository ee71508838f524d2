import { ROLE_LABELS } from "../../platform/auth/context.js";
import type { UserRow } from "./repository.js";

export function presentUser(u: UserRow, departmentIds: string[]) {
  return {
    id: u.id,
    loginId: u.loginId,
    displayName: u.displayName,
    email: u.email ?? null,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role as keyof typeof ROLE_LABELS] ?? u.role,
    departmentIds,
    agencyId: u.agencyId ?? null,
    disabled: u.disabled,
    /** has a second factor (the secret itself never leaves the server after enrolment) */
    mfaEnrolled: u.mfaSecret !== null,
    version: u.version,
  };
}
export type UserDto = ReturnType<typeof presentUser>;

/** What the audit trail keeps of a user: never the password hash. */
export const auditableUser = (u: UserRow, departmentIds: string[]) => ({
  ...presentUser(u, departmentIds),
  version: undefined,
});
