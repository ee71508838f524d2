/**
 * Small-number suppression of published counts. A count from 1 to threshold − 1 is not shown (primary); 0 is shown,
 * it says nothing about anyone. Where a measure's rows add up to a published total, hiding one row is not enough: the
 * total minus the shown rows would give it back, so further rows are hidden (secondary), smallest non-zero first, until what
 * the hidden rows add up to is 0 or at least the threshold; when no row is left to hide, the total is hidden.
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
    // every row is at most the total, so every non-zero row is small too
    return { total: small, rows: measure.rows.map((v) => (v === 0 ? shown(0) : small)) };
  }
  if (!measure.additive) return { total: shown(measure.total), rows };
  const residual = () => measure.rows.reduce((sum, v, i) => (rows[i]?.state === "shown" ? sum : sum + v), 0);
  while (isSmall(residual(), threshold)) {
    const next = smallestShown(measure.rows, rows);
    if (next === null) return { total: hidden, rows };
    rows[next] = hidden;
  }
  return { total: shown(measure.total), rows };
}

function smallestShown(values: readonly number[], cells: Cell[]): number | null {
  let best: number | null = null;
  values.forEach((v, i) => {
    // hiding a zero would not change what the hidden rows add up to
    if (cells[i]?.state !== "shown" || v === 0) return;
    if (best === null || v < (values[best] ?? 0)) best = i;
  });
  return best;
}

/** A share (percent, one decimal) that does not give back a hidden count: absent when either side is not shown. */
export function suppressedShare(part: Cell, whole: Cell): number | null {
  if (part.state !== "shown" || whole.state !== "shown" || !whole.value) return null;
  return Math.round(((part.value ?? 0) / whole.value) * 1000) / 10;
}
