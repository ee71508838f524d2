/**
 * Source lines and tab-separated cells of an extracted document, plus the record of which line was used for what.
 * Every line ends up with a role or in `unparsed`, so the importer can prove nothing was silently dropped.
 */
import type { UnparsedLine } from "./types";

export type LineRole =
  | "blank"
  | "page_break"
  | "heading"
  | "column_header"
  | "goal"
  | "measure"
  | "project_row"
  | "subtotal"
  | "goal_total"
  | "grand_total"
  | "percentages"
  | "note"
  | "sheet_header"
  | "sheet_field"
  | "programme_row"
  | "programme_content"
  | "roadmap_fact"
  | "roadmap_indicator"
  | "roadmap_month";

export interface Cell {
  /** cell text as written (not trimmed) */
  text: string;
  /** offsets of the cell inside its line */
  start: number;
  end: number;
}

/** Splits text into lines: a leading BOM is dropped and CRLF / CR / LF are all line ends. */
export function splitSourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

export function splitCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (;;) {
    const tab = line.indexOf("\t", start);
    const end = tab === -1 ? line.length : tab;
    cells.push({ text: line.slice(start, end), start, end });
    if (tab === -1) return cells;
    start = tab + 1;
  }
}

/** Trims the padding a cell or line gets from the extractor (tabs, spaces), keeping other characters as written. */
export function trimPadding(s: string): string {
  return s.replace(/^[\t \r]+|[\t \r]+$/g, "");
}

/** The text of cell `i` without its padding; "" when the line has fewer cells. */
export function cellValue(cells: Cell[], i: number): string {
  return trimPadding(cells[i]?.text ?? "");
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || /^[\s\u00a0\u3000]*$/.test(cell.text);
}

export function isBlankLine(line: string): boolean {
  return /^[\s\u00a0\u3000]*$/.test(line);
}

/** "----------------\t--": the extractor's page separator, never document text. */
export function isPageBreak(line: string): boolean {
  return /^-{4,}[-\t ]*$/.test(line);
}

/**
 * The text of a line between two cell indexes (end exclusive), trimmed of padding, or "" when those cells are empty.
 * Inner tabs are kept: they are part of what was written.
 */
export function cellRangeText(line: string, cells: Cell[], from: number, to: number): string {
  const first = cells[from];
  const last = cells[Math.min(to, cells.length) - 1];
  if (!first || !last || from >= to) return "";
  return trimPadding(line.slice(first.start, last.end));
}

export class LineBook {
  readonly lines: string[];
  private readonly roles: (LineRole | null)[];

  constructor(text: string) {
    this.lines = splitSourceLines(text);
    this.roles = this.lines.map(() => null);
  }

  /** 1-based line text */
  line(n: number): string {
    return this.lines[n - 1] ?? "";
  }

  get count(): number {
    return this.lines.length;
  }

  use(n: number, role: LineRole): void {
    this.roles[n - 1] = role;
  }

  roleOf(n: number): LineRole | null {
    return this.roles[n - 1] ?? null;
  }

  /**
   * Marks blank lines (and, in a recognised document, page-break lines) that nothing else claimed; the rest is
   * returned as unparsed. In text that is not an evaluation document a row of dashes means nothing known.
   */
  finish(recognised: boolean): { unparsed: UnparsedLine[]; used: number[] } {
    const unparsed: UnparsedLine[] = [];
    const used: number[] = [];
    this.lines.forEach((text, i) => {
      const n = i + 1;
      if (this.roles[i] === null && isBlankLine(text)) this.roles[i] = "blank";
      if (this.roles[i] === null && recognised && isPageBreak(text)) this.roles[i] = "page_break";
      if (this.roles[i] === null) unparsed.push({ line: n, text });
      else used.push(n);
    });
    return { unparsed, used };
  }
}
