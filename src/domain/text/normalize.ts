/**
 * Small text helpers for Japanese administrative documents (extracted from PDFs or typed by hand).
 * Pure functions: no I/O, no locale-dependent behaviour.
 */

// Full-width ASCII block: U+FF01 "！" … U+FF5E "～" maps one-to-one onto U+0021 … U+007E.
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width ASCII digits, letters and symbols ("１２", "ＡＡ", "（", "～") and the ideographic space become their
 * half-width forms. Kana, kanji and other characters are left alone; unlike NFKC this never changes half-width
 * katakana or compatibility kanji, so text shown back to users keeps its spelling.
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, " ");
}

/** Removes every kind of whitespace, including no-break and ideographic spaces that PDF extraction leaves behind. */
export function removeWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, "");
}

/** Drops HTML tags (<ul>, <li>, <p>, <br>, …) that some extractors leave inside cells; the text between stays. */
export function stripHtmlTags(s: string): string {
  return s.replace(/<\/?[a-zA-Z][^<>]*>/g, "");
}

/**
 * The form used to compare two spellings of the same thing: half-width, no HTML, no whitespace.
 * Japanese labels never need spaces, but PDF extraction inserts them where a cell wrapped ("効果又は 評価の理由").
 */
export function compactText(s: string): string {
  return removeWhitespace(stripHtmlTags(toHalfWidth(s)));
}

/**
 * A department name in comparable form: "ＤＸ推進課 " and "DX推進課" are the same department.
 * Only spelling noise is removed; a different character ("DX戦略課") stays different on purpose.
 */
export function normalizeDepartmentName(s: string): string {
  return removeWhitespace(toHalfWidth(s));
}

// Separators seen between department names in one cell: 、 , ・ / and their full-width forms, line breaks, tabs.
const DEPARTMENT_SEPARATORS = /[、，,・･／/;；\n\r\t]+/;

/**
 * Splits a department cell into names: "高齢福祉課・介護保険課", "健康福祉計画課、各課", "障害施策推進課/障害者支援課".
 * Names are trimmed but otherwise kept as written (normalise them separately to compare).
 */
export function splitDepartments(s: string): string[] {
  return s
    .split(DEPARTMENT_SEPARATORS)
    .map((name) => name.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, ""))
    .filter((name) => name !== "");
}

// "各課", "関係各課", "全課", "関係課", "庁内関係部署", "全庁", optionally followed by 等: words that stand for several
// departments at once. At least one of the qualifiers is required, so a plain "課" is not one of them.
const COLLECTIVE_QUALIFIED = /^(?:庁内|全庁)?(?:関係|関連)?(?:各|全)?(?:課|部|局|部署|部局|課室|課所|所管課|担当課)$/;
const COLLECTIVE_UNIT = /^(?:課|部|局|部署|部局|課室|課所|所管課|担当課)$/;

/**
 * True for words that name no department but several ("各課", "関係各課", "全課", "全庁"): an import keeps them in
 * the source text but never registers them as a department.
 */
export function isCollectiveDepartmentName(s: string): boolean {
  const name = normalizeDepartmentName(s).replace(/等$/, "");
  if (name === "全庁") return true;
  return COLLECTIVE_QUALIFIED.test(name) && !COLLECTIVE_UNIT.test(name);
}
