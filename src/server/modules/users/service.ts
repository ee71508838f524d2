import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor, Role } from "../../platform/auth/context.js";
import { checkNewPassword } from "../../platform/auth/password-policy.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { destroyUserSessions } from "../../platform/auth/sessions.js";
import { conflict, forbidden, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { findAgency } from "../agencies/repository.js";
import { countExistingDepartments } from "../plans/repository.js";
import { auditableUser as auditable, presentUser } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreateUserInput, OwnEmailInput, UpdateUserInput } from "./schema.js";

export { presentUser };

/** Roles that act for an agency (支援機関 or 登録事業者): the agency kind each of them belongs to. */
const AGENCY_KIND_OF_ROLE: Record<string, "public" | "provider"> = { support_staff: "public", provider: "provider" };

/**
 * The agency of an account: required for support_staff (a public agency) and provider (a 登録事業者), refused for
 * every other role; it must be an agency of the caller's municipality. Field-named 400 otherwise.
 */
async function checkAgency(db: Executor, actor: AuthContext, role: string, agencyId: string | null) {
  const kind = AGENCY_KIND_OF_ROLE[role];
  if (!kind) {
    if (agencyId) {
      throw new ValidationError([
        { field: "agencyId", message: "所属機関は 支援機関職員・登録事業者 の利用者にだけ指定できます" },
      ]);
    }
    return null;
  }
  if (!agencyId) {
    throw new ValidationError([
      { field: "agencyId", message: "支援機関職員・登録事業者の利用者には所属機関を指定してください" },
    ]);
  }
  const agency = await findAgency(db, actor.municipalityId, agencyId);
  if (!agency) throw new ValidationError([{ field: "agencyId", message: "存在しない機関が指定されています" }]);
  if (agency.kind !== kind) {
    throw new ValidationError([
      {
        field: "agencyId",
        message:
          kind === "provider"
            ? "登録事業者の利用者の所属機関には、登録事業者を指定してください"
            : "支援機関職員の所属機関には、支援機関（登録事業者以外）を指定してください",
      },
    ]);
  }
  return agency.id;
}

/** Separation of duties: an administrator grants only roles of its own side, never one above its own. */
function checkRoleGrant(actor: AuthContext, role: Role) {
  if (!policies.canGrantRole(actor, role)) throw forbidden();
}

async function checkDepartments(db: Db, actor: AuthContext, ids: string[]) {
  const unique = [...new Set(ids)];
  if ((await countExistingDepartments(db, actor.municipalityId, unique)) !== unique.length) {
    throw new ValidationError([{ field: "departmentIds", message: "存在しない課が指定されています" }]);
  }
  return unique;
}

/** A new password for an existing account: checked against the rule with the account's own login id. */
async function newPasswordHash(db: Db, actor: AuthContext, userId: string, password: string) {
  const target = await repo.findUser(db, actor.municipalityId, userId);
  // another side's account is not found here either, before its password is looked at
  if (!target || !policies.canManageAccount(actor, target.role as Role)) throw notFound("利用者");
  await checkNewPassword(password, target.loginId);
  return hashPassword(password);
}

/** The accounts the caller administers (the other side's accounts are not listed). */
export async function listUsers(db: Db, actor: AuthContext) {
  policies.manageUsers(actor);
  const [rows, depts] = await Promise.all([
    repo.listUsers(db, actor.municipalityId),
    repo.departmentIdsOfUsers(db, actor.municipalityId),
  ]);
  return rows
    .filter((u) => policies.canManageAccount(actor, u.role as Role))
    .map((u) => presentUser(u, depts.get(u.id) ?? []));
}

