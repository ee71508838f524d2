import { z } from "zod";
import { RETURN_COMMENT_MAX_LENGTH, SHEET_TEXT_MAX_LENGTH, tooLongMessage } from "../../../domain/evaluation-sheet.js";
import { parseFiscalYear } from "../../../domain/fiscal-year.js";
import { GRADE_OVERRIDE_REASON_LABEL, SHEET_FIELD_LABELS, SHEET_STATUSES } from "../../../domain/labels/evaluation.js";
import { clearable } from "../../platform/schema-fields.js";
import { isoDate } from "../persons/schema.js";

const longText = (label: string) =>
  clearable(z.string().max(SHEET_TEXT_MAX_LENGTH, tooLongMessage(label, SHEET_TEXT_MAX_LENGTH)));

/** Accepts 2024, "2024", "令和6年度", "R6" (full-width too): the UI and the CLI both pass what users type. */
export const fiscalYearInput = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const fy = typeof v === "number" ? v : parseFiscalYear(v);
  if (fy === null || !Number.isInteger(fy) || fy < 1989 || fy > 2200) {
    ctx.addIssue({ code: "custom", message: "年度が正しくありません（例: 令和6年度、2024）" });
    return z.NEVER;
  }
  return fy;
});

/** 提出期限 and 確認期限: optional days (in Japan); the 確認期限 is not before the 提出期限. */
const deadlineFields = {
  submissionDue: isoDate("提出期限").nullable().optional(),
  confirmationDue: isoDate("確認期限").nullable().optional(),
};
const confirmationNotBeforeSubmission = (v: { submissionDue?: string | null; confirmationDue?: string | null }) =>
  !v.submissionDue || !v.confirmationDue || v.confirmationDue >= v.submissionDue;
const confirmationOrder = { message: "確認期限は提出期限の日以降にしてください", path: ["confirmationDue"] };

export const openRoundSchema = z
  .strictObject({ fiscalYear: fiscalYearInput, ...deadlineFields })
  .refine(confirmationNotBeforeSubmission, confirmationOrder);

/** The round's deadlines as the plan office changes them, with a department's own 提出期限 where it differs. */
export const roundDeadlinesSchema = z
  .strictObject({
    ...deadlineFields,
    departments: z
      .array(
        z.strictObject({ departmentId: z.uuid("課の指定が正しくありません"), submissionDue: isoDate("課の提出期限") }),
      )
      .max(500)
      .optional(),
  })
  .refine(confirmationNotBeforeSubmission, confirmationOrder);
export type RoundDeadlinesInput = z.infer<typeof roundDeadlinesSchema>;

export {
  GRADE_OVERRIDE_REASON_LABEL,
  SHEET_FIELD_LABELS,
  SHEET_FIELDS,
  type SheetField,
  type SheetStatus,
} from "../../../domain/labels/evaluation.js";

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

/** Why a closed year is reopened, or why a project is left 未評価: required, kept with the record. */
const reasonText = (missing: string) =>
  z.strictObject({
    reason: z
      .string({ error: missing })
      .trim()
      .min(1, missing)
      .max(RETURN_COMMENT_MAX_LENGTH, tooLongMessage("理由", RETURN_COMMENT_MAX_LENGTH)),
  });
export const reopenRoundSchema = reasonText("再開する理由を入力してください");
export const notEvaluatedSchema = reasonText("未評価とする理由を入力してください");

export const sheetListQuery = z.object({
  mine: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  status: z.enum(SHEET_STATUSES).optional(),
});

export const roundParams = z.object({
  planId: z.uuid("計画の指定が正しくありません"),
  fiscalYear: fiscalYearInput,
});
export const sheetParams = z.object({ sheetId: z.uuid("評価表の指定が正しくありません") });
