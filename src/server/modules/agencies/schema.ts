import { z } from "zod";
import { storable } from "../../platform/schema-fields.js";

export const AGENCY_CATEGORIES = ["包括的相談支援", "参加支援", "地域づくり", "アウトリーチ", "多機関協働"] as const;
export const AGENCY_KIND_LABELS = { public: "支援機関", provider: "登録事業者" } as const;

export const createAgencySchema = z.strictObject({
  name: z
    .string({ error: "機関名を入力してください" })
    .trim()
    .min(1, "機関名を入力してください")
    .max(100, "機関名は100文字以内で入力してください")
    .refine(storable, "使用できない文字が含まれています"),
  category: z.enum(AGENCY_CATEGORIES, {
    error: "分野は 包括的相談支援・参加支援・地域づくり・アウトリーチ・多機関協働 から選んでください",
  }),
  kind: z
    .enum(["public", "provider"], { error: "種別は 支援機関(public)・登録事業者(provider) から選んでください" })
    .default("public"),
  isCoordinator: z.boolean({ error: "多機関協働の調整役かどうかを true/false で指定してください" }).default(false),
  departmentId: z.uuid("所管課の指定が正しくありません").nullable().default(null),
});
export type CreateAgencyInput = z.infer<typeof createAgencySchema>;
