import ExcelJS from "exceljs";
import { BORDER, FONT_NAME, LABEL_FILL, rowHeightOf, setA4Landscape } from "../exports/workbook-layout.js";
import { toCsv } from "../indicators/export-csv.js";
import { type StatsTable, tableLines } from "./export-table.js";

export const STATS_SHEET = "統計";
/** 分類, 指標, 内訳, 値, 単位, 定義 */
const WIDTHS = [16, 30, 16, 12, 8, 70] as const;

/** UTF-8 with a BOM, so that Excel reads the Japanese; a shown count is written as a plain number. */
export function statsCsvFile(t: StatsTable): Buffer {
  const text = toCsv(tableLines(t).map((line) => line.map(String)));
  return Buffer.concat([Buffer.from("\ufeff"), Buffer.from(text)]);
}

/**
 * One sheet, A4 landscape with the header row repeated on each page: the title, the filters and the note above the
 * table, shown counts as numbers (so they can be summed in Excel), the words of the page everywhere else.
 */
export async function statsWorkbook(t: StatsTable, createdAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "tsunagu";
  wb.created = createdAt;
  wb.title = t.title;
  const ws = wb.addWorksheet(STATS_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  const font = { name: FONT_NAME, size: 10 };
  const lines = tableLines(t);
  const headerAt = lines.indexOf(t.header) + 1;
  setA4Landscape(ws, `${headerAt}:${headerAt}`);
  lines.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    line.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.value = value;
      cell.font = font;
      if (i + 1 < headerAt) return;
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true, horizontal: c === 3 ? "right" : "left" };
      if (i + 1 === headerAt) {
        cell.fill = LABEL_FILL;
        cell.font = { ...font, bold: true };
      }
    });
    if (i + 1 > headerAt) row.height = rowHeightOf(line.map((v, c) => [String(v), WIDTHS[c] ?? 10]));
  });
  ws.getCell(1, 1).font = { ...font, size: 12, bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
