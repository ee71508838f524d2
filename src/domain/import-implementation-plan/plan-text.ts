/**
 * Text helpers shared by the implementation-plan parser: cell access, codes, (再掲) marks and the comparison keys
 * used when the same item is written in two places (施策の体系, 関連事業と担当課, the sheets).
 */
import { type Cell, isBlankCell, splitCells, trimPadding } from "../import-evaluation/source-lines";
import { compactText, normalizeDepartmentName, toHalfWidth } from "../text/normalize";

export interface FilledCell {
  /** index of the cell in its line (tabs counted) */
  index: number;
  /** trimmed text as written */
  text: string;
}

/** Trimmed non-blank cells with their positions: column alignment is read from the positions. */
export function filledCells(line: string): FilledCell[] {
  return splitCells(line).flatMap((c: Cell, index) => (isBlankCell(c) ? [] : [{ index, text: trimPadding(c.text) }]));
}

/** Trimmed text of every cell (blank cells become ""), so a cell can be read at a column index. */
export function cellTexts(line: string): string[] {
  return splitCells(line).map((c) => trimPadding(c.text).replace(/^[\u3000\u00a0]+|[\u3000\u00a0]+$/g, ""));
}

/** Labels are compared without width or spacing noise: "取組Ｎｏ．" and "取組No." are the same label. */
export function labelOf(text: string): string {
  return compactText(text);
}

const MEASURE_CODE = /^\d+-\d+$/;
const INITIATIVE_CODE = /^\d+-\d+-\d+$/;

/** "1-1" (施策No.) in half-width form, or null. A page range such as "13-14" also matches, so callers take the first. */
export function measureCode(text: string): string | null {
  const t = compactText(text);
  return MEASURE_CODE.test(t) ? t : null;
}

export function initiativeCode(text: string): string | null {
  const t = compactText(text);
  return INITIATIVE_CODE.test(t) ? t : null;
}

/** "1-2-3" → "1-2"; "1-2" → "1". */
export function parentCode(code: string): string {
  return code.slice(0, code.lastIndexOf("-"));
}

// Written as "(再掲)", "（再掲）" or "( 再掲 )", before or after the name.
const RELIST_MARK = /[(（]\s*再掲\s*[)）]/g;

export function hasRelistMark(text: string): boolean {
  return new RegExp(RELIST_MARK.source).test(text);
}

export function stripRelistMark(text: string): string {
  return text.replace(RELIST_MARK, " ").replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

/**
 * The form two spellings of one name are compared in: no (再掲) mark, no width or spacing noise (PDF extraction
 * breaks lines inside cells: "セミ ナー"), and no closing "。" (a heading sometimes loses it).
 */
export function compareKey(text: string): string {
  return compactText(stripRelistMark(text)).replace(/。+$/, "");
}

export function sameText(a: string, b: string): boolean {
  return compareKey(a) === compareKey(b);
}

// Punctuation that differs between two writings of one name ("市民後見人、生活支援員" / "市民後見人・生活支援員").
const PUNCTUATION = /[、，,・･。．.「」『』()（）【】［］[\]〈〉《》:：;；!！?？"'“”‘’]/g;

/** A looser key, only used to find the original of a (再掲) item; any remaining difference is still reported. */
export function looseKey(text: string): string {
  return compareKey(text).replace(PUNCTUATION, "");
}

export function sameDepartments(a: string[], b: string[]): boolean {
  const sa = new Set(a.map(normalizeDepartmentName));
  const sb = new Set(b.map(normalizeDepartmentName));
  return sa.size === sb.size && [...sa].every((d) => sb.has(d));
}

/** Levenshtein distance, stopping early above `limit` (only small distances are ever interesting here). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}

/** Joins department names for a message the way the sheets write them. */
export function joinDepartments(departments: string[]): string {
  return departments.length === 0 ? "（なし）" : departments.join("・");
}

/** Half-width, trimmed goal number ("１" → "1"). */
export function goalNumber(text: string): string {
  return String(Number(toHalfWidth(text).trim()));
}
