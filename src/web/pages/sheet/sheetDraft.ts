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
