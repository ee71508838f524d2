/**
 * Small hand-written plans in the layout of the Komae seed, changed one thing at a time, plus garbage input and a
 * line-coverage property.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isImplementationPlanDocument,
  parseImplementationPlan,
  parseImplementationPlanWithCoverage,
} from "./parse-implementation-plan";
import type { ParsedImplementationPlan } from "./types";

/** The targets of an activity for R6, R7 and R8 (fiscal years 2024–2026), as written. */
const r6ToR8 = (...sources: string[]) => sources.map((source, i) => ({ fiscalYear: 2024 + i, source }));

const LINES = [
  "テスト市福祉計画 実施計画", // 1
  "", // 2
  "基本目標 1", // 3
  "安心して暮らせるまち", // 4
  "基本目標 2", // 5
  "つながりのあるまち", // 6
  "", // 7
  "安心して暮らせるまち 基本目標1\t相談支援に関すること\t\t構成計画\t\t\t\t関連頁", // 8
  "\t施策No\t施策\t地\t後\t高\t障\t", // 9
  "\t1-1\t相談支援を充実します。\t●\t\t\t●\t3", // 10
  "つながりのあるまち 基本目標2\t地域づくりに関すること\t\t構成計画\t\t\t\t関連頁", // 11
  "\t施策No\t施策\t地\t後\t高\t障\t", // 12
  "\t2-1\t居場所づくりを進めます。\t●\t\t\t★\t4", // 13
  "", // 14
  "基本目標\t施策No\t重点取組\t福祉課\t高齢課\t頁", // 15
  "1：安心して暮らせるまち\t1-1-1\t相談窓口の拡充\t●\t\t3", // 16
  "\t1-1-2\t訪問支援の実施\t●\t●\t3", // 17
  "2：つながりのあるまち\t2-1-1\t居場所の設置\t●\t\t4", // 18
  "2-1-2\t訪問支援の実施（再掲）\t●\t●\t4", // 19: lost its first cell, like seed line 252
  "", // 20
  "年度\t令和6(2024)", // 21
  "基本目標\t安心して暮らせるまち", // 22
  "施策No.\t1-1\t施策\t相談支援を充実します。", // 23
  "取組No.\t1-1-1\t重点取組\t相談窓口の拡充", // 24
  "担当課\t福祉課\t大施策\t相談支援に関すること\t構成計画\t地 ● 後\t高 障 ●", // 25
  "区分\t拡充", // 26
  "①事業概要", // 27
  "窓口を増やします。", // 28
  "②施策に関する具体的な事業や取組", // 29
  "事業(取組)内容\t成果(活動)指標\t\tR 6\tR 7\tR 8", // 30
  "窓口の設置 担当課：福祉課\t窓口数\t③目標(値)\t1か所\t2か所\t3か所", // 31
  "取組No.\t1-1-2\t重点取組\t訪問支援の実施", // 32
  "担当課\t福祉課・高齢課\t大施策\t相談支援に関すること\t構成計画\t地\t●\t後\t高\t障\t●", // 33
  "区分\t新規", // 34
  "①事業概要", // 35
  "自宅を訪ねて相談を受けます。", // 36
  "②施策に関する具体的な事業や取組", // 37
  "事業（取組）内容\t成果(活動)指標\t\tR 6\tR 7\tR 8", // 38
  "訪問の実施 担当課：福祉課・高齢課\t訪問件数\t③目標(値)\t10件\t20件\t30件", // 39
  "", // 40
  "基本目標\tつながりのあるまち", // 41
  "施策No.\t2-1\t施策\t居場所づくりを進めます。", // 42
  "取組No.\t2-1-1\t重点取組\t居場所の設置", // 43
  "担当課\t福祉課\t大施策\t地域づくりに関すること\t構成計画\t地 ● 後 高 障 ★", // 44
  "区分\t継続", // 45
  "①事業概要", // 46
  "居場所を設けます。", // 47
  "②施策に関する具体的な事業や取組", // 48
  "事業(取組)内容\t成果(活動)指標\t\tR 6\tR 7\tR 8", // 49
  "居場所の運営 担当課：福祉課\t—\t③目標(値)\t検討\t試行\t実施", // 50
  "取組No.\t2-1-2\t重点取組\t(再掲) 訪問支援の実施", // 51
  "担当課\t福祉課・高齢課\t大施策\t地域づくりに関すること\t構成計画\t地 ● 後 高 障 ★", // 52
  "区分\t新規", // 53
  "①事業概要", // 54
  "自宅を訪ねて相談を受けます。", // 55
  "②施策に関する具体的な事業や取組", // 56
  "事業(取組)内容\t成果(活動)指標\t\tR 6\tR 7\tR 8", // 57
  "(再掲)訪問の実施 担当課：福祉課・高齢課\t訪問件数\t③目標(値)\t10件\t20件\t30件", // 58
];
const TEXT = LINES.join("\n");

