import { z } from "zod";
import { MEASURE_KEYS } from "../../../domain/labels/measures.js";

/**
 * PUT /api/indicators/:indicatorId/measure-link: the measure, optionally one row of its breakdown (its total
 * otherwise), and the 地区 / agency / registry project where the measure answers to them. The service checks them against the catalogue.
 */
export const measureLinkSchema = z.strictObject({
  measureKey: z.enum(MEASURE_KEYS, { error: "集計値を一覧から選んでください" }),
  breakdownRow: z
    .string({ error: "内訳を文字で指定してください" })
    .trim()
    .min(1, "内訳を選んでください")
    .max(100, "内訳は100文字以内で指定してください")
    .nullable()
    .optional(),
  districtId: z.uuid("地区の指定が正しくありません").nullable().optional(),
  agencyId: z.uuid("機関の指定が正しくありません").nullable().optional(),
  projectId: z.uuid("事業の指定が正しくありません").nullable().optional(),
});
export type MeasureLinkInput = z.infer<typeof measureLinkSchema>;
