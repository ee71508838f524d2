import { z } from "zod";
import { EMAIL_PROBLEM, normalizeEmail } from "../../../domain/email.js";
import { MAIL_SECURITIES } from "../../../domain/labels/mail.js";

/** An e-mail address, full-width tolerated (domain/email.ts), as the normalised address. */
export const emailAddress = z
  .string({ error: "メールアドレスを入力してください" })
  .max(254, "メールアドレスは254文字以内で入力してください")
  .transform((value, ctx) => {
    const address = normalizeEmail(value);
    if (!address) {
      ctx.addIssue({ code: "custom", message: EMAIL_PROBLEM });
      return z.NEVER;
    }
    return address;
  });

/** An optional address: empty or null clears it (one string schema, so a wrong address is one field message). */
export const optionalEmail = z
  .string()
  .max(254, "メールアドレスは254文字以内で入力してください")
  .nullable()
  .transform((value, ctx) => {
    if (value === null || value.trim() === "") return null;
    const address = normalizeEmail(value);
    if (!address) {
      ctx.addIssue({ code: "custom", message: EMAIL_PROBLEM });
      return z.NEVER;
    }
    return address;
  });

const host = z
  .string({ error: "メールサーバーを入力してください" })
  .trim()
  .min(1, "メールサーバーを入力してください")
  .max(253, "メールサーバーは253文字以内で入力してください")
  .regex(/^[A-Za-z0-9.:[\]-]+$/, "メールサーバーは名前（例: smtp.example.lg.jp）かIPアドレスで入力してください");

export const mailSettingsSchema = z.strictObject({
  enabled: z.boolean({ error: "送信する・しないを選んでください" }),
  host,
  port: z
    .number({ error: "ポート番号を数字で入力してください" })
    .int("ポート番号は整数で入力してください")
    .min(1, "ポート番号は1から65535です")
    .max(65535, "ポート番号は1から65535です"),
  security: z.enum(MAIL_SECURITIES, { error: "暗号化の方法を選んでください" }),
  /** empty: the server takes mail without signing in */
  username: z.string().trim().max(200, "ユーザー名は200文字以内で入力してください").default(""),
  /** omitted: the stored password is kept; "": none */
  password: z.string().max(200, "パスワードは200文字以内で入力してください").optional(),
  fromAddress: emailAddress,
});
export type MailSettingsInput = z.infer<typeof mailSettingsSchema>;
