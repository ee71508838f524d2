/**
 * Everything the exported workbook and its reader must agree on: sheet names, the project sheet's rows and labels,
 * the hidden metadata sheet, and the styles. Writer and reader import the same definitions so that a layout change
 * cannot break the round trip on one side only.
 */
import { createHash } from "node:crypto";
import type ExcelJS from "exceljs";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { plainTextOf } from "../../../domain/text/text-blocks.js";
import type { SheetField } from "../evaluations/schema.js";

/** Bump when the project sheet rows or the metadata columns change meaning; the reader refuses newer files. */
export const FORMAT_VERSION = 1;
export const META_SHEET = "_tsunagu";
export const SUMMARY_SHEET = "総括表";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const NOT_OUR_WORKBOOK = "tsunaguから書き出したExcelファイルではありません";

// ---------------------------------------------------------------------------------------------------------------
// Styles

export const FONT_NAME = "游ゴシック";
const thin: Partial<ExcelJS.Border> = { style: "thin" };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
export const LABEL_FILL = fill("FFF2F2F2");
export const HEADING_FILL = fill("FFDDEBF7");
/** Editable cells are tinted so that people in Excel can see what the import reads back. */
export const EDITABLE_FILL = fill("FFFFF9E5");

/** A4 landscape, one page wide and as many pages tall as needed: how the 総括表 and 評価表 are printed. */
export function setA4Landscape(ws: ExcelJS.Worksheet, printTitlesRow?: string) {
  Object.assign(ws.pageSetup, {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(printTitlesRow ? { printTitlesRow } : {}),
  });
}

/** Width of text in Excel column units: full-width characters (CJK, full-width forms) take two, half-width kana one. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp <= 0xff || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return w;
}

const BASE_FONT_SIZE = 10;
const LINE_HEIGHT = 15; // points per line at 10pt
const MAX_ROW_HEIGHT = 409; // Excel's limit

/**
 * The lines a text takes in a wrapped cell `widthUnits` wide (at 10pt): every line break starts a line, and each
 * paragraph wraps when it is wider than the cell. A little slack: proportional glyphs and line breaking rules never
 * fill a line completely.
 */
export function wrappedLines(text: string | null, widthUnits: number, fontSize = BASE_FONT_SIZE): number {
  const perLine = Math.max(1, Math.floor(((widthUnits * 0.95) / fontSize) * BASE_FONT_SIZE));
  return (text ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .reduce((n, paragraph) => n + Math.max(1, Math.ceil(displayWidth(paragraph) / perLine)), 0);
}

/**
 * The height (points) of a row whose wrapped cell holds `text`. Spreadsheet programs do not grow a row to fit its
 * wrapped text reliably (Excel never for merged cells, LibreOffice not for a row with a set height), so every row
 * with wrapped text gets its height from its content.
 */
export function rowHeightFor(text: string | null, widthUnits: number, minLines = 2, fontSize = BASE_FONT_SIZE): number {
  const lines = Math.max(minLines, wrappedLines(text, widthUnits, fontSize));
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT * (fontSize / BASE_FONT_SIZE)) + 6);
}

/** The height of a row of several wrapped cells: the tallest cell's ([text, width] each), at least one line. */
export function rowHeightOf(cells: [text: string | null, widthUnits: number][], fontSize = BASE_FONT_SIZE): number {
  return Math.max(...cells.map(([text, width]) => rowHeightFor(text, width, 1, fontSize)));
}

// ---------------------------------------------------------------------------------------------------------------
// Project sheet (評価表)

/** Column widths A–E: label, sub-label (前期/後期), value, 担当課 label, 担当課. Values span C–E. */
export const PROJECT_COLUMN_WIDTHS = [20, 8, 64, 9, 34] as const;
export const VALUE_COLUMN = 3;
export const LAST_COLUMN = 5;
export const VALUE_WIDTH = PROJECT_COLUMN_WIDTHS[2] + PROJECT_COLUMN_WIDTHS[3] + PROJECT_COLUMN_WIDTHS[4];

/** The form's label cells compared loosely: people may retype a label with other spacing or full-width brackets. */
export const foldLabel = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

