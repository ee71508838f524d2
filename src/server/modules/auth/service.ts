import type { FastifyBaseLogger } from "fastify";
import { toHalfWidth } from "../../../domain/text/normalize.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { checkNewPassword } from "../../platform/auth/password-policy.js";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../../platform/auth/passwords.js";
import { createSession, destroySession } from "../../platform/auth/sessions.js";
import { recordSuccess, takeAttempt } from "../../platform/auth/throttle.js";
import { AppError, conflict, ValidationError } from "../../platform/errors.js";
import { findUser, updateUser } from "../users/repository.js";
import * as repo from "./repository.js";
import type { LoginInput, SetPasswordInput } from "./schema.js";

const badLogin = () => new AppError(401, "bad_credentials", "ログインIDまたはパスワードが正しくありません");
const locked = (until: Date) =>
  new AppError(
    429,
    "locked",
    "ログインに続けて失敗したため、しばらくの間ログインできません。時間をおいてお試しください。",
    { lockedUntil: until.toISOString() },
  );

export interface LoginContext {
  ip: string;
  log: FastifyBaseLogger;
  /** the caller's current session, ended at login so that a session planted before login is never promoted */
  previousSessionHash: string | null;
}

/**
 * Signs in: the attempt is counted before the password is checked (see takeAttempt), an unknown login id costs
 * the same time as a wrong password and gets the same answer, and every failure is recorded: in the
 * municipality's audit trail when the municipality exists, otherwise in the server log (never the password).
 */
export async function login(db: Db, input: LoginInput, ctx: LoginContext) {
  const code = toHalfWidth(input.municipalityCode);
  const loginId = toHalfWidth(input.loginId).toLowerCase();
  const key = `${code}:${loginId}`;
  const slot = await takeAttempt(db, key);
  if (!slot.granted) {
    ctx.log.info({ municipalityCode: code, loginId }, "login refused while locked");
    throw locked(slot.lockedUntil);
  }
  const municipality = await repo.findMunicipalityByCode(db, code);
  const user = municipality ? await repo.findUserByLogin(db, municipality.id, loginId) : null;
  if (!municipality) {
    await burnPasswordCheck(input.password);
    ctx.log.warn({ municipalityCode: code, loginId, ip: ctx.ip }, "login failed: unknown municipality code");
    throw badLogin();
  }
  const failed = (basis: string | null) =>
    db.transaction((tx) =>
      recordAudit(tx, {
        municipalityId: municipality.id,
        actorUserId: user?.id ?? null,
        actorLabel: loginId,
        action: "login_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        basis,
        ip: ctx.ip,
      }),
    );
  if (!user || user.disabled) {
    await burnPasswordCheck(input.password);
    await failed(user ? "disabled_user" : "unknown_login_id");
    throw badLogin();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await failed(null);
    throw badLogin();
  }
  await recordSuccess(db, key);
  if (ctx.previousSessionHash) await destroySession(db, ctx.previousSessionHash);
  return db.transaction(async (tx) => {
    const session = await createSession(tx, user.municipalityId, user.id);
    await recordAudit(tx, {
      municipalityId: user.municipalityId,
      actorUserId: user.id,
      actorLabel: user.loginId,
      action: "login",
      entityType: "user",
      entityId: user.id,
      ip: ctx.ip,
    });
    return session;
  });
}

/** Ends the caller's session (the cookie is cleared by the route whether or not there was one). */
export async function logout(db: Db, auth: AuthContext) {
  await destroySession(db, auth.sessionTokenHash);
}

/** The municipalities to choose from on the login page: code and name only. */
export function listMunicipalities(db: Db) {
  return repo.listMunicipalities(db);
}

/**
 * The account's own password, when its sign-in asks for one (its password was a setup secret or an administrator
 * set it): the password rule as everywhere, and not the password the account signed in with. The session stays;
 * from the next request on it has no step left.
 */
export async function setOwnPassword(db: Db, actor: RequestActor, input: SetPasswordInput) {
  if (!actor.pendingSteps.includes("set_password"))
    throw conflict("パスワードの設定は求められていません。変更が必要なときは管理者に依頼してください");
  await checkNewPassword(input.password, actor.loginId);
  const user = await findUser(db, actor.municipalityId, actor.userId);
  if (!user) throw conflict("利用者が見つかりません");
  if (await verifyPassword(user.passwordHash, input.password))
    throw new ValidationError([{ field: "password", message: "ログインに使ったものとは別のパスワードにしてください" }]);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const after = await updateUser(tx, actor.municipalityId, user.id, user.version, {
      passwordHash,
      passwordChangeRequired: false,
    });
    if (!after) throw conflict("ほかの操作と重なりました。もう一度お試しください");
    await recordAudit(tx, { ...actorOf(actor), action: "set_password", entityType: "user", entityId: user.id });
  });
  return { ok: true, pendingSteps: actor.pendingSteps.filter((step) => step !== "set_password") };
}
