/**
 * Section 4 (関連事業と担当課): one row per 重点取組 with a mark under each department in charge. The header row is
 * repeated on every page; rows are sometimes shifted left by one cell (the empty 基本目標 cell is lost), so marks are
 * read relative to the row's 施策No cell, like in the diagram.
 */
import { isBlankLine, type LineBook } from "../import-evaluation/source-lines";
import { toHalfWidth } from "../text/normalize";
import type { GoalMention } from "./parse-overview";
import { cellTexts, filledCells, goalNumber, initiativeCode, labelOf } from "./plan-text";
import type { PlanMatrixCell } from "./types";

export interface MatrixRow {
  code: string;
  title: string;
  line: number;
  /** departments marked on the row, in column order */
  departments: string[];
}

export interface MatrixSection {
  /** department columns, in the order of the first header (later headers may add columns) */
  departments: string[];
  rows: MatrixRow[];
  cells: PlanMatrixCell[];
  goals: GoalMention[];
  /** line of the first header, null when the document has no matrix */
  headerLine: number | null;
}

interface MatrixHeader {
  codeIndex: number;
  columns: { department: string; index: number }[];
}

function readHeader(cells: string[]): MatrixHeader | null {
  const labels = cells.map(labelOf);
  const codeIndex = labels.findIndex((t) => t === "施策No" || t === "施策No." || t === "取組No" || t === "取組No.");
  const titleIndex = labels.indexOf("重点取組");
  if (codeIndex === -1 || titleIndex === -1) return null;
  const pageIndex = labels.findIndex((t, i) => i > titleIndex && (t === "頁" || t === "ページ"));
  const end = pageIndex === -1 ? cells.length : pageIndex;
  const columns = cells.flatMap((text, index) =>
    index > titleIndex && index < end && text !== "" ? [{ department: text, index }] : [],
  );
  return { codeIndex, columns };
}

const GOAL_CELL = /^(\d+)\s*[：:]\s*(.+)$/;

/** Parses the department × initiative matrix in lines [from, to). */
export function parseMatrix(book: LineBook, from: number, to: number): MatrixSection {
  const section: MatrixSection = { departments: [], rows: [], cells: [], goals: [], headerLine: null };
  let header: MatrixHeader | null = null;
  for (let n = from; n < to; n++) {
    const line = book.line(n);
    if (book.roleOf(n) !== null || isBlankLine(line)) continue;
    const cells = cellTexts(line);
    const newHeader = readHeader(cells);
    if (newHeader) {
      header = newHeader;
      section.headerLine ??= n;
      for (const c of newHeader.columns) {
        if (!section.departments.includes(c.department)) section.departments.push(c.department);
      }
      book.use(n, "column_header");
      continue;
    }
    const h: MatrixHeader | null = header;
    if (!h) continue;
    // The code sits in the 施策No column, or one cell to its left when the row lost its empty first cell.
    const filled = filledCells(line);
    const codeCell = filled.find((c) => c.index <= h.codeIndex + 1 && initiativeCode(c.text) !== null);
    if (!codeCell) continue;
    const code = initiativeCode(codeCell.text) ?? "";
    const shift = codeCell.index - h.codeIndex;
    for (const c of filled) {
      if (c.index >= codeCell.index) break;
      const g = GOAL_CELL.exec(toHalfWidth(c.text));
      if (g) section.goals.push({ code: goalNumber(g[1] ?? ""), title: (g[2] ?? "").trim(), line: n, where: "matrix" });
    }
    const departments: string[] = [];
    for (const { department, index } of h.columns) {
      const mark = cells[index + shift] ?? "";
      if (mark === "") continue;
      departments.push(department);
      section.cells.push({ department, initiativeCode: code, mark, line: n });
    }
    section.rows.push({ code, title: cells[codeCell.index + 1] ?? "", line: n, departments });
    book.use(n, "project_row");
  }
  return section;
}
