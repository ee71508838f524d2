/**
 * Targets (目標値) of plan indicators, as written in the plan: "15事業者以上", "20%以下", "4,100人", "調査・研究",
 * "適宜", or free text. parseTarget turns a cell into something attainment can be decided against; the original
 * cell is always kept in `source` so nothing the plan says is lost or re-spelled.
 */
import { compactText } from "../text/normalize";
import { type MilestoneLadder, matchMilestone } from "./milestones";
import { type NumericTarget, parseNumeric } from "./numeric-target";

export { formatNumber, formatQuantity, formatTarget } from "./format-target";
export { type Comparator, KNOWN_UNITS } from "./numeric-target";

export type Target =
  | NumericTarget
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
