/**
 * The real Meguro evaluation document. Every expected number and every expected disagreement below was counted
 * by reading the source text, not copied from the parser's output.
 */
import { describe, expect, it } from "vitest";
import { seed } from "../../../test/helpers/seeds.js";
import { MEGURO_SCALE } from "../grades";
import {
  isEvaluationDocument,
  parseEvaluationDocument,
  parseEvaluationDocumentWithCoverage,
} from "./parse-evaluation-document";
import type { ParsedProject } from "./types";

const SEED = seed("000_0609a957ecd4939b.txt").toString("utf8");
const doc = parseEvaluationDocument(SEED);
const projects: ParsedProject[] = doc.goals.flatMap((g) => g.measures.flatMap((m) => m.projects));
const byNumber = (n: number): ParsedProject => {
  const p = projects.find((x) => x.number === n);
  if (!p) throw new Error(`project ${n} not found`);
  return p;
};
const tally = (grades: (string | null)[]) => {
  const counts: Record<string, number> = { AA: 0, A: 0, B: 0, C: 0, D: 0 };
  for (const g of grades) if (g !== null) counts[g] = (counts[g] ?? 0) + 1;
  return counts;
};
const warningsOf = (kind: string) =>
  doc.warnings
    .filter((w) => w.kind === kind)
    .map((w) => w.line)
    .sort((a, b) => a - b);

