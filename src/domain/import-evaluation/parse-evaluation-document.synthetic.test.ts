import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countModel,
  type DocumentModel,
  GRADE_LABELS,
  GRADES,
  type Layout,
  PLAIN_LAYOUT,
  writeDocument,
} from "../../../test/helpers/evaluation-document.js";
import {
  isEvaluationDocument,
  parseEvaluationDocument,
  parseEvaluationDocumentWithCoverage,
} from "./parse-evaluation-document";
import type { ParsedEvaluationDocument } from "./types";

const SMALL: DocumentModel = {
  goals: [
    {
      measures: [
        {
          projects: [
            { grade: "A", isNew: true, isPriority: false, departments: ["福祉総合課"] },
            { grade: "B", isNew: false, isPriority: true, departments: ["高齢福祉課", "介護保険課"] },
          ],
        },
        { projects: [{ grade: "D", isNew: false, isPriority: true, departments: ["障害者支援課"] }] },
      ],
    },
    { measures: [{ projects: [{ grade: "AA", isNew: true, isPriority: true, departments: ["保育課"] }] }] },
  ],
};

const projectsOf = (doc: ParsedEvaluationDocument) => doc.goals.flatMap((g) => g.measures.flatMap((m) => m.projects));

/** Every line is used or unparsed, never both, never neither. */
function expectFullCoverage(text: string): void {
  const { document, usedLines } = parseEvaluationDocumentWithCoverage(text);
  const lineCount = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).length;
  const unparsed = document.unparsed.map((u) => u.line);
  expect([...usedLines, ...unparsed].sort((a, b) => a - b)).toEqual(Array.from({ length: lineCount }, (_, i) => i + 1));
}

