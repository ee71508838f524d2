import { z } from "zod";
import { RETURN_COMMENT_MAX_LENGTH, SHEET_TEXT_MAX_LENGTH, tooLongMessage } from "../../../domain/evaluation-sheet.js";
import { parseFiscalYear } from "../../../domain/fiscal-year.js";

const longText = (label: string) =>
  z
    .string()
    .max(SHEET_TEXT_MAX_LENGTH, tooLongMessage(label, SHEET_TEXT_MAX_LENGTH))
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v.trim() === "" ? null : v));

/** Accepts 2024, "2024", "令和6年度", "R6" (full-width too): the UI and the CLI both pass what users type. */
export const fiscalYearInput = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const fy = typeof v === "number" ? v : parseFiscalYear(v);
  if (fy === null || !Number.isInteger(fy) || fy < 1989 || fy > 2200) {
    ctx.addIssue({ code: "custom", message: "年度が正しくありません（例: 令和6年度、2024）" });
    return z.NEVER;
  }
  return fy;
});

export const openRoundSchema = z.strictObject({ fiscalYear: fiscalYearInput });

export const SHEET_FIELDS = [
  "previousStatus",
  "targetFirst",
  "targetSecond",
  "results",
  "grade",
  "reason",
  "issues",
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];
export const SHEET_FIELD_LABELS: Record<SheetField, string> = {
  previousStatus: "前年度の実施状況",
  targetFirst: "事業目標（前期）",
  targetSecond: "事業目標（後期）",
  results: "計画事業の実績等",
  grade: "評価",
  reason: "効果又は評価の理由",
  issues: "今後の課題及び事業推進の方策",
};

export const GRADE_OVERRIDE_REASON_LABEL = "提案と異なる評価とした理由";

export const sheetFieldsSchema = z.strictObject({
  previousStatus: longText(SHEET_FIELD_LABELS.previousStatus),
  targetFirst: longText(SHEET_FIELD_LABELS.targetFirst),
  targetSecond: longText(SHEET_FIELD_LABELS.targetSecond),
  results: longText(SHEET_FIELD_LABELS.results),
  grade: z.string().trim().max(8, "評価の記号が正しくありません").nullable().optional(),
  reason: longText(SHEET_FIELD_LABELS.reason),
  issues: longText(SHEET_FIELD_LABELS.issues),
  /** why the grade differs from the one the indicators suggest; required then (see saveSheet / submitSheet) */
  gradeOverrideReason: longText(GRADE_OVERRIDE_REASON_LABEL),
});
export type SheetFieldsInput = z.infer<typeof sheetFieldsSchema>;

export const returnSheetSchema = z.strictObject({
  comment: z
    .string()
    .trim()
    .min(1, "差し戻しの理由を入力してください")
    .max(RETURN_COMMENT_MAX_LENGTH, tooLongMessage("理由", RETURN_COMMENT_MAX_LENGTH)),
});

export const sheetListQuery = z.object({
  mine: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  status: z.enum(["not_started", "draft", "submitted", "accepted", "returned"]).optional(),
});

export const roundParams = z.object({
  planId: z.uuid("計画の指定が正しくありません"),
  fiscalYear: fiscalYearInput,
});
export const sheetParams = z.object({ sheetId: z.uuid("評価表の指定が正しくありません") });

export const SHEET_STATUS_LABELS = {
  not_started: "未着手",
  draft: "作成中",
  submitted: "提出済",
  accepted: "承認済",
  returned: "差戻し",
} as const;
export type SheetStatus = keyof typeof SHEET_STATUS_LABELS;
