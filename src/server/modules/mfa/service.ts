/**
 * The second factor of staff sign-in (TOTP, RFC 6238): enrolment, the sign-in's second step, recovery codes, turning
 * it off, an administrator's reset and the plan side's setting. Secrets leave the server once, when offered for
 * enrolment; they are never logged nor put in an audit record.
 */
import QRCode from "qrcode";
import type { Role } from "../../../domain/access/principals.js";
import { mfaRequired } from "../../../domain/mfa/second-factor.js";
import { acceptedStep, newTotpSecret, otpauthUri } from "../../../domain/mfa/totp.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { markSecondFactor } from "../../platform/auth/sessions.js";
import { recordSuccess, takeAttempt } from "../../platform/auth/throttle.js";
import { AppError, conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes.js";
import * as repo from "./repository.js";
import type { MfaPolicyInput, VerifyInput } from "./schema.js";

const WRONG_CODE = "確認コードが正しくないか、期限が切れています";
const WRONG_RECOVERY_CODE = "回復コードが正しくないか、すでに使われています";
const locked = (until: Date) =>
  new AppError(
    429,
    "locked",
    "確認コードの入力に続けて失敗したため、しばらくの間入力できません。時間をおいてお試しください。",
    {
      lockedUntil: until.toISOString(),
    },
  );

async function ownAccount(db: Executor, actor: AuthContext) {
  const user = await repo.findUser(db, actor.municipalityId, actor.userId);
  if (!user) throw notFound("利用者");
  return user;
}

/** The caller's second factor: enrolled or not, whether it may be turned off, recovery codes left. */
export async function status(db: Db, actor: AuthContext) {
  const user = await ownAccount(db, actor);
  const policy = await repo.planSidePolicy(db, actor.municipalityId);
  return {
    enrolled: user.mfaSecret !== null,
    required: mfaRequired(actor.role, policy),
    recoveryCodesLeft: user.mfaSecret ? await repo.unusedRecoveryCodes(db, actor.municipalityId, actor.userId) : 0,
    pendingSteps: actor.pendingSteps,
  };
}

/** Offers a new secret (as QR code and as text). Enrolment completes only when a code from it is confirmed. */
export async function startEnrolment(db: Db, actor: AuthContext) {
  const user = await ownAccount(db, actor);
  if (user.mfaSecret) throw conflict("二段階認証はすでに登録されています");
  const secret = newTotpSecret();
  await repo.setPendingSecret(db, actor.municipalityId, actor.userId, secret);
  const uri = otpauthUri(secret, actor.municipalityName, actor.loginId);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg, issuer: `tsunagu（${actor.municipalityName}）`, account: actor.loginId };
}

/**
 * Checks attempts at a code like password attempts: counted before the check (five failures lock for a while), each
 * failure audited; a success clears the count.
 */
async function throttled<T>(
  db: Db,
  actor: RequestActor,
  field: string,
  message: string,
  check: () => Promise<T | null>,
): Promise<T> {
  const key = `mfa:${actor.municipalityCode}:${actor.loginId}`;
  const slot = await takeAttempt(db, key);
  if (!slot.granted) throw locked(slot.lockedUntil);
  const passed = await check();
  if (passed === null) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        ...actorOf(actor),
        action: "mfa_failed",
        entityType: "user",
        entityId: actor.userId,
        basis: field,
      }),
    );
    throw new ValidationError([{ field, message }]);
  }
  await recordSuccess(db, key);
  return passed;
}

/** A code of the account's own secret, taken once (its step becomes the last accepted). */
async function takeCode(db: Db, actor: RequestActor, secret: string, lastStep: number | null, code: string) {
  const step = acceptedStep(secret, code, Date.now(), lastStep);
  if (step === null) return null;
  return (await repo.takeStep(db, actor.municipalityId, actor.userId, step)) ? step : null;
}

/** Completes enrolment with a code of the offered secret; answers the ten recovery codes (shown this once). */
export async function confirmEnrolment(db: Db, actor: RequestActor, code: string) {
  const user = await ownAccount(db, actor);
  if (user.mfaSecret) throw conflict("二段階認証はすでに登録されています");
  const secret = user.mfaPendingSecret;
  if (!secret) throw conflict("登録を始めてから確認コードを入力してください");
  const step = await throttled(db, actor, "code", WRONG_CODE, async () => acceptedStep(secret, code, Date.now(), null));
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await repo.confirmSecret(tx, actor.municipalityId, actor.userId, secret, step);
    await repo.replaceRecoveryCodes(tx, actor.municipalityId, actor.userId, codes.map(recoveryCodeHash));
    // the code just typed is a second factor: this session is signed in fully
    await markSecondFactor(tx, actor.municipalityId, actor.sessionTokenHash);
    await recordAudit(tx, { ...actorOf(actor), action: "mfa_enrolled", entityType: "user", entityId: actor.userId });
  });
  return { recoveryCodes: codes };
}