const replaceLine = (n: number, text: string) => LINES.map((l, i) => (i === n - 1 ? text : l)).join("\n");
const kindsAndLines = (doc: ParsedImplementationPlan) => doc.warnings.map((w) => [w.kind, w.line]);
const lineCount = (text: string) => text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).length;

/** Every line is used or unparsed, never both, never neither. */
function expectFullCoverage(text: string): void {
  const { document, usedLines } = parseImplementationPlanWithCoverage(text);
  const all = [...usedLines, ...document.unparsed.map((u) => u.line)].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: lineCount(text) }, (_, i) => i + 1));
}

describe("a small synthetic plan", () => {
  const doc = parseImplementationPlan(TEXT);

  it("parses goals, measures, initiatives, activities and the matrix without warnings", () => {
    expect(isImplementationPlanDocument(TEXT)).toBe(true);
    expect(doc.title).toBe("テスト市福祉計画 実施計画");
    expect(doc.fiscalYears).toEqual([2024, 2025, 2026]);
    expect(doc.goals.map((g) => [g.code, g.title, g.measures.map((m) => m.code)])).toEqual([
      ["1", "安心して暮らせるまち", ["1-1"]],
      ["2", "つながりのあるまち", ["2-1"]],
    ]);
    const [m1, m2] = doc.goals.flatMap((g) => g.measures);
    expect([m1?.constituentPlans, m1?.star, m2?.constituentPlans, m2?.star]).toEqual([
      ["地", "障"],
      false,
      ["地", "障"],
      true,
    ]);
    expect(m1?.initiatives.map((i) => [i.code, i.departments, i.category, i.overview])).toEqual([
      ["1-1-1", ["福祉課"], "拡充", "窓口を増やします。"],
      ["1-1-2", ["福祉課", "高齢課"], "新規", "自宅を訪ねて相談を受けます。"],
    ]);
    expect(m2?.initiatives[0]?.activities[0]).toEqual({
      title: "居場所の運営",
      line: 50,
      departments: ["福祉課"],
      indicator: "—",
      targets: r6ToR8("検討", "試行", "実施"),
      unfiledTargets: [],
      relistOf: null,
    });
    expect(doc.matrix.departments).toEqual(["福祉課", "高齢課"]);
    expect(doc.matrix.cells.map((c) => `${c.initiativeCode}:${c.department}`)).toEqual([
      "1-1-1:福祉課",
      "1-1-2:福祉課",
      "1-1-2:高齢課",
      "2-1-1:福祉課",
      "2-1-2:福祉課",
      "2-1-2:高齢課",
    ]);
    expect(doc.warnings).toEqual([]);
    expect(doc.unparsed).toEqual([]);
  });

  it("links the re-listed initiative and activity to their originals", () => {
    const relisted = doc.goals[1]?.measures[0]?.initiatives[1];
    expect(relisted?.relistOf).toBe("1-1-2");
    expect(relisted?.activities[0]?.relistOf).toBe("1-1-2#1");
  });

  it("gives the same result for CRLF line ends and a BOM", () => {
    const crlf = `\uFEFF${TEXT.replace(/\n/g, "\r\n")}`;
    expect(parseImplementationPlan(crlf)).toEqual(doc);
    expectFullCoverage(crlf);
  });
});

