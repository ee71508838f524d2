/**
 * Grade scales (評価区分). Each plan defines its own scale as data, ordered best → worst, because municipalities
 * differ (AA–D, A–D, S–C, …) and the same plan may change it between periods.
 */

export interface GradeDefinition {
  /** short mark used in tables, e.g. "AA" */
  code: string;
  /** meaning shown to users, e.g. "目標を上回り達成した" */
  label: string;
}

export type GradeScale = GradeDefinition[];

// The shared scales are frozen so one caller cannot silently change them for everyone else; the type stays the
// plain GradeScale so they can be passed wherever a plan's scale is expected.
function frozenScale(entries: GradeScale): GradeScale {
  return Object.freeze(entries.map((e) => Object.freeze({ ...e }))) as unknown as GradeScale;
}

/** 目黒区保健医療福祉計画 事業別評価 */
export const MEGURO_SCALE: GradeScale = frozenScale([
  { code: "AA", label: "目標を上回り達成した" },
  { code: "A", label: "達成した・おおむね達成した" },
  { code: "B", label: "ある程度達成した" },
  { code: "C", label: "少し達成した" },
  { code: "D", label: "達成していない" },
]);

export const FOUR_STEP_SCALE: GradeScale = frozenScale([
  { code: "A", label: "達成した" },
  { code: "B", label: "おおむね達成した" },
  { code: "C", label: "一部達成した" },
  { code: "D", label: "達成していない" },
]);

export const SABC_SCALE: GradeScale = frozenScale([
  { code: "S", label: "目標を上回り達成した" },
  { code: "A", label: "達成した" },
  { code: "B", label: "おおむね達成した" },
  { code: "C", label: "達成していない" },
]);

/**
 * Common form for comparing what people typed with a scale: NFKC folds full-width letters ("Ｂ") and brackets,
 * whitespace is dropped (cells are padded, labels get wrapped), and case is ignored ("b" means "B").
 */
function fold(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

// Characters people put between a code and its label: "B ある程度", "B：ある程度", "B（ある程度…）".
// Hyphens are deliberately absent: "A-" is a different grade in some scales, not "A" plus a separator.
const SEPARATORS = /^[:：・,、.。)）(（[\]「」【】]+/;
// Separators around label fragments such as "達成した・おおむね達成した".
const LABEL_PARTS = /[・/／、,]/;

/** True when `rest` (what follows a code) could not be the continuation of a longer code. */
function isCodeBoundary(rest: string): boolean {
  return rest === "" || !/^[A-Z0-9+-]/.test(rest);
}

/** Grade codes whose label (or one of its ・-separated parts) is exactly `folded`. */
function codesByLabel(folded: string, scale: Readonly<GradeScale>): string[] {
  if (folded === "") return [];
  const whole = scale.filter((g) => fold(g.label) === folded).map((g) => g.code);
  if (whole.length > 0) return whole;
  return scale
    .filter((g) =>
      g.label
        .split(LABEL_PARTS)
        .map(fold)
        .some((part) => part === folded),
    )
    .map((g) => g.code);
}

/**
 * Read a grade written as a code, a code with its label, or a label alone, and return the scale's code
 * (with the scale's spelling), or null.
 *
 * - Codes are matched longest first and must end at a boundary, so "AA" is never read as "A" and "A+" not as "A".
 * - When a code is followed by text that is exactly another grade's label ("A ある程度達成した"), the input contradicts
 *   itself and null is returned rather than guessing; any other trailing text is treated as commentary.
 * - A label alone must match a whole label, or one ・-separated part of exactly one grade's label
 *   ("おおむね達成した" → A in MEGURO_SCALE).
 */
export function parseGrade(text: string, scale: Readonly<GradeScale>): string | null {
  const folded = fold(text);
  if (folded === "") return null;

  const byLength = [...scale]
    .filter((g) => fold(g.code) !== "")
    .sort((a, b) => fold(b.code).length - fold(a.code).length);
  for (const grade of byLength) {
    const code = fold(grade.code);
    if (!folded.startsWith(code)) continue;
    const rest = folded.slice(code.length);
    if (!isCodeBoundary(rest)) continue;
    const label = rest.replace(SEPARATORS, "").replace(/[)）\]」】]+$/, "");
    const labelled = codesByLabel(label, scale);
    if (labelled.length > 0 && !labelled.includes(grade.code)) return null;
    return grade.code;
  }

  const labelled = codesByLabel(folded, scale);
  return labelled.length === 1 ? (labelled[0] ?? null) : null;
}

/**
 * Check that a scale can be used: returns Japanese messages for the user, empty when the scale is fine.
 * Codes are compared the way parseGrade reads them (full-width, case and spacing ignored), since two codes that
 * fold to the same text could never be told apart when importing.
 */
export function validateGradeScale(scale: Readonly<GradeScale>): string[] {
  const errors: string[] = [];
  if (scale.length === 0) {
    errors.push("評価区分が1つもありません。");
    return errors;
  }

  const seenCodes = new Map<string, number>();
  const seenLabels = new Map<string, number>();
  scale.forEach((grade, index) => {
    const position = index + 1;
    const code = fold(grade.code);
    if (code === "") {
      errors.push(`${position}番目の評価区分の記号が空です。`);
    } else {
      if (/\s/.test(grade.code.trim())) {
        errors.push(`評価区分の記号「${grade.code.trim()}」に空白を含めることはできません。`);
      }
      // "ungraded" is the filter value meaning 未評価 in the summary, so a grade with that code could not be selected.
      if (code === "UNGRADED") {
        errors.push(`評価区分の記号「${grade.code.trim()}」は予約されているため使えません。`);
      }
      const first = seenCodes.get(code);
      if (first === undefined) {
        seenCodes.set(code, position);
      } else {
        errors.push(`評価区分の記号「${grade.code.trim()}」が重複しています（${first}番目と${position}番目）。`);
      }
    }

    const label = fold(grade.label);
    if (label === "") {
      const name = code === "" ? `${position}番目の評価区分` : `評価区分「${grade.code.trim()}」`;
      errors.push(`${name}の説明が空です。`);
    } else {
      const first = seenLabels.get(label);
      if (first === undefined) {
        seenLabels.set(label, position);
      } else {
        errors.push(`評価区分の説明「${grade.label.trim()}」が重複しています（${first}番目と${position}番目）。`);
      }
    }
  });
  return errors;
}
