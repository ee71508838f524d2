/**
 * Parser for a municipal 実施計画 (implementation plan) as extracted from PDF, e.g. 狛江市第1次地域共生社会推進基本計画
 * 実施計画: 基本目標 → 施策 (施策の体系 diagram) → 重点取組 sheets with their activities and yearly targets, plus the
 * 関連事業と担当課 matrix. Pure: text in, data out.
 *
 * Nothing is dropped silently: every line is used or listed in `unparsed`; every disagreement between the places that
 * write the same thing becomes a warning; (再掲) items point at their original.
 */
import { LineBook } from "../import-evaluation/source-lines";
import { compareCodes } from "../plan-items.js";
import { toHalfWidth } from "../text/normalize";
import { checkGoalTitles, checkMatrix, checkMeasures } from "./cross-check";
import { settleFiscalYears } from "./fiscal-year-columns";
import { type MatrixRow, parseMatrix } from "./parse-matrix";
import { type DiagramMeasure, parseOverview } from "./parse-overview";
import { findSheetsStart, parseSheets, type Sheet } from "./parse-sheets";
import { hasRelistMark, parentCode } from "./plan-text";
import { resolveRelists } from "./resolve-relists";
import type { ParsedImplementationPlan, PlanGoal, PlanInitiative, PlanMeasure, PlanWarning } from "./types";

export interface ImplementationPlanParseResult {
  document: ParsedImplementationPlan;
  /** 1-based numbers of the lines the parser used; with `document.unparsed` they cover every line */
  usedLines: number[];
}

/** Cheap recognition: 重点取組 sheets (取組No. rows) with 成果(活動)指標 columns. */
export function isImplementationPlanDocument(text: string): boolean {
  const t = toHalfWidth(text);
  return /^[ \t]*取組No\.?[ \t]*\t/m.test(t) && t.includes("重点取組") && /成果[(（]活動[)）]指標/.test(t);
}

export function parseImplementationPlan(text: string): ParsedImplementationPlan {
  return parseImplementationPlanWithCoverage(text).document;
}

/**
 * The plan's name: a heading line ending in 実施計画 (not a table-of-contents entry). Unnumbered headings are preferred
 * because the numbered ones ("1 …実施計画") are sub-section titles.
 */
function readTitle(book: LineBook): string {
  const candidates: { n: number; text: string; numbered: boolean }[] = [];
  for (let n = 1; n <= book.count; n++) {
    const line = book.line(n);
    const text = line.trim();
    if (line.includes("\t") || /\.{2,}|…{2,}/.test(text) || !/.実施計画$/.test(text)) continue;
    candidates.push({ n, text, numbered: /^\d+\s/.test(toHalfWidth(text)) });
  }
  const chosen = candidates.find((c) => !c.numbered) ?? candidates[0];
  if (!chosen) return "";
  book.use(chosen.n, "heading");
  return chosen.text;
}

function initiativeFromSheet(s: Sheet, relistOf: string | null): PlanInitiative {
  return {
    code: s.code,
    title: s.title,
    line: s.line,
    departments: s.departments,
    majorMeasure: s.majorMeasure,
    category: s.category,
    overview: s.overview,
    relistOf,
    constituentPlans: s.constituentPlans,
    activities: s.activities,
  };
}

function initiativeFromMatrix(r: MatrixRow): PlanInitiative {
  return {
    code: r.code,
    title: r.title,
    line: r.line,
    departments: r.departments,
    majorMeasure: null,
    category: null,
    overview: null,
    relistOf: null,
    constituentPlans: [],
    activities: [],
  };
}

/** Reports codes written twice (two sheets "2-3-1", two diagram rows "2-3"): both stay in the output. */
function duplicates(items: { code: string; line: number }[], what: string): PlanWarning[] {
  const seen = new Map<string, number>();
  return items.flatMap((x) => {
    const first = seen.get(x.code);
    if (first === undefined) {
      seen.set(x.code, x.line);
      return [];
    }
    return [{ kind: "duplicate_code" as const, line: x.line, message: `${what}${x.code}が${first}行目にもあります` }];
  });
}

function notAPlan(text: string): ImplementationPlanParseResult {
  const { unparsed, used } = new LineBook(text).finish(false);
  const document: ParsedImplementationPlan = {
    kind: "implementation-plan",
    title: "",
    startFiscalYear: null,
    endFiscalYear: null,
    fiscalYears: [],
    goals: [],
    matrix: { departments: [], cells: [] },
    warnings: [],
    unparsed,
  };
  return { document, usedLines: used };
}

