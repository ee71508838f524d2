/**
 * Who a caller is, for access decisions: the account's role, and for agency staff whether their agency is a
 * 多機関協働 coordinator. Pure data and functions, shared by the server (route gate, policies) and the web (menus).
 *
 * The product has two sides that never see each other's internal work: the plan side (計画の進行管理) and the
 * support side (重層的支援). The system administrator manages accounts of both sides and works on the plan side;
 * it never reads a person's data.
 */

export const ROLES = [
  "system_admin",
  "plan_office",
  "department_editor",
  "viewer",
  "support_admin",
  "support_staff",
  "provider",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: "システム管理者",
  plan_office: "計画所管課",
  department_editor: "担当課",
  viewer: "閲覧者",
  support_admin: "支援側管理者",
  support_staff: "支援機関職員",
  provider: "登録事業者",
};

export type Side = "plan" | "support" | "system";
/** What the product is for the side a user works on. */
export const SIDE_LABELS: Record<Side, string> = { plan: "計画の評価", support: "重層的支援", system: "システム管理" };
export const SIDE_OF_ROLE: Record<Role, Side> = {
  system_admin: "system",
  plan_office: "plan",
  department_editor: "plan",
  viewer: "plan",
  support_admin: "support",
  support_staff: "support",
  provider: "support",
};

/**
 * A role as the access table sees it. Agency staff split in two: the staff of a 多機関協働 coordinator agency
 * (`coordinator`) and the staff of any other agency (`staff`).
 */
export const PRINCIPALS = [
  "system_admin",
  "plan_office",
  "department_editor",
  "viewer",
  "support_admin",
  "coordinator",
  "staff",
  "provider",
] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const PRINCIPAL_LABELS: Record<Principal, string> = {
  system_admin: ROLE_LABELS.system_admin,
  plan_office: ROLE_LABELS.plan_office,
  department_editor: ROLE_LABELS.department_editor,
  viewer: ROLE_LABELS.viewer,
  support_admin: ROLE_LABELS.support_admin,
  coordinator: "支援機関職員（多機関協働）",
  staff: ROLE_LABELS.support_staff,
  provider: ROLE_LABELS.provider,
};

export interface PrincipalSource {
  role: Role;
  agencyId?: string | null;
  isCoordinator?: boolean;
}

/**
 * The principal of an account, or null when it can act as nothing: agency staff and providers act only for their
 * agency, so such an account without an agency has no access beyond its own session.
 */
export function principalOf(u: PrincipalSource): Principal | null {
  if (u.role === "support_staff") {
    if (!u.agencyId) return null;
    return u.isCoordinator ? "coordinator" : "staff";
  }
  if (u.role === "provider") return u.agencyId ? "provider" : null;
  return u.role;
}

/** The roles an administrator may create, change or reset: never above its own, never the other side's. */
export const MANAGEABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  system_admin: ROLES,
  plan_office: ["plan_office", "department_editor", "viewer"],
  support_admin: ["support_admin", "support_staff", "provider"],
};

export function canManageRole(manager: Role, target: Role): boolean {
  return MANAGEABLE_ROLES[manager]?.includes(target) ?? false;
}
