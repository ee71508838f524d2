/**
 * The 総括表 (summary table): goals, measures, one row per project with its grade ticked by "○", 小計 / 合計 /
 * 総合計 rows and the percentage row. Only reads what is written; comparisons are made in cross-check.ts.
 */
import { splitDepartments, toHalfWidth } from "../text/normalize";
import { isGradeMark, readGradeCodes } from "./grade-scale";
import {
  type Cell,
  cellRangeText,
  cellValue,
  isBlankCell,
  type LineBook,
  splitCells,
  trimPadding,
} from "./source-lines";
import type { ImportWarning, ParsedGoal, ParsedMeasure, ParsedProject } from "./types";

export interface SummaryTable {
  titleLine: number | null;
  documentTitle: string;
  /** grade codes from the column header, in column order; null when the header was not found */
  gradeCodes: string[] | null;
  goals: ParsedGoal[];
  subtotalLines: Map<ParsedMeasure, number>;
  totalLines: Map<ParsedGoal, number>;
  /** goal code written on a 合計 row ("基本目標6 合計" → "6"), null when the label has none */
  totalLabelCodes: Map<ParsedGoal, string | null>;
  writtenGrandTotal: Record<string, number> | null;
  grandTotalLine: number | null;
  writtenPercentages: Record<string, string> | null;
  percentagesLine: number | null;
  writtenProjectCount: number | null;
  projectCountLine: number | null;
  warnings: ImportWarning[];
}

const UNREADABLE = "##";

// Row offsets relative to the 番号 cell. The 種別 heading spans two columns in the rows (新, 重); the grade columns
// follow them. Counting from the 番号 cell rather than from column 0 absorbs the extra leading tab of some pages.
const SHEET_PAGE = 1;
const TITLE = 2;
const PLAN_PAGE = 3;
const FLAG_NEW = 4;
const FLAG_PRIORITY = 5;
const FIRST_GRADE = 6;

function firstFilled(cells: Cell[]): number {
  return cells.findIndex((c) => !isBlankCell(c));
}

/** The table of a document without a 総括表: nothing read yet. */
export function emptySummaryTable(): SummaryTable {
  return {
    titleLine: null,
    documentTitle: "",
    gradeCodes: null,
    goals: [],
    subtotalLines: new Map(),
    totalLines: new Map(),
    totalLabelCodes: new Map(),
    writtenGrandTotal: null,
    grandTotalLine: null,
    writtenPercentages: null,
    percentagesLine: null,
    writtenProjectCount: null,
    projectCountLine: null,
    warnings: [],
  };
}

/** A goal as its heading names it, before its measures and total are read. */
export function newGoal(line: number, code = "", title = ""): ParsedGoal {
  return { line, code, title, measures: [], writtenTotal: null, writtenTotalLabel: null };
}

/** A measure as its heading names it, before its projects and subtotal are read. */
export function newMeasure(line: number, code = "", title = ""): ParsedMeasure {
  return { line, code, title, projects: [], writtenSubtotal: null };
}

