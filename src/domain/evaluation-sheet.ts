import { SHEET_FIELDS, type SheetField } from "./labels/evaluation.js";

/**
 * Limits of the evaluation sheet's text, shared by the API's schema (which refuses longer text) and the screen
 * (which counts as the user types). Lengths are JavaScript string lengths (UTF-16 code units), as the schema counts.
 */

/** 前年度の実施状況, 事業目標, 実績, 理由, 課題 and the reason for a grade other than the suggested one. */
export const SHEET_TEXT_MAX_LENGTH = 20_000;

/** The plan office's reason for returning a sheet. */
export const RETURN_COMMENT_MAX_LENGTH = 2_000;

/** "20000文字以内で入力してください": the one wording of a too-long text, with the field's label before it. */
export const tooLongMessage = (label: string, max: number) => `${label}は${max}文字以内で入力してください`;

/** The department-written fields of a sheet, in the order of SHEET_FIELDS: what an export carries and a history keeps. */
export function sheetFieldValues(sheet: Record<SheetField, string | null>): Record<SheetField, string | null> {
  return Object.fromEntries(SHEET_FIELDS.map((field) => [field, sheet[field]])) as Record<SheetField, string | null>;
}
