import { z } from "zod";
import { RETURN_COMMENT_MAX_LENGTH, SHEET_TEXT_MAX_LENGTH, tooLongMessage } from "../../../domain/evaluation-sheet.js";
import {
  MID_YEAR_FIELD_LABELS,
  MID_YEAR_INDICATOR_ACTUAL_LABEL,
  MID_YEAR_PROGRESS,
  MID_YEAR_PROGRESS_LABELS,
  MID_YEAR_SHEET_STATUSES,
} from "../../../domain/labels/mid-year.js";
import { clearable } from "../../platform/schema-fields.js";
import { fiscalYearInput } from "../evaluations/schema.js";

const longText = (label: string) =>
  clearable(z.string().max(SHEET_TEXT_MAX_LENGTH, tooLongMessage(label, SHEET_TEXT_MAX_LENGTH)));

const INDICATOR_ACTUAL_MAX_LENGTH = 200;

export const openMidYearSchema = z.strictObject({ fiscalYear: fiscalYearInput });

const progressChoices = MID_YEAR_PROGRESS.map((p) => MID_YEAR_PROGRESS_LABELS[p]).join("・");

export const midYearFieldsSchema = z.strictObject({
  progress: z
    .enum(MID_YEAR_PROGRESS, { error: `${MID_YEAR_FIELD_LABELS.progress}は ${progressChoices} から選んでください` })
    .nullable()
    .optional(),
  issues: longText(MID_YEAR_FIELD_LABELS.issues),
  secondHalfPlan: longText(MID_YEAR_FIELD_LABELS.secondHalfPlan),
  /** by indicator id; an empty text clears that indicator's mid-year actual */
  indicatorActuals: z
    .record(
      z.uuid("指標の指定が正しくありません"),
      z
        .string()
        .trim()
        .max(INDICATOR_ACTUAL_MAX_LENGTH, tooLongMessage(MID_YEAR_INDICATOR_ACTUAL_LABEL, INDICATOR_ACTUAL_MAX_LENGTH)),
    )
    .optional(),
});
export type MidYearFieldsInput = z.infer<typeof midYearFieldsSchema>;

export const returnMidYearSchema = z.strictObject({
  comment: z
    .string({ error: "差し戻しの理由を入力してください" })
    .trim()
    .min(1, "差し戻しの理由を入力してください")
    .max(RETURN_COMMENT_MAX_LENGTH, tooLongMessage("理由", RETURN_COMMENT_MAX_LENGTH)),
});

export const midYearListQuery = z.object({
  status: z.enum(MID_YEAR_SHEET_STATUSES).optional(),
});

export const midYearRoundParams = z.object({
  planId: z.uuid("計画の指定が正しくありません"),
  fiscalYear: fiscalYearInput,
});
export const midYearSheetParams = z.object({ sheetId: z.uuid("進捗シートの指定が正しくありません") });
