/**
 * Japanese fiscal years (年度).
 *
 * Internally a fiscal year is always its ISO starting year: FY 2024 = 2024-04-01 … 2025-03-31 = 令和6年度.
 * Era names only appear at the edges (formatting for display, parsing what people type or what old documents say).
 *
 * Era conventions used here:
 * - 令和N年度 = 2018 + N. FY 2019 is written 令和元年度 even though April 2019 was still 平成31年; this is how
 *   municipalities name it, so formatting uses 令和 from 2019 on.
 * - 平成N年度 = 1988 + N, accepted when parsing up to 平成31 (= 2019, same year as 令和元).
 * - Years before 1989 (平成元) have no era supported here and are shown as the plain western year ("1988年度").
 */

import { type Era as CalendarEra, eraByName, eraYearText, japanDayOf, todayInJapan } from "./japanese-date";

export type FiscalYearStyle = "long" | "short" | "withIso";

export interface FiscalYearRange {
  /** "YYYY-04-01" */
  start: string;
  /** "(YYYY+1)-03-31" */
  end: string;
}

/** An era as fiscal years use it: its name and letter ("R6", "H30") from the calendar's era table. */
interface Era extends Pick<CalendarEra, "name" | "letter" | "firstYear"> {
  /** highest era year accepted when parsing (平成 ended in its 31st year) */
  maxEraYear: number;
}

// 令和 is the current era: it has no last year yet, so any year the formatter can write must parse back.
const REIWA: Era = { ...eraByName("令和"), maxEraYear: 981 };
const HEISEI: Era = { ...eraByName("平成"), maxEraYear: 31 };

// Western years outside this window are far more likely typos (or other numbers) than fiscal years.
const MIN_WESTERN_YEAR = 1900;
const MAX_WESTERN_YEAR = 2999;

function assertFiscalYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < MIN_WESTERN_YEAR || fy > MAX_WESTERN_YEAR) {
    throw new RangeError(`年度が正しくありません: ${fy}`);
  }
}

/** The era a fiscal year is displayed in, or null when it predates 平成 (then the western year is shown). */
function eraOf(fy: number): Era | null {
  if (fy >= REIWA.firstYear) return REIWA;
  if (fy >= HEISEI.firstYear) return HEISEI;
  return null;
}

/**
 * The fiscal year (as its ISO starting year) a day belongs to: January–March belong to the previous year's 年度.
 *
 * A string is read by its leading "YYYY-MM-DD" as written, so "2025-04-01" and "2025-04-01T00:00:00+09:00" are both
 * FY 2025 regardless of the server's time zone (converting through UTC would move Japanese midnight to the previous
 * day). A Date (an instant) is read by its day in Japan, whatever the machine's time zone: 2025-03-31T15:30Z is
 * already 1 April in Japan, FY 2025.
 */
export function fiscalYearOf(date: Date | string): number {
  let year: number;
  let month: number; // 1-12
  if (typeof date === "string") {
    const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(date);
    if (m) {
      year = Number(m[1]);
      month = Number(m[2]);
      const day = Number(m[3]);
      // Date.UTC rolls "02-30" over into March; a changed day means the date does not exist.
      if (month < 1 || month > 12 || day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) {
        throw new RangeError(`日付が正しくありません: ${date}`);
      }
    } else {
      const d = new Date(date);
      if (Number.isNaN(d.getTime())) throw new RangeError(`日付が正しくありません: ${date}`);
      return fiscalYearOf(japanDayOf(d));
    }
  } else {
    if (Number.isNaN(date.getTime())) throw new RangeError("日付が正しくありません");
    return fiscalYearOf(japanDayOf(date));
  }
  return month >= 4 ? year : year - 1;
}

/** The fiscal year of today in Japan: what "this year" means to the server, the CLI and the screens. */
export function currentFiscalYear(now: Date = new Date()): number {
  return fiscalYearOf(todayInJapan(now));
}

