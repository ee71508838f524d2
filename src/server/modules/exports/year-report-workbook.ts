/**
 * The 評価結果報告書 as a workbook: the 総括表 (the same sheet as the evaluation export), then the year's sheets and
 * its indicators as tables, one row each, every value taken from the report object the page shows.
 */
import ExcelJS from "exceljs";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { OVERALL_OPINION_LABEL } from "../../../domain/labels/committees.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { getYearReport, type YearReport } from "../evaluations/year-report.js";
import { loadPlanOr404 } from "../plans/service.js";
import { buildSummarySheet } from "./build-summary-sheet.js";
import { BORDER, FONT_NAME, LABEL_FILL, rowHeightOf, setA4Landscape } from "./workbook-layout.js";

export const REPORT_SHEETS_SHEET = "評価表";
export const REPORT_INDICATORS_SHEET = "指標";

type ReportSheet = YearReport["sheets"][number];
type ReportIndicator = YearReport["indicators"][number];

/** The columns of the 評価表 table: header, width, and the value of one sheet. */
export const SHEET_COLUMNS: [string, number, (s: ReportSheet) => string][] = [
  ["番号", 8, (s) => s.code ?? ""],
  ["事業名", 28, (s) => s.title],
  ["所管課", 16, (s) => s.departmentNames.join("、")],
  ["状態", 8, (s) => s.statusLabel],
  ["評価", 6, (s) => s.grade ?? ""],
  ["計画事業の実績等", 40, (s) => s.results ?? ""],
  ["効果又は評価の理由", 34, (s) => s.reason ?? ""],
  ["今後の課題及び事業推進の方策", 34, (s) => s.issues ?? ""],
  ["未評価とする理由", 24, (s) => s.notEvaluatedReason ?? ""],
];

/** The columns of the 指標 table. */
export const INDICATOR_COLUMNS: [string, number, (i: ReportIndicator) => string][] = [
  ["番号", 8, (i) => i.itemCode ?? ""],
  ["事業名", 26, (i) => i.itemTitle],
  ["指標", 28, (i) => i.name],
  ["目標", 18, (i) => i.target ?? ""],
  ["実績", 18, (i) => i.actual ?? ""],
  ["達成状況", 12, (i) => i.attainment.statusLabel],
];

type ReportOpinion = YearReport["committees"][number]["opinions"][number];

/** The columns of a committee's opinions table. */
export const OPINION_COLUMNS: [string, number, (o: ReportOpinion) => string][] = [
  ["番号", 8, (o) => o.itemCode ?? ""],
  ["事業名", 24, (o) => o.itemTitle ?? OVERALL_OPINION_LABEL],
  ["委員", 14, (o) => o.authorName],
  ["意見", 44, (o) => o.body],
  ["市の対応方針", 44, (o) => o.response ?? ""],
  ["対応の状況", 10, (o) => o.responseStatusLabel ?? "未回答"],
];

/** A worksheet's name: at most 31 characters, none of []:*?/\, unlike the workbook's other sheets. */
function committeeSheetName(name: string, wb: ExcelJS.Workbook) {
  const base = name.replace(/[[\]:*?/\\]/g, "・").slice(0, 28);
  let candidate = base;
  for (let n = 2; wb.getWorksheet(candidate); n++) candidate = `${base}${n}`;
  return candidate;
}

export async function exportYearReport(db: Executor, actor: AuthContext, planId: string, fiscalYear: number) {
  const report = await getYearReport(db, actor, planId, fiscalYear);
  const plan = await loadPlanOr404(db, actor, planId);
  const wb = new ExcelJS.Workbook();
  wb.creator = "tsunagu";
  const createdAt = new Date();
  wb.created = createdAt;
  wb.title = `${report.plan.title} ${report.fiscalYearLabel} 評価結果報告書`;
  // the year's title and grades are those of the revision it was closed under (the summary reads them from it)
  const shown = { ...plan, title: report.summary.plan.title, gradeScale: report.summary.plan.gradeScale };
  buildSummarySheet(wb, shown, report.summary, createdAt);
  const title = `${report.plan.title} ${formatFiscalYear(fiscalYear)} 評価結果報告書`;
  addTable(wb, REPORT_SHEETS_SHEET, `${title}（評価表）`, SHEET_COLUMNS, report.sheets);
  addTable(wb, REPORT_INDICATORS_SHEET, `${title}（指標と達成状況）`, INDICATOR_COLUMNS, report.indicators);
  // one sheet per committee: its opinions with the city's answers (意見と市の対応方針)
  for (const group of report.committees) {
    const name = committeeSheetName(group.committee.name, wb);
    addTable(wb, name, `${title}（${group.committee.name}の意見と市の対応方針）`, OPINION_COLUMNS, group.opinions);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: `${title}.xlsx` };
}

/** Title in row 1, the header in row 2, one row per record from row 3, printed A4 landscape. */
function addTable<T>(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: [string, number, (r: T) => string][],
  rows: T[],
) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = columns.map(([, width]) => ({ width }));
  setA4Landscape(ws, "2:2");
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: FONT_NAME, size: 13, bold: true };
  ws.mergeCells(1, 1, 1, columns.length);
  const header = ws.addRow(columns.map(([label]) => label));
  header.eachCell((c) => {
    c.fill = LABEL_FILL;
    c.font = { name: FONT_NAME, size: 10, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = BORDER;
  });
  for (const r of rows) {
    const values = columns.map(([, , value]) => value(r));
    const row = ws.addRow(values);
    row.height = rowHeightOf(values.map((v, i) => [v, columns[i]?.[1] ?? 10] as [string, number]));
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { name: FONT_NAME, size: 10 };
      c.alignment = { vertical: "top", wrapText: true };
      c.border = BORDER;
    });
  }
  return ws;
}
