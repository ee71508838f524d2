/**
 * Small-number suppression of published counts. A count from 1 to threshold − 1 is not shown (primary); 0 is shown,
 * it says nothing about anyone. Where a measure's rows add up to a published total, hiding one row is not enough:
 * the total minus the shown rows would give it back. Further rows are hidden (secondary), smallest non-zero first,
 * until the table is safe (`givesNothingBack`): what the hidden rows add up to is 0 or at least the threshold, and
 * no hidden row is pinned to one value by that sum and the bounds its label states (under the threshold: 1 to
 * threshold − 1; 秘匿: at least the threshold). When no row is left to hide, the total is hidden. A secondary row
 * that the others already protect is shown again, so a number at or above the threshold is hidden only when it must.
 * Under a small total every row is written under the threshold, zeros too: shown zeros would tell how many rows
 * share the few, and with enough of them that each is 1.
 */

export type CellState = "shown" | "small" | "hidden";

export interface Cell {
  value: number | null;
  state: CellState;
}

export interface SuppressedMeasure {
  total: Cell | null;
  rows: Cell[];
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function isSmall(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

const shown = (value: number): Cell => ({ value, state: "shown" });
const small: Cell = { value: null, state: "small" };
const hidden: Cell = { value: null, state: "hidden" };

/**
 * Suppress a measure: its total (null when it publishes none, e.g. rows that count a case under each of its issues)
 * and its rows. With `additive` false the rows do not add up to the total, so each is only checked on its own.
 */
export function suppress(
  measure: { total: number | null; rows: readonly number[]; additive: boolean },
  threshold: number,
): SuppressedMeasure {
  const rows: Cell[] = measure.rows.map((v) => (isSmall(v, threshold) ? small : shown(v)));
  if (measure.total === null) return { total: null, rows };
  if (isSmall(measure.total, threshold)) {
    // every row is at most the total, so every non-zero row is small too; zeros go with them (see above)
    return { total: small, rows: measure.rows.map(() => small) };
  }
  if (!measure.additive) return { total: shown(measure.total), rows };
  const states = rows.map((c) => c.state);
  let totalShown = true;
  while (!givesNothingBack(measure.rows, states, threshold)) {
    const next = smallestShown(measure.rows, states);
    if (next === null) {
      totalShown = false;
      break;
    }
    states[next] = "hidden";
  }
  // largest first: showing a large row again costs the protection least
  const secondary = states.flatMap((s, i) => (s === "hidden" ? [i] : []));
  secondary.sort((a, b) => (measure.rows[b] ?? 0) - (measure.rows[a] ?? 0));
  for (const i of secondary) {
    states[i] = "shown";
    if (totalShown && !givesNothingBack(measure.rows, states, threshold)) states[i] = "hidden";
  }
  return {
    total: totalShown ? shown(measure.total) : hidden,
    rows: states.map((s, i) => (s === "shown" ? shown(measure.rows[i] ?? 0) : s === "small" ? small : hidden)),
  };
}

/** The bounds a reader knows for a row from its label alone: under the threshold, or 秘匿 (at least the threshold). */
export function labelBounds(state: "small" | "hidden", threshold: number): [number, number] {
  return state === "small" ? [1, threshold - 1] : [threshold, Number.POSITIVE_INFINITY];
}

/**
 * Whether rows published in these states under a shown total give no hidden row back: the hidden rows add up to 0
 * or at least the threshold, and each hidden row can still take more than one value within its label's bounds
 * (a row whose label already allows one value, 1 under a threshold of 2, has nothing left to protect).
 */
export function givesNothingBack(values: readonly number[], states: readonly CellState[], threshold: number) {
  const hiddenRows = states.flatMap((s, i) => (s === "shown" ? [] : [{ state: s, value: values[i] ?? 0 }]));
  const sum = hiddenRows.reduce((s, r) => s + r.value, 0);
  if (isSmall(sum, threshold)) return false;
  const bounds = hiddenRows.map((r) => labelBounds(r.state, threshold));
  const others = (i: number, side: 0 | 1) => bounds.reduce((s, b, j) => (j === i ? s : s + b[side]), 0);
  return bounds.every(([lo, hi], i) => {
    if (hi === lo) return true;
    const least = Math.max(lo, sum - others(i, 1));
    const most = Math.min(hi, sum - others(i, 0));
    return most > least;
  });
}

function smallestShown(values: readonly number[], states: CellState[]): number | null {
  let best: number | null = null;
  values.forEach((v, i) => {
    // hiding a zero would not change what the hidden rows add up to
    if (states[i] !== "shown" || v === 0) return;
    if (best === null || v < (values[best] ?? 0)) best = i;
  });
  return best;
}

/** A share (percent, one decimal) that does not give back a hidden count: absent when either side is not shown. */
export function suppressedShare(part: Cell, whole: Cell): number | null {
  if (part.state !== "shown" || whole.state !== "shown" || !whole.value) return null;
  return Math.round(((part.value ?? 0) / whole.value) * 1000) / 10;
}