export function parseImplementationPlanWithCoverage(text: string): ImplementationPlanParseResult {
  const book = new LineBook(text);
  const sheetsStart = findSheetsStart(book) ?? book.count + 1;
  const overview = parseOverview(book, 1, sheetsStart);
  const matrix = parseMatrix(book, 1, sheetsStart);
  const sheets = parseSheets(book, sheetsStart, book.count + 1);
  const title = readTitle(book);

  const relisted = new Set([
    ...sheets.sheets.filter((s) => hasRelistMark(s.title)).map((s) => s.code),
    ...matrix.rows.filter((r) => hasRelistMark(r.title)).map((r) => r.code),
  ]);
  const relists = resolveRelists(sheets.sheets, relisted);
  // after the re-listings are compared, so a re-listed row is compared with its original as written
  const years = settleFiscalYears(sheets.yearHeadings);
  const warnings: PlanWarning[] = [
    ...sheets.warnings,
    ...relists.warnings,
    ...years.warnings,
    ...checkGoalTitles([...overview.goals, ...matrix.goals, ...sheets.goals]),
    ...checkMatrix(matrix.rows, sheets.sheets, matrix.headerLine !== null),
    ...checkMeasures(overview.measures, sheets.measureHeaders, sheets.sheets),
    ...duplicates(overview.measures, "施策の体系に施策"),
    ...duplicates(sheets.sheets, "個別シートに重点取組"),
    ...duplicates(matrix.rows, "関連事業と担当課に重点取組"),
  ];

  // Measures: the diagram defines them; a sheet's 施策No. header (or, failing that, its code) fills any gap.
  const measures = new Map<string, PlanMeasure>();
  const addMeasure = (m: Pick<DiagramMeasure, "code" | "title" | "line" | "constituentPlans" | "star">) => {
    if (!measures.has(m.code)) measures.set(m.code, { ...m, initiatives: [] });
  };
  for (const m of overview.measures) addMeasure(m);
  const hasDiagram = overview.measures.length > 0;
  const missing = (code: string, line: number) => {
    if (measures.has(code)) return;
    addMeasure({ code, title: "", line, constituentPlans: [], star: false });
    if (hasDiagram) {
      warnings.push({ kind: "missing_measure", line, message: `施策${code}が施策の体系にありません` });
    }
  };
  for (const h of sheets.measureHeaders) {
    missing(h.code, h.line);
    const m = measures.get(h.code);
    if (m && m.title === "") m.title = h.title;
  }
  for (const s of sheets.sheets) missing(parentCode(s.code), s.line);

  const sheetCodes = new Set(sheets.sheets.map((s) => s.code));
  const initiatives = [
    ...sheets.sheets.map((s) => initiativeFromSheet(s, relists.sheetOriginals.get(s.code) ?? null)),
    ...matrix.rows.filter((r) => !sheetCodes.has(r.code)).map(initiativeFromMatrix),
  ];
  for (const i of initiatives) {
    missing(parentCode(i.code), i.line);
    measures.get(parentCode(i.code))?.initiatives.push(i);
  }

  // Goals: named by their first mention with a title; a goal known only from codes keeps an empty title.
  const goals = new Map<string, PlanGoal>();
  const mentions = [...overview.goals, ...matrix.goals, ...sheets.goals].sort((a, b) => a.line - b.line);
  for (const g of mentions) {
    const known = goals.get(g.code);
    if (!known) goals.set(g.code, { code: g.code, title: g.title, line: g.line, measures: [] });
    else if (known.title === "" && g.title !== "") Object.assign(known, { title: g.title, line: g.line });
  }
  for (const m of [...measures.values()].sort((a, b) => compareCodes(a.code, b.code))) {
    m.initiatives.sort((a, b) => compareCodes(a.code, b.code) || a.line - b.line);
    const code = parentCode(m.code);
    if (!goals.has(code)) goals.set(code, { code, title: "", line: m.line, measures: [] });
    goals.get(code)?.measures.push(m);
  }

  const fiscalYears = years.fiscalYears;
  const recognised = overview.measures.length > 0 || sheets.sheets.length > 0 || matrix.rows.length > 0;
  // Without a single measure, sheet or matrix row the text is not a plan: a stray "基本目標 1" line or title means
  // nothing known, so every line is handed back as unparsed.
  if (!recognised) return notAPlan(text);
  const { unparsed, used } = book.finish(true);
  return {
    document: {
      kind: "implementation-plan",
      title,
      startFiscalYear: fiscalYears[0] ?? null,
      endFiscalYear: fiscalYears[fiscalYears.length - 1] ?? null,
      fiscalYears,
      goals: [...goals.values()].sort((a, b) => compareCodes(a.code, b.code)),
      matrix: { departments: matrix.departments, cells: matrix.cells },
      warnings: warnings.sort((a, b) => a.line - b.line),
      unparsed,
    },
    usedLines: used,
  };
}