export function parseSummaryTable(book: LineBook, from: number, to: number): SummaryTable {
  const table = emptySummaryTable();
  const warn = (kind: ImportWarning["kind"], line: number, message: string) =>
    table.warnings.push({ kind, line, message });
  const codes = () => table.gradeCodes ?? ["AA", "A", "B", "C", "D"];

  let goal: ParsedGoal | null = null;
  let measure: ParsedMeasure | null = null;
  let inNote = false;

  const currentGoal = (line: number): ParsedGoal => {
    if (!goal) {
      goal = newGoal(line);
      table.goals.push(goal);
    }
    return goal;
  };
  const currentMeasure = (line: number): ParsedMeasure => {
    if (!measure) {
      measure = newMeasure(line);
      currentGoal(line).measures.push(measure);
    }
    return measure;
  };

  /** Reads the count cells of a 小計 / 合計 row in grade order; "##" cells are reported and left out. */
  const readCounts = (n: number, cells: Cell[], label: string): Record<string, number> | null => {
    const values = cells.slice(firstFilled(cells) + 1).map((c) => trimPadding(toHalfWidth(c.text)));
    const filled = values.filter((v) => v !== "");
    const grades = codes();
    // A trailing extra value is a row-total column ("計"), which some tables add.
    if (filled.length !== grades.length && filled.length !== grades.length + 1) {
      warn("other", n, `${label}の件数が${filled.length}個あり、評価区分の数（${grades.length}）と一致しません`);
      return null;
    }
    const counts: Record<string, number> = {};
    grades.forEach((code, i) => {
      const v = filled[i] ?? "";
      if (/^\d+$/.test(v)) counts[code] = Number(v);
      else warn("unreadable_value", n, `${label}の${code}の件数「${v}」を読み取れません（記載のまま）`);
    });
    const rowTotal = filled[grades.length];
    const rowSum = Object.values(counts).reduce((a, b) => a + b, 0);
    if (rowTotal !== undefined && /^\d+$/.test(rowTotal) && Object.keys(counts).length === grades.length) {
      if (Number(rowTotal) !== rowSum)
        warn("total_mismatch", n, `${label}の計（${rowTotal}）と各評価の件数の和（${rowSum}）が一致しません`);
    }
    return counts;
  };

  for (let n = from; n < to; n++) {
    const line = book.line(n);
    const cells = splitCells(line);
    const first = firstFilled(cells);
    if (first === -1) {
      inNote = false;
      continue; // blank lines are recorded by LineBook.finish
    }
    // toHalfWidth maps character for character, so offsets in `head` are offsets in `rawHead` too: the
    // patterns are matched on the half-width form while titles are cut from the text as written.
    const rawHead = (cells[first]?.text ?? "").replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, "");
    const head = toHalfWidth(rawHead);
    const titleOf = (m: RegExpExecArray) => trimPadding(rawHead.slice(m[0].length - (m[2]?.length ?? 0)));
    const filledTexts = cells.filter((c) => !isBlankCell(c)).map((c) => trimPadding(c.text));

    if (table.titleLine === null && head.includes("総括表")) {
      table.titleLine = n;
      table.documentTitle = trimPadding(line);
      book.use(n, "heading");
      continue;
    }
    const gradeCodes = readGradeCodes(filledTexts);
    if (gradeCodes) {
      table.gradeCodes ??= gradeCodes;
      book.use(n, "column_header");
      continue;
    }
    if (head === "番号" || (filledTexts.includes("事業名") && filledTexts.some((t) => t.startsWith("評価")))) {
      book.use(n, "column_header");
      continue;
    }
    const goalTotal = /^基本目標\s*(\d+)?\s*の?\s*合計/.exec(head);
    if (goalTotal) {
      const g = currentGoal(n);
      if (table.totalLines.has(g)) warn("other", n, `基本目標${g.code}の合計行が2回あります`);
      g.writtenTotal = readCounts(n, cells, cellValue(cells, first));
      g.writtenTotalLabel = cellValue(cells, first);
      table.totalLines.set(g, n);
      table.totalLabelCodes.set(g, goalTotal[1] ?? null);
      book.use(n, "goal_total");
      continue;
    }
    const goalRow = /^基本目標\s*(\d+)\s*(.*)$/.exec(head);
    if (goalRow) {
      goal = newGoal(n, goalRow[1], titleOf(goalRow));
      table.goals.push(goal);
      measure = null;
      book.use(n, "goal");
      continue;
    }
    const measureRow = /^(?:【施策】|施策)\s*(\d+)\s*(.*)$/.exec(head);
    if (measureRow) {
      measure = newMeasure(n, measureRow[1], titleOf(measureRow));
      currentGoal(n).measures.push(measure);
      book.use(n, "measure");
      continue;
    }
    if (head.startsWith("小計")) {
      const m = currentMeasure(n);
      if (table.subtotalLines.has(m)) warn("other", n, `施策${m.code}の小計行が2回あります`);
      m.writtenSubtotal = readCounts(n, cells, "小計");
      table.subtotalLines.set(m, n);
      book.use(n, "subtotal");
      continue;
    }
    if (head.startsWith("総合計")) {
      table.writtenGrandTotal = readCounts(n, cells, "総合計");
      table.grandTotalLine = n;
      book.use(n, "grand_total");
      continue;
    }
    if (/^\d+$/.test(head) && !isBlankCell(cells[first + TITLE])) {
      currentMeasure(n).projects.push(readProjectRow(n, line, cells, first));
      book.use(n, "project_row");
      continue;
    }
    if (head.includes("割合") || filledTexts.slice(1).some((t) => /%$/.test(toHalfWidth(t)))) {
      readPercentages(n, cells, first, head);
      book.use(n, "percentages");
      continue;
    }
    if (head.startsWith("※") || (inNote && filledTexts.length === 1)) {
      inNote = true;
      book.use(n, "note");
    }
    // Anything else stays unparsed (LineBook.finish lists it).
  }
  return table;

  function readPercentages(n: number, cells: Cell[], first: number, head: string): void {
    const count = /対象事業\s*[(（]?\s*(\d+)\s*件/.exec(head);
    if (count) {
      table.writtenProjectCount = Number(count[1]);
      table.projectCountLine = n;
    }
    const values = cells
      .slice(first + 1)
      .map((c) => trimPadding(c.text))
      .filter((v) => v !== "");
    const grades = codes();
    if (values.length !== grades.length) {
      warn("other", n, `評価の割合が${values.length}個あり、評価区分の数（${grades.length}）と一致しません`);
      return;
    }
    table.writtenPercentages = {};
    table.percentagesLine = n;
    grades.forEach((code, i) => {
      const v = values[i] ?? "";
      if (table.writtenPercentages) table.writtenPercentages[code] = v;
      if (!/^\d+(\.\d+)?%$/.test(toHalfWidth(v))) {
        warn("unreadable_value", n, `評価の割合（${code}）「${v}」を読み取れません（記載のまま）`);
      }
    });
  }

  function readProjectRow(n: number, line: string, cells: Cell[], at: number): ParsedProject {
    const number = Number(toHalfWidth(cellValue(cells, at)));
    const flags = `${cellValue(cells, at + FLAG_NEW)}${cellValue(cells, at + FLAG_PRIORITY)}`;
    const gradeStart = at + FIRST_GRADE;
    // The department is the last written cell after the flags that is not a mark. On pages where the extractor
    // dropped the last (empty) grade column it shares the D column's position, so it cannot be found by index.
    let deptIndex = -1;
    for (let i = cells.length - 1; i >= gradeStart; i--) {
      if (!isBlankCell(cells[i]) && !isGradeMark(cells[i]?.text ?? "")) {
        deptIndex = i;
        break;
      }
    }
    const marked: number[] = [];
    for (let i = gradeStart; i < cells.length; i++) if (isGradeMark(cells[i]?.text ?? "")) marked.push(i - gradeStart);
    const grades = codes();
    let summaryGrade: string | null = null;
    if (marked.length === 0) {
      warn("other", n, `総括表の事業${number}の評価欄に○がありません`);
    } else {
      const pos = marked[0] ?? 0;
      summaryGrade = grades[pos] ?? null;
      if (summaryGrade === null)
        warn("unreadable_value", n, `総括表の事業${number}の○の位置（${pos + 1}列目）が評価区分の列にありません`);
      if (marked.length > 1)
        warn("other", n, `総括表の事業${number}の評価欄に○が${marked.length}個あります（最初の○を採用）`);
    }
    for (let i = gradeStart; i < (deptIndex === -1 ? cells.length : deptIndex); i++) {
      const v = cellValue(cells, i);
      if (v !== "" && !isGradeMark(v)) warn("unreadable_value", n, `総括表の事業${number}の評価欄に「${v}」があります`);
    }
    const sheetPage = cellValue(cells, at + SHEET_PAGE) || null;
    const planPage = cellValue(cells, at + PLAN_PAGE) || null;
    if (sheetPage === UNREADABLE)
      warn("unreadable_value", n, `事業${number}の評価表頁が「##」で読み取れません（記載のまま）`);
    if (planPage === UNREADABLE)
      warn("unreadable_value", n, `事業${number}の計画書頁が「##」で読み取れません（記載のまま）`);
    const department = deptIndex === -1 ? "" : cellRangeText(line, cells, deptIndex, deptIndex + 1);
    return {
      line: n,
      number,
      sheetPage,
      planPage,
      title: cellValue(cells, at + TITLE),
      isNew: flags.includes("新"),
      isPriority: flags.includes("重"),
      summaryDepartments: splitDepartments(department),
      summaryGrade,
      sheet: null,
      summaryRow: { raw: line, line: n },
    };
  }
}