/** First and last day of a fiscal year as ISO dates (inclusive on both ends). */
export function fiscalYearRange(fy: number): FiscalYearRange {
  assertFiscalYear(fy);
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

/**
 * Display a fiscal year.
 * - "long" (default): "令和6年度", "令和元年度", "平成30年度"
 * - "short": "R6", "R1", "H30" (table headers; short forms use digits, never 元)
 * - "withIso": "令和6(2024)年度"
 * Years before 1989 fall back to the western year ("1988年度" / "1988" / "1988年度").
 */
export function formatFiscalYear(fy: number, style: FiscalYearStyle = "long"): string {
  assertFiscalYear(fy);
  const era = eraOf(fy);
  if (!era) return style === "short" ? String(fy) : `${fy}年度`;
  const eraYear = fy - era.firstYear + 1;
  switch (style) {
    case "short":
      return `${era.letter}${eraYear}`;
    case "withIso":
      return `${era.name}${eraYearText(eraYear)}(${fy})年度`;
    default:
      return `${era.name}${eraYearText(eraYear)}年度`;
  }
}

/**
 * Display a span of fiscal years, e.g. a plan period: "令和6～10年度".
 * The era is written once when both ends share it; otherwise each end carries its own ("平成30年度～令和2年度").
 * A single year is shown as that year alone.
 */
export function formatFiscalYearRange(from: number, to: number): string {
  assertFiscalYear(from);
  assertFiscalYear(to);
  if (from > to) throw new RangeError(`年度の範囲が逆です: ${from}～${to}`);
  if (from === to) return formatFiscalYear(from);
  const fromEra = eraOf(from);
  const toEra = eraOf(to);
  if (fromEra !== toEra) return `${formatFiscalYear(from)}～${formatFiscalYear(to)}`;
  if (!fromEra) return `${from}～${to}年度`;
  const a = eraYearText(from - fromEra.firstYear + 1);
  const b = eraYearText(to - fromEra.firstYear + 1);
  return `${fromEra.name}${a}～${b}年度`;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

/**
 * NFKC turns full-width digits/letters/brackets ("令和６（2024）", "Ｒ６") into ASCII; whitespace is dropped because
 * people write "令和 6 年度" and spreadsheets pad cells.
 */
function normalize(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

const ERA_BY_PREFIX: Record<string, Era> = { 令和: REIWA, R: REIWA, 平成: HEISEI, H: HEISEI };

// era? + (元|digits) + optional "(ISO)" + optional 年度. "年度" may also sit before the bracket ("令和6年度(2024)").
const ERA_PATTERN = /^(令和|平成|R|H)?(元|\d{1,3})(?:年度)?(?:\((\d{4})(?:年度?)?\))?(年度)?$/;
const WESTERN_PATTERN = /^(?:FY)?(\d{4})(?:年度)?$/;

interface ParsedYear {
  fy: number;
  /** era written (or assumed) in the text; null for a western year */
  era: Era | null;
}

/**
 * Parse one fiscal year. `defaultEra` is the era assumed when the text has none ("6年度"); for the second half of a
 * range it is the era of the first half, so "平成28～30年度" stays in 平成.
 */
function parseOne(normalized: string, defaultEra: Era): ParsedYear | null {
  const western = WESTERN_PATTERN.exec(normalized);
  if (western) {
    const fy = Number(western[1]);
    return fy >= MIN_WESTERN_YEAR && fy <= MAX_WESTERN_YEAR ? { fy, era: null } : null;
  }
  const m = ERA_PATTERN.exec(normalized);
  if (!m) return null;
  const [, prefix, yearText, isoText] = m;
  // A bare number with neither era nor 年度 ("6") is too ambiguous to be taken as a fiscal year.
  if (prefix === undefined && isoText === undefined && !normalized.includes("年度")) return null;
  const era = prefix === undefined ? defaultEra : ERA_BY_PREFIX[prefix];
  if (!era || yearText === undefined) return null;
  const eraYear = yearText === "元" ? 1 : Number(yearText);
  if (eraYear < 1 || eraYear > era.maxEraYear) return null;
  const fy = era.firstYear + eraYear - 1;
  // "令和6(2023)" contradicts itself; better to refuse than to guess which half is the typo.
  if (isoText !== undefined && Number(isoText) !== fy) return null;
  return { fy, era };
}

/**
 * Read a fiscal year as people write it and return its ISO starting year, or null when the text is not one.
 * Accepts "令和6年度", "令和６年度", "R6", "Ｒ６", "6年度" (令和 assumed), "令和6(2024)", "令和6（2024）年度",
 * "2024年度", "2024", "令和元年度", "平成30年度", "H30".
 */
export function parseFiscalYear(text: string): number | null {
  return parseOne(normalize(text), REIWA)?.fy ?? null;
}

/**
 * Inside a range the 年度 is usually written once ("令和6～10年度"), so a half ending in a bare era year is completed
 * with it; that lets the strict single-year rule (a lone "6" is not a year) still apply outside ranges.
 */
function withNendo(half: string): string {
  return /(?:\d|元)$/.test(half) && !/^(?:FY)?\d{4}$/.test(half) ? `${half}年度` : half;
}

// Tilde variants: ～ (U+FF5E, NFKC → "~"), 〜 (U+301C wave dash, untouched by NFKC), and hyphen-like dashes.
const RANGE_SEPARATOR = /[~〜\-‐–—―−ー]/;

/**
 * Read a span of fiscal years: "令和6～10年度", "令和6年度～令和10年度", "平成28～30年度", "2024～2028年度".
 * A single year yields from === to. Returns null when either end is unreadable or the span runs backwards.
 */
export function parseFiscalYearRange(text: string): { from: number; to: number } | null {
  const normalized = normalize(text);
  const parts = normalized.split(RANGE_SEPARATOR);
  if (parts.length === 1) {
    const fy = parseOne(normalized, REIWA)?.fy;
    return fy === undefined ? null : { from: fy, to: fy };
  }
  if (parts.length !== 2) return null;
  const [left = "", right = ""] = parts;
  const from = parseOne(withNendo(left), REIWA);
  if (!from) return null;
  const to = parseOne(withNendo(right), from.era ?? REIWA);
  if (!to || from.fy > to.fy) return null;
  return { from: from.fy, to: to.fy };
}
