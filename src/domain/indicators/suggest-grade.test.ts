/** The grade a sheet's indicators suggest (attainment of each indicator: attainment.test.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FOUR_STEP_SCALE, MEGURO_SCALE, SABC_SCALE } from "../grades";
import { type Attainment, EXCEED_RATE, suggestGrade } from "./attainment";

const met = (rate: number | null = 1): Attainment => ({ status: "met", rate, reason: "" });
const notMet = (rate: number | null = 0.5): Attainment => ({ status: "notMet", rate, reason: "" });
const manual: Attainment = { status: "manual", rate: null, reason: "" };
const noActual: Attainment = { status: "noActual", rate: null, reason: "" };

describe("suggestGrade", () => {
  it.each<[string, Attainment[], string | null]>([
    ["all met, one ≥ 120%", [met(1), met(1.25)], "AA"],
    ["all met, none ≥ 120%", [met(1), met(1.1)], "A"],
    ["all met, stages only (no rate)", [met(null), met(null)], "A"],
    ["3 of 4 met", [met(), met(), met(2), notMet()], "B"],
    ["half met", [met(), notMet()], "B"],
    ["1 of 3 met", [met(), notMet(), notMet()], "C"],
    ["none met", [notMet(), notMet()], "D"],
    ["manual and missing are left out", [met(1.3), manual, noActual], "AA"],
    ["nothing decidable", [manual, noActual], null],
    ["no indicators", [], null],
  ])("目黒 AA–D: %s → %s", (_name, attainments, grade) => {
    expect(suggestGrade(attainments, MEGURO_SCALE).grade).toBe(grade);
  });

  it.each<[Attainment[], string]>([
    [[met(1.5)], "A"], // no "exceeded" grade in this scale
    [[met(), met(), notMet()], "B"],
    [[met(), notMet(), notMet()], "C"],
    [[notMet()], "D"],
  ])("A–D: %j → %s", (attainments, grade) => {
    expect(suggestGrade(attainments, FOUR_STEP_SCALE).grade).toBe(grade);
  });

  it.each<[Attainment[], string]>([
    [[met(1.5)], "S"],
    [[met(1)], "A"],
    [[met(), notMet(), notMet(), notMet()], "B"],
    [[notMet()], "C"],
  ])("S–C: %j → %s", (attainments, grade) => {
    expect(suggestGrade(attainments, SABC_SCALE).grade).toBe(grade);
  });

  it("handles tiny scales", () => {
    const two = [
      { code: "○", label: "達成" },
      { code: "×", label: "未達成" },
    ];
    expect(suggestGrade([met()], two).grade).toBe("○");
    expect(suggestGrade([met(), notMet()], two).grade).toBe("×");
    expect(suggestGrade([notMet()], [{ code: "-", label: "評価" }]).grade).toBe("-");
    expect(suggestGrade([met()], [])).toEqual({ grade: null, reason: "評価区分が定義されていません" });
  });

  it("explains in Japanese", () => {
    expect(suggestGrade([met(1.3), met(1), manual, noActual], MEGURO_SCALE)).toEqual({
      grade: "AA",
      reason: "判定できる指標2件中2件達成（手動判定1件、実績未入力1件は除外）、うち1件は達成率120%以上",
    });
    expect(suggestGrade([manual], MEGURO_SCALE)).toEqual({
      grade: null,
      reason: "自動で判定できる指標がありません（手動判定1件は除外）",
    });
  });

  it("is monotonic: more met indicators never give a worse grade", () => {
    const scales = [MEGURO_SCALE, FOUR_STEP_SCALE, SABC_SCALE];
    fc.assert(
      fc.property(
        fc.constantFrom(...scales),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (scale, total, k) => {
          const metCount = Math.min(k, total);
          const build = (m: number) => [
            ...Array.from({ length: m }, () => met(1)),
            ...Array.from({ length: total - m }, () => notMet()),
          ];
          const codes = scale.map((g) => g.code);
          const a = codes.indexOf(suggestGrade(build(metCount), scale).grade ?? "");
          expect(a).toBeGreaterThanOrEqual(0);
          if (metCount < total) {
            const b = codes.indexOf(suggestGrade(build(metCount + 1), scale).grade ?? "");
            expect(b).toBeLessThanOrEqual(a);
          }
        },
      ),
    );
  });

  it("suggests the exceeded grade only when everything is met and some rate reaches EXCEED_RATE", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }).map(met), fc.constant(notMet())), {
          minLength: 1,
        }),
        (as) => {
          const grade = suggestGrade(as, MEGURO_SCALE).grade;
          const allMet = as.every((a) => a.status === "met");
          const some = as.some((a) => a.rate !== null && a.rate >= EXCEED_RATE);
          expect(grade === "AA").toBe(allMet && some);
        },
      ),
    );
  });
});
