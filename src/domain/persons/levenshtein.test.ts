import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levenshtein, withinEditDistance } from "./levenshtein";

describe("levenshtein", () => {
  it.each([
    ["", "", 0],
    ["", "アイウ", 3],
    ["サトー", "サトー", 0],
    ["サトー", "サイトー", 1],
    ["オノ", "オーノ", 1],
    ["ヤマダ", "ヤマモト", 2],
    ["kitten", "sitting", 3],
    ["𠮷田", "吉田", 1], // one code point, not two UTF-16 units
  ])("%s / %s → %i", (a, b, expected) => {
    expect(levenshtein(a, b)).toBe(expected);
    expect(levenshtein(b, a)).toBe(expected);
  });

  it("is a metric on short strings", () => {
    const word = fc.string({ unit: fc.constantFrom("ア", "イ", "ウ", "ー"), maxLength: 6 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(levenshtein(a, b)).toBe(levenshtein(b, a));
        expect(levenshtein(a, b) === 0).toBe(a === b);
        expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
        expect(withinEditDistance(a, b, 1)).toBe(levenshtein(a, b) <= 1);
      }),
    );
  });
});