export async function createUser(db: Db, actor: RequestActor, input: CreateUserInput) {
  policies.manageUsers(actor);
  checkRoleGrant(actor, input.role);
  const departmentIds = await checkDepartments(db, actor, input.departmentIds);
  await checkNewPassword(input.password, input.loginId);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const agencyId = await checkAgency(tx, actor, input.role, input.agencyId);
    const loginId = input.loginId.toLowerCase();
    if (await repo.findUserByLogin(tx, actor.municipalityId, loginId))
      throw conflict(`ログインID「${loginId}」は既に使われています`);
    const user = await repo.insertUser(tx, {
      municipalityId: actor.municipalityId,
      loginId,
      displayName: input.displayName,
      role: input.role,
      agencyId,
      email: input.email,
      passwordHash,
    });
    await repo.setUserDepartments(tx, actor.municipalityId, user.id, departmentIds);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "user",
      entityId: user.id,
      after: auditable(user, departmentIds),
    });
    return presentUser(user, departmentIds);
  });
}

export async function updateUser(db: Db, actor: RequestActor, userId: string, version: number, input: UpdateUserInput) {
  policies.manageUsers(actor);
  if (input.role) checkRoleGrant(actor, input.role);
  const departmentIds = input.departmentIds ? await checkDepartments(db, actor, input.departmentIds) : undefined;
  const passwordHash = input.password ? await newPasswordHash(db, actor, userId, input.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await repo.findUser(tx, actor.municipalityId, userId);
    // another side's account is not the caller's to see (404), let alone to change or reset
    if (!before || !policies.canManageAccount(actor, before.role as Role)) throw notFound("利用者");
    // the version first: a client that has not seen the latest change must reload before being told anything else
    if (before.version !== version) throw staleVersion(before.version);
    const ownAccess = policies.ownAccessChange(actor, before, input);
    if (ownAccess) throw new ValidationError([{ field: ownAccess, message: "自分自身の役割の変更や停止はできません" }]);
    const role = input.role ?? before.role;
    // an omitted agency is kept, unless the new role takes none (then it is cleared)
    const requestedAgency =
      input.agencyId !== undefined ? input.agencyId : AGENCY_KIND_OF_ROLE[role] ? before.agencyId : null;
    const agencyId = await checkAgency(tx, actor, role, requestedAgency);
    const depts = await repo.departmentIdsOfUsers(tx, actor.municipalityId);
    const beforeDepts = depts.get(userId) ?? [];
    const after = await repo.updateUser(tx, actor.municipalityId, userId, version, {
      displayName: input.displayName,
      role: input.role,
      agencyId,
      disabled: input.disabled,
      email: input.email,
      passwordHash,
      // a password someone else set is the user's to replace at their next sign-in
      ...(passwordHash ? { passwordChangeRequired: true } : {}),
    });
    if (!after) throw staleVersion(before.version);
    if (departmentIds) await repo.setUserDepartments(tx, actor.municipalityId, userId, departmentIds);
    // a disabled account, a new password or a new role ends the user's sessions now, not at their next login
    if (input.disabled || passwordHash || (input.role && input.role !== before.role)) {
      await destroyUserSessions(tx, actor.municipalityId, userId);
    }
    await recordAudit(tx, {
      ...actorOf(actor),
      action: passwordHash ? "update_with_password" : "update",
      entityType: "user",
      entityId: userId,
      before: auditable(before, beforeDepts),
      after: auditable(after, departmentIds ?? beforeDepts),
    });
    return presentUser(after, departmentIds ?? beforeDepts);
  });
}

/** The caller's own address for notice mail (the account page). */
export async function getOwnEmail(db: Db, actor: AuthContext) {
  const user = await repo.findUser(db, actor.municipalityId, actor.userId);
  if (!user) throw notFound("利用者");
  return { email: user.email };
}

/** The caller's own address for notice mail: any signed-in account sets or removes its own, audited. */
export async function setOwnEmail(db: Db, actor: RequestActor, input: OwnEmailInput) {
  return db.transaction(async (tx) => {
    const before = await repo.findUser(tx, actor.municipalityId, actor.userId);
    if (!before) throw notFound("利用者");
    const after = await repo.updateUser(tx, actor.municipalityId, actor.userId, before.version, {
      email: input.email,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "user",
      entityId: actor.userId,
      before: { email: before.email },
      after: { email: after.email },
    });
    return { email: after.email };
  });
}
