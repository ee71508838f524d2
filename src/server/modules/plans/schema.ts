import { z } from "zod";
import { clearable } from "../../platform/schema-fields.js";

const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label}を入力してください`).max(max, `${label}は${max}文字以内で入力してください`);
const optionalText = (label: string, max: number) =>
  clearable(z.string().max(max, `${label}は${max}文字以内で入力してください`));
const fiscalYear = z
  .number({ error: "年度を数値で入力してください" })
  .int("年度は整数で入力してください")
  .min(1989, "年度が古すぎます")
  .max(2200, "年度が大きすぎます");

export const gradeDefSchema = z.strictObject({
  code: text("評価の記号", 8),
  label: text("評価の説明", 60),
});

export const planInputSchema = z
  .strictObject({
    title: text("計画名", 200),
    kind: text("計画の種類", 50),
    startFiscalYear: fiscalYear,
    endFiscalYear: fiscalYear,
    levelNames: z.array(text("階層名", 30)).min(1, "階層を1つ以上設定してください").max(8, "階層は8つまでです"),
    gradeScale: z
      .array(gradeDefSchema)
      .min(2, "評価は2段階以上設定してください")
      .max(10, "評価は10段階までです")
      .refine((s) => new Set(s.map((g) => g.code)).size === s.length, "評価の記号が重複しています"),
    constituentPlans: z
      .array(z.strictObject({ code: text("構成計画の記号", 8), title: text("構成計画名", 100) }))
      .max(20)
      .default([]),
  })
  .refine((p) => p.endFiscalYear >= p.startFiscalYear, {
    message: "終了年度は開始年度以降にしてください",
    path: ["endFiscalYear"],
  });
export type PlanInput = z.infer<typeof planInputSchema>;

export const itemCategorySchema = z.enum(["新規", "拡充", "継続"], {
  error: "区分は 新規・拡充・継続 から選んでください",
});

export const itemInputSchema = z.strictObject({
  parentItemId: z.uuid("親項目の指定が正しくありません").nullable(),
  code: optionalText("番号", 30),
  title: text("名称", 300),
  summary: optionalText("事業概要", 5000),
  isNew: z.boolean().default(false),
  isPriority: z.boolean().default(false),
  category: itemCategorySchema.nullable().default(null),
  planPage: optionalText("計画書頁", 20),
  constituentPlans: z.array(z.string().max(8)).max(20).default([]),
  departmentIds: z.array(z.uuid("担当課の指定が正しくありません")).max(30).default([]),
});
export type ItemInput = z.infer<typeof itemInputSchema>;

/** A patch names only the fields it changes: no defaults here, so an absent field is left alone. */
export const itemPatchSchema = z.strictObject({
  code: optionalText("番号", 30),
  title: text("名称", 300).optional(),
  summary: optionalText("事業概要", 5000),
  isNew: z.boolean().optional(),
  isPriority: z.boolean().optional(),
  category: itemCategorySchema.nullable().optional(),
  planPage: optionalText("計画書頁", 20),
  constituentPlans: z.array(z.string().max(8)).max(20).optional(),
  departmentIds: z.array(z.uuid("担当課の指定が正しくありません")).max(30).optional(),
});
export type ItemPatch = z.infer<typeof itemPatchSchema>;

export const relistSchema = z.strictObject({ parentItemId: z.uuid("再掲先の項目を選んでください") });

export const planIdParams = z.object({ planId: z.uuid("計画の指定が正しくありません") });
export const itemParams = planIdParams.extend({ itemId: z.uuid("項目の指定が正しくありません") });

/** Which revision a screen shows: "draft" is the working copy of the revision being drafted (plan office only). */
export const revisionView = z.literal("draft", { error: "revision には draft だけを指定できます" }).optional();
export const planViewQuery = z.object({ revision: revisionView });
