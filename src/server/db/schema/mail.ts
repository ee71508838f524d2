import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, municipalityId, municipalityKey, recordTable, sameMunicipality, version } from "./columns.js";
import { ofMunicipality, users } from "./core.js";

/** How the connection to the SMTP server is protected: TLS from the start, STARTTLS after connecting, or none. */
export type MailSecurity = "tls" | "starttls" | "none";

/**
 * The municipality's SMTP server for notice mail, one row per municipality, set by the system administrator. The
 * password is stored sealed (AES-256-GCM) with a key kept in a file outside the database (platform/mail/secret-box.ts),
 * so a dump of the database alone does not reveal it.
 */
export const mailSettings = pgTable(
  "mail_settings",
  {
    municipalityId: municipalityId(),
    enabled: boolean("enabled").notNull().default(false),
    host: text("host").notNull(),
    port: integer("port").notNull(),
    security: text("security").$type<MailSecurity>().notNull(),
    username: text("username"),
    /** the sealed password (iv.tag.ciphertext, base64url) and the id of the key that sealed it; null: none */
    passwordSealed: text("password_sealed"),
    fromAddress: text("from_address").notNull(),
    version: version(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [municipalityKey(t), ofMunicipality(t)],
);

/** pending → sending → sent, or skipped (nobody to send to, mail off), or failed after the last attempt */
export type NoticeMailStatus = "pending" | "sending" | "sent" | "skipped" | "failed";

/**
 * The outbox of notice mail: a row written in the transaction of the event that makes the notice, so a rolled-back
 * event sends nothing and a committed one is never lost; the job that drains it (modules/notice-mail) sends each
 * row once. (municipality, notice, user) is the delivery key: the same notice is never mailed twice to one user.
 */
export const noticeMails = recordTable(
  "notice_mails",
  {
    userId: uuid("user_id").notNull(),
    // the notice this mail announces (no foreign key yet: the delivery tests queue mails for notices they do not write)
    noticeId: uuid("notice_id").notNull(),
    /** the kind of notice, said in general words in the mail (labels/notice-mail.ts) */
    kind: text("kind").notNull(),
    status: text("status").$type<NoticeMailStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** not before this instant (the backoff after a failed attempt) */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** when a drain took the row to send; a row left in sending long after (a crash mid-send) is taken again */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** why it was skipped or why the last attempt failed: a code, never the server's words or the address */
    reason: text("reason"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    sameMunicipality(t, t.userId, users),
    unique("notice_mails_delivery_uq").on(t.municipalityId, t.noticeId, t.userId),
    // what the drain has left to do: small, whatever the outbox's size
    index("notice_mails_due_idx")
      .on(t.municipalityId, t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);
