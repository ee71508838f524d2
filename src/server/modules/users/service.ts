import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { ROLE_LABELS } from "../../platform/auth/context.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { destroyUserSessions } from "../../platform/auth/sessions.js";
import { conflict, forbidden, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { countExistingDepartments } from "../plans/repository.js";
import * as repo from "./repository.js";
import type { CreateUserInput, UpdateUserInput } from "./schema.js";

export function presentUser(u: repo.UserRow, departmentIds: string[]) {
  return {
    id: u.id,
    loginId: u.loginId,
    displayName: u.displayName,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role as keyof typeof ROLE_LABELS] ?? u.role,
    departmentIds,
    disabled: u.disabled,
    version: u.version,
  };
}

/** What the audit trail keeps of a user: never the password hash. */
const auditable = (u: repo.UserRow, departmentIds: string[]) => ({
  ...presentUser(u, departmentIds),
  version: undefined,
});

function checkRoleGrant(auth: AuthContext, role: string) {
  // only a system administrator makes another one
  if (role === "system_admin" && auth.role !== "system_admin") throw forbidden();
}

async function checkDepartments(db: Db, auth: AuthContext, ids: string[]) {
  const unique = [...new Set(ids)];
  if ((await countExistingDepartments(db, auth.municipalityId, unique)) !== unique.length) {
    throw new ValidationError([{ field: "departmentIds", message: "存在しない課が指定されています" }]);
  }
  return unique;
}

export async function listUsers(db: Db, auth: AuthContext) {
  policies.manageUsers(auth);
  const [rows, depts] = await Promise.all([
    repo.listUsers(db, auth.municipalityId),
    repo.departmentIdsOfUsers(db, auth.municipalityId),
  ]);
  return rows.map((u) => presentUser(u, depts.get(u.id) ?? []));
}

export async function createUser(db: Db, auth: AuthContext, ip: string, input: CreateUserInput) {
  policies.manageUsers(auth);
  checkRoleGrant(auth, input.role);
  const departmentIds = await checkDepartments(db, auth, input.departmentIds);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const loginId = input.loginId.toLowerCase();
    if (await repo.findUserByLogin(tx, auth.municipalityId, loginId))
      throw conflict(`ログインID「${loginId}」は既に使われています`);
    const user = await repo.insertUser(tx, {
      municipalityId: auth.municipalityId,
      loginId,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
    });
    await repo.setUserDepartments(tx, auth.municipalityId, user.id, departmentIds);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "create",
      entityType: "user",
      entityId: user.id,
      after: auditable(user, departmentIds),
    });
    return presentUser(user, departmentIds);
  });
}

export async function updateUser(
  db: Db,
  auth: AuthContext,
  ip: string,
  userId: string,
  version: number,
  input: UpdateUserInput,
) {
  policies.manageUsers(auth);
  if (input.role) checkRoleGrant(auth, input.role);
  const departmentIds = input.departmentIds ? await checkDepartments(db, auth, input.departmentIds) : undefined;
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await repo.findUser(tx, auth.municipalityId, userId);
    if (!before) throw notFound("利用者");
    checkRoleGrant(auth, before.role);
    if (userId === auth.userId && (input.disabled || (input.role && input.role !== before.role))) {
      throw new ValidationError([
        { field: input.disabled ? "disabled" : "role", message: "自分自身の役割の変更や停止はできません" },
      ]);
    }
    const depts = await repo.departmentIdsOfUsers(tx, auth.municipalityId);
    const beforeDepts = depts.get(userId) ?? [];
    const after = await repo.updateUser(tx, auth.municipalityId, userId, version, {
      displayName: input.displayName,
      role: input.role,
      disabled: input.disabled,
      passwordHash,
    });
    if (!after) throw staleVersion(before.version);
    if (departmentIds) await repo.setUserDepartments(tx, auth.municipalityId, userId, departmentIds);
    // a disabled account, a new password or a new role ends the user's sessions now, not at their next login
    if (input.disabled || passwordHash || (input.role && input.role !== before.role)) {
      await destroyUserSessions(tx, auth.municipalityId, userId);
    }
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: passwordHash ? "update_with_password" : "update",
      entityType: "user",
      entityId: userId,
      before: auditable(before, beforeDepts),
      after: auditable(after, departmentIds ?? beforeDepts),
    });
    return presentUser(after, departmentIds ?? beforeDepts);
  });
}
