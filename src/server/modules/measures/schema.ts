import { z } from "zod";
import { fiscalYearInput } from "../evaluations/schema.js";

/** GET /api/stats: the fiscal year (2025, 令和7年度, R7) and the optional 地区, agency and registry project. */
export const statsQuery = z.object({
  fiscalYear: fiscalYearInput,
  districtId: z.uuid("地区の指定が正しくありません").optional(),
  agencyId: z.uuid("機関の指定が正しくありません").optional(),
  projectId: z.uuid("事業の指定が正しくありません").optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;

export const suppressionSettingSchema = z.strictObject({
  threshold: z
    .number({ error: "秘匿の基準は数で指定してください" })
    .int("秘匿の基準は整数で指定してください")
    .min(3, "秘匿の基準は3以上で指定してください")
    .max(20, "秘匿の基準は20以下で指定してください"),
});
export type SuppressionSettingInput = z.infer<typeof suppressionSettingSchema>;
