/**
 * The mid-year report as a workbook: 中間報告 (every project's progress under its place in the plan tree) and 集計
 * (the counts per progress and per state, then the projects late and those not handed in), every value taken from
 * the report object the page shows.
 */
import ExcelJS from "exceljs";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import {
  BORDER,
  FONT_NAME,
  HEADING_FILL,
  LABEL_FILL,
  rowHeightOf,
  setA4Landscape,
} from "../exports/workbook-layout.js";
import { getMidYearReport, type MidYearReport } from "./report.js";

export const MID_YEAR_REPORT_SHEET = "中間報告";
export const MID_YEAR_COUNTS_SHEET = "集計";

type Row = MidYearReport["groups"][number]["sheets"][number];

const indicatorText = (r: Row) => r.indicators.map((i) => `${i.name}: ${i.actual ?? "未記入"}`).join("\n");

/** The columns of the report's table: header, width, and the value of one project. */
export const MID_YEAR_COLUMNS: [string, number, (r: Row) => string][] = [
  ["番号", 8, (r) => r.code ?? ""],
  ["事業名", 26, (r) => r.title],
  ["所管課", 16, (r) => r.departmentNames.join("、")],
  ["状態", 8, (r) => r.statusLabel],
  ["進捗状況", 10, (r) => r.progressLabel ?? ""],
  ["課題", 34, (r) => r.issues ?? ""],
  ["下半期の予定", 34, (r) => r.secondHalfPlan ?? ""],
  ["指標の上半期の実績", 26, indicatorText],
];

export async function exportMidYearReport(db: Executor, actor: AuthContext, planId: string, fiscalYear: number) {
  const report = await getMidYearReport(db, actor, planId, fiscalYear);
  const title = `${report.plan.title} ${report.fiscalYearLabel} 中間報告`;
  const wb = new ExcelJS.Workbook();
  wb.creator = "tsunagu";
  wb.created = new Date();
  wb.title = title;
  addReportSheet(wb, title, report);
  addCountsSheet(wb, title, report);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${title}.xlsx` };
}

function titleRow(ws: ExcelJS.Worksheet, text: string, span: number) {
  ws.getCell(1, 1).value = text;
  ws.getCell(1, 1).font = { name: FONT_NAME, size: 13, bold: true };
  ws.mergeCells(1, 1, 1, span);
}

function headerRow(ws: ExcelJS.Worksheet, labels: string[]) {
  const header = ws.addRow(labels);
  header.eachCell((c) => {
    c.fill = LABEL_FILL;
    c.font = { name: FONT_NAME, size: 10, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = BORDER;
  });
}

function bodyRow(ws: ExcelJS.Worksheet, values: string[], widths: number[]) {
  const row = ws.addRow(values);
  row.height = rowHeightOf(values.map((v, i) => [v, widths[i] ?? 10] as [string, number]));
  row.eachCell({ includeEmpty: true }, (c) => {
    c.font = { name: FONT_NAME, size: 10 };
    c.alignment = { vertical: "top", wrapText: true };
    c.border = BORDER;
  });
}

/** Row 1 the title, row 2 the header; each group opens with a row naming its place in the tree. */
function addReportSheet(wb: ExcelJS.Workbook, title: string, report: MidYearReport) {
  const ws = wb.addWorksheet(MID_YEAR_REPORT_SHEET, { views: [{ state: "frozen", ySplit: 2 }] });
  const widths = MID_YEAR_COLUMNS.map(([, w]) => w);
  ws.columns = widths.map((width) => ({ width }));
  setA4Landscape(ws, "2:2");
  titleRow(ws, title, MID_YEAR_COLUMNS.length);
  headerRow(
    ws,
    MID_YEAR_COLUMNS.map(([label]) => label),
  );
  for (const group of report.groups) {
    const path = group.path.map((p) => [p.code, p.title].filter(Boolean).join(" ")).join(" ＞ ");
    if (path) {
      const row = ws.addRow([path]);
      ws.mergeCells(row.number, 1, row.number, MID_YEAR_COLUMNS.length);
      const cell = row.getCell(1);
      cell.fill = HEADING_FILL;
      cell.font = { name: FONT_NAME, size: 10, bold: true };
      cell.border = BORDER;
    }
    for (const s of group.sheets)
      bodyRow(
        ws,
        MID_YEAR_COLUMNS.map(([, , value]) => value(s)),
        widths,
      );
  }
}

function addCountsSheet(wb: ExcelJS.Workbook, title: string, report: MidYearReport) {
  const ws = wb.addWorksheet(MID_YEAR_COUNTS_SHEET);
  const widths = [24, 30, 18, 12];
  ws.columns = widths.map((width) => ({ width }));
  setA4Landscape(ws);
  titleRow(ws, `${title}（集計）`, widths.length);
  headerRow(ws, ["進捗状況", "件数"]);
  for (const c of report.byProgress) bodyRow(ws, [c.label, String(c.count)], widths);
  bodyRow(ws, ["計", String(report.total)], widths);
  ws.addRow([]);
  headerRow(ws, ["状態", "件数"]);
  for (const c of report.byStatus) bodyRow(ws, [c.label, String(c.count)], widths);
  const list = (heading: string, rows: Row[]) => {
    ws.addRow([]);
    const h = ws.addRow([`${heading}（${rows.length}件）`]);
    h.getCell(1).font = { name: FONT_NAME, size: 11, bold: true };
    headerRow(ws, ["番号", "事業名", "所管課", "状態・進捗"]);
    for (const r of rows) {
      bodyRow(
        ws,
        [
          r.code ?? "",
          r.title,
          r.departmentNames.join("、"),
          [r.statusLabel, r.progressLabel].filter(Boolean).join("・"),
        ],
        widths,
      );
    }
  };
  list("遅れ・未着手の事業", report.late);
  list("未提出の事業", report.unsubmitted);
}
