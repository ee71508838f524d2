import { GRADE_OVERRIDE_REASON_LABEL, SHEET_FIELD_LABELS } from "../../../domain/labels/evaluation";
import type { Sheet, SheetTextField } from "../../types";

/** Stable ids of the sheet's inputs: the error summary links each field message to its input. */
export const fieldId = (field: string) => `sheet-field-${field}`;
export const GRADE_ID = fieldId("grade");

export type Draft = Record<SheetTextField, string> & { grade: string; gradeOverrideReason: string };

export function draftOf(s: Sheet): Draft {
  return {
    previousStatus: s.previousStatus ?? "",
    targetFirst: s.targetFirst ?? "",
    targetSecond: s.targetSecond ?? "",
    results: s.results ?? "",
    grade: s.grade ?? "",
    gradeOverrideReason: s.gradeOverrideReason ?? "",
    reason: s.reason ?? "",
    issues: s.issues ?? "",
  };
}

export function isDirty(d: Draft, s: Sheet) {
  const base = draftOf(s);
  return (Object.keys(base) as (keyof Draft)[]).some((k) => base[k] !== d[k]);
}

/** The sheet's fields as the printed form names them (error summary, kept text). */
export function draftLabels(s: Sheet): Record<keyof Draft, string> {
  return {
    ...SHEET_FIELD_LABELS,
    previousStatus: `前年度（${s.previousFiscalYearLabel}）実施状況`,
    results: `${SHEET_FIELD_LABELS.results}（${s.fiscalYearLabel}）`,
    gradeOverrideReason: GRADE_OVERRIDE_REASON_LABEL,
  };
}

/** What the buttons under the sheet do; each is one request with the sheet's version. */
export type SheetAction =
  | { kind: "save" | "submit" | "accept" }
  | { kind: "return"; comment: string }
  | { kind: "notEvaluated"; reason: string };