describe("disagreements in a synthetic plan", () => {
  it("reports a matrix mark under another department, naming both values", () => {
    const doc = parseImplementationPlan(replaceLine(16, "1：安心して暮らせるまち\t1-1-1\t相談窓口の拡充\t\t●\t3"));
    expect(kindsAndLines(doc)).toEqual([["department_mismatch", 16]]);
    expect(doc.warnings[0]?.message).toContain("「高齢課」");
    expect(doc.warnings[0]?.message).toContain("「福祉課」");
    expect(doc.warnings[0]?.message).toContain("25行目");
  });

  it("reports a sheet department the matrix does not mark", () => {
    const doc = parseImplementationPlan(
      replaceLine(25, "担当課\t福祉課・高齢課\t大施策\t相談支援に関すること\t構成計画\t地 ● 後\t高 障 ●"),
    );
    expect(kindsAndLines(doc)).toEqual([["department_mismatch", 16]]);
  });

  it("reports a re-listed activity with no original, and one that differs from its original", () => {
    const unresolved = parseImplementationPlan(
      replaceLine(50, "(再掲)見守りの実施 担当課：福祉課\t—\t③目標(値)\t検討\t試行\t実施"),
    );
    expect(kindsAndLines(unresolved)).toEqual([["relist_unresolved", 50]]);
    expect(unresolved.goals[1]?.measures[0]?.initiatives[0]?.activities[0]?.relistOf).toBeNull();
    // Inside a re-listed initiative a reworded activity is still found at the same position in the original.
    const reworded = parseImplementationPlan(
      replaceLine(58, "(再掲)見守りの実施 担当課：福祉課・高齢課\t訪問件数\t③目標(値)\t10件\t20件\t30件"),
    );
    expect(kindsAndLines(reworded)).toEqual([["relist_mismatch", 58]]);
    expect(reworded.goals[1]?.measures[0]?.initiatives[1]?.activities[0]?.relistOf).toBe("1-1-2#1");
    const differs = parseImplementationPlan(
      replaceLine(58, "(再掲)訪問の実施 担当課：福祉課\t訪問件数\t③目標(値)\t10件\t25件\t30件"),
    );
    expect(kindsAndLines(differs)).toEqual([
      ["relist_mismatch", 58],
      ["relist_mismatch", 58],
    ]);
    expect(differs.warnings.map((w) => w.message).join()).toContain("R7 25件");
  });

  it("reports a missing sheet and a sheet missing from the matrix", () => {
    const withoutSheet = [...LINES.slice(0, 42), ...LINES.slice(50)].join("\n"); // drops sheet 2-1-1 (lines 43–50)
    expect(kindsAndLines(parseImplementationPlan(withoutSheet))).toEqual([["missing_sheet", 18]]);
    const withoutRow = LINES.filter((_, i) => i !== 17).join("\n"); // drops matrix line 18
    expect(kindsAndLines(parseImplementationPlan(withoutRow))).toEqual([["missing_matrix_row", 42]]);
  });

  it("reports names, 大施策 and 構成計画 that differ between the diagram and the sheets", () => {
    const renamed = parseImplementationPlan(replaceLine(23, "施策No.\t1-1\t施策\t相談支援を強化します。"));
    expect(kindsAndLines(renamed)).toEqual([["title_mismatch", 23]]);
    const moved = parseImplementationPlan(
      replaceLine(44, "担当課\t福祉課\t大施策\t相談支援に関すること\t構成計画\t地 ● 後 高 ● 障 ★"),
    );
    expect(kindsAndLines(moved)).toEqual([
      ["constituent_plan_mismatch", 13],
      ["major_measure_mismatch", 44],
    ]);
  });

  it("reports an activity with a missing target", () => {
    const doc = parseImplementationPlan(replaceLine(31, "窓口の設置 担当課：福祉課\t窓口数\t③目標(値)\t1か所\t2か所"));
    expect(kindsAndLines(doc)).toEqual([["target_count_mismatch", 31]]);
  });
});

