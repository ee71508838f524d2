/**
 * The real Komae 実施計画 (seed 002). Every expected number and disagreement below was counted by reading the source
 * text (lines 1–1209), not copied from the parser's output.
 */
import { describe, expect, it } from "vitest";
import { seed } from "../../../test/helpers/seeds.js";
import {
  isImplementationPlanDocument,
  parseImplementationPlan,
  parseImplementationPlanWithCoverage,
} from "./parse-implementation-plan";
import type { PlanInitiative } from "./types";

/** The targets of an activity for R6, R7 and R8 (fiscal years 2024–2026), as written. */
const r6ToR8 = (...sources: string[]) => sources.map((source, i) => ({ fiscalYear: 2024 + i, source }));

const seedText = (name: string) => seed(`${name}.txt`).toString("utf8");
const SEED = seedText("002_d34aff6a9cbdb26d");
const doc = parseImplementationPlan(SEED);
const measures = doc.goals.flatMap((g) => g.measures);
const initiatives: PlanInitiative[] = measures.flatMap((m) => m.initiatives);
const activities = initiatives.flatMap((i) => i.activities);
const initiative = (code: string): PlanInitiative => {
  const found = initiatives.find((i) => i.code === code);
  if (!found) throw new Error(`initiative ${code} not found`);
  return found;
};
const warningLines = (kind: string) => doc.warnings.filter((w) => w.kind === kind).map((w) => w.line);

