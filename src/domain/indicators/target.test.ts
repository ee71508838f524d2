import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER } from "./milestones";
import { type Comparator, directionOf, formatNumber, formatTarget, parseTarget } from "./target";

const parse = (s: string) => parseTarget(s, DEFAULT_LADDER);

describe("parseTarget: examples", () => {
  it.each<[string, Comparator, number, string]>([
    ["15事業者以上", "gte", 15, "事業者"],
    ["20%以下", "lte", 20, "%"],
    ["4,100人", "eq", 4100, "人"],
    ["６回以上", "gte", 6, "回"],
    ["1,234.5万円", "eq", 1234.5, "万円"],
    ["36.6%", "eq", 36.6, "%"],
    ["65％", "eq", 65, "%"],
    ["5か所以上", "gte", 5, "か所"],
    ["1 団体以上", "gte", 1, "団体"],
    ["3人未満", "lt", 3, "人"],
    ["100件超", "gt", 100, "件"],
    ["30分以内", "lte", 30, "分"],
    ["≧５人", "gte", 5, "人"],
    ["年2回", "eq", 2, "回/年"],
    ["年間4回以上", "gte", 4, "回/年"],
    ["週2回", "eq", 2, "回/週"],
    ["月１回以上", "gte", 1, "回/月"],
    ["12", "eq", 12, ""],
  ])("%s → %s %d %s", (source, comparator, value, unit) => {
    expect(parse(source)).toEqual({ kind: "numeric", comparator, value, unit, source });
  });

  it.each(["適宜", " 適宜 ", "随時", "必要に応じて", "適宜実施"])("%j → asNeeded", (source) => {
    expect(parse(source)).toEqual({ kind: "asNeeded", source });
  });

  it.each([
    ["調査・研究", "調査・研究", 1],
    ["調査研究", "調査・研究", 1],
    ["検討", "検討", 2],
    ["調整", "調整", 3],
    ["試行実施", "試行実施", 4],
    ["実施", "実施", 5],
    ["本格実施", "本格実施", 5],
    ["継続実施", "継続実施", 6],
  ])("%s → milestone %s (rank %d)", (source, step, rank) => {
    expect(parse(source)).toEqual({ kind: "milestone", step, rank, source });
  });

  it("keeps the object of a stage as prefix", () => {
    expect(parse("支援の試行実施")).toEqual({
      kind: "milestone",
      step: "試行実施",
      rank: 4,
      source: "支援の試行実施",
      prefix: "支援の",
    });
  });

  it.each([
    "増加",
    "維持",
    "減少",
    "約100人", // approximate
    "△5%", // negative (Japanese minus)
    "-5%",
    "41,00人", // wrongly grouped digits
    "年2", // period without counter word
    "≧5人以上", // comparison stated twice
    "5人程度",
    "要介護3以上の対象者",
    "",
    "—",
  ])("%j → text", (source) => {
    expect(parse(source)).toEqual({ kind: "text", source });
  });

  it("takes the ladder as data", () => {
    const ladder = { steps: [{ label: "着手", rank: 1 }] };
    expect(parseTarget("着手", ladder)).toMatchObject({ kind: "milestone", step: "着手", rank: 1 });
    expect(parseTarget("検討", ladder)).toEqual({ kind: "text", source: "検討" });
  });
});

describe("directionOf", () => {
  it.each([
    ["増加", "increase"],
    ["向上", "increase"],
    ["減少", "decrease"],
    ["維持", "maintain"],
    ["現状維持", "maintain"],
    ["15人以上", null],
    ["検討", null],
  ])("%s → %s", (s, d) => {
    expect(directionOf(s)).toBe(d);
  });
});

describe("formatTarget", () => {
  it.each([
    ["15事業者以上", "15事業者以上"],
    ["20%以下", "20%以下"],
    ["４，１００人", "4,100人"],
    ["1234.5万円", "1,234.5万円"],
    ["3人未満", "3人未満"],
    ["100件超え", "100件超"],
    ["30分以内", "30分以下"],
    ["年2回", "年2回"],
    ["年間2回以上", "年2回以上"],
    ["調査・研究", "調査・研究"],
    ["調査研究", "調査・研究"],
    ["記録方式の導入", "記録方式の導入"],
    ["基本理念②③の事業　検討", "基本理念②③の事業 検討"],
    ["随時", "適宜"],
    [" ロードマップの作成 ", "ロードマップの作成"],
  ])("%j → %j", (source, shown) => {
    expect(formatTarget(parse(source))).toBe(shown);
  });

  it("formats numbers without depending on locale", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe("1,000");
    expect(formatNumber(1234567.25)).toBe("1,234,567.25");
    expect(formatNumber(-1234)).toBe("-1,234");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property tests

const UNITS = ["事業者", "回", "人", "%", "件", "か所", "団体", "校", "帳票", "万円", "円", "世帯", "時間", ""];
const SUFFIXES: [string, Comparator][] = [
  ["以上", "gte"],
  ["以下", "lte"],
  ["未満", "lt"],
  ["超", "gt"],
  ["", "eq"],
];

function withCommas(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9,.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe("parseTarget: properties", () => {
  it("reads any number with any unit and comparator exactly, in any width, with or without commas", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...SUFFIXES),
        fc.boolean(),
        fc.boolean(),
        (int, frac, unit, [suffix, comparator], commas, fullWidth) => {
          const plain = `${int}${frac !== undefined ? `.${frac}` : ""}`;
          const digits = `${commas ? withCommas(String(int)) : String(int)}${frac !== undefined ? `.${frac}` : ""}`;
          const written = `${digits}${unit}`;
          const source = `${fullWidth ? toFullWidth(written) : written}${suffix}`;
          expect(parse(source)).toEqual({ kind: "numeric", comparator, value: Number(plain), unit, source });
        },
      ),
    );
  });

  it("keeps the source exactly and never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(parse(s).source).toBe(s);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789,.%人回以上下未満超年週の実施検討 　－"), maxLength: 12 }),
        (s) => {
          const t = parse(s);
          expect(t.source).toBe(s);
          if (t.kind === "numeric") expect(Number.isFinite(t.value)).toBe(true);
        },
      ),
    );
  });

  it("formats numeric targets so that they parse back to the same target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...SUFFIXES),
        (value, unit, [suffix]) => {
          const t = parse(`${value}${unit}${suffix}`);
          const again = parse(formatTarget(t));
          expect({ ...again, source: "" }).toEqual({ ...t, source: "" });
        },
      ),
    );
  });
});