export interface FieldRowDef {
  field: SheetField;
  /** label in column A; a row with `sub` shares its A label with the row above (merged) */
  label: (fiscalYear: number) => string;
  sub?: string;
  /** how the reader recognises the row from its A and B labels (already folded) */
  matches: (a: string, b: string) => boolean;
}

/** The editable rows of a project sheet, in form order. The reader finds them by label, not by row number. */
export const FIELD_ROWS: FieldRowDef[] = [
  {
    field: "previousStatus",
    label: (fy) => `前年度（${formatFiscalYear(fy - 1)}）実施状況`,
    matches: (a) => a.startsWith("前年度") && a.endsWith("実施状況"),
  },
  {
    field: "targetFirst",
    label: () => "事業目標",
    sub: "前期",
    matches: (a, b) => a.startsWith("事業目標") && b.startsWith("前期"),
  },
  {
    field: "targetSecond",
    label: () => "事業目標",
    sub: "後期",
    matches: (a, b) => a.startsWith("事業目標") && b.startsWith("後期"),
  },
  {
    field: "results",
    label: (fy) => `計画事業の実績等（${formatFiscalYear(fy)}）`,
    matches: (a) => a.startsWith("計画事業の実績等"),
  },
  { field: "grade", label: () => "評価", matches: (a) => a === "評価" },
  { field: "reason", label: () => "効果又は評価の理由", matches: (a) => a.startsWith("効果又は評価の理由") },
  {
    field: "issues",
    label: () => "今後の課題及び事業推進の方策",
    matches: (a) => a.startsWith("今後の課題"),
  },
];

/** "B ある程度達成した": what the grade cell shows, and one entry of its drop-down list. */
export const gradeText = (g: { code: string; label: string }) => `${g.code} ${g.label}`;

// ---------------------------------------------------------------------------------------------------------------
// Values and the hidden metadata sheet

/** Excel writes line breaks as \r\n; a value that differs only by that is the same value. Blank means empty. */
export function normalizeValue(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = v.replace(/\r\n?/g, "\n");
  return s.trim() === "" ? null : s;
}

/**
 * What a field's cell shows: imported lists and paragraphs one per line (the stored text is never changed). The
 * metadata fingerprints this, so a cell left as exported reads back as unchanged.
 */
export function exportedText(field: SheetField, v: string | null): string | null {
  return field === "grade" || v === null ? v : plainTextOf(v);
}

/**
 * A short fingerprint of each field as exported. It lets the import tell "the user edited this cell" (file differs
 * from the export) from "someone changed it in tsunagu since" (database differs from the export) without
 * copying every text a second time into the workbook.
 */
export function fieldHash(v: string | null | undefined): string {
  return createHash("sha256")
    .update(normalizeValue(v) ?? "")
    .digest("hex")
    .slice(0, 16);
}

/** Column headers of the metadata table, one row per project sheet. */
export const META_COLUMNS = ["worksheetName", "worksheetId", "sheetId", "itemId", "version", "format"] as const;
export const hashColumn = (field: SheetField) => `hash:${field}`;
export const META_TABLE_HEADER_ROW = 8;

// ---------------------------------------------------------------------------------------------------------------
// Worksheet names

const FORBIDDEN_IN_NAME = /[[\]:*?/\\]/g;
const RESERVED_NAMES = [SUMMARY_SHEET, META_SHEET, "history"]; // "History" is reserved by Excel itself

/** The names already in use before any project sheet is added. */
export const reservedSheetNames = () => new Set(RESERVED_NAMES.map((n) => n.toLowerCase()));

/**
 * A valid and unique worksheet name: at most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, unique ignoring case (Excel compares names case-insensitively). `taken` (from reservedSheetNames) is updated.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>, fallback: string): string {
  const clean = (s: string) =>
    s
      .replace(FORBIDDEN_IN_NAME, "_")
      .replace(/^'+|'+$/g, "")
      .trim();
  const cut = (s: string, max: number) => {
    let out = "";
    for (const ch of s) {
      if (out.length + ch.length > max) break;
      out += ch;
    }
    return out;
  };
  const base = cut(clean(wanted) || clean(fallback) || "事業", 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = cut(base, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
