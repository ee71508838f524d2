/**
 * The summary table's ○ against the sheets' grades, one 施策 at a time.
 *
 * Text extracted from a PDF sometimes moves a ○ by a column (the extractor drops or adds an empty cell on the row):
 * the row then seems to disagree with its sheet although the printed table does not. The 小計 printed under the same
 * 施策 tells the two apart: when it counts what the sheets say and not what the extracted ○ say, the table's author
 * counted the sheets' grades, so the ○ only look shifted. Such rows are reported together in one notice
 * (`columns_shifted`) instead of grade and 小計 disagreements. Where the printed 小計 does not back the sheets (or
 * cannot tell, because it agrees with the ○ as well), every differing row stays a `grade_mismatch`.
 */
import type { GradeScale } from "../grades";
import { countGrades, countsAgree } from "./grade-scale";
import type { SummaryTable } from "./parse-summary-table";
import type { ImportWarning, ParsedGoal, ParsedMeasure, ParsedProject } from "./types";

export interface GradeCheck {
  warnings: ImportWarning[];
  /** 施策 whose 小計 backs the sheets against shifted ○: their 小計 is not reported as a disagreement */
  shiftedMeasures: Set<ParsedMeasure>;
}

interface ShiftedRow {
  goal: ParsedGoal;
  measure: ParsedMeasure;
  project: ParsedProject;
}

const differs = (p: ParsedProject) =>
  p.summaryGrade !== null && p.sheet?.grade != null && p.summaryGrade !== p.sheet.grade;

/** True when the 施策's printed 小計 counts the sheets' grades and not the ○ read from the extracted text. */
function subtotalBacksSheets(measure: ParsedMeasure, table: SummaryTable, scale: Readonly<GradeScale>): boolean {
  const written = measure.writtenSubtotal;
  if (!written || !table.subtotalLines.has(measure)) return false;
  const rows = measure.projects.filter((p) => p.summaryRow !== null);
  if (!rows.every((p) => p.sheet?.grade != null)) return false;
  const sheets = countGrades(
    rows.map((p) => p.sheet?.grade ?? null),
    scale,
  );
  const marks = countGrades(
    rows.map((p) => p.summaryGrade),
    scale,
  );
  return countsAgree(written, sheets) && !countsAgree(written, marks);
}

export function checkGrades(goals: ParsedGoal[], table: SummaryTable, scale: Readonly<GradeScale>): GradeCheck {
  const warnings: ImportWarning[] = [];
  const shiftedMeasures = new Set<ParsedMeasure>();
  const shifted: ShiftedRow[] = [];
  for (const goal of goals) {
    for (const measure of goal.measures) {
      const rows = measure.projects.filter((p) => p.summaryRow !== null && differs(p));
      if (rows.length === 0) continue;
      if (subtotalBacksSheets(measure, table, scale)) {
        shiftedMeasures.add(measure);
        for (const project of rows) shifted.push({ goal, measure, project });
        continue;
      }
      for (const p of rows) {
        const s = p.sheet;
        warnings.push({
          kind: "grade_mismatch",
          line: p.line,
          message: `事業${p.number}「${p.title}」の評価が総括表の○では${p.summaryGrade}、評価表（${s?.fields.gradeText?.line ?? s?.line}行目）では「${s?.fields.gradeText?.raw ?? ""}」（${s?.grade}）で異なります`,
        });
      }
    }
  }
  const first = shifted[0];
  if (first) warnings.push(shiftNotice(first, shifted, table));
  return { warnings, shiftedMeasures };
}

function shiftNotice(first: ShiftedRow, rows: ShiftedRow[], table: SummaryTable): ImportWarning {
  const list = rows
    .map(
      ({ project: p }) =>
        `事業${p.number}（${p.line}行目: ○は${p.summaryGrade}、評価表は${p.sheet?.grade}・${p.sheet?.fields.gradeText?.line ?? p.sheet?.line}行目）`,
    )
    .join("、");
  const subtotals = [...new Set(rows.map((r) => r.measure))]
    .map((m) => {
      const goal = rows.find((r) => r.measure === m)?.goal;
      return `基本目標${goal?.code ?? "?"}・施策${m.code}（${table.subtotalLines.get(m)}行目）`;
    })
    .join("、");
  return {
    kind: "columns_shifted",
    line: first.project.line,
    message: `総括表の${rows.length}行で、○の列が評価表の評価と異なります: ${list}。同じ施策の小計の記載（${subtotals}）は評価表の評価と一致し、○の集計とは一致しないため、PDFから書き出したテキストで○の列がずれたものと見られます。評価は評価表のとおり取り込みます。念のため PDF の総括表で確かめてください。`,
  };
}
