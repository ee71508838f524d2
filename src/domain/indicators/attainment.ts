/**
 * Attainment (達成状況) of one indicator target against the reported actual, and a suggested grade for an activity
 * from the attainments of its indicators. Suggestions only: the evaluation itself stays a human decision, so every
 * result carries a Japanese reason that can be shown next to it.
 */

import { compactText } from "../text/normalize";
import { DEFAULT_LADDER, findStep, type MilestoneLadder, matchMilestone } from "./milestones";
import { type Comparator, formatQuantity, formatTarget, parseTarget, type Target } from "./target";

export type Actual =
  | { kind: "number"; value: number }
  | { kind: "milestone"; step: string }
  | { kind: "text"; text: string };

export type AttainmentStatus = "met" | "notMet" | "manual" | "noActual";

export interface Attainment {
  status: AttainmentStatus;
  /**
   * How far the target was reached, 1 = exactly (gte/gt/eq: actual ÷ target; lte/lt: target ÷ actual, so that
   * better is always larger). null when it cannot be computed meaningfully. Never NaN or Infinity.
   */
  rate: number | null;
  reason: string;
}

/**
 * Relative tolerance for comparing numbers. Values come from typed text ("36.6") and from arithmetic in callers
 * (0.1 + 0.2), so exact float equality would call 0.30000000000000004 "not 0.3". Differences within one part in
 * 10^9 of the larger magnitude (at least 10^-9 absolute) count as equal; no real count or percentage is that close
 * without being the same figure.
 */
export const RELATIVE_TOLERANCE = 1e-9;

/** -1, 0 or 1, treating values within RELATIVE_TOLERANCE as equal. */
export function compareWithTolerance(a: number, b: number): -1 | 0 | 1 {
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= RELATIVE_TOLERANCE * scale) return 0;
  return a < b ? -1 : 1;
}

/** Whether `actual <comparator> target` holds, with the same tolerance for every comparator. */
export function comparatorHolds(comparator: Comparator, actual: number, target: number): boolean {
  const c = compareWithTolerance(actual, target);
  switch (comparator) {
    case "gte":
      return c >= 0;
    case "gt":
      return c > 0;
    case "lte":
      return c <= 0;
    case "lt":
      return c < 0;
    case "eq":
      return c === 0;
  }
}

/**
 * Rate for a numeric target. Plans count non-negative things (people, times, %, yen), so a rate is given only when
 * the divisor is positive and the other side non-negative; otherwise null rather than a misleading or infinite
 * figure. For lte/lt an actual of 0 (e.g. "0件以下" reached, or "20%以下" with 0%) has no finite rate: it is decided
 * by the comparator alone and the rate is null.
 */
