import { z } from "zod";

export const loginSchema = z.strictObject({
  municipalityCode: z.string().trim().min(1, "自治体を選んでください").max(20),
  loginId: z.string().trim().min(1, "ログインIDを入力してください").max(100),
  password: z.string().min(1, "パスワードを入力してください").max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;
