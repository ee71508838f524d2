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
    previousStatus: `前年度（${s.previousFiscalYearLabel}）実施状況`,
    targetFirst: "事業目標（前期）",
    targetSecond: "事業目標（後期）",
    results: `計画事業の実績等（${s.fiscalYearLabel}）`,
    grade: "評価",
    gradeOverrideReason: "目安と異なる評価とする理由",
    reason: "効果又は評価の理由",
    issues: "今後の課題及び事業推進の方策",
  };
}

/** What the buttons under the sheet do; each is one request with the sheet's version. */
export type SheetAction = { kind: "save" | "submit" | "accept" } | { kind: "return"; comment: string };
