import type { NoticeMailReason } from "../../../domain/labels/mail.js";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit.js";
import { mailErrorCode, sendMail } from "../../platform/mail/transport.js";
import { noticeMailFor } from "./message.js";
import * as repo from "./repository.js";
import { type MailContext, smtpSettingsOf } from "./settings-service.js";

export interface DeliveryPolicy {
  /** the wait after the first failed attempt; doubled after each further one */
  retryBaseMs: number;
  /** attempts before a mail is given up (failed) */
  maxAttempts: number;
  /** a row left "sending" this long ago belongs to a process that ended mid-send: it is taken again */
  staleMs: number;
}

export const DEFAULT_DELIVERY: DeliveryPolicy = { retryBaseMs: 60_000, maxAttempts: 8, staleMs: 10 * 60_000 };

/** The wait before attempt `attempts + 1`: base, 2×base, 4×base …, at most six hours. */
export const backoffMs = (policy: DeliveryPolicy, attempts: number) =>
  Math.min(policy.retryBaseMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);

export interface DrainResult {
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
}

/** Who acts when the job delivers: no account, a name the audit trail shows. */
const JOB_ACTOR = { actorUserId: null, actorLabel: "system:notice-mail", ip: null };

/**
 * Delivers every notice mail that is due, a batch at a time: each row is claimed (sending) in a short transaction,
 * the mail sent outside any transaction (an SMTP server's pace must not hold the database), then the row finished
 * with its audit record. A row already sent is never claimed again, so a retry after success sends nothing.
 */
export async function drainNoticeMails(db: Db, mail: MailContext, policy: DeliveryPolicy): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  for (;;) {
    const now = new Date();
    const claimed = await db.transaction((tx) =>
      repo.claimDueNoticeMails(tx, now, new Date(now.getTime() - policy.staleMs), 20),
    );
    if (claimed.length === 0) return result;
    for (const row of claimed) result[await deliverOne(db, mail, policy, row)] += 1;
  }
}

async function deliverOne(
  db: Db,
  mail: MailContext,
  policy: DeliveryPolicy,
  row: repo.NoticeMailRow,
): Promise<keyof DrainResult> {
  const recipient = await repo.findRecipient(db, row.municipalityId, row.userId);
  const smtp = await smtpSettingsOf(db, mail, row.municipalityId);
  const skip: NoticeMailReason | null = !recipient?.email
    ? "no_address"
    : recipient.disabled
      ? "user_disabled"
      : !smtp?.enabled
        ? "mail_off"
        : null;
  if (skip || !recipient?.email || !smtp) {
    await finish(db, row, "skipped", { status: "skipped", reason: skip });
    return "skipped";
  }
  try {
    await sendMail(smtp.settings, noticeMailFor(recipient.email, row.kind, mail.appUrl));
  } catch (error) {
    const code = mailErrorCode(error);
    if (row.attempts >= policy.maxAttempts) {
      await finish(db, row, "failed", { status: "failed", reason: "gave_up" }, code);
      return "failed";
    }
    const nextAttemptAt = new Date(Date.now() + backoffMs(policy, row.attempts));
    await repo.finishNoticeMail(db, row, { status: "pending", reason: "smtp_error", nextAttemptAt });
    return "retrying";
  }
  await finish(db, row, "sent", { status: "sent", sentAt: new Date() });
  return "sent";
}

/** The row's last state and its audit record (whom, which kind, when; never an address or content), together. */
async function finish(
  db: Db,
  row: repo.NoticeMailRow,
  outcome: "sent" | "skipped" | "failed",
  values: Parameters<typeof repo.finishNoticeMail>[2],
  error?: string,
) {
  await db.transaction(async (tx) => {
    await repo.finishNoticeMail(tx, row, values);
    await recordAudit(tx, {
      ...JOB_ACTOR,
      municipalityId: row.municipalityId,
      action: `mail_${outcome}`,
      entityType: "notice_mail",
      entityId: row.id,
      after: {
        userId: row.userId,
        noticeId: row.noticeId,
        kind: row.kind,
        attempts: row.attempts,
        ...(values.reason ? { reason: values.reason } : {}),
        ...(error ? { error } : {}),
      },
    });
  });
}
