/**
 * Parser for the indicator tables of a municipal basic plan (e.g. 目黒区基本計画): under each 政策 a 区政評価指標
 * table, under each 施策 a 成果指標 table, each with 指標名 | 現状値 | 計画目標値 and often a line under the column
 * titles giving the years ("令和13年度末"). Pure: text in, data out. Prose around the tables is listed in `unparsed`.
 */
import { isBlankLine, LineBook } from "../import-evaluation/source-lines";
import { cellTexts, filledCells } from "../import-implementation-plan/plan-text";
import { compactText, toHalfWidth } from "../text/normalize";
import { readFiscalYear } from "./indicator-years";
import type { IndicatorValue, IndicatorWarning, ParsedIndicatorTable, PolicyIndicator } from "./types";

export interface IndicatorTableParseResult {
  document: ParsedIndicatorTable;
  /** 1-based numbers of the lines the parser used; with `document.unparsed` they cover every line */
  usedLines: number[];
}

interface TableHeader {
  /** first column title as written: "区政評価指標", "成果指標名" */
  label: string;
  nameIndex: number;
  baselineIndex: number;
  targetIndex: number;
  /** column title text, searched for a year when neither the cell nor the year line gives one */
  baselineTitle: string;
  targetTitle: string;
  baselineYearText: string;
  targetYearText: string;
}

function readHeader(line: string): TableHeader | null {
  const cells = cellTexts(line);
  const labels = cells.map(compactText);
  const nameIndex = labels.findIndex((t) => /指標名?$/.test(t) || /^指標名?[(（]/.test(t));
  const baselineIndex = labels.findIndex((t) => t.startsWith("現状値"));
  const targetIndex = labels.findIndex((t) => /^(計画)?目標値/.test(t));
  if (nameIndex === -1 || baselineIndex <= nameIndex || targetIndex <= nameIndex) return null;
  if (!labels[targetIndex]?.startsWith("計画目標値")) return null;
  return {
    label: cells[nameIndex] ?? "",
    nameIndex,
    baselineIndex,
    targetIndex,
    baselineTitle: cells[baselineIndex] ?? "",
    targetTitle: cells[targetIndex] ?? "",
    baselineYearText: "",
    targetYearText: "",
  };
}

/** Cheap recognition: at least one 指標 | 現状値 | 計画目標値 header row. */
export function isIndicatorTableDocument(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => line.includes("\t") && readHeader(line) !== null);
}

export function parseIndicatorTable(text: string): ParsedIndicatorTable {
  return parseIndicatorTableWithCoverage(text).document;
}

const POLICY_HEADING = /^政策\s*\d+\s*\S/;
const MEASURE_HEADING = /^施策\s*\d+\s*\S/;
// Headings are short; a long line starting with 政策/施策 is prose.
const MAX_HEADING_LENGTH = 80;

function headingKind(line: string): "policy" | "measure" | null {
  if (line.includes("\t")) return null;
  const t = toHalfWidth(line).trim();
  if (t.length > MAX_HEADING_LENGTH) return null;
  if (POLICY_HEADING.test(t)) return "policy";
  if (MEASURE_HEADING.test(t)) return "measure";
  return null;
}

/** The line right under the column titles: no indicator name, only years ("\t\t令和13年度末"). */
function readYearLine(line: string, header: TableHeader): boolean {
  const cells = cellTexts(line);
  const filled = filledCells(line);
  if (filled.length === 0 || (cells[header.nameIndex] ?? "") !== "") return false;
  if (!filled.every((c) => readFiscalYear(c.text) !== null)) return false;
  header.baselineYearText = cells[header.baselineIndex] ?? "";
  header.targetYearText = cells[header.targetIndex] ?? "";
  return true;
}

function value(source: string, ...fallbacks: string[]): IndicatorValue {
  let fiscalYear = readFiscalYear(source);
  for (const f of fallbacks) fiscalYear ??= readFiscalYear(f);
  return { source, fiscalYear };
}

