/**
 * The hidden 「_tsunagu」 sheet: which database sheet each worksheet came from, at which version, with a
 * fingerprint of every exported field. It is veryHidden (Excel's UI cannot unhide it) because it is not for people;
 * it is what lets an edited workbook be matched and merged back.
 */
import type ExcelJS from "exceljs";
import type { GradeDef } from "../../db/schema/plans.js";
import { SHEET_FIELDS, type SheetField } from "../evaluations/schema.js";
import {
  exportedText,
  FORMAT_VERSION,
  fieldHash,
  hashColumn,
  META_COLUMNS,
  META_SHEET,
  META_TABLE_HEADER_ROW,
} from "./workbook-layout.js";

export interface MetaRow {
  worksheetName: string;
  worksheetId: number;
  sheetId: string;
  itemId: string;
  version: number;
  values: Record<SheetField, string | null>;
}

export interface MetaInput {
  planId: string;
  fiscalYear: number;
  gradeScale: GradeDef[];
  exportedAt: Date;
  rows: MetaRow[];
}

export function buildMetaSheet(wb: ExcelJS.Workbook, input: MetaInput) {
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  ws.addRow(["format", FORMAT_VERSION]);
  ws.addRow(["planId", input.planId]);
  ws.addRow(["fiscalYear", input.fiscalYear]);
  ws.addRow(["exportedAt", input.exportedAt.toISOString()]);
  ws.addRow(["gradeScale", JSON.stringify(input.gradeScale)]);
  ws.addRow(["note", "tsunaguが取込に使う情報です。編集しないでください。"]);
  ws.getRow(META_TABLE_HEADER_ROW).values = [...META_COLUMNS, ...SHEET_FIELDS.map(hashColumn)];
  input.rows.forEach((m, i) => {
    ws.getRow(META_TABLE_HEADER_ROW + 1 + i).values = [
      m.worksheetName,
      m.worksheetId,
      m.sheetId,
      m.itemId,
      m.version,
      FORMAT_VERSION,
      ...SHEET_FIELDS.map((f) => fieldHash(exportedText(f, m.values[f]))),
    ];
  });
  return ws;
}

export interface ReadMeta {
  formatVersion: number;
  planId: string;
  fiscalYear: number;
  gradeScale: GradeDef[];
  rows: {
    worksheetName: string;
    worksheetId: number | null;
    sheetId: string;
    itemId: string;
    version: number;
    hashes: Partial<Record<SheetField, string>>;
  }[];
}

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : String(v).trim());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the metadata back, or returns a Japanese reason why it cannot be trusted. */
export function readMetaSheet(ws: ExcelJS.Worksheet): ReadMeta | { error: string } {
  const keyed = new Map<string, string>();
  let headerRow: number | null = null;
  ws.eachRow((row, n) => {
    const key = text(row.getCell(1).value);
    if (key === META_COLUMNS[0]) headerRow ??= n;
    else if (headerRow === null) keyed.set(key, text(row.getCell(2).value));
  });
  const formatVersion = Number(keyed.get("format"));
  const planId = keyed.get("planId") ?? "";
  const fiscalYear = Number(keyed.get("fiscalYear"));
  if (!Number.isInteger(formatVersion) || !UUID.test(planId) || !Number.isInteger(fiscalYear) || headerRow === null) {
    return { error: "書き出し情報（_tsunagu シート）が壊れています。もう一度書き出してください。" };
  }
  if (formatVersion > FORMAT_VERSION) {
    return { error: "新しい版のtsunaguで書き出されたファイルです。書き出した画面から、もう一度書き出してください。" };
  }
  let gradeScale: GradeDef[] = [];
  try {
    gradeScale = JSON.parse(keyed.get("gradeScale") ?? "[]") as GradeDef[];
  } catch {
    gradeScale = [];
  }

  const header = ws.getRow(headerRow);
  const col = new Map<string, number>();
  header.eachCell((c, n) => {
    col.set(text(c.value), n);
  });
  const rows: ReadMeta["rows"] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const get = (name: string) => {
      const c = col.get(name);
      return c === undefined ? "" : text(row.getCell(c).value);
    };
    const sheetId = get("sheetId");
    if (!sheetId) continue;
    const itemId = get("itemId");
    const version = Number(get("version"));
    if (!UUID.test(sheetId) || !UUID.test(itemId) || !Number.isInteger(version)) {
      return { error: "書き出し情報（_tsunagu シート）が壊れています。もう一度書き出してください。" };
    }
    const worksheetId = Number(get("worksheetId"));
    const hashes: Partial<Record<SheetField, string>> = {};
    for (const f of SHEET_FIELDS) {
      const h = get(hashColumn(f));
      if (h) hashes[f] = h;
    }
    rows.push({
      worksheetName: get("worksheetName"),
      worksheetId: Number.isInteger(worksheetId) && worksheetId > 0 ? worksheetId : null,
      sheetId,
      itemId,
      version,
      hashes,
    });
  }
  return { formatVersion, planId, fiscalYear, gradeScale, rows };
}
