/**
 * Between the stored rows and the pure domain (src/domain/indicators): typed target columns ⇄ Target, stored actual
 * → Actual, and the attainment of one indicator-year. Pure: no I/O.
 */
import { type Actual, type Attainment, attainment } from "../../../domain/indicators/attainment.js";
import {
  DEFAULT_LADDER,
  findStep,
  type MilestoneLadder,
  matchMilestone,
} from "../../../domain/indicators/milestones.js";
import { type Comparator, formatQuantity, parseTarget, type Target } from "../../../domain/indicators/target.js";
import type { TargetTyping } from "../../../domain/indicators/target-typing.js";
import { toHalfWidth } from "../../../domain/text/normalize.js";

export { sameTyping, typingOf } from "../../../domain/indicators/target-typing.js";

export function ladderOf(plan: { milestoneLadder: MilestoneLadder | null }): MilestoneLadder {
  return plan.milestoneLadder ?? DEFAULT_LADDER;
}

const COMPARATORS = new Set<Comparator>(["gte", "lte", "eq", "gt", "lt"]);

/**
 * The Target a stored row stands for. The typed columns are the truth (they are re-typed whenever the ladder
 * changes); only a milestone's object prefix ("支援の" in "支援の試行実施"), which has no column, is read again from the
 * source so that formatTarget shows it as the plan wrote it.
 */
export function targetOf(row: TargetTyping & { source: string }, ladder: MilestoneLadder): Target {
  const source = row.source;
  if (
    row.kind === "numeric" &&
    row.value !== null &&
    Number.isFinite(Number(row.value)) &&
    COMPARATORS.has(row.comparator as Comparator)
  ) {
    return {
      kind: "numeric",
      comparator: row.comparator as Comparator,
      value: Number(row.value),
      unit: row.unit ?? "",
      source,
    };
  }
  if (row.kind === "milestone" && row.step !== null && row.rank !== null) {
    const prefix = findStep(source, ladder) ? undefined : matchMilestone(source, ladder)?.prefix;
    return {
      kind: "milestone",
      step: row.step,
      rank: Number(row.rank),
      source,
      ...(prefix ? { prefix } : {}),
    };
  }
  if (row.kind === "asNeeded") return { kind: "asNeeded", source };
  return { kind: "text", source };
}

/** The target without its source (the DTO carries the source once, next to it). */
export function typedView(t: Target) {
  const { source: _source, ...typed } = t;
  return typed;
}

export interface StoredActual {
  kind: string;
  value: number | null;
  step: string | null;
  text: string | null;
}

export function actualOf(a: StoredActual): Actual {
  if (a.kind === "number") return { kind: "number", value: a.value === null ? Number.NaN : Number(a.value) };
  if (a.kind === "milestone") return { kind: "milestone", step: a.step ?? "" };
  return { kind: "text", text: a.text ?? "" };
}

/** The actual as people read it: "1,200人" (in the target's unit), "試行実施", or the text. */
export function displayActual(a: StoredActual, target: Target | null): string {
  if (a.kind === "number") {
    if (a.value === null) return "";
    return formatQuantity(Number(a.value), target?.kind === "numeric" ? target.unit : "");
  }
  if (a.kind === "milestone") return a.step ?? "";
  return a.text ?? "";
}

const NO_ACTUAL: Attainment = { status: "noActual", rate: null, reason: "実績が入力されていません" };

/** Attainment of one indicator-year; no target row means the plan set none for that year. */
export function decide(target: Target | null, actual: StoredActual | null, ladder: MilestoneLadder): Attainment {
  if (!actual) return NO_ACTUAL;
  if (!target) {
    const a = attainment({ kind: "text", source: "" }, actualOf(actual), ladder);
    if (a.status === "noActual") return a;
    return { status: "manual", rate: null, reason: "この年度の目標が設定されていないため、手動で判定してください" };
  }
  return attainment(target, actualOf(actual), ladder);
}

/**
 * A number typed by a person: 1200, "1200", "１，２００", "1,200人" (when 人 is the target's unit), "36.6%".
 * Thousands separators must be placed correctly ("12,00" is refused); null when it is not a number.
 */
export function parseActualNumber(input: number | string, targetUnit: string | null): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  const text = toHalfWidth(input).replace(/[\s\u00a0]+/g, "");
  const plain = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
  if (plain.test(text)) return Number(text.replace(/,/g, ""));
  // with a unit: read it the way targets are read, and accept it only in the target's unit
  const read = parseTarget(text, { steps: [] });
  if (read.kind === "numeric" && read.comparator === "eq" && (read.unit === "" || read.unit === targetUnit)) {
    return read.value;
  }
  return null;
}
