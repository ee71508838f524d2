/**
 * One 評価表 sheet per project, laid out like the official form: 事業名 and 担当課 on top, then one labelled row
 * per field. The value cells hold plain text (no formulas) so that departments can write in them in Excel and the
 * workbook can be imported back; the reader finds those rows by their labels (FIELD_ROWS).
 */
import type ExcelJS from "exceljs";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { SHEET_STATUS_LABELS, type SheetStatus } from "../../../domain/labels/evaluation.js";
import { printMetaLine } from "../../../domain/print-meta.js";
import { plainTextOf } from "../../../domain/text/text-blocks.js";
import type { GradeDef } from "../../db/schema/plans.js";
import type { SheetRow } from "../evaluations/repository.js";
import type { ItemRow } from "../plans/repository.js";
import {
  BORDER,
  EDITABLE_FILL,
  exportedText,
  FIELD_ROWS,
  FONT_NAME,
  gradeText,
  LABEL_FILL,
  LAST_COLUMN,
  PROJECT_COLUMN_WIDTHS,
  rowHeightFor,
  setA4Landscape,
  VALUE_COLUMN,
  VALUE_WIDTH,
} from "./workbook-layout.js";

export interface ProjectSheetInput {
  planTitle: string;
  fiscalYear: number;
  gradeScale: GradeDef[];
  item: Pick<ItemRow, "code" | "title" | "summary" | "isNew" | "isPriority">;
  sheet: SheetRow;
  departmentNames: string[];
  /** when the workbook was written: printed with the sheet's state in the page header */
  createdAt: Date;
}

/** Excel's list validation takes at most 255 characters, and a comma would split an entry. */
function gradeListFormula(scale: GradeDef[]): string | null {
  const entries = scale.map(gradeText);
  if (entries.some((e) => /[",]/.test(e))) return null;
  const formula = `"${entries.join(",")}"`;
  return formula.length <= 255 ? formula : null;
}

export function buildProjectSheet(wb: ExcelJS.Workbook, name: string, input: ProjectSheetInput) {
  const { item, sheet, fiscalYear } = input;
  const ws = wb.addWorksheet(name);
  ws.columns = PROJECT_COLUMN_WIDTHS.map((width) => ({ width }));
  setA4Landscape(ws);
  // the form's rows are read back by position and label, so 作成日 and the state go in the printed page header
  const status = SHEET_STATUS_LABELS[sheet.status as SheetStatus] ?? sheet.status;
  ws.headerFooter.oddHeader = `&R&9${printMetaLine({ createdAt: input.createdAt, status }).replaceAll("&", "&&")}`;

  const font = { name: FONT_NAME, size: 10 };
  const labelCell = (cell: ExcelJS.Cell, text: string) => {
    cell.value = text;
    cell.font = { ...font, bold: true };
    cell.fill = LABEL_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  };
  const valueCell = (cell: ExcelJS.Cell, text: string | null, editable: boolean) => {
    // always a string (or empty): a number-looking text must stay text when Excel reopens it
    cell.value = text ?? "";
    cell.font = font;
    cell.alignment = { vertical: "top", horizontal: "left", wrapText: true };
    if (editable) cell.fill = EDITABLE_FILL;
  };

  // 1: title
  ws.getCell(1, 1).value = `${input.planTitle} 事業別評価表（${formatFiscalYear(fiscalYear)}）`;
  ws.getCell(1, 1).font = { ...font, size: 12, bold: true };
  ws.mergeCells(1, 1, 1, LAST_COLUMN);
  ws.getRow(1).height = 24;

  // 2: 事業名 | code + title【新規・重点】 | 担当課 | names
  const marks = [item.isNew ? "新規" : null, item.isPriority ? "重点" : null].filter(Boolean);
  const projectName = `${item.code ? `${item.code} ` : ""}${item.title}${marks.length ? `【${marks.join("・")}】` : ""}`;
  const departments = input.departmentNames.filter(Boolean).join("、");
  labelCell(ws.getCell(2, 1), "事業名");
  valueCell(ws.getCell(2, 2), projectName, false);
  ws.mergeCells(2, 2, 2, 3);
  labelCell(ws.getCell(2, 4), "担当課");
  valueCell(ws.getCell(2, 5), departments, false);
  ws.getRow(2).height = Math.max(
    rowHeightFor(projectName, PROJECT_COLUMN_WIDTHS[1] + PROJECT_COLUMN_WIDTHS[2], 1),
    rowHeightFor(departments, PROJECT_COLUMN_WIDTHS[4], 1),
  );
  ws.getCell(2, 2).font = { ...font, bold: true };

  // 3: 事業概要 (an item field: shown for context, not imported)
  labelCell(ws.getCell(3, 1), "事業概要");
  ws.mergeCells(3, 1, 3, 2);
  const summary = item.summary === null ? null : plainTextOf(item.summary);
  valueCell(ws.getCell(3, VALUE_COLUMN), summary, false);
  ws.mergeCells(3, VALUE_COLUMN, 3, LAST_COLUMN);
  ws.getRow(3).height = rowHeightFor(summary, VALUE_WIDTH);

  // 4–10: the sheet's own fields, in form order
  let r = 4;
  let targetStart: number | null = null;
  for (const def of FIELD_ROWS) {
    const value =
      def.field === "grade"
        ? (() => {
            const g = input.gradeScale.find((x) => x.code === sheet.grade);
            return g ? gradeText(g) : sheet.grade;
          })()
        : exportedText(def.field, sheet[def.field]);
    if (def.sub) {
      if (targetStart === null) {
        targetStart = r;
        labelCell(ws.getCell(r, 1), def.label(fiscalYear));
      }
      labelCell(ws.getCell(r, 2), def.sub);
    } else {
      labelCell(ws.getCell(r, 1), def.label(fiscalYear));
      ws.mergeCells(r, 1, r, 2);
    }
    valueCell(ws.getCell(r, VALUE_COLUMN), value, true);
    ws.mergeCells(r, VALUE_COLUMN, r, LAST_COLUMN);
    ws.getRow(r).height = rowHeightFor(value, VALUE_WIDTH, def.field === "grade" ? 1 : 3);
    if (def.field === "grade") {
      const formula = gradeListFormula(input.gradeScale);
      if (formula) {
        ws.getCell(r, VALUE_COLUMN).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: false, // "B" alone is also accepted by the import
          showInputMessage: true,
          promptTitle: "評価",
          prompt: input.gradeScale.map(gradeText).join("\n"),
        };
      }
    }
    r++;
  }
  if (targetStart !== null) ws.mergeCells(targetStart, 1, targetStart + 1, 1);
  const lastRow = r - 1;
  for (let row = 2; row <= lastRow; row++) {
    for (let c = 1; c <= LAST_COLUMN; c++) ws.getCell(row, c).border = BORDER;
  }

  const note = ws.getCell(lastRow + 2, 1);
  note.value =
    "※ 色の付いたセルを編集して、tsunaguの「取込」で読み込めます（評価は記号だけでも可）。事業名・担当課・事業概要の変更は取り込まれません。";
  note.font = { ...font, size: 9 };
  note.alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells(lastRow + 2, 1, lastRow + 2, LAST_COLUMN);
  ws.getRow(lastRow + 2).height = 28;
  return ws;
}