/** The sign-in's second step: a code (never one accepted before) or an unused recovery code. */
export async function verify(db: Db, actor: RequestActor, input: VerifyInput) {
  if (actor.pendingSteps[0] !== "mfa_verify") throw conflict("確認コードの入力は必要ありません");
  const user = await ownAccount(db, actor);
  const secret = user.mfaSecret;
  if (!secret) throw conflict("二段階認証が登録されていません");
  const basis =
    "code" in input
      ? await throttled(db, actor, "code", WRONG_CODE, async () =>
          (await takeCode(db, actor, secret, user.mfaLastStep, input.code)) === null ? null : "totp",
        )
      : await throttled(db, actor, "recoveryCode", WRONG_RECOVERY_CODE, async () =>
          (await repo.useRecoveryCode(db, actor.municipalityId, actor.userId, recoveryCodeHash(input.recoveryCode)))
            ? "recovery_code"
            : null,
        );
  await db.transaction(async (tx) => {
    await markSecondFactor(tx, actor.municipalityId, actor.sessionTokenHash);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "mfa_verified",
      entityType: "user",
      entityId: actor.userId,
      basis,
    });
  });
  return {
    pendingSteps: [],
    recoveryCodesLeft: await repo.unusedRecoveryCodes(db, actor.municipalityId, actor.userId),
  };
}

/** New recovery codes (the old ones stop working), confirmed with a current code. */
export async function regenerateRecoveryCodes(db: Db, actor: RequestActor, code: string) {
  const user = await ownAccount(db, actor);
  const secret = user.mfaSecret;
  if (!secret) throw conflict("二段階認証が登録されていません");
  await throttled(db, actor, "code", WRONG_CODE, () => takeCode(db, actor, secret, user.mfaLastStep, code));
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await repo.replaceRecoveryCodes(tx, actor.municipalityId, actor.userId, codes.map(recoveryCodeHash));
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "mfa_recovery_codes",
      entityType: "user",
      entityId: actor.userId,
    });
  });
  return { recoveryCodes: codes };
}

/** Turns one's own second factor off, when the role and the municipality do not require it. */
export async function disable(db: Db, actor: RequestActor, code: string) {
  const user = await ownAccount(db, actor);
  const secret = user.mfaSecret;
  if (!secret) throw conflict("二段階認証は登録されていません");
  if (mfaRequired(actor.role, await repo.planSidePolicy(db, actor.municipalityId))) {
    throw conflict("この利用者は二段階認証が必須のため、やめることはできません");
  }
  await throttled(db, actor, "code", WRONG_CODE, () => takeCode(db, actor, secret, user.mfaLastStep, code));
  await db.transaction(async (tx) => {
    await repo.clearSecondFactor(tx, actor.municipalityId, actor.userId);
    await recordAudit(tx, { ...actorOf(actor), action: "mfa_disabled", entityType: "user", entityId: actor.userId });
  });
  return { enrolled: false };
}

/**
 * An administrator resets the second factor of an account it manages (another side's account is not found): the
 * user enrols again at the next sign-in, and the user's sessions end (but the caller's own, resetting itself).
 */
export async function resetByAdministrator(db: Db, actor: RequestActor, userId: string) {
  policies.manageUsers(actor);
  return db.transaction(async (tx) => {
    const target = await repo.findUser(tx, actor.municipalityId, userId);
    if (!target || !policies.canManageAccount(actor, target.role as Role)) throw notFound("利用者");
    const wasEnrolled = target.mfaSecret !== null;
    await repo.clearSecondFactor(tx, actor.municipalityId, userId);
    await repo.endSessionsExcept(tx, actor.municipalityId, userId, actor.sessionTokenHash);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "mfa_reset",
      entityType: "user",
      entityId: userId,
      before: { loginId: target.loginId, mfaEnrolled: wasEnrolled },
      after: { loginId: target.loginId, mfaEnrolled: false },
    });
    return { userId, mfaEnrolled: false };
  });
}

/** The plan side's setting (the support side and administrators always use a second factor). */
export async function getPolicy(db: Db, actor: AuthContext) {
  policies.managePlans(actor);
  return repo.planSideSetting(db, actor.municipalityId);
}

/** Changes the setting read at `version`: a change made meanwhile by someone else is refused (412), not undone. */
export async function setPolicy(db: Db, actor: RequestActor, input: MfaPolicyInput, version: number) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const current = await repo.planSideSetting(tx, actor.municipalityId);
    if (current.version !== version) throw staleVersion(current.version);
    const before = current.planSide;
    if (before === input.planSide) return current;
    if (!(await repo.setPlanSidePolicy(tx, actor.municipalityId, input.planSide, version))) {
      throw staleVersion(current.version);
    }
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "municipality",
      entityId: actor.municipalityId,
      before: { mfaForPlanSide: before },
      after: { mfaForPlanSide: input.planSide },
    });
    return { planSide: input.planSide, version: version + 1 };
  });
}
