import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Actual, type Attainment, attainment, compareWithTolerance } from "./attainment";
import { DEFAULT_LADDER } from "./milestones";
import { type Comparator, parseTarget, type Target } from "./target";

const target = (s: string) => parseTarget(s, DEFAULT_LADDER);
const n = (value: number): Actual => ({ kind: "number", value });
const step = (s: string): Actual => ({ kind: "milestone", step: s });
const text = (s: string): Actual => ({ kind: "text", text: s });

describe("attainment: numbers", () => {
  it.each<[string, Actual, Attainment["status"], number | null]>([
    // ≥
    ["15事業者以上", n(15), "met", 1],
    ["15事業者以上", n(18), "met", 1.2],
    ["15事業者以上", n(12), "notMet", 0.8],
    ["15事業者以上", n(0), "notMet", 0],
    ["0件以上", n(3), "met", null], // no ratio to a zero target
    // >
    ["100件超", n(100), "notMet", 1],
    ["100件超", n(101), "met", 1.01],
    // ≤ (rate = target ÷ actual: smaller actual is better)
    ["20%以下", n(20), "met", 1],
    ["20%以下", n(10), "met", 2],
    ["20%以下", n(25), "notMet", 0.8],
    ["20%以下", n(0), "met", null],
    ["0件以下", n(0), "met", null],
    ["0件以下", n(2), "notMet", 0],
    // <
    ["3人未満", n(3), "notMet", 1],
    ["3人未満", n(2), "met", 1.5],
    // =
    ["4,100人", n(4100), "met", 1],
    ["4,100人", n(4000), "notMet", 4000 / 4100],
    ["4,100人", n(4500), "notMet", 4500 / 4100],
    ["0.3%", n(0.1 + 0.2), "met", (0.1 + 0.2) / 0.3], // float noise is not a difference
    ["36.6%", n(36.61), "notMet", 36.61 / 36.6],
  ])("%s vs %j → %s", (t, actual, status, rate) => {
    const a = attainment(target(t), actual);
    expect(a.status).toBe(status);
    if (rate === null) expect(a.rate).toBeNull();
    else expect(a.rate).toBeCloseTo(rate, 12);
    expect(a.reason).not.toBe("");
  });

  it("explains in Japanese", () => {
    expect(attainment(target("15事業者以上"), n(18)).reason).toBe(
      "実績 18事業者 は目標 15事業者以上 を満たしています（達成率 120.0%）",
    );
    expect(attainment(target("20%以下"), n(25)).reason).toBe(
      "実績 25% は目標 20%以下 を上回っています（達成率 80.0%）",
    );
    expect(attainment(target("4,100人"), n(4000)).reason).toBe(
      "実績 4,000人 は目標 4,100人 に届いていません（達成率 97.6%）",
    );
  });

  it("reads actuals typed as text in the target's unit", () => {
    expect(attainment(target("15事業者以上"), text("１６事業者"))).toMatchObject({ status: "met" });
    expect(attainment(target("15事業者以上"), text("16"))).toMatchObject({ status: "met" });
    expect(attainment(target("15事業者以上"), text("16人"))).toMatchObject({ status: "manual" });
    expect(attainment(target("15事業者以上"), text("概ね達成"))).toMatchObject({ status: "manual" });
    expect(attainment(target("15事業者以上"), step("実施"))).toMatchObject({ status: "manual" });
  });

  it.each([text(""), text(" "), text("—"), n(Number.NaN), n(Number.POSITIVE_INFINITY), step("")])(
    "no actual: %j",
    (actual) => {
      expect(attainment(target("15事業者以上"), actual)).toEqual({
        status: "noActual",
        rate: null,
        reason: "実績が入力されていません",
      });
      expect(attainment(target("適宜"), actual).status).toBe("noActual");
    },
  );
});

