import { z } from "zod";
import { toHalfWidth } from "../../../domain/text/normalize.js";

export const MAX_CONCERN_CATEGORIES = 50;
export const MAX_CONCERN_LABEL = 30;

/** Full-width letters, digits and spaces become half-width, then the label is trimmed: "８０５０ " is "8050". */
export const normalizeConcernLabel = (v: string) => toHalfWidth(v).trim();

const label = z
  .string({ error: "分類名を入力してください" })
  .transform(normalizeConcernLabel)
  .pipe(
    z
      .string()
      .min(1, "分類名を入力してください")
      .refine((v) => [...v].length <= MAX_CONCERN_LABEL, `分類名は${MAX_CONCERN_LABEL}文字以内で入力してください`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "使用できない文字が含まれています"),
  );

export const concernItemSchema = z.strictObject({
  /** an existing category; null or absent for a new one (or one of the default list, matched by its label) */
  id: z.uuid("分類の指定が正しくありません").nullable().default(null),
  label,
  active: z.boolean({ error: "有効かどうかを true/false で指定してください" }).default(true),
});

export const putConcernsSchema = z
  .strictObject({
    categories: z
      .array(concernItemSchema, { error: "分類の一覧を配列で指定してください" })
      .min(1, "分類を1つ以上指定してください")
      .max(MAX_CONCERN_CATEGORIES, `分類は${MAX_CONCERN_CATEGORIES}件までです`),
  })
  .superRefine((v, ctx) => {
    const seenLabels = new Map<string, number>();
    const seenIds = new Set<string>();
    v.categories.forEach((c, i) => {
      if (seenLabels.has(c.label))
        ctx.addIssue({
          code: "custom",
          path: ["categories", i, "label"],
          message: `分類「${c.label}」が2回指定されています`,
        });
      seenLabels.set(c.label, i);
      if (c.id && seenIds.has(c.id))
        ctx.addIssue({ code: "custom", path: ["categories", i, "id"], message: "同じ分類が2回指定されています" });
      if (c.id) seenIds.add(c.id);
    });
    if (!v.categories.some((c) => c.active))
      ctx.addIssue({ code: "custom", path: ["categories"], message: "有効な分類を1つ以上残してください" });
  });
export type PutConcernsInput = z.infer<typeof putConcernsSchema>;

/** A referral's concerns or a case's issues: labels, checked against the municipality's active list by the service. */
export const concernLabels = (what: string) =>
  z
    .array(
      z
        .string({ error: `${what}は文字列で指定してください` })
        .max(100, `${what}の指定が正しくありません`)
        .transform(normalizeConcernLabel),
      { error: `${what}を配列で指定してください` },
    )
    .min(1, `${what}を1つ以上選んでください`)
    .max(MAX_CONCERN_CATEGORIES, `${what}は${MAX_CONCERN_CATEGORIES}件までです`)
    .transform((c) => [...new Set(c)]);
