/**
 * Targets (目標値) of plan indicators, as written in the plan: "15事業者以上", "20%以下", "4,100人", "調査・研究",
 * "適宜", or free text. parseTarget turns a cell into something attainment can be decided against; the original
 * cell is always kept in `source` so nothing the plan says is lost or re-spelled.
 */
import { compactText, toHalfWidth } from "../text/normalize";
import { type MilestoneLadder, matchMilestone } from "./milestones";

export type Comparator = "gte" | "lte" | "eq" | "gt" | "lt";

export type Target =
  | { kind: "numeric"; comparator: Comparator; value: number; unit: string; source: string }
  | {
      kind: "milestone";
      /** canonical ladder label, e.g. "試行実施" */
      step: string;
      rank: number;
      source: string;
      /**
       * Text before the stage when the cell names an object ("支援の" in "支援の試行実施", half-width); absent when
       * the cell is only the stage. Tells a bare stage from "新たな装置等の検討", which must not be shown as "検討".
       */
      prefix?: string;
    }
  | { kind: "asNeeded"; source: string }
  | { kind: "text"; source: string };

export type TargetKind = Target["kind"];

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

/** Cells meaning "as the need arises": there is no quantity to reach, only a judgement by the department. */
const AS_NEEDED = new Set(
  [
    "適宜",
    "随時",
    "適時",
    "必要に応じて",
    "必要に応じ",
    "適宜実施",
    "随時実施",
    "適宜開催",
    "随時開催",
    "必要に応じて実施",
    "必要に応じて開催",
  ].map(compactText),
);

/** Dash-only or empty cells: the plan sets no target for that year ("実施 — —"). */
const BLANK = /^[-‐‑‒–—―−－ー─━/／]*$/;

/** True when a cell sets no target at all (empty, whitespace, or only a dash). */
export function isBlankTarget(source: string): boolean {
  return BLANK.test(compactText(source));
}

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

function parseNumeric(source: string): Target | null {
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

/**
 * Reads one target cell.
 *
 * Order of checks: blank → "適宜"-like (asNeeded) → number with unit and comparator → ladder stage → free text.
 * - A bare number ("4,100人", "65%") is `eq`: the plan did not say "以上", and guessing a direction would put words
 *   in its mouth. (Most bare targets mean "reach at least"; the plan office can re-enter them with 以上.)
 * - Values are kept in the unit as written: "1,234.5万円" is 1234.5 with unit "万円", because actuals are reported
 *   in the same unit and multiplying would invite rounding surprises.
 * - Negative numbers and approximations ("約100人", "△5%") stay free text: their meaning as a target is unclear.
 * - Directional words ("増加", "維持", "減少") stay free text because deciding them needs a baseline the target
 *   does not carry; `directionOf` recognises them for screens that want to show the intent.
 * - Blank and dash-only cells are free text too (the type has no "none"); `isBlankTarget` tells them apart.
 */
export function parseTarget(source: string, ladder: MilestoneLadder): Target {
  if (isBlankTarget(source)) return { kind: "text", source };
  const compact = compactText(source);
  if (AS_NEEDED.has(compact)) return { kind: "asNeeded", source };
  const numeric = parseNumeric(source);
  if (numeric) return numeric;
  const match = matchMilestone(source, ladder);
  if (match) {
    return {
      kind: "milestone",
      step: match.step.label,
      rank: match.step.rank,
      source,
      ...(match.prefix !== "" ? { prefix: match.prefix } : {}),
    };
  }
  return { kind: "text", source };
}

export type Direction = "increase" | "decrease" | "maintain";

const DIRECTIONS: Record<string, Direction> = {
  増加: "increase",
  増: "increase",
  向上: "increase",
  上昇: "increase",
  拡大: "increase",
  減少: "decrease",
  減: "decrease",
  低下: "decrease",
  削減: "decrease",
  抑制: "decrease",
  維持: "maintain",
  現状維持: "maintain",
  横ばい: "maintain",
};

/**
 * The intent of a directional target ("増加" → increase), or null. Such targets are `text` for parseTarget; this
 * lets a screen show "↑" and lets a later rule compare with the previous year once a baseline is recorded.
 */
export function directionOf(source: string): Direction | null {
  return DIRECTIONS[compactText(source)] ?? null;
}

const COMPARATOR_WORDS: Record<Comparator, string> = { gte: "以上", lte: "以下", lt: "未満", gt: "超", eq: "" };

/**
 * A number as Japanese documents print it: thousands separated by commas, decimals as given ("1,234.5").
 * Not toLocaleString: the output must not depend on the server's locale.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const s = String(value);
  if (/e/i.test(s)) return s;
  const negative = s.startsWith("-");
  const [int = "", frac] = (negative ? s.slice(1) : s).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** A quantity with its unit: "4,100人", "年2回" (for the per-period unit "回/年"). */
export function formatQuantity(value: number, unit: string): string {
  const perPeriod = /^(.+)\/(年|月|週|日)$/.exec(unit);
  if (perPeriod) return `${perPeriod[2]}${formatNumber(value)}${perPeriod[1]}`;
  return `${formatNumber(value)}${unit}`;
}

/**
 * Japanese display of a target: "15事業者以上", "20%以下", "年2回", "調査・研究", "支援の試行実施", "適宜".
 * Free text is shown as written (trimmed), since it has no other form.
 */
export function formatTarget(t: Target): string {
  switch (t.kind) {
    case "numeric":
      return `${formatQuantity(t.value, t.unit)}${COMPARATOR_WORDS[t.comparator]}`;
    case "milestone":
      // A bare stage is shown by its canonical label ("調査研究" → "調査・研究"); a stage about an object is shown as
      // written, because swapping in the label would re-spell the plan ("記録方式の導入" is not "記録方式の実施").
      return t.prefix !== undefined ? toHalfWidth(t.source).replace(/\s+/g, " ").trim() : t.step;
    case "asNeeded":
      return "適宜";
    case "text":
      return t.source.trim();
  }
}

export interface TargetClassification {
  counts: { numeric: number; milestone: number; asNeeded: number; text: number; blank: number; total: number };
  /**
   * Distinct free-text targets in first-seen order, as written: what the plan office still has to classify by hand
   * (or add to the ladder). Blank cells are counted separately and not listed: there is nothing to classify.
   */
  freeTexts: string[];
}

/** Counts how a set of target cells parses, to show how much of a plan can be evaluated automatically. */
export function classifyTargets(texts: readonly string[], ladder: MilestoneLadder): TargetClassification {
  const counts = { numeric: 0, milestone: 0, asNeeded: 0, text: 0, blank: 0, total: texts.length };
  const freeTexts: string[] = [];
  const seen = new Set<string>();
  for (const source of texts) {
    if (isBlankTarget(source)) {
      counts.blank++;
      continue;
    }
    const t = parseTarget(source, ladder);
    counts[t.kind]++;
    if (t.kind === "text" && !seen.has(source)) {
      seen.add(source);
      freeTexts.push(source);
    }
  }
  return { counts, freeTexts };
}
