import { z } from "zod";
import { INDICATOR_KINDS } from "../../../domain/labels/indicators.js";
import { queryInteger } from "../../platform/paging.js";
import { clearable, NOT_STORABLE, requiredText, storable } from "../../platform/schema-fields.js";
import { fiscalYearInput } from "../evaluations/schema.js";
import { revisionView } from "../plans/schema.js";

const indicatorName = requiredText("指標名", 300, "指標名を文字で入力してください");

const optionalText = (label: string, max: number) =>
  clearable(
    z
      .string({ error: `${label}を文字で入力してください` })
      .max(max, `${label}は${max}文字以内で入力してください`)
      .refine(storable, NOT_STORABLE),
  );

export { INDICATOR_KINDS, type IndicatorKind } from "../../../domain/labels/indicators.js";

const indicatorKind = z.enum(INDICATOR_KINDS, {
  error: "指標の種類は activity（活動指標）・outcome（成果指標）・policy（政策指標）から選んでください",
});

/** A target cell exactly as written ("15事業者以上", "試行実施", "適宜", "—"): never trimmed or re-spelled. */
export const targetSource = z
  .string({ error: "目標を文字で入力してください" })
  .max(200, "目標は200文字以内で入力してください")
  .refine((v) => v.trim() !== "", "目標を入力してください（目標がない年度は「—」と入力できます）")
  .refine(storable, NOT_STORABLE);

const targetInput = z.strictObject({ fiscalYear: fiscalYearInput, source: targetSource });

export const indicatorInputSchema = z.strictObject({
  itemId: z.uuid("項目の指定が正しくありません"),
  kind: indicatorKind,
  name: indicatorName,
  baselineSource: optionalText("現状値", 200),
  baselineFiscalYear: fiscalYearInput.nullable().optional(),
  targets: z
    .array(targetInput, { error: "目標は配列で指定してください" })
    .max(50, "目標は50年度分までです")
    .default([])
    .superRefine((targets, ctx) => {
      const seen = new Set<number>();
      targets.forEach((t, i) => {
        if (seen.has(t.fiscalYear)) {
          ctx.addIssue({ code: "custom", path: [i, "fiscalYear"], message: "同じ年度の目標が重複しています" });
        }
        seen.add(t.fiscalYear);
      });
    }),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** A patch names only what it changes. */
export const indicatorPatchSchema = z.strictObject({
  itemId: z.uuid("項目の指定が正しくありません").optional(),
  kind: indicatorKind.optional(),
  name: indicatorName.optional(),
  baselineSource: optionalText("現状値", 200),
  baselineFiscalYear: fiscalYearInput.nullable().optional(),
  position: z
    .number({ error: "表示順を数値で入力してください" })
    .int("表示順は整数で入力してください")
    .min(0, "表示順は0以上にしてください")
    .max(100_000, "表示順が大きすぎます")
    .optional(),
});
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;

export const targetPutSchema = z.strictObject({ source: targetSource });

export const ACTUAL_KINDS = ["number", "milestone", "text"] as const;
export type ActualKind = (typeof ACTUAL_KINDS)[number];

export const actualPutSchema = z
  .strictObject({
    kind: z.enum(ACTUAL_KINDS, { error: "実績の種類は number・milestone・text から選んでください" }),
    /** a number, or what the user typed: "１，２００", "1,200人" */
    value: z
      .union([z.number(), z.string().max(50, "実績値は50文字以内で入力してください")], {
        error: "実績値を数値で入力してください",
      })
      .nullable()
      .optional(),
    step: z.string({ error: "段階を文字で入力してください" }).max(100, "段階は100文字以内です").nullable().optional(),
    text: z
      .string({ error: "実績を文字で入力してください" })
      .max(2000, "実績は2000文字以内で入力してください")
      .refine(storable, NOT_STORABLE)
      .nullable()
      .optional(),
    comment: optionalText("コメント", 2000),
    /** why the actual differs from the suggested actual of an indicator fed by a measure */
    suggestionReason: optionalText("提案値と異なる理由", 2000),
  })
  .superRefine((a, ctx) => {
    const missing = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    if (a.kind === "number" && (a.value === undefined || a.value === null || a.value === "")) {
      missing("value", "実績値を入力してください");
    }
    if (a.kind === "milestone" && (a.step === undefined || a.step === null || a.step.trim() === "")) {
      missing("step", "到達した段階を選んでください");
    }
    if (a.kind === "text" && (a.text === undefined || a.text === null || a.text.trim() === "")) {
      missing("text", "実績を入力してください");
    }
  });
export type ActualInput = z.infer<typeof actualPutSchema>;

const ladderStep = z.strictObject({
  label: z.string({ error: "段階の名称を文字で入力してください" }).max(50, "段階の名称は50文字以内です"),
  rank: z.number({ error: "段階の順位を数値で入力してください" }).min(-1000).max(1000),
  aliases: z
    .array(z.string({ error: "別名を文字で入力してください" }).max(50, "別名は50文字以内です"))
    .max(50, "別名は50個までです")
    .optional(),
});
/** steps: null goes back to the default ladder. */
export const ladderPutSchema = z.strictObject({
  steps: z.array(ladderStep, { error: "段階を配列で指定してください" }).max(50, "段階は50個までです").nullable(),
});
export type LadderInput = z.infer<typeof ladderPutSchema>;

export const indicatorParams = z.object({ indicatorId: z.uuid("指標の指定が正しくありません") });
export const indicatorYearParams = indicatorParams.extend({ fiscalYear: fiscalYearInput });

/** The most indicators one page may hold (a whole 2,000-indicator plan fits: the CLI and exports read it all). */
export const INDICATOR_PAGE_MAX = 5000;

export const indicatorListQuery = z.object({
  fiscalYear: fiscalYearInput,
  departmentId: z.uuid("担当課の指定が正しくありません").optional(),
  itemId: z.uuid("項目の指定が正しくありません").optional(),
  /** a page of the list: where it starts (0 = the first indicator) and how many it holds (absent = all) */
  offset: queryInteger("offset", 0).default(0),
  limit: queryInteger("limit", 1, INDICATOR_PAGE_MAX).optional(),
  /** the page that holds this indicator instead of offset (a link that opens one indicator's form) */
  focus: z.uuid("指標の指定が正しくありません").optional(),
  /** "draft": the revision being drafted (the plan office, where it drafts); absent: the year's revision */
  revision: revisionView,
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;

export const fiscalYearQuery = z.object({ fiscalYear: fiscalYearInput });
export const optionalFiscalYearQuery = z.object({ fiscalYear: fiscalYearInput.optional() });

export const matrixQuery = z.object({
  level: z.coerce
    .number({ error: "階層を数値で指定してください" })
    .int("階層は整数で指定してください")
    .min(0, "階層は0以上です")
    .max(7, "階層は7以下です")
    .optional(),
});

const ENCODINGS: Record<string, "utf-8" | "shift_jis"> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  shift_jis: "shift_jis",
  "shift-jis": "shift_jis",
  sjis: "shift_jis",
  cp932: "shift_jis",
  "windows-31j": "shift_jis",
};
export const csvQuery = z.object({
  fiscalYear: fiscalYearInput,
  encoding: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return "utf-8" as const;
      const e = ENCODINGS[v.toLowerCase()];
      if (!e) {
        ctx.addIssue({ code: "custom", message: "encoding には utf-8 または shift_jis を指定してください" });
        return z.NEVER;
      }
      return e;
    }),
});
