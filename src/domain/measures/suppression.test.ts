import { describe, expect, it } from "vitest";
import { suppress, suppressedShare } from "./suppression";

const published = (m: ReturnType<typeof suppress>) => ({
  total: m.total?.value ?? null,
  rows: m.rows.map((c) => c.value),
});

describe("small-number suppression", () => {
  it("hides 1 to threshold − 1 and shows 0 and larger counts", () => {
    const m = suppress({ total: null, rows: [0, 1, 4, 5, 12], additive: false }, 5);
    expect(m.rows.map((c) => c.state)).toEqual(["shown", "small", "small", "shown", "shown"]);
    expect(published(m).rows).toEqual([0, null, null, 5, 12]);
  });

  it("hides a second row so that the total minus the shown rows does not give back a small one", () => {
    // 面談 12, 電話 3, 訪問 9: showing 12, 9 and the total 24 would give 電話 = 3
    const m = suppress({ total: 24, rows: [12, 3, 9], additive: true }, 5);
    expect(m.rows.map((c) => c.state)).toEqual(["shown", "small", "hidden"]);
    const residual = 24 - (published(m).rows as (number | null)[]).reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(residual).toBeGreaterThanOrEqual(5);
  });

  it("keeps hiding while the hidden rows add up to a small number", () => {
    // two small rows (1 and 2) add up to 3: a third row must go too
    const m = suppress({ total: 30, rows: [1, 2, 20, 7], additive: true }, 5);
    expect(m.rows.map((c) => c.state)).toEqual(["small", "small", "shown", "hidden"]);
    expect(m.total?.value).toBe(30);
  });

  it("hides a non-zero row rather than a zero, and keeps a total the hidden rows reach together", () => {
    expect(published(suppress({ total: 11, rows: [2, 0, 9], additive: true }, 5))).toEqual({
      total: 11,
      rows: [null, 0, null],
    });
    // 3 and 4 are both hidden: the total tells only that they add up to 7
    expect(published(suppress({ total: 7, rows: [0, 3, 4], additive: true }, 5))).toEqual({
      total: 7,
      rows: [0, null, null],
    });
    const single = suppress({ total: 6, rows: [6, 0, 0], additive: true }, 5);
    expect(published(single)).toEqual({ total: 6, rows: [6, 0, 0] });
  });

  it("writes every row of a small total under the threshold, zeros too", () => {
    const m = suppress({ total: 3, rows: [3, 0], additive: true }, 5);
    expect(m.total?.state).toBe("small");
    expect(published(m)).toEqual({ total: null, rows: [null, null] });
    // four rows of 1 under a total of 4: with the zeros shown, "four non-zero rows under 5" would make each 1
    const ones = suppress({ total: 4, rows: [1, 1, 0, 1, 1, 0], additive: true }, 5);
    expect(ones.rows.every((c) => c.state === "small")).toBe(true);
  });

  it("hides more when the labels' bounds would pin a hidden row to one value", () => {
    // 4 and 4 under 5 with a total of 18 and 10 shown: the two add up to 8, and each is at most 4, so each is 4
    const pair = suppress({ total: 18, rows: [4, 4, 10], additive: true }, 5);
    expect(pair.rows.map((c) => c.state)).toEqual(["small", "small", "hidden"]);
    // 1 under 5 and a hidden 5 would add up to 6, and a hidden row is at least 5: the small one would be 1; hiding
    // the 100 protects it, and then the 5 is not needed
    const edge = suppress({ total: 106, rows: [1, 5, 100], additive: true }, 5);
    expect(edge.rows.map((c) => c.state)).toEqual(["small", "shown", "hidden"]);
    // no row left to hide: the total goes, and the rows hidden only for it come back
    const all = suppress({ total: 8, rows: [4, 4, 0], additive: true }, 5);
    expect(published(all)).toEqual({ total: null, rows: [null, null, 0] });
    expect(all.total?.state).toBe("hidden");
  });

  it("follows the municipality's threshold", () => {
    expect(suppress({ total: 9, rows: [], additive: false }, 10).total?.state).toBe("small");
    expect(suppress({ total: 9, rows: [], additive: false }, 3).total?.value).toBe(9);
  });

  it("never derives a hidden count from a share", () => {
    expect(suppressedShare({ value: null, state: "small" }, { value: 40, state: "shown" })).toBeNull();
    expect(suppressedShare({ value: 10, state: "shown" }, { value: 40, state: "shown" })).toBe(25);
    expect(suppressedShare({ value: 10, state: "shown" }, { value: null, state: "hidden" })).toBeNull();
  });
});

describe("no published table gives back a small number (exhaustive over small tables)", () => {
  it("for every table of three rows up to 8, the hidden rows add up to 0 or at least the threshold", () => {
    for (let a = 0; a <= 8; a++)
      for (let b = 0; b <= 8; b++)
        for (let c = 0; c <= 8; c++) {
          const rows = [a, b, c];
          const total = a + b + c;
          const m = suppress({ total, rows, additive: true }, 5);
          for (const [i, cell] of m.rows.entries()) {
            if (cell.state === "shown") expect(cell.value).toBe(rows[i]);
            // a zero is written under the threshold only with a small total
            else if (rows[i] === 0) expect(cell.state === "small" && total >= 5).toBe(false);
            if (rows[i] !== undefined && rows[i] > 0 && rows[i] < 5) expect(cell.state).not.toBe("shown");
          }
          if (m.total?.state === "shown") {
            const hiddenSum = rows.reduce((s, v, i) => (m.rows[i]?.state === "shown" ? s : s + v), 0);
            expect(hiddenSum === 0 || hiddenSum >= 5, `${rows}`).toBe(true);
          }
        }
  });
});
