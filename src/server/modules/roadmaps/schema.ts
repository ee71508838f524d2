import { z } from "zod";
import { ROADMAP_FIELD_LABELS as L } from "../../../domain/labels/roadmaps.js";
import { NOT_STORABLE, optionalText, storable } from "../../platform/schema-fields.js";

export const roadmapParams = z.object({ roadmapId: z.uuid("ロードマップの指定が正しくありません") });
export const planRoadmapsParams = z.object({ planId: z.uuid("計画の指定が正しくありません") });
export const monthParams = roadmapParams.extend({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月の指定が正しくありません（例: 2022-04）"),
});

/** One stream's actual: the stream by name (one of the roadmap's), the text as the department writes it. */
const streamText = z.strictObject({
  stream: z
    .string({ error: `${L.stream}を指定してください` })
    .trim()
    .min(1, `${L.stream}を指定してください`)
    .max(100, `${L.stream}は100文字以内で指定してください`),
  text: z
    .string({ error: `${L.text}は文字列で入力してください` })
    .max(2000, `${L.text}は2000文字以内で入力してください`)
    .refine(storable, NOT_STORABLE),
});

/** A month's progress as the department enters it: the actual per stream, whether it slipped and why. */
export const monthProgressSchema = z.strictObject({
  actual: z
    .array(streamText, { error: `${L.actual}は取組ごとの一覧で指定してください` })
    .max(50, `${L.actual}は50件までです`)
    .refine((list) => new Set(list.map((s) => s.stream)).size === list.length, `${L.actual}に同じ取組が二度あります`),
  slipped: z.boolean({ error: `${L.slipped}があるかどうかを true/false で指定してください` }),
  slipNote: optionalText(L.slipNote, 1000),
});
export type MonthProgressInput = z.infer<typeof monthProgressSchema>;