describe("Meguro 保健医療福祉計画 evaluation (seed 000)", () => {
  it("is recognised as an evaluation document", () => {
    expect(isEvaluationDocument(SEED)).toBe(true);
  });

  it("reads the title, the plan period and the evaluated year", () => {
    expect(doc.documentTitle).toBe("目黒区保健医療福祉計画（令和6～10年度）事業別評価総括表");
    expect(doc.planTitle).toBe("目黒区保健医療福祉計画");
    expect(doc.startFiscalYear).toBe(2024);
    expect(doc.endFiscalYear).toBe(2028);
    expect(doc.fiscalYear).toBe(2024);
  });

  it("takes the grade labels from the sheets", () => {
    // the Meguro scale, word for word (grades.test.ts spells it out)
    expect(doc.gradeScale).toEqual(MEGURO_SCALE);
  });

  it("finds 7 goals with their measures (goals 4 and 6 start at 施策2)", () => {
    expect(doc.goals.map((g) => g.code)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(doc.goals.map((g) => g.measures.map((m) => m.code))).toEqual([
      ["1", "2", "3"],
      ["2", "3", "4", "5", "6", "7"],
      ["1", "2", "3", "4", "5"],
      ["2"],
      ["1", "2", "3"],
      ["2", "3", "4", "5"],
      ["1", "2"],
    ]);
    expect(doc.goals.map((g) => g.measures.map((m) => m.projects.length))).toEqual([
      [5, 3, 3],
      [4, 3, 2, 2, 3, 1],
      [2, 2, 2, 3, 7],
      [4],
      [4, 2, 5],
      [3, 1, 2, 1],
      [2, 2],
    ]);
    expect(doc.goals[1]?.title).toBe("誰もが安心して地域で暮らせる社会の推進");
    expect(doc.goals[1]?.measures[1]?.title).toBe(
      "多様な生活課題への分野横断的な支援（ひきこもり・ヤングケアラー等への支援）",
    );
  });

  it("finds 68 projects, numbered 1 to 68, each with its sheet", () => {
    expect(projects).toHaveLength(68);
    expect(projects.map((p) => p.number)).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
    expect(projects.filter((p) => p.sheet !== null)).toHaveLength(68);
    expect(projects.every((p) => p.sheet?.number === p.number)).toBe(true);
  });

  it("counts the grades written on the sheets", () => {
    expect(tally(projects.map((p) => p.sheet?.grade ?? null))).toEqual({ AA: 2, A: 32, B: 30, C: 3, D: 1 });
  });

  it("counts the grades ticked in the summary table", () => {
    expect(tally(projects.map((p) => p.summaryGrade))).toEqual({ AA: 2, A: 24, B: 38, C: 2, D: 2 });
  });

  it("keeps the written totals", () => {
    expect(doc.writtenGrandTotal).toEqual({ AA: 2, A: 32, B: 30, C: 3, D: 1 });
    expect(doc.writtenPercentages).toEqual({ AA: "2.6%", A: "41.6%", B: "39.0%", C: "3.9%", D: "1.3%" });
    expect(doc.writtenProjectCount).toBe(68);
    expect(doc.goals[1]?.writtenTotal).toEqual({ AA: 0, A: 9, B: 5, C: 1, D: 0 });
    expect(doc.goals[6]?.writtenTotalLabel).toBe("基本目標6 合計");
    // Page 2 of the table lost a leading tab on its 小計 rows (line 33).
    expect(doc.goals[1]?.measures[0]?.writtenSubtotal).toEqual({ AA: 0, A: 2, B: 1, C: 1, D: 0 });
  });

  it("reads summary rows whose grade column shares its position with the department (11-cell rows)", () => {
    const p4 = byNumber(4); // line 12: ○ in the A column, 11 cells
    expect(p4.summaryGrade).toBe("A");
    expect(p4.summaryDepartments).toEqual(["健康福祉計画課"]);
    const p14 = byNumber(14); // line 31: ○ in the C column, right before the department
    expect(p14.summaryGrade).toBe("C");
    expect(byNumber(53).summaryGrade).toBe("D"); // line 107, 12 cells
    expect(byNumber(62).summaryGrade).toBe("AA");
    expect(byNumber(1)).toMatchObject({ isNew: true, isPriority: true, sheetPage: "5", planPage: "21", line: 9 });
    expect(byNumber(11).summaryDepartments).toEqual(["障害施策推進課", "障害者支援課"]);
    expect(byNumber(43).planPage).toBe("##");
  });

  it("reads the sheets' headers, marks and labels as written", () => {
    const s1 = byNumber(1).sheet;
    expect(s1?.line).toBe(159);
    expect(s1?.title).toBe("重層的の支援体制整備事業");
    expect(s1?.marks).toEqual(["新規", "重点"]);
    expect(s1?.departments).toEqual(["健康福祉計画課", "各課"]);
    expect(s1?.fields.targetFirstLabel).toBe("前期（令和5年度）");
    expect(s1?.fields.targetSecondLabel).toBe("後期（令和6年度）");
    expect(s1?.fields.resultsLabel).toBe("計画事業の実績等（令和6年度）");
    expect(s1?.fields.gradeText).toEqual({ raw: "B ある程度達成した", line: 164 });
    // Hand-written labels are kept even where they are wrong (後期 given the same year as 前期).
    expect(byNumber(9).sheet?.fields.targetSecondLabel).toBe("後期 (令和5年度)");
    expect(byNumber(18).sheet?.fields.resultsLabel).toBe("計画事業の実績等（令和6～8年度）");
    expect(byNumber(12).sheet?.fields.previousStatusLabel).toBe("令和5年度 実施状況");
    // Code and label in separate cells (line 396) and a label broken by no-break spaces (line 579).
    expect(byNumber(24).sheet?.fields.gradeText).toEqual({ raw: "B\tある程度達成した", line: 396 });
    expect(byNumber(24).sheet?.grade).toBe("B");
    expect(byNumber(42).sheet?.grade).toBe("C");
    expect(byNumber(63).sheet?.marks).toEqual([]);
  });

  it("keeps field text byte for byte, HTML included", () => {
    const s5 = byNumber(5).sheet;
    expect(s5?.fields.previousStatus).toEqual({
      raw: '<ul style="list-style-type: none"> <li>・地域包括支援センターの出張相談会及び出前講座の実施(各地区月2～4回)</li> <li>・相談支援窓口のリーフレット等を活用した周知</li> </ul>',
      line: 201,
    });
    // The 今後の課題 label of sheet 46 is wrapped in <p> (line 626) and follows a blank line.
    expect(byNumber(46).sheet?.fields.issues?.line).toBe(626);
    expect(
      byNumber(46).sheet?.fields.issues?.raw.startsWith('<ul style="list-style-type: none"> <li>・令和6年度'),
    ).toBe(true);
    // Sheet 2's 今後の課題 comes after three blank lines (175-177); the reason does not absorb them.
    expect(byNumber(2).sheet?.fields.reason?.raw.endsWith("断らない相談支援を行っている。")).toBe(true);
    expect(byNumber(2).sheet?.fields.issues?.line).toBe(178);
    // Sheet 41: the 後期 label was cut ("後期（") and its text continues on line 569.
    expect(byNumber(41).sheet?.fields.targetSecondLabel).toBe("後期（");
    expect(byNumber(41).sheet?.fields.targetSecond).toEqual({ raw: "令\t継続", line: 569 });
    // Sheet 56: the 実績 row comes after a blank line (725) and has the grade in the same row.
    expect(byNumber(56).sheet?.fields.results?.line).toBe(726);
    expect(byNumber(56).sheet?.grade).toBe("B");
  });

  it("reports every disagreement found by reading the document", () => {
    // Projects 1 (重層的の支援… vs 重層的支援…) and 32 (ひとり暮らし vs ひとりぐらし).
    expect(warningsOf("title_mismatch")).toEqual([9, 69]);
    // Project 24 adds 障害者支援課 on the sheet; project 45: DX推進課 vs DX戦略課. Separator-only differences
    // (projects 11, 25, 29, 50 …) are not reported.
    expect(warningsOf("department_mismatch")).toEqual([49, 90]);
    // The ○ of projects 26, 30, 32, 36, 38, 41, 43, 44 read in the B column where the sheet says A, project 42's in
    // D where it says C; the 小計 printed under those 施策 (lines 55, 66, 70, 84, 92) count the sheets' grades, not
    // these ○: the extracted text shifted the ○ by a column. One notice lists the rows, no grade or 小計 warnings.
    expect(warningsOf("columns_shifted")).toEqual([54]);
    expect(warningsOf("grade_mismatch")).toEqual([]);
    expect(warningsOf("subtotal_mismatch")).toEqual([]);
    expect(warningsOf("duplicate_title")).toEqual([68]); // 生活支援体制整備事業の効果的な推進 (also project 6)
    expect(warningsOf("total_label_mismatch")).toEqual([143]); // "基本目標6 合計" under 基本目標7
    expect(warningsOf("percentage_mismatch")).toEqual([146]);
    // "##" in the 計画書頁 column of projects 43-68.
    expect(warningsOf("unreadable_value")).toEqual([
      88, 89, 90, 91, 97, 98, 99, 100, 103, 104, 107, 108, 109, 110, 111, 117, 118, 119, 122, 125, 126, 129, 135, 137,
      140, 141,
    ]);
    // Project 63 is 新 in the table but its sheet title has no 【新規】.
    expect(warningsOf("other")).toEqual([126]);
    for (const kind of ["total_mismatch", "count_mismatch", "missing_sheet", "missing_summary_row"]) {
      expect(warningsOf(kind)).toEqual([]);
    }
  });

  it("names both values in the messages", () => {
    const message = (kind: string, line: number) =>
      doc.warnings.find((w) => w.kind === kind && w.line === line)?.message;
    expect(message("title_mismatch", 9)).toContain("重層的支援体制整備事業");
    expect(message("title_mismatch", 9)).toContain("重層的の支援体制整備事業");
    expect(message("department_mismatch", 90)).toContain("DX推進課");
    expect(message("department_mismatch", 90)).toContain("DX戦略課");
    const shifted = message("columns_shifted", 54) ?? "";
    for (const n of [26, 30, 32, 36, 38, 41, 42, 43, 44]) expect(shifted).toContain(`事業${n}（`);
    expect(shifted).toContain("事業42（83行目: ○はD、評価表はC");
    for (const line of [55, 66, 70, 84, 92]) expect(shifted).toContain(`（${line}行目）`);
    expect(doc.warnings).toHaveLength(35);
    expect(message("total_label_mismatch", 143)).toContain("基本目標7");
    // 2/77 = 2.6%, 32/77 = 41.6%: the percentages were divided by 77, not by the 68 projects.
    expect(message("percentage_mismatch", 146)).toContain("分母77");
    expect(message("percentage_mismatch", 146)).toContain("68");
    expect(message("duplicate_title", 68)).toContain("事業6");
  });

  it("uses every line: nothing is left unparsed and used + unparsed cover the file", () => {
    const { document, usedLines } = parseEvaluationDocumentWithCoverage(SEED);
    expect(document.unparsed).toEqual([]);
    const lineCount = SEED.split("\n").length;
    expect(usedLines).toEqual(Array.from({ length: lineCount }, (_, i) => i + 1));
  });
});
