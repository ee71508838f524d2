/**
 * The 総括表 sheet, laid out like the official form. Every number comes from getSummary (the same object the API
 * returns), never recounted here, so the printed table and the screen cannot disagree.
 */
import type ExcelJS from "exceljs";
import { formatFiscalYear, formatFiscalYearRange } from "../../../domain/fiscal-year.js";
import { printMetaLine, SUMMARY_SCOPE, summaryStatus } from "../../../domain/print-meta.js";
import type { PlanRow } from "../plans/repository.js";
import type { SummaryDto } from "../summaries/service.js";
import {
  BORDER,
  FONT_NAME,
  HEADING_FILL,
  LABEL_FILL,
  rowHeightFor,
  rowHeightOf,
  SUMMARY_SHEET,
  setA4Landscape,
} from "./workbook-layout.js";

// title, 作成日 and state, header, sub-header
const META_ROW = 2;
const HEAD = 3;
const SUB = 4;
const HEADER_ROWS = 4;

export function buildSummarySheet(wb: ExcelJS.Workbook, plan: PlanRow, summary: SummaryDto, createdAt: Date) {
  const ws = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROWS }] });
  const scale = summary.plan.gradeScale;
  const firstGradeCol = 5;
  const ungradedCol = firstGradeCol + scale.length;
  const deptCol = ungradedCol + 1;
  const codes = new Set(scale.map((g) => g.code));

  const widths = [9, 46, 4.5, 4.5, ...scale.map(() => 6.5), 7.5, 30];
  ws.columns = widths.map((width) => ({ width }));
  const TITLE_WIDTH = widths[1] ?? 46;
  const DEPT_WIDTH = widths[deptCol - 1] ?? 30;
  const FULL_WIDTH = widths.reduce((a, b) => a + b, 0);
  ws.properties.defaultRowHeight = 18;
  setA4Landscape(ws, `${HEAD}:${SUB}`);

  const period = formatFiscalYearRange(plan.startFiscalYear, plan.endFiscalYear);
  const title = `${plan.title}（${period}）事業別評価総括表 ${formatFiscalYear(summary.fiscalYear)}`;
  ws.getCell(1, 1).value = title;
  ws.mergeCells(1, 1, 1, deptCol);
  ws.getCell(1, 1).font = { name: FONT_NAME, size: 13, bold: true };
  ws.getRow(1).height = 26;
  // when this copy was made and what it counts, as on the printed screen
  const meta = printMetaLine({ createdAt, scope: SUMMARY_SCOPE, status: summaryStatus(summary.total) });
  ws.getCell(META_ROW, 1).value = meta;
  ws.mergeCells(META_ROW, 1, META_ROW, deptCol);
  ws.getCell(META_ROW, 1).font = { name: FONT_NAME, size: 9 };
  ws.getCell(META_ROW, 1).alignment = { vertical: "middle", wrapText: true };
  ws.getRow(META_ROW).height = rowHeightFor(meta, FULL_WIDTH, 1, 9);

  // Header: 番号, 事業名, 種別 (新, 重), 評価 (one column per grade), 未評価, 所管名
  const header = (row: number, col: number, value: string) => {
    ws.getCell(row, col).value = value;
  };
  header(HEAD, 1, "番号");
  header(HEAD, 2, "事業名");
  header(HEAD, 3, "種別");
  header(SUB, 3, "新");
  header(SUB, 4, "重");
  header(HEAD, firstGradeCol, "評価");
  for (const [i, g] of scale.entries()) header(SUB, firstGradeCol + i, g.code);
  header(HEAD, ungradedCol, "未評価");
  header(HEAD, deptCol, "所管名");
  ws.mergeCells(HEAD, 1, SUB, 1);
  ws.mergeCells(HEAD, 2, SUB, 2);
  ws.mergeCells(HEAD, 3, HEAD, 4);
  if (scale.length > 1) ws.mergeCells(HEAD, firstGradeCol, HEAD, ungradedCol - 1);
  ws.mergeCells(HEAD, ungradedCol, SUB, ungradedCol);
  ws.mergeCells(HEAD, deptCol, SUB, deptCol);
  for (const r of [HEAD, SUB]) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (c) => {
      c.fill = LABEL_FILL;
      c.font = { name: FONT_NAME, size: 10, bold: true };
      c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    });
  }

  const countsRow = (label: string, counts: Record<string, number>, ungraded: number | null) => {
    const row = ws.addRow([label, "", "", "", ...scale.map((g) => counts[g.code] ?? 0), ungraded ?? "", ""]);
    ws.mergeCells(row.number, 1, row.number, 4);
    row.font = { name: FONT_NAME, size: 10, bold: true };
    row.getCell(1).alignment = { horizontal: "right", vertical: "middle" };
    row.getCell(1).fill = LABEL_FILL;
    return row;
  };

  const groups = new Map(summary.groups.map((g) => [g.nodeId, g]));
  for (const line of summary.lines) {
    if (line.kind === "heading") {
      const text = [line.levelName, line.code, line.title].filter(Boolean).join(" ");
      const row = ws.addRow([text]);
      ws.mergeCells(row.number, 1, row.number, deptCol);
      row.getCell(1).font = { name: FONT_NAME, size: 10, bold: true };
      row.getCell(1).alignment = { vertical: "middle", indent: line.level, wrapText: true };
      // an indent level is about three characters wide
      row.height = rowHeightFor(text, FULL_WIDTH - line.level * 3, 1);
      if (line.level === 0) row.getCell(1).fill = HEADING_FILL;
    } else if (line.kind === "project") {
      // a grade outside the scale is counted as 未評価 by the summary, so its ○ goes there too
      const counted = line.grade !== null && codes.has(line.grade) ? line.grade : null;
      const title = line.relisted ? `${line.title}（再掲）` : line.title;
      const departments = line.departmentNames.join("、");
      const row = ws.addRow([
        line.code ?? "",
        title,
        line.isNew ? "新" : "",
        line.isPriority ? "重" : "",
        ...scale.map((g) => (g.code === counted ? "○" : "")),
        counted === null ? "○" : "",
        departments,
      ]);
      row.height = rowHeightOf([
        [title, TITLE_WIDTH],
        [departments, DEPT_WIDTH],
      ]);
      row.font = { name: FONT_NAME, size: 10 };
      row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      for (const c of [2, deptCol]) row.getCell(c).alignment = { vertical: "middle", wrapText: true };
    } else {
      const g = groups.get(line.nodeId);
      countsRow(line.label, g?.counts ?? {}, g?.ungraded ?? 0);
    }
  }

  const total = summary.total;
  countsRow("総合計", total.counts, total.ungraded);
  const pct = ws.addRow([
    `対象事業（${total.graded}件）における評価の割合`,
    "",
    "",
    "",
    // 41.6 → 0.416 shown as "41.6%"; divided in tenths so the stored number is exactly the rounded one
    ...scale.map((g) => Math.round((total.percentages[g.code] ?? 0) * 10) / 1000),
  ]);
  ws.mergeCells(pct.number, 1, pct.number, 4);
  pct.font = { name: FONT_NAME, size: 10 };
  pct.getCell(1).alignment = { horizontal: "right", vertical: "middle", wrapText: true };
  pct.getCell(1).fill = LABEL_FILL;
  pct.height = 30;
  scale.forEach((_, i) => {
    pct.getCell(firstGradeCol + i).numFmt = "0.0%";
  });

  const lastTableRow = pct.number;
  for (let r = HEAD; r <= lastTableRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= deptCol; c++) row.getCell(c).border = BORDER;
    for (let c = firstGradeCol; c <= ungradedCol; c++) {
      row.getCell(c).alignment = { horizontal: "center", vertical: "middle" };
    }
  }

  ws.addRow([]);
  for (const note of [
    "※ 種別の標記　新＝新たに計画に掲載する事業　重＝重点的に取り組む事業",
    `※ 評価は承認済みの評価表を集計しています（${formatFiscalYear(summary.fiscalYear)}、書き出し時点）。（再掲）の事業は各施策の小計に含み、総合計では1件として数えます。`,
    "※ 組織改正により所管課の変更があった事業については、評価を行った所管課を記載しています。",
  ]) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, deptCol);
    row.getCell(1).font = { name: FONT_NAME, size: 9 };
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    row.height = rowHeightFor(note, FULL_WIDTH, 1, 9);
  }
  return ws;
}
