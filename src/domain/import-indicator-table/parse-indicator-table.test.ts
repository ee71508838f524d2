/**
 * The Meguro basic-plan excerpt (seed 001) and small synthetic tables. Expected indicators, lines and years were
 * read from the source text, not copied from the parser's output.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seed } from "../../../test/helpers/seeds.js";
import { readFiscalYear } from "./indicator-years";
import {
  isIndicatorTableDocument,
  parseIndicatorTable,
  parseIndicatorTableWithCoverage,
} from "./parse-indicator-table";

const seedText = (name: string) => seed(`${name}.txt`).toString("utf8");
const SEED = seedText("001_654a87ab66aebbaf");
const doc = parseIndicatorTable(SEED);
const lineCount = (text: string) => text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).length;

function expectFullCoverage(text: string): void {
  const { document, usedLines } = parseIndicatorTableWithCoverage(text);
  const all = [...usedLines, ...document.unparsed.map((u) => u.line)].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: lineCount(text) }, (_, i) => i + 1));
}

const P1 = "政策1 地域共生社会*の実現の推進";
const P2 = "政策2 生涯現役社会・エイジレス社会の推進";

describe("Meguro basic plan indicator tables (seed 001)", () => {
  it("is recognised, and the other seeds are not", () => {
    expect(isIndicatorTableDocument(SEED)).toBe(true);
    for (const other of ["000_0609a957ecd4939b", "002_d34aff6a9cbdb26d", "003_85eef98ea598c221"]) {
      expect(isIndicatorTableDocument(seedText(other))).toBe(false);
    }
  });

  it("finds the 13 indicators of the 2 区政評価指標 and 5 成果指標 tables under their headings", () => {
    expect(doc.kind).toBe("indicator-table");
    expect(doc.title).toBe(P1);
    expect(doc.indicators.map((i) => [i.line, i.policy, i.parentPolicy, i.indicatorType])).toEqual([
      [18, P1, null, "区政評価指標"],
      [80, "施策 1 包括的な相談支援体制の充実", P1, "成果指標名"],
      [81, "施策 1 包括的な相談支援体制の充実", P1, "成果指標名"],
      [131, "施策 2 地域における支え合いの推進", P1, "成果指標名"],
      [132, "施策 2 地域における支え合いの推進", P1, "成果指標名"],
      [190, "施策 3 生活の安定と自立支援", P1, "成果指標名"],
      [191, "施策 3 生活の安定と自立支援", P1, "成果指標名"],
      [230, P2, null, "区政評価指標"],
      [285, "施策 1 介護予防*の推進", P2, "成果指標名"],
      [286, "施策 1 介護予防*の推進", P2, "成果指標名"],
      [336, "施策 2 多様な地域・社会参加の場の充実", P2, "成果指標名"],
      [337, "施策 2 多様な地域・社会参加の場の充実", P2, "成果指標名"],
      [338, "施策 2 多様な地域・社会参加の場の充実", P2, "成果指標名"],
    ]);
  });

  it("keeps names and values as written; every target is for 令和13年度末 and no baseline gives a year", () => {
    expect(doc.indicators[0]).toMatchObject({
      name: "みんながつながり、支え合いながら自分らしく暮らしているまちになっていると感じている区民の割合",
      baseline: { source: "36.6%", fiscalYear: null },
      target: { source: "65%", fiscalYear: 2031 },
    });
    expect(doc.indicators.map((i) => [i.baseline.source, i.target.source])).toEqual([
      ["36.6%", "65%"],
      ["50.7%", "70%"],
      ["21.6%", "25%"],
      ["—", "100件"],
      ["—", "3,000人"],
      ["40人", "60人"],
      ["9人", "30人"],
      ["39.4%", "65%"],
      ["6,700人", "9,600人"],
      ["-", "20%"],
      ["37%", "70%"],
      ["3,800人", "4,500人"],
      ["1,221人", "1,700人"],
    ]);
    expect(doc.indicators.filter((i) => i.target.fiscalYear === 2031)).toHaveLength(13);
    expect(doc.indicators.filter((i) => i.baseline.fiscalYear !== null)).toHaveLength(0);
    expect(doc.indicators[9]?.name).toBe("介護予防*事業参加者の地域活動への参加率");
    expect(doc.warnings).toEqual([]);
  });

  it("lists everything but headings, table labels and table rows as unparsed", () => {
    const headings = [3, 36, 45, 53, 62, 115, 174, 217, 246, 254, 269, 320];
    const labels = [14, 76, 127, 186, 226, 281, 332];
    const headers = [16, 78, 129, 188, 228, 283, 334];
    const yearLines = headers.map((n) => n + 1);
    const rows = doc.indicators.map((i) => i.line);
    const used = new Set([...headings, ...labels, ...headers, ...yearLines, ...rows]);
    const nonBlank = SEED.split("\n").flatMap((l, i) => (/^[\s\u3000]*$/.test(l) ? [] : [i + 1]));
    expect(doc.unparsed.map((u) => u.line)).toEqual(nonBlank.filter((n) => !used.has(n)));
    expect(doc.unparsed.map((u) => u.line)).toContain(20); // the question under the first table
    expectFullCoverage(SEED);
  });
});

describe("synthetic indicator tables", () => {
  const TEXT = [
    "政策3 子育て支援の充実",
    "区政評価指標",
    "区政評価指標\t現状値（令和4年度）\t計画目標値",
    "子育てしやすいと感じる区民の割合\t50%\t70%（令和13年度末）",
    "",
    "施策 1 保育の充実",
    "成果指標名\t現状値\t計画目標値",
    "\t令和5年3月末\t令和10年度末",
    "待機児童数\t3人\t0人",
    "保育所数\t40か所（令和6年度）\t45か所",
  ].join("\n");

  it("reads years from the column title, the year line and the cell itself", () => {
    const d = parseIndicatorTable(TEXT);
    expect(isIndicatorTableDocument(TEXT)).toBe(true);
    expect(d.indicators.map((i) => [i.policy, i.name, i.baseline, i.target])).toEqual([
      [
        "政策3 子育て支援の充実",
        "子育てしやすいと感じる区民の割合",
        { source: "50%", fiscalYear: 2022 },
        { source: "70%（令和13年度末）", fiscalYear: 2031 },
      ],
      ["施策 1 保育の充実", "待機児童数", { source: "3人", fiscalYear: 2022 }, { source: "0人", fiscalYear: 2028 }],
      [
        "施策 1 保育の充実",
        "保育所数",
        { source: "40か所（令和6年度）", fiscalYear: 2024 },
        { source: "45か所", fiscalYear: 2028 },
      ],
    ]); // 令和5年3月末 is in 令和4年度 (2022)
    expect(d.warnings).toEqual([]);
    expect(d.unparsed).toEqual([]);
  });

  it("reports a target without a year, a missing value, an extra cell and a repeated name", () => {
    const d = parseIndicatorTable(
      [
        "施策 2 相談の充実",
        "成果指標名\t現状値\t計画目標値",
        "相談件数\t100件\t200件",
        "訪問件数\t10件",
        "相談件数\t100件\t200件\t備考あり",
      ].join("\n"),
    );
    expect(d.warnings.map((w) => [w.kind, w.line])).toEqual([
      ["missing_target_year", 3],
      ["missing_value", 4],
      ["extra_cells", 5],
      ["missing_target_year", 5],
      ["duplicate_indicator", 5],
    ]);
    expect(d.warnings[2]?.message).toContain("備考あり");
  });

  it("reads the fiscal year forms plans use", () => {
    expect(
      [
        "令和13年度末",
        "(令和4年度)",
        "R5年度",
        "令和6(2024)年度",
        "2031年度",
        "令和5年3月末",
        "令和5年4月1日現在",
        "令和元年度",
      ].map(readFiscalYear),
    ).toEqual([2031, 2022, 2023, 2024, 2031, 2022, 2023, 2019]);
    expect(["令和4年", "36.6%", "", "—"].map(readFiscalYear)).toEqual([null, null, null, null]);
  });
});

describe("input that is not an indicator table", () => {
  it("does not throw and lists every non-blank line as unparsed", () => {
    const garbage = ["政策とは何か", "\t現状値\t", "成果指標", "a\tb\tc", "", "----------------\t--", "🙂"].join("\n");
    const d = parseIndicatorTable(garbage);
    expect(isIndicatorTableDocument(garbage)).toBe(false);
    expect(d.indicators).toEqual([]);
    expect(d.title).toBe("");
    expect(d.unparsed.map((u) => u.line)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(parseIndicatorTable("").unparsed).toEqual([]);
  });

  it("covers every line of any text exactly once, and never throws", () => {
    const piece = fc.constantFrom(
      "政策1 見出し",
      "施策 1 見出し",
      "成果指標名\t現状値\t計画目標値",
      "\t\t令和13年度末",
      "指標\t1\t2",
      "\t",
      "成果指標",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (lines) => {
        expectFullCoverage(lines.join("\n"));
      }),
      { numRuns: 200 },
    );
  });
});
