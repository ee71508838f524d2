import { z } from "zod";
import { fiscalYearInput } from "../evaluations/schema.js";

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "1" || v === "true"));

export const summaryQuery = z.object({
  fiscalYear: fiscalYearInput,
  departmentId: z.uuid("担当課の指定が正しくありません").optional(),
  grade: z.string().trim().min(1).max(12).optional(),
  isNew: flag,
  isPriority: flag,
  /** the per-project rows of the 総括表 (what the page and the xlsx draw); without it only the counts */
  include: z.enum(["rows"], { error: "include には rows を指定してください" }).optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;