describe("a small synthetic document", () => {
  const text = writeDocument(SMALL);
  const doc = parseEvaluationDocument(text);

  it("parses goals, measures, projects and grades without warnings", () => {
    expect(isEvaluationDocument(text)).toBe(true);
    expect(doc.planTitle).toBe("テスト区福祉計画");
    expect(doc.goals.map((g) => g.measures.map((m) => m.projects.map((p) => p.number)))).toEqual([
      [[1, 2], [3]],
      [[4]],
    ]);
    expect(projectsOf(doc).map((p) => [p.summaryGrade, p.sheet?.grade])).toEqual([
      ["A", "A"],
      ["B", "B"],
      ["D", "D"],
      ["AA", "AA"],
    ]);
    expect(projectsOf(doc)[1]?.summaryDepartments).toEqual(["高齢福祉課", "介護保険課"]);
    expect(doc.warnings).toEqual([]);
    expect(doc.unparsed).toEqual([]);
  });

  it("gives the same result for CRLF line ends and a BOM", () => {
    const crlf = `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    expect(parseEvaluationDocument(crlf)).toEqual(doc);
    expectFullCoverage(crlf);
  });

  it("reports a missing sheet and a sheet without a summary row", () => {
    const lines = text.split("\n");
    const start = lines.findIndex((l) => l.startsWith("3\t画\t事業名"));
    const withoutSheet3 = [...lines.slice(0, start), ...lines.slice(start + 9)].join("\n");
    const missing = parseEvaluationDocument(withoutSheet3);
    expect(missing.warnings.map((w) => w.kind)).toEqual(["missing_sheet"]);
    expect(projectsOf(missing).find((p) => p.number === 3)?.sheet).toBeNull();

    const extra = `${text}\n99\t画\t事業名\t追加の事業【新規】\t担当課\t福祉総合課\n事業概要\t追加\n`;
    const withExtra = parseEvaluationDocument(extra);
    // The 件数 row (written 4, found 5) comes first by line; the extra sheet also has no grade ("other").
    expect(withExtra.warnings.map((w) => w.kind)).toEqual(["count_mismatch", "missing_summary_row", "other"]);
    const p99 = projectsOf(withExtra).find((p) => p.number === 99);
    expect(p99).toMatchObject({ summaryRow: null, isNew: true, title: "追加の事業" });
    expect(p99?.sheet?.fields.overview?.raw).toBe("追加");
  });

  it("reports a 小計 that disagrees with its ○ marks", () => {
    const wrong = text.replace("小計\t\t\t\t\t\t0\t1\t1\t0\t0\t", "小計\t\t\t\t\t\t0\t2\t0\t0\t0\t");
    const kinds = parseEvaluationDocument(wrong).warnings.map((w) => [w.kind, w.line]);
    // Line 9 is the first 小計; line 13 the 基本目標1 合計, which no longer matches the 小計 above it.
    expect(kinds).toEqual([
      ["subtotal_mismatch", 9],
      ["total_mismatch", 13],
    ]);
  });
});

describe("○ shifted in the extracted text", () => {
  // Two 施策 of two and one projects: 1 (A), 2 (B) under the first 小計 "0 1 1 0 0", 3 (D) under the second.
  const text = writeDocument(SMALL);
  const row = (n: number) => text.split("\n").find((l) => l.startsWith(`${n}\t${n + 4}\t事業${n}\t`)) ?? "";
  const moveMark = (source: string, n: number, by: number) => {
    const cells = row(n).split("\t");
    const at = cells.indexOf("○");
    cells[at] = "";
    cells[at + by] = "○";
    return source.replace(row(n), cells.join("\t"));
  };

  it("reports one notice, not grade and 小計 disagreements, where the printed 小計 counts the sheets", () => {
    const shifted = moveMark(moveMark(text, 1, 1), 3, -1); // 1: A → B, 3: D → C; 小計 and sheets unchanged
    const doc = parseEvaluationDocument(shifted);
    expect(doc.warnings.map((w) => [w.kind, w.line])).toEqual([["columns_shifted", 7]]);
    expect(doc.warnings[0]?.message).toContain("事業1（7行目: ○はB、評価表はA");
    expect(doc.warnings[0]?.message).toContain("事業3（11行目: ○はC、評価表はD");
    expect(doc.warnings[0]?.message).toContain("施策1（9行目）");
    expect(doc.warnings[0]?.message).toContain("施策2（12行目）");
    // the ○ are kept as read; the sheets' grades are what is imported
    expect(projectsOf(doc).map((p) => [p.summaryGrade, p.sheet?.grade])).toEqual([
      ["B", "A"],
      ["B", "B"],
      ["C", "D"],
      ["AA", "AA"],
    ]);
  });

  it("keeps the warnings where the printed 小計 follows the ○ instead of the sheets", () => {
    const moved = moveMark(text, 1, 1).replace("小計\t\t\t\t\t\t0\t1\t1\t0\t0\t", "小計\t\t\t\t\t\t0\t0\t2\t0\t0\t");
    const doc = parseEvaluationDocument(moved);
    // the 基本目標1 合計 (line 13) no longer adds up to the changed 小計 either
    expect(doc.warnings.map((w) => [w.kind, w.line])).toEqual([
      ["grade_mismatch", 7],
      ["subtotal_mismatch", 9],
      ["total_mismatch", 13],
    ]);
  });

  it("keeps the warnings where the printed 小計 cannot tell (two ○ swapped within one 施策)", () => {
    const swapped = moveMark(moveMark(text, 1, 1), 2, -1); // 1: A → B, 2: B → A; the counts stay 0 1 1 0 0
    const doc = parseEvaluationDocument(swapped);
    expect(doc.warnings.map((w) => [w.kind, w.line])).toEqual([
      ["grade_mismatch", 7],
      ["grade_mismatch", 8],
    ]);
  });
});

describe("raw text", () => {
  it("keeps a multi-line field with HTML exactly as written, inner blank line included", () => {
    const text = writeDocument(SMALL).replace(
      "事業概要\t事業1の概要です。\t\t\t\t",
      '事業概要\t<ul style="list-style-type: none"> <li>・一つ目</li>\n<li>・二つ目<br>続き</li> </ul>\t\t\n\n\t追記　（全角空白）\t',
    );
    const overview = projectsOf(parseEvaluationDocument(text))[0]?.sheet?.fields.overview;
    expect(overview?.raw).toBe(
      '<ul style="list-style-type: none"> <li>・一つ目</li>\n<li>・二つ目<br>続き</li> </ul>\n\n追記　（全角空白）',
    );
    expect(parseEvaluationDocument(text).unparsed).toEqual([]);
  });
});

describe("input of another kind", () => {
  it("returns no goals and lists every non-blank line as unparsed", () => {
    const garbage = "請求書\n\n品名\t数量\t金額\n1\t2\t300\n----\nありがとうございました";
    const doc = parseEvaluationDocument(garbage);
    expect(isEvaluationDocument(garbage)).toBe(false);
    expect(doc.goals).toEqual([]);
    expect(doc.unparsed.map((u) => u.line)).toEqual([1, 3, 4, 5, 6]);
    expect(doc.warnings).toEqual([]);
    expectFullCoverage(garbage);
  });

  it("is not recognised from a 総括表 heading alone", () => {
    expect(isEvaluationDocument("予算執行状況総括表\n項目\t金額")).toBe(false);
    expect(parseEvaluationDocument("").goals).toEqual([]);
  });

  it("never throws and always covers every line", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom("小計\t1\t2", "基本目標 1 x", "1\t画\t事業名\tx", "事業概要\ty", "##")),
          {
            maxLength: 12,
          },
        ),
        (lines) => {
          expectFullCoverage(lines.join("\n"));
        },
      ),
    );
  });
});

const gradeArb = fc.constantFrom(...GRADES);
const projectArb = fc.record({
  grade: gradeArb,
  isNew: fc.boolean(),
  isPriority: fc.boolean(),
  departments: fc.subarray(["健康福祉計画課", "福祉総合課", "高齢福祉課", "保育課"], { minLength: 1 }),
});
const modelArb: fc.Arbitrary<DocumentModel> = fc.record({
  goals: fc.array(
    fc.record({
      measures: fc.array(fc.record({ projects: fc.array(projectArb, { minLength: 1, maxLength: 4 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});
const layoutArb: fc.Arbitrary<Layout> = fc.record({
  collapseLastGradeColumn: fc.boolean(),
  shiftCountsLeft: fc.boolean(),
  padSheets: fc.boolean(),
  gradeInTwoCells: fc.boolean(),
});

describe("documents generated from a model", () => {
  it("parse back to the model's counts, whatever the layout quirks", () => {
    fc.assert(
      fc.property(modelArb, layoutArb, (model, layout) => {
        const doc = parseEvaluationDocument(writeDocument(model, layout));
        expect(doc.goals.map((g) => g.measures.map((m) => m.projects.length))).toEqual(
          model.goals.map((g) => g.measures.map((m) => m.projects.length)),
        );
        const modelProjects = model.goals.flatMap((g) => g.measures.flatMap((m) => m.projects));
        const parsed = projectsOf(doc);
        expect(parsed.map((p) => p.summaryGrade)).toEqual(modelProjects.map((p) => p.grade));
        expect(parsed.map((p) => p.sheet?.grade)).toEqual(modelProjects.map((p) => p.grade));
        expect(parsed.map((p) => [p.isNew, p.isPriority])).toEqual(modelProjects.map((p) => [p.isNew, p.isPriority]));
        expect(parsed.map((p) => p.summaryDepartments)).toEqual(modelProjects.map((p) => p.departments));
        const total = countModel(modelProjects.map((p) => p.grade));
        expect(doc.writtenGrandTotal).toEqual(Object.fromEntries(GRADES.map((g, i) => [g, total[i]])));
        expect(doc.writtenProjectCount).toBe(modelProjects.length);
        expect(doc.warnings).toEqual([]);
        expect(doc.unparsed).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("reports a changed sheet grade as exactly one grade mismatch plus the 小計 it breaks", () => {
    fc.assert(
      fc.property(modelArb, fc.nat(), (model, pick) => {
        const text = writeDocument(model, PLAIN_LAYOUT);
        const all = model.goals.flatMap((g) => g.measures.flatMap((m) => m.projects));
        const n = (pick % all.length) + 1;
        const original = all[n - 1]?.grade ?? "A";
        const other = original === "D" ? "C" : "D";
        const changed = text.replace(
          new RegExp(`(実績${n}\\t\\t\\t前期目標に対する評価\\t)[^\\t]*`),
          `$1${other} ${GRADE_LABELS[other]}`,
        );
        expect(changed).not.toBe(text);
        const doc = parseEvaluationDocument(changed);
        const kinds = doc.warnings.map((w) => w.kind).sort();
        expect(kinds).toEqual(["grade_mismatch", "subtotal_mismatch"]);
      }),
      { numRuns: 60 },
    );
  });
});
