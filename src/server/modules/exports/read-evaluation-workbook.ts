/**
 * Reads a workbook that tsunagu exported and someone edited in Excel. Pure: bytes in, values and problems out; the
 * database is not consulted (apply-evaluation-workbook.ts decides what the values mean for the current data).
 */
import ExcelJS from "exceljs";
import { parseGrade } from "../../../domain/grades.js";
import { AppError } from "../../platform/errors.js";
import { checkXlsxUpload } from "../../platform/uploads/check-upload.js";
import { withParseSlot } from "../../platform/uploads/parse-slot.js";
import { SHEET_FIELD_LABELS, SHEET_FIELDS, type SheetField } from "../evaluations/schema.js";
import type { ReadSheet, ReadWorkbook, SheetFieldValues, WorkbookProblem } from "./schema.js";
import {
  FIELD_ROWS,
  foldLabel,
  META_SHEET,
  NOT_OUR_WORKBOOK,
  normalizeValue,
  VALUE_COLUMN,
} from "./workbook-layout.js";
import { readMetaSheet } from "./workbook-meta.js";

const MAX_TEXT = 20_000; // same limit as the form on screen

const notOurs = () => new AppError(400, "not_tsunagu_workbook", NOT_OUR_WORKBOOK);

type CellText = { text: string | null } | { error: string };

/** What a person sees in a cell, as text: rich text joined, numbers and dates as text, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: null };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value) };
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Excel dates carry no time zone; a whole day is written as a date alone
    return { text: iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso };
  }
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
  if ("error" in value) return { error: `セルがエラー（${value.error}）になっています` };
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) {
    if (value.result === undefined) return { error: "数式の結果を読み取れません。値だけを入力してください" };
    return cellText(value.result as ExcelJS.CellValue);
  }
  return { error: "セルの内容を読み取れません" };
}

/**
 * ExcelJS inflates and holds the whole file, so it sees only files that passed the upload checks (entries, sizes
 * and compression, sizes confirmed by inflating), and one at a time.
 */
export function readEvaluationWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  return withParseSlot(async () => {
    await checkXlsxUpload(bytes, notOurs);
    return readCheckedWorkbook(bytes);
  });
}

async function readCheckedWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    // a zip that is not a spreadsheet, or a damaged file: either way not something we wrote
    throw notOurs();
  }
  const metaWs = wb.getWorksheet(META_SHEET);
  if (!metaWs) throw notOurs();
  const meta = readMetaSheet(metaWs);
  if ("error" in meta) throw new AppError(400, "unreadable_file", meta.error);

  const byName = new Map(wb.worksheets.map((ws) => [ws.name, ws]));
  const byId = new Map(wb.worksheets.map((ws) => [ws.id, ws]));
  const claimed = new Set(meta.rows.map((r) => r.worksheetName));
  const seenSheetIds = new Set<string>();
  const sheets: ReadSheet[] = [];
  const problems: WorkbookProblem[] = [];

  for (const row of meta.rows) {
    // A renamed worksheet keeps its internal id in Excel, so it is still found.
    let ws = byName.get(row.worksheetName);
    if (!ws && row.worksheetId !== null) {
      const candidate = byId.get(row.worksheetId);
      if (candidate && !claimed.has(candidate.name) && candidate.name !== META_SHEET) ws = candidate;
    }
    if (!ws) {
      problems.push({
        kind: "missing",
        worksheet: row.worksheetName,
        cell: null,
        message: `シート「${row.worksheetName}」がファイルにないため、この評価表は取り込みませんでした`,
      });
      continue;
    }
    if (seenSheetIds.has(row.sheetId)) continue; // a copied metadata row: the first one wins
    seenSheetIds.add(row.sheetId);
    const sheetProblems: WorkbookProblem[] = [];
    const fields = readProjectFields(ws, meta.gradeScale, sheetProblems);
    problems.push(...sheetProblems);
    if (sheetProblems.length) continue;
    sheets.push({
      sheetId: row.sheetId,
      itemId: row.itemId,
      exportedVersion: row.version,
      worksheetName: ws.name,
      fields,
      exportedHashes: row.hashes,
    });
  }
  return {
    formatVersion: meta.formatVersion,
    planId: meta.planId,
    fiscalYear: meta.fiscalYear,
    gradeScale: meta.gradeScale,
    sheets,
    problems,
  };
}

/** Finds each field's row by its label (rows may have been inserted above) and reads the value beside it. */
function readProjectFields(
  ws: ExcelJS.Worksheet,
  gradeScale: ReadWorkbook["gradeScale"],
  problems: WorkbookProblem[],
): SheetFieldValues {
  const rowOf = new Map<SheetField, number>();
  ws.eachRow((row, n) => {
    const label = (c: number) => {
      const t = cellText(row.getCell(c).value);
      return "text" in t && t.text ? foldLabel(t.text) : "";
    };
    const a = label(1);
    if (!a) return;
    const b = label(2);
    for (const def of FIELD_ROWS) {
      if (!rowOf.has(def.field) && def.matches(a, b)) rowOf.set(def.field, n);
    }
  });

  const values = Object.fromEntries(SHEET_FIELDS.map((f) => [f, null])) as SheetFieldValues;
  const problem = (cell: string | null, message: string) =>
    problems.push({ kind: "unreadable", worksheet: ws.name, cell, message });
  for (const field of SHEET_FIELDS) {
    const n = rowOf.get(field);
    if (n === undefined) {
      problem(null, `「${SHEET_FIELD_LABELS[field]}」の欄が見つかりません。書き出したときの形のまま編集してください`);
      continue;
    }
    const cell = ws.getCell(n, VALUE_COLUMN);
    const read = cellText(cell.value);
    if ("error" in read) {
      problem(cell.address, `${SHEET_FIELD_LABELS[field]}: ${read.error}`);
      continue;
    }
    const text = normalizeValue(read.text);
    if (field !== "grade") {
      if (text !== null && text.length > MAX_TEXT) {
        problem(cell.address, `${SHEET_FIELD_LABELS[field]}は${MAX_TEXT}文字以内にしてください（${text.length}文字）`);
      } else values[field] = text;
      continue;
    }
    if (text === null) continue;
    const code = parseGrade(text, gradeScale);
    if (code === null) {
      const codes = gradeScale.map((g) => g.code).join("・");
      problem(cell.address, `評価「${text.trim()}」を読み取れません。${codes} のいずれかを入力してください`);
    } else values.grade = code;
  }
  return values;
}
