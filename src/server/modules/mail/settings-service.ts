import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, staleVersion } from "../../platform/errors.js";
import type { SecretBox } from "../../platform/mail/secret-box.js";
import { mailErrorCode, type SmtpSettings, sendMail } from "../../platform/mail/transport.js";
import { policies } from "../../platform/policies.js";
import { testMailFor } from "./message.js";
import { auditableMailSettings, presentMailSettings } from "./presenter.js";
import * as repo from "./repository.js";
import type { MailSettingsInput } from "./schema.js";

/** What sending mail needs beside the database: the key the password is sealed with and the app's address. */
export interface MailContext {
  secrets: SecretBox;
  /** the address people open tsunagu at (the mail's only link) */
  appUrl: string;
}

export async function getMailSettings(db: Db, actor: AuthContext) {
  policies.manageMail(actor);
  return presentMailSettings(await repo.findMailSettings(db, actor.municipalityId));
}

/**
 * Changes the settings read at `version` (0: none yet). An omitted password keeps the stored one, an empty one
 * removes it; a new one is sealed before it reaches the database. Audited without the password.
 */
export async function putMailSettings(
  db: Db,
  mail: MailContext,
  actor: RequestActor,
  input: MailSettingsInput,
  version: number,
) {
  policies.manageMail(actor);
  const sealed = input.password ? mail.secrets.seal(input.password) : null;
  return db.transaction(async (tx) => {
    const before = await repo.findMailSettings(tx, actor.municipalityId);
    if ((before?.version ?? 0) !== version) throw staleVersion(before?.version ?? 0);
    const values = {
      enabled: input.enabled,
      host: input.host,
      port: input.port,
      security: input.security,
      username: input.username || null,
      passwordSealed: input.password === undefined ? (before?.passwordSealed ?? null) : sealed,
      fromAddress: input.fromAddress,
    };
    const after = before
      ? await repo.updateMailSettings(tx, actor.municipalityId, version, values)
      : await repo.insertMailSettings(tx, actor.municipalityId, values);
    if (!after) throw staleVersion(version + 1);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "mail_settings",
      entityId: actor.municipalityId,
      before: auditableMailSettings(before),
      after: { ...auditableMailSettings(after), passwordChanged: input.password !== undefined },
    });
    return presentMailSettings(after);
  });
}

/** The stored settings with the password opened, ready for the transport; null when there are none. */
export async function smtpSettingsOf(db: Db, mail: MailContext, municipalityId: string) {
  const row = await repo.findMailSettings(db, municipalityId);
  if (!row) return null;
  const settings: SmtpSettings = {
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    password: row.passwordSealed ? mail.secrets.open(row.passwordSealed) : null,
    fromAddress: row.fromAddress,
  };
  return { enabled: row.enabled, settings };
}

/**
 * A test mail to the administrator's own address, whether sending is switched on or not (so it can be tried
 * before). A failure is answered with the server's code only, and both outcomes are audited.
 */
export async function sendTestMail(db: Db, mail: MailContext, actor: RequestActor) {
  policies.manageMail(actor);
  const stored = await smtpSettingsOf(db, mail, actor.municipalityId);
  if (!stored) throw conflict("メールの送信がまだ設定されていません。先に設定を保存してください");
  const me = await repo.findRecipient(db, actor.municipalityId, actor.userId);
  if (!me?.email)
    throw conflict("あなたのアカウントにメールアドレスが登録されていません。利用者の画面で登録してください");
  let failure: string | null = null;
  try {
    await sendMail(stored.settings, testMailFor(me.email, mail.appUrl));
  } catch (error) {
    failure = mailErrorCode(error);
  }
  await db.transaction((tx) =>
    recordAudit(tx, {
      ...actorOf(actor),
      action: "mail_test",
      entityType: "mail_settings",
      entityId: actor.municipalityId,
      after: { sent: failure === null, ...(failure ? { error: failure } : {}) },
    }),
  );
  if (failure) throw conflict(`テストメールを送れませんでした（${failure}）。設定を確かめてください`);
  return { sentTo: me.email };
}
