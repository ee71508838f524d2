import { z } from "zod";
import { ROLE_LABELS, ROLES } from "../../../domain/access/principals.js";
import { passwordShapeProblem } from "../../../domain/passwords.js";
import { optionalEmail } from "../mail/schema.js";

export const roleSchema = z.enum(ROLES, {
  error: `役割は ${ROLES.map((r) => ROLE_LABELS[r]).join("・")} から選んでください`,
});

/** The rules that need no list (length, repetition); the whole rule is checked where the password is set. */
export const password = z.string({ error: "パスワードを入力してください" }).superRefine((value, ctx) => {
  const problem = passwordShapeProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const createUserSchema = z.strictObject({
  loginId: z
    .string()
    .trim()
    .min(1, "ログインIDを入力してください")
    .max(100)
    .regex(/^[0-9A-Za-z._@-]+$/, "ログインIDは半角英数字と . _ @ - で入力してください"),
  displayName: z.string().trim().min(1, "氏名を入力してください").max(100, "氏名は100文字以内で入力してください"),
  role: roleSchema,
  departmentIds: z.array(z.uuid("所属課の指定が正しくありません")).max(20).default([]),
  /** the agency a support_staff or provider account works for (required for them, refused for other roles) */
  agencyId: z.uuid("所属機関の指定が正しくありません").nullable().default(null),
  /** where notice mail goes; optional (full-width tolerated) */
  email: optionalEmail.default(null),
  password,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  displayName: z.string().trim().min(1, "氏名を入力してください").max(100).optional(),
  role: roleSchema.optional(),
  departmentIds: z.array(z.uuid("所属課の指定が正しくありません")).max(20).optional(),
  /** omitted: unchanged (cleared when the new role takes no agency); null: none */
  agencyId: z.uuid("所属機関の指定が正しくありません").nullable().optional(),
  disabled: z.boolean().optional(),
  /** omitted: unchanged; "" or null: removed */
  email: optionalEmail.optional(),
  password: password.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userParams = z.object({ userId: z.uuid("利用者の指定が正しくありません") });

/** One's own address for notice mail (the account page): "" or null removes it. */
export const ownEmailSchema = z.strictObject({ email: optionalEmail });
export type OwnEmailInput = z.infer<typeof ownEmailSchema>;