function numericRate(comparator: Comparator, actual: number, target: number): number | null {
  let rate: number | null = null;
  if (comparator === "lte" || comparator === "lt") {
    if (actual > 0 && target >= 0) rate = target / actual;
  } else if (target > 0 && actual >= 0) {
    rate = actual / target;
  }
  return rate !== null && Number.isFinite(rate) ? rate : null;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

function decideNumber(target: Extract<Target, { kind: "numeric" }>, value: number): Attainment {
  if (!Number.isFinite(target.value)) {
    return { status: "manual", rate: null, reason: "目標値が数値として読み取れないため、手動で判定してください" };
  }
  const met = comparatorHolds(target.comparator, value, target.value);
  const rate = numericRate(target.comparator, value, target.value);
  const actualText = formatQuantity(value, target.unit);
  const goal = formatTarget(target);
  const rateText = rate !== null ? `（達成率 ${percent(rate)}）` : "";
  if (met) return { status: "met", rate, reason: `実績 ${actualText} は目標 ${goal} を満たしています${rateText}` };
  const how =
    target.comparator === "eq"
      ? compareWithTolerance(value, target.value) > 0
        ? "を上回り、一致していません"
        : "に届いていません"
      : target.comparator === "lte" || target.comparator === "lt"
        ? "を上回っています"
        : "に届いていません";
  return { status: "notMet", rate, reason: `実績 ${actualText} は目標 ${goal} ${how}${rateText}` };
}

/** Words reported as the actual of a stage target when nothing happened; they rank below every stage. */
const NOT_STARTED = new Set(
  ["未実施", "未着手", "実施なし", "実績なし", "なし", "中止", "休止", "見送り"].map(compactText),
);

function isEmptyText(text: string): boolean {
  return /^[-‐‑‒–—―−－ー─/／]*$/.test(compactText(text));
}

function decideMilestone(
  target: Extract<Target, { kind: "milestone" }>,
  reported: string,
  ladder: MilestoneLadder,
): Attainment {
  const goal = formatTarget(target);
  if (NOT_STARTED.has(compactText(reported))) {
    return {
      status: "notMet",
      rate: null,
      reason: `実績「${reported.trim()}」のため、目標「${goal}」に達していません`,
    };
  }
  const reached = findStep(reported, ladder) ?? matchMilestone(reported, ladder)?.step ?? null;
  if (!reached) {
    return {
      status: "manual",
      rate: null,
      reason: `実績「${reported.trim()}」が段階として読み取れないため、手動で判定してください`,
    };
  }
  if (reached.rank >= target.rank) {
    return { status: "met", rate: null, reason: `実績「${reached.label}」は目標「${goal}」の段階に達しています` };
  }
  return { status: "notMet", rate: null, reason: `実績「${reached.label}」は目標「${goal}」の段階に達していません` };
}

/**
 * Decides one target against its actual.
 *
 * - No actual (empty or dash-only text, or a number that is NaN/±Infinity) → noActual, whatever the target.
 * - numeric: met ⇔ the comparator holds (with RELATIVE_TOLERANCE, so eq means "equal up to float noise").
 *   An actual given as text ("16事業者") is read with parseTarget; it must be a plain figure in the target's unit
 *   (or without unit), otherwise → manual.
 * - milestone: met ⇔ the reported stage's rank ≥ the target's rank; "未実施", "中止" … → notMet; a stage the ladder
 *   does not know → manual. rate is null (stages have no ratio).
 * - asNeeded and text targets → manual: only the department can say whether "適宜" was appropriate.
 * - Any other combination (a number against a stage, …) → manual.
 */
export function attainment(target: Target, actual: Actual, ladder: MilestoneLadder = DEFAULT_LADDER): Attainment {
  if (
    (actual.kind === "number" && !Number.isFinite(actual.value)) ||
    (actual.kind === "text" && isEmptyText(actual.text)) ||
    (actual.kind === "milestone" && isEmptyText(actual.step))
  ) {
    return { status: "noActual", rate: null, reason: "実績が入力されていません" };
  }
  switch (target.kind) {
    case "asNeeded":
      return { status: "manual", rate: null, reason: "目標が「適宜」のため、実施状況から担当課が判定してください" };
    case "text":
      return {
        status: "manual",
        rate: null,
        reason: "目標が数値や段階で表されていないため、手動で判定してください",
      };
    case "numeric": {
      if (actual.kind === "number") return decideNumber(target, actual.value);
      if (actual.kind === "text") {
        const read = parseTarget(actual.text, { steps: [] });
        if (read.kind === "numeric" && read.comparator === "eq" && (read.unit === target.unit || read.unit === "")) {
          return decideNumber(target, read.value);
        }
        if (read.kind === "numeric" && read.comparator === "eq") {
          return {
            status: "manual",
            rate: null,
            reason: `実績の単位（${read.unit}）が目標の単位（${target.unit || "なし"}）と異なるため、手動で判定してください`,
          };
        }
      }
      return { status: "manual", rate: null, reason: "実績が数値として読み取れないため、手動で判定してください" };
    }
    case "milestone": {
      if (actual.kind === "number") {
        return { status: "manual", rate: null, reason: "段階の目標に対して数値の実績のため、手動で判定してください" };
      }
      return decideMilestone(target, actual.kind === "milestone" ? actual.step : actual.text, ladder);
    }
  }
}

export interface GradeLike {
  code: string;
  label: string;
}

/** Rate from which a met indicator counts as clearly exceeding its target (目標を上回り達成). */
export const EXCEED_RATE = 1.2;

// A scale's best grade is the "exceeded" grade when its label says so (目黒 AA, S of S–C); plain "達成した" is not.
const EXCEED_LABEL = /上回|超え|超過/;

/**
 * Suggests a grade of `scale` (ordered best → worst) for an activity from its indicators' attainments.
 *
 * Only met/notMet attainments are decidable; manual and noActual ones are left out (and mentioned in the reason).
 * With nothing decidable the suggestion is null. Otherwise, with share = met ÷ decidable:
 * 1. If the best grade's label means "exceeded" (目標を上回り…): it is suggested when every decidable indicator is met
 *    and at least one known rate is ≥ EXCEED_RATE (120%). That grade is then set aside for the steps below.
 * 2. Among the remaining m grades: all met → the first; none met → the last; in between the m − 2 middle grades split
 *    (0, 1) evenly, higher share → better grade (grade index = ⌈(1 − share) × (m − 2)⌉). For 目黒 AA–D that is
 *    A all met, B ≥ 50%, C > 0%, D none; for A–D the same; for S–C: A all met, B some, C none.
 *    With m = 2 anything short of all met is the second grade; with m = 1 it is that grade.
 */
export function suggestGrade(
  attainments: readonly Attainment[],
  scale: readonly GradeLike[],
): { grade: string | null; reason: string } {
  if (scale.length === 0) return { grade: null, reason: "評価区分が定義されていません" };
  const decidable = attainments.filter((a) => a.status === "met" || a.status === "notMet");
  const manual = attainments.filter((a) => a.status === "manual").length;
  const missing = attainments.filter((a) => a.status === "noActual").length;
  const notes = [manual > 0 ? `手動判定${manual}件` : "", missing > 0 ? `実績未入力${missing}件` : ""].filter(Boolean);
  const noteText = notes.length > 0 ? `（${notes.join("、")}は除外）` : "";
  if (decidable.length === 0) {
    return { grade: null, reason: `自動で判定できる指標がありません${noteText}` };
  }
  const met = decidable.filter((a) => a.status === "met");
  const share = met.length / decidable.length;
  const summary = `判定できる指標${decidable.length}件中${met.length}件達成${noteText}`;

  const first = scale[0];
  const hasExceedGrade = first !== undefined && scale.length > 1 && EXCEED_LABEL.test(first.label);
  if (hasExceedGrade && share === 1) {
    const exceeded = met.filter((a) => a.rate !== null && a.rate >= EXCEED_RATE).length;
    if (exceeded > 0) {
      return {
        grade: first.code,
        reason: `${summary}、うち${exceeded}件は達成率${Math.round(EXCEED_RATE * 100)}%以上`,
      };
    }
  }
  const rest = hasExceedGrade ? scale.slice(1) : scale;
  const m = rest.length;
  let index: number;
  if (share === 1) index = 0;
  else if (m <= 2) index = m - 1;
  else if (share === 0) index = m - 1;
  else index = Math.min(m - 2, Math.max(1, Math.ceil((1 - share) * (m - 2))));
  const grade = rest[index] ?? rest[rest.length - 1];
  if (!grade) return { grade: null, reason: "評価区分が定義されていません" };
  return { grade: grade.code, reason: summary };
}
