/**
 * The 事業別評価表: one sheet per project, under 基本目標 / 【施策】 headings. A sheet starts with a header row
 * (番号 … 事業名 <title> 担当課 <departments>) followed by labelled fields; a field's text runs on over the following
 * lines until the next label, and is kept as written.
 */
import { compactText, splitDepartments, toHalfWidth } from "../text/normalize";
import {
  type Cell,
  cellRangeText,
  cellValue,
  isBlankCell,
  isBlankLine,
  isPageBreak,
  type LineBook,
  splitCells,
  trimPadding,
} from "./source-lines";
import type { ImportWarning, ParsedSheet, SourceText } from "./types";

type FieldKey = Exclude<keyof ParsedSheet["fields"], `${string}Label` | "header">;

export interface PlacedSheet {
  sheet: ParsedSheet;
  /** codes of the 基本目標 / 【施策】 headings the sheet stands under, null when there was none */
  goalCode: string | null;
  measureCode: string | null;
}

export interface SheetHeading {
  line: number;
  code: string;
  title: string;
}

export interface SheetSection {
  sheets: PlacedSheet[];
  goalHeadings: SheetHeading[];
  /** measure headings with the code of the goal heading above them */
  measureHeadings: (SheetHeading & { goalCode: string | null })[];
  warnings: ImportWarning[];
}

interface FieldBuilder {
  key: FieldKey;
  labelLine: number;
  pieces: { line: number; text: string }[];
  /** blank lines seen since the last piece; they become part of the text only if more text follows */
  pendingBlanks: number;
}

interface SheetBuilder {
  placed: PlacedSheet;
  fields: Map<FieldKey, FieldBuilder>;
  current: FieldBuilder | null;
}

const GRADE_LABEL = /^(前期|後期)?目標に対する評価$/;

/** Field labels compared without spacing, HTML or full-width forms; a label cell is short, prose never is. */
function mainLabel(key: string): FieldKey | "target" | null {
  if (key === "" || key.length > 30) return null;
  if (key === "事業概要") return "overview";
  if (/実施状況$/.test(key) && key.length <= 15) return "previousStatus";
  if (key === "事業目標") return "target";
  if (key.startsWith("計画事業の実績")) return "results";
  if (GRADE_LABEL.test(key)) return "gradeText";
  if (/^効果(又は|または|及び)?評価の理由/.test(key)) return "reason";
  if (key.startsWith("今後の課題")) return "issues";
  return null;
}

function firstFilled(cells: Cell[], from = 0): number {
  for (let i = from; i < cells.length; i++) if (!isBlankCell(cells[i])) return i;
  return -1;
}

/**
 * A heading line: one written cell, optionally prefixed by markdown #'s the extractor added. `half` is for matching;
 * toHalfWidth keeps offsets, so a title cut from `half` by length can be cut from `raw` the same way.
 */
function headingText(cells: Cell[]): { raw: string; half: string } | null {
  const filled = cells.filter((c) => !isBlankCell(c));
  if (filled.length !== 1) return null;
  const raw = (filled[0]?.text ?? "").replace(/^[\s\u00a0\u3000]*#*[\s\u00a0\u3000]*|[\s\u00a0\u3000]+$/g, "");
  return { raw, half: toHalfWidth(raw) };
}

function titleOf(heading: { raw: string }, m: RegExpExecArray): string {
  return trimPadding(heading.raw.slice(m[0].length - (m[2]?.length ?? 0)));
}

export function isSheetHeader(cells: Cell[]): boolean {
  const first = firstFilled(cells);
  return (
    first !== -1 &&
    /^\d+$/.test(trimPadding(toHalfWidth(cells[first]?.text ?? ""))) &&
    cells.some((c) => compactText(c.text) === "事業名")
  );
}

function readHeader(n: number, line: string, cells: Cell[]): ParsedSheet {
  const first = firstFilled(cells);
  const nameAt = cells.findIndex((c) => compactText(c.text) === "事業名");
  const deptAt = cells.findIndex((c, i) => i > nameAt && /^(担当課|所管課|担当|所管)$/.test(compactText(c.text)));
  const titleText = cellRangeText(line, cells, nameAt + 1, deptAt === -1 ? cells.length : deptAt);
  const marks = [...titleText.matchAll(/【([^】]*)】/g)].flatMap((m) =>
    (m[1] ?? "")
      .split(/[・、,]/)
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );
  const emptyFields: ParsedSheet["fields"] = {
    header: { raw: trimPadding(line), line: n },
    overview: null,
    previousStatus: null,
    previousStatusLabel: null,
    targetFirst: null,
    targetFirstLabel: null,
    targetSecond: null,
    targetSecondLabel: null,
    results: null,
    resultsLabel: null,
    gradeText: null,
    reason: null,
    issues: null,
  };
  return {
    line: n,
    number: Number(toHalfWidth(cellValue(cells, first))),
    title: titleText.replace(/【[^】]*】/g, "").replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""),
    marks,
    departments: deptAt === -1 ? [] : splitDepartments(cellRangeText(line, cells, deptAt + 1, cells.length)),
    fields: emptyFields,
    grade: null,
  };
}

function toSourceText(field: FieldBuilder): SourceText {
  return { raw: field.pieces.map((p) => p.text).join("\n"), line: field.pieces[0]?.line ?? field.labelLine };
}

