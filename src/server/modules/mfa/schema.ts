import { z } from "zod";
import { MFA_POLICIES } from "../../../domain/mfa/second-factor.js";

const code = z.string({ error: "確認コードを入力してください" }).trim().min(1, "確認コードを入力してください").max(20);
const recoveryCode = z
  .string({ error: "回復コードを入力してください" })
  .trim()
  .min(1, "回復コードを入力してください")
  .max(40);

/** The second step of a sign-in: the authenticator's code, or one of the recovery codes. */
export const verifySchema = z.union([z.strictObject({ code }), z.strictObject({ recoveryCode })], {
  error: "確認コードを入力してください",
});
export type VerifyInput = z.infer<typeof verifySchema>;

/** A change to one's own second factor is confirmed with a current code. */
export const codeSchema = z.strictObject({ code });

export const mfaPolicySchema = z.strictObject({
  planSide: z.enum(MFA_POLICIES, { error: "「任意」か「必須」を選んでください" }),
});
export type MfaPolicyInput = z.infer<typeof mfaPolicySchema>;