describe("attainment: ladder", () => {
  it.each<[string, Actual, Attainment["status"]]>([
    ["調査・研究", step("調査・研究"), "met"],
    ["調査・研究", step("検討"), "met"],
    ["試行実施", step("検討"), "notMet"],
    ["試行実施", step("試行"), "met"],
    ["実施", step("本格実施"), "met"], // equal rank
    ["本格実施", step("実施"), "met"],
    ["本格実施", step("試行実施"), "notMet"],
    ["継続実施", step("実施"), "notMet"],
    ["継続実施", step("拡充"), "met"],
    ["支援の試行実施", text("支援の本格実施"), "met"],
    ["新たな装置等の調整", text("検討"), "notMet"],
    ["検討", text("未実施"), "notMet"],
    ["調査・研究", text("中止"), "notMet"],
    ["検討", text("関係課と協議中"), "manual"],
    ["検討", n(1), "manual"],
  ])("%s vs %j → %s", (t, actual, status) => {
    const a = attainment(target(t), actual);
    expect(a.status).toBe(status);
    expect(a.rate).toBeNull();
  });

  it("uses the ladder it is given", () => {
    const ladder = {
      steps: [
        { label: "着手", rank: 1 },
        { label: "完了", rank: 2 },
      ],
    };
    const t = parseTarget("完了", ladder);
    expect(attainment(t, step("着手"), ladder).status).toBe("notMet");
    expect(attainment(t, step("完了"), ladder).status).toBe("met");
  });
});

describe("attainment: targets without a measure", () => {
  it.each([
    ["適宜", "目標が「適宜」のため、実施状況から担当課が判定してください"],
    ["ロードマップの作成", "目標が数値や段階で表されていないため、手動で判定してください"],
  ])("%s → manual", (t, reason) => {
    expect(attainment(target(t), text("作成済み"))).toEqual({ status: "manual", rate: null, reason });
    expect(attainment(target(t), n(3)).status).toBe("manual");
  });
});

describe("attainment: properties", () => {
  const comparators: [Comparator, (a: number, t: number) => boolean][] = [
    ["gte", (a, t) => a >= t],
    ["gt", (a, t) => a > t],
    ["lte", (a, t) => a <= t],
    ["lt", (a, t) => a < t],
    ["eq", (a, t) => a === t],
  ];
  const numericTarget = (comparator: Comparator, value: number): Target => ({
    kind: "numeric",
    comparator,
    value,
    unit: "人",
    source: "",
  });

  it("met ⇔ the comparator holds (integers, where the tolerance cannot matter)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...comparators),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        ([comparator, holds], t, a) => {
          const result = attainment(numericTarget(comparator, t), n(a));
          expect(result.status).toBe(holds(a, t) ? "met" : "notMet");
        },
      ),
    );
  });

  it("rate is never NaN or ±Infinity and status is always decided for finite numbers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...comparators.map(([c]) => c)),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (comparator, t, a) => {
          const result = attainment(numericTarget(comparator, t), n(a));
          expect(["met", "notMet"]).toContain(result.status);
          if (result.rate !== null) expect(Number.isFinite(result.rate)).toBe(true);
        },
      ),
    );
  });

  it("rate is never NaN or ±Infinity for any target and actual", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.constantFrom("15事業者以上", "20%以下", "4,100人", "0件以下", "適宜", "検討"),
        ),
        fc.oneof(
          fc.double().map(n),
          fc.string({ maxLength: 8 }).map(text),
          fc.constantFrom("検討", "実施", "未実施", "").map(step),
        ),
        (t, actual) => {
          const result = attainment(target(t), actual);
          if (result.rate !== null) expect(Number.isFinite(result.rate)).toBe(true);
          expect(result.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("treats values within the tolerance as equal and others as different", () => {
    expect(compareWithTolerance(0.1 + 0.2, 0.3)).toBe(0);
    expect(compareWithTolerance(1e12 + 1e-4, 1e12)).toBe(0);
    expect(compareWithTolerance(36.61, 36.6)).toBe(1);
    expect(compareWithTolerance(0, 1e-6)).toBe(-1);
  });
});
