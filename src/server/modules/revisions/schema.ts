import { z } from "zod";
import { planIdParams } from "../plans/schema.js";

export const startRevisionSchema = z.strictObject({
  label: z
    .string()
    .trim()
    .max(100, "改定の名称は100文字以内で入力してください")
    .nullable()
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type StartRevisionInput = z.infer<typeof startRevisionSchema>;

export const revisionParams = planIdParams.extend({
  number: z.coerce
    .number({ error: "改定の番号を数値で指定してください" })
    .int("改定の番号は整数で指定してください")
    .min(1, "改定の番号は1以上で指定してください")
    .max(100_000, "改定の番号が大きすぎます"),
});

/** A side of a diff: a revision number, or the live state ("draft" or "current": the working copy). */
export const revisionRef = z
  .string({ error: "改定の番号、または draft を指定してください" })
  .trim()
  .regex(/^(?:\d{1,6}|draft|current)$/, "改定の番号、または draft を指定してください")
  .transform((v): number | "live" => (/^\d+$/.test(v) ? Number(v) : "live"));
export type RevisionRef = z.infer<typeof revisionRef>;

export const diffQuery = z.object({
  /** default: the revision in force */
  from: revisionRef.optional(),
  /** default: the live state (the draft being prepared) */
  to: revisionRef.optional(),
});
export type DiffQuery = z.infer<typeof diffQuery>;
