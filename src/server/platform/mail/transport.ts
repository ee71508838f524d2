import nodemailer from "nodemailer";
import type { MailSecurity } from "../../db/schema/index.js";

export interface SmtpSettings {
  host: string;
  port: number;
  security: MailSecurity;
  username: string | null;
  password: string | null;
  fromAddress: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends one mail through the municipality's SMTP server. nodemailer's own logging stays off: its debug output
 * would carry the password and the addresses. STARTTLS is required when chosen (a server that does not offer it
 * is refused, not used in the clear). Short timeouts: a job, not a request, waits, but a hung server must not hold
 * the drain.
 */
export async function sendMail(settings: SmtpSettings, mail: OutgoingMail): Promise<void> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? "" } } : {}),
    logger: false,
    debug: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: settings.fromAddress, to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}

/** What a failure may say in a log or on the outbox row: nodemailer's code and the SMTP reply code, no text. */
export function mailErrorCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  const parts = [typeof e.code === "string" ? e.code : "ERROR"];
  if (typeof e.responseCode === "number") parts.push(String(e.responseCode));
  return parts.join(" ");
}
