import { z } from "zod";

const name = z.string().trim().min(1, "課名を入力してください").max(100, "課名は100文字以内で入力してください");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD の形式で入力してください");

export const createDepartmentSchema = z.strictObject({ name });
export const renameDepartmentSchema = z.strictObject({ name, effectiveFrom: isoDate });
export const mergeDepartmentSchema = z.strictObject({
  intoDepartmentId: z.uuid("統合先の課を選んでください"),
  effectiveFrom: isoDate,
});
export const departmentParams = z.object({ id: z.uuid("課の指定が正しくありません") });
export type CreateDepartmentInput = z.infer<typeof createDepartmentSchema>;
export type RenameDepartmentInput = z.infer<typeof renameDepartmentSchema>;
export type MergeDepartmentInput = z.infer<typeof mergeDepartmentSchema>;
