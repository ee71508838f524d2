import { describe, expect, it } from "vitest";
import { compareCodes, evaluationLevelOf } from "./plan-items.js";

const sorted = (codes: (string | null)[]) => [...codes].sort(compareCodes);
const plan = (evaluationLevel: number | null, levels: number) => ({
  evaluationLevel,
  levelNames: Array.from({ length: levels }, (_, i) => `階層${i + 1}`),
});

describe("compareCodes", () => {
  it("compares numeric parts as numbers and puts a parent before its children", () => {
    expect(sorted(["1-2-10", "1-2-9", "1-10", "1-2", "2", "1"])).toEqual(["1", "1-2", "1-2-9", "1-2-10", "1-10", "2"]);
    expect(compareCodes("01", "1")).toBe(0);
  });

  it("puts items without a code last", () => {
    expect(sorted([null, "2", null, "1"])).toEqual(["1", "2", null, null]);
    expect(compareCodes(null, null)).toBe(0);
  });

  // where the copies differed: the part-by-part parser copy answered NaN for any part that is not a number, the
  // snapshot copy compared such parts by code point and read full-width digits as text
  it("orders codes typed with letters, brackets or full-width digits as a reader would", () => {
    expect(sorted(["A-2", "A-10", "A-1"])).toEqual(["A-1", "A-2", "A-10"]);
    expect(sorted(["(2)", "(1)"])).toEqual(["(1)", "(2)"]);
    expect(sorted(["B", "a"])).toEqual(["a", "B"]);
    expect(sorted(["1-3", "１-２"])).toEqual(["１-２", "1-3"]);
    expect(sorted(["イ", "ア"])).toEqual(["ア", "イ"]);
  });

  it("is a total order for sort (never NaN)", () => {
    for (const [a, b] of [
      ["1-a", "1-b"],
      ["ア", "1"],
      ["", "1"],
    ] as const) {
      expect(Number.isNaN(compareCodes(a, b))).toBe(false);
      expect(Math.sign(compareCodes(a, b))).toBe(-Math.sign(compareCodes(b, a)));
    }
  });
});

describe("evaluationLevelOf", () => {
  it("is the plan's evaluation level when it is one of its levels", () => {
    expect(evaluationLevelOf(plan(0, 3))).toBe(0);
    expect(evaluationLevelOf(plan(1, 3))).toBe(1);
    expect(evaluationLevelOf(plan(2, 3))).toBe(2);
  });

  it("is the last level when none is set", () => {
    expect(evaluationLevelOf(plan(null, 3))).toBe(2);
    expect(evaluationLevelOf(plan(null, 1))).toBe(0);
  });

  // where the copies differed: the indicators' copy clamped a negative level to the first level and kept a
  // fraction; the sheets and the 総括表 took the last level, and answered -1 for a plan without levels
  it("is the last level when the set one is not a level of the plan", () => {
    expect(evaluationLevelOf(plan(5, 3))).toBe(2);
    expect(evaluationLevelOf(plan(-1, 3))).toBe(2);
    expect(evaluationLevelOf(plan(1.5, 3))).toBe(2);
  });

  it("is level 0 for a plan without levels", () => {
    expect(evaluationLevelOf(plan(null, 0))).toBe(0);
    expect(evaluationLevelOf(plan(0, 0))).toBe(0);
  });
});