describe("activity tables that disagree on their fiscal-year columns", () => {
  // Three tables say R7 R8 R9; the table of sheet 2-1-1 (line 49) still says R6 R7 R8.
  const R7_R9 = "事業(取組)内容\t成果(活動)指標\t\tR 7\tR 8\tR 9";
  const text = LINES.map((l, i) => ([30, 38, 57].includes(i + 1) ? R7_R9 : l)).join("\n");
  const doc = parseImplementationPlan(text);
  const activity = (line: number) =>
    doc.goals
      .flatMap((g) => g.measures.flatMap((m) => m.initiatives.flatMap((i) => i.activities)))
      .find((a) => a.line === line);

  it("reports the odd table on its header line, naming the initiative and both headings", () => {
    expect(kindsAndLines(doc)).toEqual([["fiscal_year_mismatch", 49]]);
    const message = doc.warnings[0]?.message ?? "";
    expect(message).toContain("重点取組2-1-1");
    expect(message).toContain("「R6 R7 R8」");
    expect(message).toContain("「R7 R8 R9」");
    expect(message).toContain("目標（3件）");
  });

  it("keeps the plan's period and files the odd table's targets under no year, as written", () => {
    expect(doc.fiscalYears).toEqual([2025, 2026, 2027]);
    expect([doc.startFiscalYear, doc.endFiscalYear]).toEqual([2025, 2027]);
    expect(activity(50)).toMatchObject({
      targets: [],
      unfiledTargets: [
        { fiscalYear: 2024, source: "検討" },
        { fiscalYear: 2025, source: "試行" },
        { fiscalYear: 2026, source: "実施" },
      ],
    });
    expect(activity(31)?.targets.map((t) => [t.fiscalYear, t.source])).toEqual([
      [2025, "1か所"],
      [2026, "2か所"],
      [2027, "3か所"],
    ]);
    expect(activity(31)?.unfiledTargets).toEqual([]);
  });

  it("takes the heading most tables carry, whichever comes first", () => {
    const first = parseImplementationPlan(LINES.map((l, i) => (i + 1 === 30 ? R7_R9 : l)).join("\n"));
    expect(kindsAndLines(first)).toEqual([["fiscal_year_mismatch", 30]]);
    expect(first.fiscalYears).toEqual([2024, 2025, 2026]);
  });
});

describe("input that is not a plan", () => {
  it("does not throw and lists every non-blank line as unparsed", () => {
    const garbage = [
      "基本目標 1",
      "こんにちは",
      "----------------\t--",
      "\t\t",
      "1-1\t何か\t●",
      "取組No.",
      "R 6\tR 7",
      "",
      "福祉計画 実施計画",
      "🙂",
    ].join("\n");
    const doc = parseImplementationPlan(garbage);
    expect(isImplementationPlanDocument(garbage)).toBe(false);
    expect(doc.goals).toEqual([]);
    expect(doc.matrix).toEqual({ departments: [], cells: [] });
    expect(doc.warnings).toEqual([]);
    expect(doc.title).toBe("");
    expect(doc.unparsed.map((u) => u.line)).toEqual([1, 2, 3, 5, 6, 7, 9, 10]);
    expect(parseImplementationPlan("").unparsed).toEqual([]);
  });

  it("covers every line of any text exactly once, and never throws", () => {
    const piece = fc.constantFrom(
      ...LINES,
      "\t",
      "●",
      "(再掲)",
      "取組No.\t9-9-9\t重点取組\tx",
      "基本目標 3",
      "担当課：",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (lines) => {
        expectFullCoverage(lines.join("\n"));
      }),
      { numRuns: 200 },
    );
  });
});
