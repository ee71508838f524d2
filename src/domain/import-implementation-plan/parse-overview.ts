/**
 * The part of the plan before the sheets: the list of 基本目標 and the 施策の体系 diagram, whose rows give each 施策's
 * title, the 大施策 heading it sits under and its 構成計画 marks (地/後/高/障, ★).
 *
 * The diagram is a PDF table: rows of one table are shifted by a varying number of empty cells, so a mark is read
 * at the column of its label in the nearest header row, moved by the same shift as the row's 施策No cell.
 */
import { isBlankLine, type LineBook } from "../import-evaluation/source-lines";
import { toHalfWidth } from "../text/normalize";
import { cellTexts, filledCells, goalNumber, labelOf, measureCode } from "./plan-text";

export const PLAN_LABELS = ["地", "後", "高", "障"] as const;

/** One place where a goal's title is written; the first one with a title names the goal, the others are checked. */
export interface GoalMention {
  code: string;
  title: string;
  line: number;
  where: "list" | "diagram" | "matrix" | "sheet";
}

export interface DiagramMeasure {
  code: string;
  title: string;
  line: number;
  /** the 大施策 heading above the row ("包括的な支援に関すること"), null when none was seen */
  group: string | null;
  constituentPlans: string[];
  star: boolean;
}

interface DiagramHeader {
  codeIndex: number;
  plans: { label: string; index: number }[];
}

const GOAL_HEADING = /^基本目標\s*(\d+)\s*(.*)$/;
const GOAL_IN_CELL = /^(.*?)\s*基本目標\s*(\d+)$/;

/** A plain "基本目標 1 …" line (no tab); the title may be on the next non-blank line. */
function readGoalHeading(book: LineBook, n: number, to: number, mentions: GoalMention[]): boolean {
  const line = book.line(n);
  if (line.includes("\t")) return false;
  const m = GOAL_HEADING.exec(toHalfWidth(line).trim());
  if (!m) return false;
  const code = goalNumber(m[1] ?? "");
  let title = (m[2] ?? "").trim();
  book.use(n, "goal");
  if (title === "") {
    let next = n + 1;
    while (next < to && isBlankLine(book.line(next))) next++;
    const candidate = book.line(next);
    // The title is a plain line; a table row or another heading means this heading has no title of its own.
    if (next < to && !candidate.includes("\t") && !GOAL_HEADING.test(toHalfWidth(candidate).trim())) {
      title = candidate.trim();
      book.use(next, "goal");
    }
  }
  mentions.push({ code, title, line: n, where: "list" });
  return true;
}

function readDiagramHeader(cells: string[]): DiagramHeader | null {
  const labels = cells.map(labelOf);
  const codeIndex = labels.findIndex((t) => t === "施策No" || t === "施策No.");
  if (codeIndex === -1) return null;
  const plans = PLAN_LABELS.flatMap((label) => {
    const index = labels.indexOf(label);
    return index === -1 ? [] : [{ label, index }];
  });
  return plans.length > 0 ? { codeIndex, plans } : null;
}

/** Parses goal headings and the 施策の体系 diagram in lines [from, to). */
export function parseOverview(
  book: LineBook,
  from: number,
  to: number,
): { goals: GoalMention[]; measures: DiagramMeasure[] } {
  const goals: GoalMention[] = [];
  const measures: DiagramMeasure[] = [];
  let header: DiagramHeader | null = null;
  let group: string | null = null;

  for (let n = from; n < to; n++) {
    const line = book.line(n);
    if (book.roleOf(n) !== null || isBlankLine(line)) continue;
    if (readGoalHeading(book, n, to, goals)) continue;
    const cells = cellTexts(line);
    const labels = cells.map(labelOf);

    // The matrix of section 4 ends the diagram: its header also has a 施策No column.
    if (labels.includes("重点取組")) {
      header = null;
      continue;
    }
    const planIndex = labels.indexOf("構成計画");
    if (planIndex !== -1) {
      // Group heading: "<基本理念> | <goal title> 基本目標1 | 包括的な支援に関すること | | 構成計画 | … | 関連頁"
      const before = filledCells(line).filter((c) => c.index < planIndex);
      const heading = before[before.length - 1];
      group = heading && !GOAL_IN_CELL.test(toHalfWidth(heading.text)) ? heading.text : null;
      for (const c of before) {
        const g = GOAL_IN_CELL.exec(toHalfWidth(c.text));
        if (g) goals.push({ code: goalNumber(g[2] ?? ""), title: (g[1] ?? "").trim(), line: n, where: "diagram" });
      }
      book.use(n, "heading");
      continue;
    }
    const newHeader = readDiagramHeader(cells);
    if (newHeader) {
      header = newHeader;
      book.use(n, "column_header");
      continue;
    }
    if (!header) continue;
    const filled = filledCells(line);
    const first = filled[0];
    const code = first ? measureCode(first.text) : null;
    if (!first || code === null) continue;
    const shift = first.index - header.codeIndex;
    const title = filled[1]?.text ?? "";
    const marks = header.plans.flatMap(({ label, index }) => {
      const mark = cells[index + shift] ?? "";
      return mark === "" ? [] : [{ label, mark }];
    });
    measures.push({
      code,
      title,
      line: n,
      group,
      constituentPlans: marks.map((m) => m.label),
      star: marks.some((m) => m.mark.includes("★")),
    });
    book.use(n, "measure");
  }
  return { goals, measures };
}