export function parseSheets(book: LineBook, from: number, to: number): SheetSection {
  const section: SheetSection = { sheets: [], goalHeadings: [], measureHeadings: [], warnings: [] };
  let goalCode: string | null = null;
  let measureCode: string | null = null;
  let open: SheetBuilder | null = null;

  const close = () => {
    if (!open) return;
    const { sheet } = open.placed;
    for (const field of open.fields.values()) sheet.fields[field.key] = toSourceText(field);
    section.sheets.push(open.placed);
    open = null;
  };

  for (let n = from; n < to; n++) {
    const line = book.line(n);
    if (isBlankLine(line)) {
      if (open?.current && open.current.pieces.length > 0) open.current.pendingBlanks++;
      continue;
    }
    if (isPageBreak(line)) continue;
    const cells = splitCells(line);
    const heading = headingText(cells);
    const goal = heading === null ? null : /^基本目標\s*(\d+)\s*(.*)$/.exec(heading.half);
    const measure = heading === null ? null : /^(?:【施策】|施策)\s*(\d+)\s*(.*)$/.exec(heading.half);
    if (heading && (goal || measure || /^事業別評価表$/.test(heading.half))) {
      close();
      if (goal) {
        goalCode = goal[1] ?? "";
        measureCode = null;
        section.goalHeadings.push({ line: n, code: goalCode, title: titleOf(heading, goal) });
      } else if (measure) {
        measureCode = measure[1] ?? "";
        section.measureHeadings.push({ line: n, code: measureCode, title: titleOf(heading, measure), goalCode });
      }
      book.use(n, "heading");
      continue;
    }
    if (isSheetHeader(cells)) {
      close();
      open = { placed: { sheet: readHeader(n, line, cells), goalCode, measureCode }, fields: new Map(), current: null };
      book.use(n, "sheet_header");
      continue;
    }
    if (open && readFieldLine(open, n, line, cells)) book.use(n, "sheet_field");
  }
  close();
  return section;

  function start(sheet: SheetBuilder, key: FieldKey, n: number, label: string): FieldBuilder {
    const existing = sheet.fields.get(key);
    if (existing) {
      section.warnings.push({
        kind: "other",
        line: n,
        message: `評価表${sheet.placed.sheet.number}に「${label}」が2回あります（続けて1つの欄として読みました）`,
      });
      existing.pendingBlanks = 0;
      sheet.current = existing;
      return existing;
    }
    const field: FieldBuilder = { key, labelLine: n, pieces: [], pendingBlanks: 0 };
    sheet.fields.set(key, field);
    sheet.current = field;
    return field;
  }

  function append(sheet: SheetBuilder, n: number, text: string): void {
    const field = sheet.current;
    if (!field || text === "") return;
    if (field.pieces.length > 0)
      for (; field.pendingBlanks > 0; field.pendingBlanks--) field.pieces.push({ line: n, text: "" });
    field.pendingBlanks = 0;
    field.pieces.push({ line: n, text });
  }

  /** Reads one line of a sheet; false when it is neither a label nor the continuation of a field. */
  function readFieldLine(sheet: SheetBuilder, n: number, line: string, cells: Cell[]): boolean {
    const fields = sheet.placed.sheet.fields;
    const first = firstFilled(cells);
    const firstText = cellValue(cells, first);
    const key = compactText(firstText);
    const label = mainLabel(key);
    let pos = first + 1;
    if (label === "target") {
      // 事業目標 is followed on the same line by the 前期 label ("前期（令和5年度）"), then the target itself.
      const sub = firstFilled(cells, first + 1);
      const subKey = sub === -1 ? "" : compactText(cells[sub]?.text ?? "");
      start(sheet, "targetFirst", n, firstText);
      if (subKey.startsWith("前期") && !GRADE_LABEL.test(subKey)) {
        fields.targetFirstLabel = cellValue(cells, sub);
        pos = sub + 1;
      }
    } else if (label) {
      start(sheet, label, n, firstText);
      if (label === "previousStatus") fields.previousStatusLabel = firstText;
      if (label === "results") fields.resultsLabel = firstText;
    } else if (key.startsWith("後期") && sheet.current?.key === "targetFirst") {
      start(sheet, "targetSecond", n, firstText);
      fields.targetSecondLabel = firstText;
    } else if (
      key.startsWith("前期") &&
      sheet.current?.key === "targetFirst" &&
      fields.targetFirstLabel === null &&
      sheet.current.pieces.length === 0
    ) {
      fields.targetFirstLabel = firstText; // 事業目標 alone on its line, 前期 on the next
    } else {
      if (!sheet.current) return false;
      pos = first;
    }
    // The grade label sits inside the 実績 row ("…実績…\t\t前期目標に対する評価\tB ある程度達成した").
    const gradeAt = cells.findIndex((c, i) => i >= pos && GRADE_LABEL.test(compactText(c.text)));
    if (gradeAt !== -1 && sheet.current?.key !== "gradeText") {
      append(sheet, n, cellRangeText(line, cells, pos, gradeAt));
      start(sheet, "gradeText", n, cellValue(cells, gradeAt));
      append(sheet, n, cellRangeText(line, cells, gradeAt + 1, cells.length));
    } else {
      append(sheet, n, cellRangeText(line, cells, pos, cells.length));
    }
    return true;
  }
}
