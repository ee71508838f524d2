/**
 * The diff as files: a 新旧対照 workbook (one sheet, A4 landscape) and a CSV (UTF-8 with BOM). Both draw the same
 * rows (diffTableRows) as the CLI prints.
 */
import ExcelJS from "exceljs";
import { diffStatus, printMetaLine } from "../../../domain/print-meta.js";
import { DIFF_TABLE_HEADERS, diffTableRows, toCsv } from "../../../domain/revisions/diff-table.js";
import { plainTextOf } from "../../../domain/text/text-blocks.js";
import { contentDisposition } from "../exports/export-workbook.js";
import {
  BORDER,
  FONT_NAME,
  HEADING_FILL,
  rowHeightFor,
  setA4Landscape,
  XLSX_CONTENT_TYPE,
} from "../exports/workbook-layout.js";
import type { DiffResult } from "./diff.js";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export { XLSX_CONTENT_TYPE };

const sideLabel = (s: DiffResult["from"]) =>
  s.status === "live"
    ? s.number
      ? `第${s.number}版 ${s.label}（改定案・現在の内容）`
      : s.label
    : `第${s.number}版 ${s.label}`;

export function diffTitle(d: DiffResult) {
  return `${d.plan.title} 改定の新旧対照（${sideLabel(d.from)} → ${sideLabel(d.to)}）`;
}

/** The Content-Disposition of an export: the Japanese name, with an ASCII fallback. */
export function diffDisposition(d: DiffResult, ext: "xlsx" | "csv") {
  const side = (s: DiffResult["from"]) => (s.status === "live" ? "現在" : `第${s.number}版`);
  const ascii = (s: DiffResult["from"]) => (s.status === "live" ? "live" : String(s.number));
  return contentDisposition(
    `${d.plan.title}_新旧対照_${side(d.from)}-${side(d.to)}.${ext}`,
    `diff_${ascii(d.from)}_${ascii(d.to)}.${ext}`,
  );
}

export function diffCsv(d: DiffResult): Buffer {
  return Buffer.from(toCsv([[...DIFF_TABLE_HEADERS], ...diffTableRows(d.changes, d.plan.levelNames)]), "utf8");
}

const WIDTHS = [12, 10, 40, 30, 40, 40] as const;

export async function diffWorkbook(d: DiffResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "tsunagu";
  wb.created = new Date();
  wb.title = diffTitle(d);
  const ws = wb.addWorksheet("新旧対照", { views: [{ state: "frozen", ySplit: 3 }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  setA4Landscape(ws, "3:3");
  ws.getCell(1, 1).value = diffTitle(d);
  ws.getCell(1, 1).font = { name: FONT_NAME, size: 13, bold: true };
  ws.mergeCells(1, 1, 1, WIDTHS.length);
  ws.getRow(1).height = 26;
  // row 2: when this copy was made, and whether it compares approved versions only
  ws.getCell(2, 1).value = printMetaLine({ createdAt: wb.created, status: diffStatus([d.from, d.to]) });
  ws.getCell(2, 1).font = { name: FONT_NAME, size: 9 };
  ws.mergeCells(2, 1, 2, WIDTHS.length);
  const header = ws.getRow(3);
  header.values = [...DIFF_TABLE_HEADERS];
  header.eachCell((c) => {
    c.font = { name: FONT_NAME, size: 10, bold: true };
    c.fill = HEADING_FILL;
    c.border = BORDER;
    c.alignment = { vertical: "middle", horizontal: "center" };
  });
  const rows = diffTableRows(d.changes, d.plan.levelNames);
  for (const cells of rows) {
    // imported lists and paragraphs one per line in the cell (the CSV keeps the text as stored)
    const values = cells.map(plainTextOf);
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { name: FONT_NAME, size: 10 };
      c.border = BORDER;
      c.alignment = { vertical: "top", wrapText: true };
    });
    row.height = Math.max(...values.map((v, i) => rowHeightFor(v, WIDTHS[i] ?? 10, 1)));
  }
  if (!rows.length) ws.addRow(["変更はありません"]);
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: WIDTHS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
