/**
 * Parser for a municipal welfare-plan evaluation document as extracted from PDF: a 総括表 (summary table with one
 * row per project, grades ticked by ○) followed by the 事業別評価表 (one sheet per project). Pure: text in, data out.
 *
 * Nothing is dropped silently: every line is either used (and `usedLines` says so) or listed in `unparsed`, and
 * every disagreement between the table, its totals and the sheets becomes a warning naming both values.
 */
import { parseFiscalYear, parseFiscalYearRange } from "../fiscal-year";
import { toHalfWidth } from "../text/normalize";
import { checkGrades } from "./check-grades";
import { checkTotals } from "./check-totals";
import { buildGradeScale, readSheetGrade } from "./grade-scale";
import { checkSheetHeadings, matchSheets } from "./match-sheets";
import { isSheetHeader, parseSheets, type SheetSection } from "./parse-sheets";
import { emptySummaryTable, parseSummaryTable } from "./parse-summary-table";
import { isBlankCell, LineBook, splitCells, trimPadding } from "./source-lines";
import type { ParsedEvaluationDocument } from "./types";

export interface ParseResult {
  document: ParsedEvaluationDocument;
  /** 1-based numbers of the lines the parser used (headings, rows, sheet fields, notes, blanks, page breaks) */
  usedLines: number[];
}

/**
 * Cheap recognition, used to reject a document of another kind before parsing: a 総括表 heading plus either the
 * grade columns of the table or the 事業別評価表 sheets.
 */
export function isEvaluationDocument(text: string): boolean {
  const t = toHalfWidth(text);
  if (!t.includes("総括表")) return false;
  const hasGradeColumns = /(^|\t)AA\tA\tB\tC\tD(\t|$)/m.test(t) || /(^|\t)評価(\t|$)/m.test(t);
  const hasSheets = t.includes("事業別評価表") || /前期目標に対する\s*評価/.test(t);
  return hasGradeColumns || hasSheets;
}

export function parseEvaluationDocument(text: string): ParsedEvaluationDocument {
  return parseEvaluationDocumentWithCoverage(text).document;
}

/** The 1-based numbers of the lines the parser used; together with `unparsed` they cover every line. */
export function usedLines(text: string): number[] {
  return parseEvaluationDocumentWithCoverage(text).usedLines;
}

/** Where the sheets begin: the 事業別評価表 heading, or else the first sheet header row. */
function findSheetsStart(book: LineBook): number | null {
  for (let n = 1; n <= book.count; n++) {
    const cells = splitCells(book.line(n));
    const filled = cells.filter((c) => !isBlankCell(c));
    if (filled.length === 1 && /^#*\s*事業別評価表\s*$/.test(trimPadding(filled[0]?.text ?? ""))) return n;
    if (isSheetHeader(cells)) return n;
  }
  return null;
}

function findSummaryStart(book: LineBook, before: number): number | null {
  for (let n = 1; n < before; n++) if (book.line(n).includes("総括表")) return n;
  return null;
}

/** "目黒区保健医療福祉計画（令和6～10年度）事業別評価総括表" → plan name and its span of fiscal years. */
function readPlanTitle(documentTitle: string): { planTitle: string; start: number | null; end: number | null } {
  const m = /^(.*?)[（(]([^（()）]*年度)[)）]/.exec(documentTitle);
  if (!m) return { planTitle: documentTitle.replace(/(事業別)?評価?総括表$/, "").trim(), start: null, end: null };
  const range = parseFiscalYearRange(m[2] ?? "");
  return { planTitle: (m[1] ?? "").trim(), start: range?.from ?? null, end: range?.to ?? null };
}

/** The year most sheets name in "計画事業の実績等（令和6年度）"; a sheet with a stray label does not decide it. */
function readEvaluatedYear(section: SheetSection): number | null {
  const votes = new Map<number, number>();
  for (const { sheet } of section.sheets) {
    const m = /(令和|平成)\s*(元|\d+)\s*年度/.exec(toHalfWidth(sheet.fields.resultsLabel ?? ""));
    const fy = m ? parseFiscalYear(`${m[1]}${m[2]}年度`) : null;
    if (fy !== null) votes.set(fy, (votes.get(fy) ?? 0) + 1);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked[0]?.[0] ?? null;
}

export function parseEvaluationDocumentWithCoverage(text: string): ParseResult {
  const book = new LineBook(text);
  const sheetsStart = findSheetsStart(book);
  const summaryEnd = sheetsStart ?? book.count + 1;
  const summaryStart = findSummaryStart(book, summaryEnd);
  const table = summaryStart === null ? emptySummaryTable() : parseSummaryTable(book, summaryStart, summaryEnd);
  const section: SheetSection =
    sheetsStart === null
      ? { sheets: [], goalHeadings: [], measureHeadings: [], warnings: [] }
      : parseSheets(book, sheetsStart, book.count + 1);

  const gradeScale = buildGradeScale(
    table.gradeCodes,
    section.sheets.flatMap(({ sheet }) => (sheet.fields.gradeText ? [sheet.fields.gradeText.raw] : [])),
  );
  for (const { sheet } of section.sheets) {
    sheet.grade = sheet.fields.gradeText ? readSheetGrade(sheet.fields.gradeText.raw, gradeScale) : null;
  }

  const goals = table.goals;
  const matched = matchSheets(goals, section, gradeScale); // attaches the sheets the grade checks compare with
  const grades = checkGrades(goals, table, gradeScale);
  const warnings = [
    ...table.warnings,
    ...section.warnings,
    ...matched,
    ...grades.warnings,
    ...checkSheetHeadings(goals, section),
    ...checkTotals(table, goals, gradeScale, grades.shiftedMeasures),
  ].sort((a, b) => a.line - b.line);

  const { unparsed, used } = book.finish(table.titleLine !== null || section.sheets.length > 0);
  const plan = readPlanTitle(table.documentTitle);
  return {
    document: {
      kind: "evaluation",
      documentTitle: table.documentTitle,
      planTitle: plan.planTitle,
      startFiscalYear: plan.start,
      endFiscalYear: plan.end,
      fiscalYear: readEvaluatedYear(section),
      gradeScale,
      goals,
      writtenGrandTotal: table.writtenGrandTotal,
      writtenPercentages: table.writtenPercentages,
      writtenProjectCount: table.writtenProjectCount,
      warnings,
      unparsed,
    },
    usedLines: used,
  };
}
