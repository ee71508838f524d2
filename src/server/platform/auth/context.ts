export type Role = "system_admin" | "plan_office" | "department_editor" | "viewer" | "support_staff" | "provider";
export const ROLES: Role[] = [
  "system_admin",
  "plan_office",
  "department_editor",
  "viewer",
  "support_staff",
  "provider",
];
export const ROLE_LABELS: Record<Role, string> = {
  system_admin: "システム管理者",
  plan_office: "計画所管課",
  department_editor: "担当課",
  viewer: "閲覧者",
  support_staff: "支援機関職員",
  provider: "登録事業者",
};

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
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