export function parseIndicatorTableWithCoverage(text: string): IndicatorTableParseResult {
  const book = new LineBook(text);
  const indicators: PolicyIndicator[] = [];
  const warnings: IndicatorWarning[] = [];
  let policy: string | null = null;
  let measure: string | null = null;
  let header: TableHeader | null = null;
  let expectYearLine = false;
  // Roles are recorded and applied at the end: in text without a single indicator row, a stray "政策1 …" line or
  // column header means nothing known, so every line of it stays unparsed.
  const roles: { n: number; role: "heading" | "column_header" | "project_row" }[] = [];
  const use = (n: number, role: "heading" | "column_header" | "project_row") => roles.push({ n, role });

  for (let n = 1; n <= book.count; n++) {
    const line = book.line(n);
    if (isBlankLine(line)) continue;
    const kind = headingKind(line);
    if (kind !== null) {
      if (kind === "policy") [policy, measure] = [line.trim(), null];
      else measure = line.trim();
      header = null;
      use(n, "heading");
      continue;
    }
    const plain = compactText(line);
    if (!line.includes("\t") && (plain === "区政評価指標" || plain === "成果指標")) {
      use(n, "heading");
      continue;
    }
    const newHeader = line.includes("\t") ? readHeader(line) : null;
    if (newHeader) {
      header = newHeader;
      expectYearLine = true;
      use(n, "column_header");
      continue;
    }
    if (!header) continue;
    if (expectYearLine && readYearLine(line, header)) {
      expectYearLine = false;
      use(n, "column_header");
      continue;
    }
    expectYearLine = false;
    const cells = cellTexts(line);
    const filled = filledCells(line);
    // A table row starts in the name column; anything else (a note, a question under the table) ends the table.
    if (!line.includes("\t") || filled[0]?.index !== header.nameIndex) {
      header = null;
      continue;
    }
    const name = filled[0].text;
    const baselineText = cells[header.baselineIndex] ?? "";
    const targetText = cells[header.targetIndex] ?? "";
    if (baselineText === "" || targetText === "") {
      warnings.push({ kind: "missing_value", line: n, message: `指標「${name}」の現状値または計画目標値がありません` });
    }
    const known = new Set([header.nameIndex, header.baselineIndex, header.targetIndex]);
    const extra = filled.filter((c) => !known.has(c.index));
    if (extra.length > 0) {
      warnings.push({
        kind: "extra_cells",
        line: n,
        message: `指標「${name}」の行に列見出しのない値があります: ${extra.map((c) => `「${c.text}」`).join("")}`,
      });
    }
    const isPolicyLevel = /区政|政策/.test(header.label);
    const owner = isPolicyLevel ? policy : (measure ?? policy);
    const indicator: PolicyIndicator = {
      policy: owner ?? "",
      parentPolicy: owner === measure && measure !== null ? policy : null,
      indicatorType: header.label,
      name,
      baseline: value(baselineText, header.baselineYearText, header.baselineTitle),
      target: value(targetText, header.targetYearText, header.targetTitle),
      line: n,
    };
    if (targetText !== "" && indicator.target.fiscalYear === null) {
      warnings.push({
        kind: "missing_target_year",
        line: n,
        message: `指標「${name}」の計画目標値「${targetText}」に目標年度が書かれていません`,
      });
    }
    const twin = indicators.find((i) => i.policy === indicator.policy && compactText(i.name) === compactText(name));
    if (twin) {
      warnings.push({
        kind: "duplicate_indicator",
        line: n,
        message: `指標「${name}」が同じ見出しの下で${twin.line}行目にもあります`,
      });
    }
    indicators.push(indicator);
    use(n, "project_row");
  }

  // The excerpt has no title page: its first line (normally the first 政策 heading) names it. Text that is not an
  // indicator table gets no title, so that none of its lines counts as used.
  const recognised = indicators.length > 0;
  if (recognised) for (const r of roles) book.use(r.n, r.role);
  const first = book.lines.findIndex((l) => !isBlankLine(l));
  const title = recognised && first !== -1 ? (book.lines[first] ?? "").trim() : "";
  if (title !== "" && book.roleOf(first + 1) === null) book.use(first + 1, "heading");
  const { unparsed, used } = book.finish(recognised);
  return { document: { kind: "indicator-table", title, indicators, warnings, unparsed }, usedLines: used };
}
