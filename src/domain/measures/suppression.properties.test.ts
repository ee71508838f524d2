/**
 * Properties of small-number suppression over generated tables (examples: suppression.test.ts). The reader of a
 * published table is assumed to know the rule: a row written under the threshold holds 1 to threshold − 1, a 秘匿
 * row at least the threshold, and the hidden rows add up to the total minus the shown ones. What such a reader can
 * work out is computed here by enumeration, independently of the rule's own check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CellState, suppress } from "./suppression";

const tableArb = fc.record({
  threshold: fc.integer({ min: 2, max: 10 }),
  // counts clustered near the threshold, where suppression has work to do, with a few large ones
  rows: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), {
    minLength: 2,
    maxLength: 7,
  }),
});

/** Every value each hidden row can take given the labels and the sum of the hidden rows (enumerated). */
function possibleValues(values: readonly number[], states: readonly CellState[], threshold: number) {
  const hiddenIdx = states.flatMap((s, i) => (s === "shown" ? [] : [i]));
  const sum = hiddenIdx.reduce((s, i) => s + (values[i] ?? 0), 0);
  const range = (i: number) => {
    const [lo, hi] = states[i] === "small" ? [1, threshold - 1] : [threshold, sum];
    return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, k) => lo + k);
  };
  // sums reachable by the hidden rows other than one: a set per excluded row, built row by row
  return new Map(
    hiddenIdx.map((i) => {
      let reachable = new Set([0]);
      for (const j of hiddenIdx) {
        if (j === i) continue;
        const next = new Set<number>();
        for (const r of reachable) for (const v of range(j)) if (r + v <= sum) next.add(r + v);
        reachable = next;
      }
      return [i, range(i).filter((v) => reachable.has(sum - v))];
    }),
  );
}

/** What a reader can take from a table published with a shown total: a small sum, or a row pinned to one value. */
function leaks(values: readonly number[], states: readonly CellState[], threshold: number) {
  const hiddenSum = values.reduce((s, v, i) => (states[i] === "shown" ? s : s + v), 0);
  const found: string[] = [];
  if (hiddenSum > 0 && hiddenSum < threshold) found.push(`the hidden rows add up to ${hiddenSum}`);
  for (const [i, possible] of possibleValues(values, states, threshold)) {
    const ownRange = states[i] === "small" ? threshold - 1 : Number.POSITIVE_INFINITY;
    // a row its label already pins (1 under a threshold of 2) has nothing left to protect
    if (possible.length === 1 && ownRange > 1) found.push(`row ${i} is ${possible[0]}`);
  }
  return found;
}

describe("small-number suppression over generated tables", () => {
  it("shows every count as it is or not at all, and never a count under the threshold", () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), ({ threshold, rows }, additive) => {
        const total = rows.reduce((s, v) => s + v, 0);
        const m = suppress({ total, rows, additive }, threshold);
        for (const [i, cell] of [m.total, ...m.rows].entries()) {
          const value = i === 0 ? total : rows[i - 1];
          if (cell?.state === "shown") expect(cell.value).toBe(value);
          else expect(cell?.value).toBeNull();
          if (value !== undefined && value > 0 && value < threshold) expect(cell?.state).not.toBe("shown");
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never lets a hidden row be worked out from the total minus the shown rows", () => {
    fc.assert(
      fc.property(tableArb, ({ threshold, rows }) => {
        const total = rows.reduce((s, v) => s + v, 0);
        const m = suppress({ total, rows, additive: true }, threshold);
        const states = m.rows.map((c) => c.state);
        if (m.total?.state === "shown") expect(leaks(rows, states, threshold)).toEqual([]);
        // a small total: no row is shown, so a reader knows only that they add up to under the threshold
        if (m.total?.state === "small") expect(states.every((s) => s === "small")).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("hides a count at or above the threshold only when showing it would give another back", () => {
    fc.assert(
      fc.property(tableArb, ({ threshold, rows }) => {
        const total = rows.reduce((s, v) => s + v, 0);
        const m = suppress({ total, rows, additive: true }, threshold);
        const states = m.rows.map((c) => c.state);
        if (m.total?.state === "hidden") {
          // hidden only when the rows, as published, would leak under a shown total
          expect(leaks(rows, states, threshold)).not.toEqual([]);
          expect(states.includes("hidden")).toBe(false);
        }
        if (m.total?.state !== "shown") return;
        for (const [i, state] of states.entries()) {
          if (state !== "hidden") continue;
          const shownAgain = states.map((s, j) => (j === i ? "shown" : s));
          expect(leaks(rows, shownAgain, threshold), `row ${i} of ${rows}`).not.toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("checks each row on its own where the rows do not add up to the total", () => {
    fc.assert(
      fc.property(tableArb, ({ threshold, rows }) => {
        const total = Math.max(...rows);
        const m = suppress({ total, rows, additive: false }, threshold);
        const smallTotal = total > 0 && total < threshold;
        expect(m.total?.state).toBe(smallTotal ? "small" : "shown");
        // under a small total every row is written under the threshold, as in an additive table
        const alone = (v: number) => (smallTotal || (v > 0 && v < threshold) ? "small" : "shown");
        expect(m.rows.map((c) => c.state)).toEqual(rows.map(alone));
      }),
      { numRuns: 200 },
    );
  });
});
