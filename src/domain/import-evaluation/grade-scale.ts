/**
 * The grade scale of an evaluation document: codes come from the summary table's column header (AA A B C D),
 * labels from what the sheets write next to the code ("B ある程度達成した"), the Meguro scale filling gaps.
 */
import { type GradeScale, MEGURO_SCALE, parseGrade } from "../grades";
import { compactText, toHalfWidth } from "../text/normalize";

export const DEFAULT_GRADE_SCALE: Readonly<GradeScale> = MEGURO_SCALE;

/** The marks used to tick a grade column: ○ (U+25CB) and its look-alikes 〇 ◯ ●. */
export function isGradeMark(text: string): boolean {
  return /^[\s\u00a0\u3000]*[○〇◯●][\s\u00a0\u3000]*$/.test(text);
}

/** Reads a header row made only of grade codes ("AA\tA\tB\tC\tD"); null when the cells are anything else. */
export function readGradeCodes(cellTexts: string[]): string[] | null {
  const codes = cellTexts.map((t) => toHalfWidth(t).trim()).filter((t) => t !== "");
  if (codes.length < 2 || !codes.every((c) => /^[A-Z]{1,2}[+-]?$/.test(c))) return null;
  return new Set(codes).size === codes.length ? codes : null;
}

function defaultLabel(code: string): string {
  return DEFAULT_GRADE_SCALE.find((g) => g.code === code)?.label ?? "";
}

/** Codes with the default labels: enough to read the code at the start of a sheet's grade text. */
export function provisionalScale(codes: string[] | null): GradeScale {
  return (codes ?? DEFAULT_GRADE_SCALE.map((g) => g.code)).map((code) => ({ code, label: defaultLabel(code) }));
}

/** The label a sheet writes after the code ("B ある程度達成した" → "ある程度達成した"), spacing removed. */
function labelAfterCode(text: string, code: string): string {
  const compact = compactText(text);
  return compact.startsWith(code) ? compact.slice(code.length).replace(/^[:：・,、.。]+/, "") : "";
}

/**
 * Builds the scale: for each code the label most often written on the sheets; when no sheet shows one, the
 * default Meguro label. Codes seen on sheets but not in the header are appended so their grades stay readable.
 */
export function buildGradeScale(codes: string[] | null, gradeTexts: string[]): GradeScale {
  const scale = provisionalScale(codes);
  const seen = new Map<string, Map<string, number>>();
  for (const text of gradeTexts) {
    const code = parseGrade(text, scale) ?? /^([A-Z]{1,2})(?![A-Za-z])/.exec(compactText(text))?.[1] ?? null;
    if (!code) continue;
    const label = labelAfterCode(text, code);
    if (label === "") continue;
    const byLabel = seen.get(code) ?? new Map<string, number>();
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    seen.set(code, byLabel);
  }
  for (const code of seen.keys()) {
    if (!scale.some((g) => g.code === code)) scale.push({ code, label: "" });
  }
  return scale.map((g) => {
    const byLabel = [...(seen.get(g.code) ?? new Map<string, number>()).entries()];
    byLabel.sort((a, b) => b[1] - a[1]);
    return { code: g.code, label: byLabel[0]?.[0] ?? g.label };
  });
}

export function readSheetGrade(text: string, scale: Readonly<GradeScale>): string | null {
  return parseGrade(text, scale);
}

export type GradeCounts = Record<string, number>;

export function countGrades(grades: (string | null)[], scale: Readonly<GradeScale>): GradeCounts {
  const counts: GradeCounts = {};
  for (const g of scale) counts[g.code] = 0;
  for (const grade of grades) {
    if (grade !== null) counts[grade] = (counts[grade] ?? 0) + 1;
  }
  return counts;
}

/** "AA:0 A:1 B:4 C:0 D:0" (codes in scale order; a code missing from `counts` is shown as "?") */
export function formatCounts(counts: Readonly<Record<string, number | string>>, scale: Readonly<GradeScale>): string {
  return scale.map((g) => `${g.code}:${counts[g.code] ?? "?"}`).join(" ");
}

/** True when every code present in `written` has the same count in `computed`. */
export function countsAgree(written: Readonly<GradeCounts>, computed: Readonly<GradeCounts>): boolean {
  return Object.entries(written).every(([code, n]) => (computed[code] ?? 0) === n);
}

export function addCounts(into: GradeCounts, add: Readonly<GradeCounts>): GradeCounts {
  for (const [code, n] of Object.entries(add)) into[code] = (into[code] ?? 0) + n;
  return into;
}
