import { z } from "zod";
import { password } from "../users/schema.js";

export const loginSchema = z.strictObject({
  municipalityCode: z.string().trim().min(1, "自治体を選んでください").max(20),
  loginId: z.string().trim().min(1, "ログインIDを入力してください").max(100),
  password: z.string().min(1, "パスワードを入力してください").max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** The password an account sets for itself when its sign-in asks for one (setup secret, administrator's reset). */
export const setPasswordSchema = z.strictObject({ password });
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;
