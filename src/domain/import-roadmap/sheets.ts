/**
 * The two sheets of a roadmap document, each a title ("令和4年度 …事業"), a "<年間ロードマップ…>" line, 自治体名 and
 * its value, then tables: the indicators (plan sheet) and the months (both sheets). This file reads one sheet's
 * lines into rows; parse-roadmap.ts puts the sheets together and compares them.
 */

import { parseFiscalYear } from "../fiscal-year";
import { cellValue, isBlankLine, type LineBook, splitCells } from "../import-evaluation/source-lines";
import { readJapaneseMonth } from "../japanese-month";
import { compactText } from "../text/normalize";
import { splitStreams } from "./streams";
import type { RoadmapIndicator, RoadmapWarning, StreamText } from "./types";

export const cellsOf = (line: string) => splitCells(line).map((_, i, all) => cellValue(all, i));

export const isRoadmapMarker = (line: string) => compactText(line).includes("<年間ロードマップ");

export interface SheetMonth {
  month: string;
  planned: StreamText[];
  method: StreamText[];
  actual: StreamText[] | null;
  line: number;
}

export interface Sheet {
  progress: boolean;
  title: string;
  fiscalYear: number | null;
  municipalityName: string | null;
  currentPoint: string | null;
  targetPoint: string | null;
  indicators: RoadmapIndicator[];
  months: SheetMonth[];
  /** the line of the month table's header (where a missing month is reported) */
  monthHeader: number;
  line: number;
}

/** "令和4年4月" (a month row's first cell) → "2022-04"; null for anything else. */
export function monthOf(cell: string): string | null {
  if (!/^(?:令和|平成|R|H)?[0-9０-９元]{1,4}年[0-9０-９]{1,2}月$/.test(cell.replace(/\s/g, ""))) return null;
  const read = readJapaneseMonth(cell);
  return read.ok ? read.month : null;
}

/** "目標値 (令和4年度末)" → "令和4年度末" */
const inBrackets = (cell: string) => /[(（]([^()（）]+)[)）]/.exec(cell)?.[1]?.trim() ?? null;

const isIndicatorHeader = (cells: string[]) =>
  (cells[0] ?? "").includes("指標") &&
  cells.some((c) => c.startsWith("現状値")) &&
  cells.some((c) => c.startsWith("目標値"));

interface MonthColumns {
  planned: number;
  method: number;
  actual: number;
}

function monthColumns(cells: string[]): MonthColumns | null {
  const planned = cells.findIndex((c) => c.startsWith("取組内容"));
  const method = cells.findIndex((c) => c.startsWith("実施方法"));
  if (planned < 0 || method < 0) return null;
  return { planned, method, actual: cells.findIndex((c) => c.startsWith("実際の取組状況")) };
}

/**
 * Reads the sheet whose marker line is `marker`, up to the line before `end`. Lines it uses get their role in the
 * book; extra cells and repeated months become warnings.
 */
export function readSheet(book: LineBook, marker: number, end: number, warn: (w: RoadmapWarning) => void): Sheet {
  let titleLine = marker - 1;
  while (titleLine > 0 && isBlankLine(book.line(titleLine))) titleLine--;
  const title = cellsOf(book.line(titleLine)).join(" ").trim();
  const hasTitle = titleLine > 0 && /年度/.test(title);
  if (hasTitle) book.use(titleLine, "heading");
  book.use(marker, "heading");
  const sheet: Sheet = {
    progress: compactText(book.line(marker)).includes("月間進捗"),
    title: hasTitle ? title : "",
    fiscalYear: hasTitle ? parseFiscalYear(/(?:令和|平成)[0-9０-９元]+年度/.exec(title)?.[0] ?? "") : null,
    municipalityName: null,
    currentPoint: null,
    targetPoint: null,
    indicators: [],
    months: [],
    monthHeader: marker,
    line: marker,
  };
  let table: "none" | "indicators" | "months" = "none";
  let columns: MonthColumns | null = null;
  for (let n = marker + 1; n < end; n++) {
    const text = book.line(n);
    if (isBlankLine(text)) continue;
    const cells = cellsOf(text);
    const first = cells[0] ?? "";
    if (first === "自治体名" && cells.length === 1) {
      book.use(n, "sheet_field");
      let value = n + 1;
      while (value < end && isBlankLine(book.line(value))) value++;
      const name = cellsOf(book.line(value));
      if (value < end && name.length === 1) {
        sheet.municipalityName = name[0] ?? null;
        book.use(value, "sheet_field");
        n = value;
      }
      continue;
    }
    if (isIndicatorHeader(cells)) {
      book.use(n, "column_header");
      sheet.currentPoint = inBrackets(cells.find((c) => c.startsWith("現状値")) ?? "");
      sheet.targetPoint = inBrackets(cells.find((c) => c.startsWith("目標値")) ?? "");
      table = "indicators";
      continue;
    }
    const header = monthColumns(cells);
    if (header && monthOf(first) === null) {
      book.use(n, "column_header");
      columns = header;
      sheet.monthHeader = n;
      table = "months";
      continue;
    }
    const month = monthOf(first);
    if (table === "months" && columns && month) {
      readMonthRow(book, n, cells, month, columns, sheet, warn);
    } else if (table === "indicators" && first !== "" && month === null) {
      book.use(n, "roadmap_indicator");
      const numbered = /^(\d{1,3})[ \u3000]+(.+)$/.exec(first);
      sheet.indicators.push({
        number: numbered ? Number(numbered[1]) : null,
        name: numbered?.[2]?.trim() ?? first,
        current: cells[1] ?? "",
        target: cells[2] ?? "",
        targetPoint: sheet.targetPoint,
        effect: cells
          .slice(3)
          .filter((c) => c !== "")
          .join(" "),
        line: n,
      });
    }
    // any other line stays unparsed and is reported
  }
  return sheet;
}

function readMonthRow(
  book: LineBook,
  n: number,
  cells: string[],
  month: string,
  columns: MonthColumns,
  sheet: Sheet,
  warn: (w: RoadmapWarning) => void,
) {
  book.use(n, "roadmap_month");
  const label = cells[0] ?? "";
  const sheetName = sheet.progress ? "月間進捗シート" : "年間ロードマップ";
  const known = new Set([0, columns.planned, columns.method, columns.actual]);
  cells.forEach((cell, i) => {
    if (cell !== "" && !known.has(i)) {
      warn({
        kind: "extra_column",
        line: n,
        month,
        message: `${sheetName} ${label}: 表の列にない ${i + 1} 列目「${cell}」は取り込みません`,
      });
    }
  });
  if (sheet.months.some((m) => m.month === month)) {
    warn({
      kind: "duplicate_month",
      line: n,
      month,
      message: `${sheetName} ${label} の行が二度あります（後の行は取り込みません）`,
    });
    return;
  }
  sheet.months.push({
    month,
    planned: splitStreams(cells[columns.planned] ?? ""),
    method: splitStreams(cells[columns.method] ?? ""),
    actual: columns.actual < 0 ? null : splitStreams(cells[columns.actual] ?? ""),
    line: n,
  });
}