describe("Komae 地域共生社会推進基本計画 実施計画 (seed 002)", () => {
  it("is recognised, and the other seeds are not", () => {
    expect(isImplementationPlanDocument(SEED)).toBe(true);
    for (const other of [
      "000_0609a957ecd4939b",
      "001_654a87ab66aebbaf",
      "003_85eef98ea598c221",
      "004_8d3c3d46cf9e4ae1",
    ]) {
      expect(isImplementationPlanDocument(seedText(other))).toBe(false);
    }
  });

  it("reads the title and the fiscal years of the target columns (R 6 / R 7 / R 8)", () => {
    expect(doc.kind).toBe("implementation-plan");
    expect(doc.title).toBe("狛江市第1次地域共生社会推進基本計画 実施計画");
    expect(doc.fiscalYears).toEqual([2024, 2025, 2026]);
    expect([doc.startFiscalYear, doc.endFiscalYear]).toEqual([2024, 2026]);
  });

  it("finds the 5 goals of the list on lines 53–71", () => {
    expect(doc.goals.map((g) => [g.code, g.title, g.line])).toEqual([
      ["1", "一人ひとりの状況に合わせた切れ目のない相談支援体制の構築", 53],
      ["2", "「つながり」を実感できる地域づくり", 57],
      ["3", "社会参加を進めるシステムづくり", 61],
      ["4", "総合的で切れ目のない生活支援システムづくり", 65],
      ["5", "多機関で協働して支援に当たる体制の構築", 69],
    ]);
  });

  it("finds 35 measures (4 + 7 + 5 + 11 + 8) from the 施策の体系 diagram", () => {
    expect(doc.goals.map((g) => g.measures.length)).toEqual([4, 7, 5, 11, 8]);
    expect(measures).toHaveLength(35);
    expect(measures.find((m) => m.code === "4-10")).toMatchObject({
      title: "介護施設・事業所における適正な運営を支援します。",
      line: 183,
    });
  });

  it("reads the 構成計画 marks of the diagram by column (★ only on 2-7)", () => {
    const marks = Object.fromEntries(measures.map((m) => [m.code, m.constituentPlans.join("") + (m.star ? "★" : "")]));
    // biome-ignore format: one goal per line
    expect(marks).toEqual({
      "1-1": "地", "1-2": "地", "1-3": "後", "1-4": "障",
      "2-1": "地", "2-2": "地高障", "2-3": "地", "2-4": "後", "2-5": "高", "2-6": "障", "2-7": "障★",
      "3-1": "地障", "3-2": "地", "3-3": "後高障", "3-4": "高", "3-5": "障",
      "4-1": "地", "4-2": "地後高", "4-3": "地後高", "4-4": "地後高", "4-5": "地", "4-6": "高", "4-7": "高",
      "4-8": "高", "4-9": "高", "4-10": "高", "4-11": "障",
      "5-1": "地", "5-2": "地", "5-3": "地", "5-4": "地後高", "5-5": "高", "5-6": "高障", "5-7": "高", "5-8": "障",
    });
  });

  it("finds 92 initiative sheets (10 + 25 + 9 + 27 + 21) with their 区分", () => {
    expect(doc.goals.map((g) => g.measures.reduce((n, m) => n + m.initiatives.length, 0))).toEqual([10, 25, 9, 27, 21]);
    expect(initiatives).toHaveLength(92);
    const categories: Record<string, number> = {};
    for (const i of initiatives) categories[i.category ?? "?"] = (categories[i.category ?? "?"] ?? 0) + 1;
    expect(categories).toEqual({ 拡充: 36, 新規: 21, 継続: 35 });
    expect(initiative("4-7-3")).toMatchObject({
      title: "保健事業と介護予防の一体化事業の実施",
      line: 903,
      departments: ["高齢障がい課", "保険年金課", "健康推進課"],
      majorMeasure: "高齢者の支援に関すること",
      category: "新規",
      relistOf: null,
      constituentPlans: ["高"],
    });
    expect(initiative("4-2-2").overview).toMatch(/^<p>様々な事情や課題を抱えたケアラー/);
  });

  it("finds 139 activities, each with one target for R6, R7 and R8, kept as written", () => {
    expect(activities).toHaveLength(139);
    for (const fy of [2024, 2025, 2026]) {
      expect(activities.filter((a) => a.targets.some((t) => t.fiscalYear === fy))).toHaveLength(139);
    }
    expect(initiative("1-1-2").activities).toEqual([
      {
        title: "重層的支援会議及び支援会議の開催",
        line: 338,
        departments: ["福祉政策課"],
        indicator: "会議の開催",
        targets: r6ToR8("6回以上", "6回以上", "6回以上"),
        unfiledTargets: [],
        relistOf: null,
      },
      {
        title: "持続可能な相談支援包括化推進員の在り方を検討",
        line: 339,
        departments: ["福祉相談課"],
        indicator: "相談支援包括化推進員の人数",
        targets: r6ToR8("4人", "5人以上", "5人以上"),
        unfiledTargets: [],
        relistOf: null,
      },
    ]);
    // Line 564: the indicator "—" and a target broken by the extractor are kept as written.
    expect(initiative("2-6-1").activities[0]).toMatchObject({ indicator: "—", line: 564 });
    expect(initiative("2-6-1").activities[0]?.targets[0]?.source).toBe("取組一覧の更新・ 位置づけ整理");
    // Line 392 has an empty cell between the activity and its indicator.
    expect(initiative("1-3-3").activities[0]).toMatchObject({ indicator: "実施回数", line: 392 });
  });

  it("links the 5 re-listed initiatives to their originals", () => {
    const relisted = Object.fromEntries(
      initiatives.filter((i) => i.relistOf !== null).map((i) => [i.code, i.relistOf]),
    );
    expect(relisted).toEqual({
      "4-3-1": "4-1-1",
      "4-3-2": "4-1-2",
      "4-4-2": "2-4-2", // written "市民後見人・生活支援員" against "市民後見人、生活支援員"
      "4-10-3": "4-4-3",
      "5-8-4": "5-6-2", // named "交流機会等の創出"; found by its identical 事業概要
    });
  });

  it("links 20 of the 21 re-listed activities to one original each (line 1080 has no original)", () => {
    const relisted = activities.filter((a) => /[（(]再掲[)）]/.test(a.title));
    expect(relisted.map((a) => a.line)).toEqual([
      515, 526, 583, 778, 796, 805, 806, 807, 825, 826, 853, 982, 983, 1013, 1014, 1050, 1061, 1071, 1080, 1098, 1179,
    ]);
    // biome-ignore format: grouped by original
    expect(Object.fromEntries(relisted.map((a) => [a.line, a.relistOf]))).toEqual({
      515: "1-3-3#1", 853: "1-3-3#1", 1098: "1-3-3#1", // 市内権利擁護業務担当者勉強会の開催 (line 392)
      526: "2-4-1#2", 826: "2-4-1#2", // 地域住民に対するセミナー等の開催 (line 516)
      583: "2-6-2#2", // 認知症サポーター養成講座の開催 (line 574)
      778: "1-1-1#1", // line 329
      796: "4-1-1#1", // reworded; same position in the re-listed 4-1-1 (line 749)
      805: "4-1-2#1", 806: "4-1-2#2", 807: "4-1-2#3",
      825: "2-4-2#1", // line 525, wrapped with spaces on line 825
      982: "4-4-3#1", 983: "4-4-3#2",
      1013: "1-1-2#1", 1179: "1-1-2#1", 1014: "1-1-2#2",
      1050: "5-2-1#1", 1061: "5-2-1#1", 1071: "5-2-1#1",
      1080: null, // "あんしん粕江" — the original on line 688 is "あんしん狛江"
    });
  });

  it("parses the 関連事業と担当課 matrix: 8 departments, 92 rows, 106 marks", () => {
    expect(doc.matrix.departments).toEqual([
      "福祉政策課",
      "高齢障がい課",
      "福祉相談課",
      "健康推進課",
      "保険年金課",
      "子ども若者政策課",
      "子ども家庭課",
      "まちづくり推進課",
    ]);
    expect(doc.matrix.cells).toHaveLength(106);
    const codes = new Set(doc.matrix.cells.map((c) => c.initiativeCode));
    expect([...codes].sort()).toEqual(initiatives.map((i) => i.code).sort());
    const cellsOf = (code: string) => doc.matrix.cells.filter((c) => c.initiativeCode === code);
    expect(cellsOf("4-7-3").map((c) => [c.department, c.mark, c.line])).toEqual([
      ["高齢障がい課", "●", 281],
      ["健康推進課", "●", 281],
      ["保険年金課", "●", 281],
    ]);
    // Lines 252, 284-286 and 313 lost their empty first cell: the mark is still under 高齢障がい課.
    for (const code of ["2-7-4", "4-9-2", "4-9-3", "4-10-1", "5-8-4"]) {
      expect(cellsOf(code).map((c) => c.department)).toEqual(["高齢障がい課"]);
    }
    expect(cellsOf("5-4-1").map((c) => c.department)).toEqual(["福祉政策課", "福祉相談課", "子ども家庭課"]);
  });

  it("finds no department disagreement between the matrix and the sheets (4-7-3 only lists them in another order)", () => {
    expect(warningLines("department_mismatch")).toEqual([]);
  });

  it("reports every other disagreement found by reading", () => {
    expect(doc.warnings.map((w) => [w.kind, w.line])).toEqual([
      // diagram 構成計画 column vs the sheets' marks
      ["constituent_plan_mismatch", 138], // 2-6: 障 in the diagram, 高 on all six sheets
      ["constituent_plan_mismatch", 169], // 4-2: 地後高 vs 地高障
      ["constituent_plan_mismatch", 170], // 4-3
      ["constituent_plan_mismatch", 171], // 4-4
      ["constituent_plan_mismatch", 174], // 4-5: 地 vs 後
      ["constituent_plan_mismatch", 197], // 5-2
      ["constituent_plan_mismatch", 198], // 5-3
      ["constituent_plan_mismatch", 199], // 5-4: 地後高 vs 後高障
      ["title_mismatch", 278], // 4-6-3 デジタルデバイド / デジタルデバインド
      ["title_mismatch", 282], // 4-8-1 又は / または
      ["title_mismatch", 292], // 4-11-2 充実にに / 充実に
      ["relist_mismatch", 515], // indicator 開催回数 vs 実施回数 (line 392)
      ["title_mismatch", 679], // 3-3 権利擁護支援の必要な / に必要な
      ["major_measure_mismatch", 681], // 3-3-1 権利擁護の支援に関すること
      ["major_measure_mismatch", 711], // 3-4-3 包括的な支援に関すること under 高齢者の支援に関すること
      ["relist_mismatch", 796], // reworded activity
      ["relist_mismatch", 818], // 4-4-2 name
      ["relist_mismatch", 853], // indicator
      ["relist_mismatch", 1013], // 担当課 福祉政策課・福祉相談課 vs 福祉政策課
      ["major_measure_mismatch", 1035],
      ["major_measure_mismatch", 1044],
      ["major_measure_mismatch", 1055],
      ["major_measure_mismatch", 1065],
      ["major_measure_mismatch", 1074],
      ["relist_unresolved", 1080], // あんしん粕江
      ["major_measure_mismatch", 1084],
      ["major_measure_mismatch", 1092],
      ["relist_mismatch", 1098], // 担当課
      ["relist_mismatch", 1098], // indicator
      ["title_mismatch", 1109], // 5-6 障がい者福祉サービス / 障がい福祉サービス
      ["major_measure_mismatch", 1164], // 5-8-x 障がい者の支援 vs 障がい福祉サービスの提供
      ["major_measure_mismatch", 1173],
      ["major_measure_mismatch", 1181],
      ["relist_mismatch", 1190], // 5-8-4 交流機会等の創出 vs 交流機会の創出
      ["major_measure_mismatch", 1191],
    ]);
  });

  it("names both values in Japanese", () => {
    const at = (line: number) => doc.warnings.find((w) => w.line === line)?.message ?? "";
    expect(at(278)).toContain("デジタルデバイド");
    expect(at(278)).toContain("デジタルデバインド");
    expect(at(1013)).toContain("福祉政策課・福祉相談課");
    expect(at(1080)).toContain("あんしん狛江");
    expect(at(138)).toContain("「障」");
    expect(at(138)).toContain("「高」");
  });

  it("lists exactly the prose, cover, contents and colophon lines as unparsed", () => {
    const prose = [75, 77, 81, 83, 85, 89, 91, 93, 95, 99, 103, 105, 107, 109];
    expect(doc.unparsed.map((u) => u.line)).toEqual([
      3,
      5,
      7,
      9,
      11,
      13,
      15,
      16,
      17,
      18,
      19,
      22,
      24,
      26,
      28,
      30,
      34,
      37,
      39,
      41,
      43,
      45,
      49,
      51,
      ...prose,
      111,
      113,
      115,
      156,
      158,
      160,
      211,
      213,
      315,
      1199,
      1201,
      1203,
      1205,
      1206,
      1207,
      1209,
    ]);
  });

  it("covers every line exactly once", () => {
    const { document, usedLines } = parseImplementationPlanWithCoverage(SEED);
    const all = [...usedLines, ...document.unparsed.map((u) => u.line)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1209 }, (_, i) => i + 1));
  });
});
