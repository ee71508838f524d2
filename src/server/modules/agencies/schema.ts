import { z } from "zod";
import { AGENCY_KINDS } from "../../../domain/labels/support.js";
import { requiredText } from "../../platform/schema-fields.js";

export const AGENCY_CATEGORIES = ["包括的相談支援", "参加支援", "地域づくり", "アウトリーチ", "多機関協働"] as const;

export const createAgencySchema = z.strictObject({
  name: requiredText("機関名", 100),
  category: z.enum(AGENCY_CATEGORIES, {
    error: "分野は 包括的相談支援・参加支援・地域づくり・アウトリーチ・多機関協働 から選んでください",
  }),
  kind: z
    .enum(AGENCY_KINDS, { error: "種別は 支援機関(public)・登録事業者(provider) から選んでください" })
    .default("public"),
  isCoordinator: z.boolean({ error: "多機関協働の調整役かどうかを true/false で指定してください" }).default(false),
  departmentId: z.uuid("所管課の指定が正しくありません").nullable().default(null),
});
export type CreateAgencyInput = z.infer<typeof createAgencySchema>;
