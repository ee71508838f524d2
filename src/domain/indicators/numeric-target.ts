/**
 * Numeric targets: a number with a known unit, a comparison before or after it ("≧5人", "15事業者以上") and a
 * period ("年2回"). Part of parseTarget (target.ts), which decides what a cell is.
 */
import { compactText } from "../text/normalize";

export type Comparator = "gte" | "lte" | "eq" | "gt" | "lt";

export type NumericTarget = { kind: "numeric"; comparator: Comparator; value: number; unit: string; source: string };

/**
 * Units recognised after a number. A closed list rather than "any word": "2回の定期開催" or "12人(初任者研修)"
 * must stay free text, and a generic pattern would swallow them as odd units. Extend the list when a plan uses a
 * new counter word.
 */
export const KNOWN_UNITS: readonly string[] = Object.freeze([
  "%",
  "ポイント",
  "pt",
  "事業者",
  "事業所",
  "事業",
  "団体",
  "施設",
  "機関",
  "か所",
  "カ所",
  "ヶ所",
  "ケ所",
  "箇所",
  "個所",
  "人日",
  "人",
  "名",
  "世帯",
  "件",
  "回",
  "校",
  "帳票",
  "億円",
  "万円",
  "千円",
  "円",
  "時間",
  "分",
  "日",
  "か月",
  "ヶ月",
  "カ月",
  "年",
  "歳",
  "倍",
  "割",
  "台",
  "部",
  "冊",
  "枚",
  "本",
  "社",
  "店",
  "地区",
  "グループ",
  "チーム",
  "講座",
  "教室",
  "会場",
  "種類",
  "項目",
  "組",
  "戸",
  "室",
  "床",
  "点",
]);

const SUFFIX_COMPARATORS: Record<string, Comparator> = {
  以上: "gte",
  以下: "lte",
  以内: "lte",
  未満: "lt",
  超え: "gt",
  超: "gt",
};

const PREFIX_COMPARATORS: Record<string, Comparator> = {
  ">=": "gte",
  "≧": "gte",
  "≥": "gte",
  "<=": "lte",
  "≦": "lte",
  "≤": "lte",
  ">": "gt",
  "<": "lt",
};

/**
 * "年2回", "月1回", "週2回": a count per period. Every plan target already applies to one fiscal year, so "年2回"
 * means the same as "2回" in a yearly column; the period is still recorded in the unit ("回/年", "回/週") because
 * "週2回" cannot be compared with a yearly count, and so the display can say what the plan said.
 */
const PERIOD_PREFIXES: Record<string, string> = {
  年間: "年",
  毎年: "年",
  年: "年",
  毎月: "月",
  月: "月",
  毎週: "週",
  週: "週",
  毎日: "日",
  日: "日",
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternation(words: Iterable<string>): string {
  // Longest first so "以上" is not cut short by a shorter alternative and "万円" wins over "円".
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
}

// Digits are grouped by commas correctly or not at all: "41,00人" is a typo, not 4100.
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

const NUMERIC_PATTERN = new RegExp(
  `^(?<pre>${alternation(Object.keys(PREFIX_COMPARATORS))})?` +
    `(?<period>${alternation(Object.keys(PERIOD_PREFIXES))})?` +
    `(?<num>${NUMBER})` +
    `(?<unit>${alternation(KNOWN_UNITS)})?` +
    `(?<post>${alternation(Object.keys(SUFFIX_COMPARATORS))})?$`,
);

/** A number with its unit and comparison ("15事業者以上", "年2回", "≦20%"), or null when the cell is not one. */
export function parseNumeric(source: string): NumericTarget | null {
  // Whitespace is noise here ("1 団体以上"); full-width digits, "％" and "，" become half-width.
  const m = NUMERIC_PATTERN.exec(compactText(source));
  const groups = m?.groups;
  if (!groups) return null;
  const { pre, period, num, unit, post } = groups;
  if (num === undefined) return null;
  // "≧5人以上" says the comparison twice; which one was meant is for a person to decide.
  if (pre !== undefined && post !== undefined) return null;
  // "年2" has no counter word, so it is not clear what happens twice a year.
  if (period !== undefined && unit === undefined) return null;
  const value = Number(num.replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  const comparator: Comparator =
    (pre !== undefined ? PREFIX_COMPARATORS[pre] : post !== undefined ? SUFFIX_COMPARATORS[post] : undefined) ?? "eq";
  const periodKey = period !== undefined ? PERIOD_PREFIXES[period] : undefined;
  const baseUnit = unit ?? "";
  return {
    kind: "numeric",
    comparator,
    value,
    unit: periodKey !== undefined ? `${baseUnit}/${periodKey}` : baseUnit,
    source,
  };
}
