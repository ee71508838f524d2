/**
 * The 重点取組 sheets of section 5. Each sheet is a run of labelled rows:
 *   年度 / 基本目標 / 施策No. (page headers, written once per page group)
 *   取組No. | code | 重点取組 | name
 *   担当課 | departments | 大施策 | heading | 構成計画 | 地 ● 後 高 障
 *   区分 | 新規・拡充・継続
 *   ①事業概要 (text on the following lines)
 *   ②施策に関する具体的な事業や取組
 *   事業(取組)内容 | 成果(活動)指標 | | R 6 | R 7 | R 8   (column header)
 *   <activity> 担当課：<departments> | <indicator> | ③目標(値) | <R6> | <R7> | <R8>
 */

import { parseFiscalYear } from "../fiscal-year";
import { isBlankLine, type LineBook } from "../import-evaluation/source-lines";
import { splitDepartments } from "../text/normalize";
import { type GoalMention, PLAN_LABELS } from "./parse-overview";
import { cellTexts, filledCells, initiativeCode, labelOf, measureCode } from "./plan-text";
import type { PlanActivity, PlanWarning } from "./types";

export type SheetActivity = PlanActivity;

export interface Sheet {
  code: string;
  title: string;
  line: number;
  departments: string[];
  /** line of the 担当課 row (the departments, 大施策 and 構成計画 are written there) */
  departmentsLine: number | null;
  majorMeasure: string | null;
  constituentPlans: string[];
  star: boolean;
  category: string | null;
  overview: string | null;
  activities: SheetActivity[];
}

export interface SheetMeasureHeader {
  code: string;
  title: string;
  line: number;
}

/** The 事業(取組)内容 header of an activity table: its fiscal-year columns and the activities read under it. */
export interface YearHeading {
  line: number;
  /** 取組No. of the sheet the table belongs to */
  initiativeCode: string;
  /** fiscal years of the target columns, in column order */
  years: number[];
  activities: SheetActivity[];
}

export interface SheetSection {
  sheets: Sheet[];
  measureHeaders: SheetMeasureHeader[];
  goals: GoalMention[];
  /** every activity table's header, in document order (fiscal-year-columns.ts compares them) */
  yearHeadings: YearHeading[];
  warnings: PlanWarning[];
}

const SHEET_START_LABELS = new Set(["取組No.", "施策No."]);

/** First line of the sheets: the first 取組No./施策No. row with a code, moved up over its 年度 / 基本目標 page header. */
export function findSheetsStart(book: LineBook): number | null {
  for (let n = 1; n <= book.count; n++) {
    const filled = filledCells(book.line(n));
    const label = labelOf(filled[0]?.text ?? "");
    const code = filled[1]?.text ?? "";
    if (!SHEET_START_LABELS.has(label) || (measureCode(code) ?? initiativeCode(code)) === null) continue;
    let start = n;
    for (let p = n - 1; p >= 1; p--) {
      if (isBlankLine(book.line(p))) continue;
      const f = filledCells(book.line(p));
      const l = labelOf(f[0]?.text ?? "");
      if (f.length !== 2 || (l !== "年度" && l !== "基本目標")) break;
      start = p;
    }
    return start;
  }
  return null;
}

/** Text of the cell after the one labelled `label`, or null. */
function after(cells: { index: number; text: string }[], label: string): string | null {
  const i = cells.findIndex((c) => labelOf(c.text) === label);
  return i === -1 ? null : (cells[i + 1]?.text ?? null);
}

/** "地 ● 後	高 障", "地	後	●	高	障": a mark belongs to the label written just before it. */
function readConstituentPlans(text: string): { plans: string[]; star: boolean } {
  const plans: string[] = [];
  let star = false;
  let current: string | null = null;
  for (const ch of text) {
    if ((PLAN_LABELS as readonly string[]).includes(ch)) current = ch;
    else if (/[●○◎★]/.test(ch) && current !== null) {
      if (!plans.includes(current)) plans.push(current);
      if (ch === "★") star = true;
    }
  }
  return { plans, star };
}

const ACTIVITY_DEPARTMENTS = /\s*担当課\s*[：:]\s*/;

function readActivity(line: string, n: number, years: number[], warnings: PlanWarning[]): SheetActivity {
  const filled = filledCells(line);
  const targetMark = filled.findIndex((c) => labelOf(c.text).startsWith("③目標"));
  // Without a ③目標(値) cell the targets are taken as the last cells, one per year column.
  const split = targetMark !== -1 ? targetMark : Math.max(1, filled.length - years.length);
  const head = filled.slice(0, split);
  const targetCells = filled.slice(targetMark !== -1 ? targetMark + 1 : split);
  const [content, ...indicatorCells] = head;
  const parts = (content?.text ?? "").split(ACTIVITY_DEPARTMENTS);
  const title = (parts[0] ?? "").trim();
  const departments = parts.length > 1 ? splitDepartments(parts.slice(1).join("・")) : [];
  if (targetCells.length !== years.length) {
    warnings.push({
      kind: "target_count_mismatch",
      line: n,
      message: `「${title}」の目標が${targetCells.length}件あり、年度の列（${years.length}列）と数が合いません`,
    });
  }
  const targets = targetCells.slice(0, years.length).map((c, i) => ({ fiscalYear: years[i] ?? 0, source: c.text }));
  const indicator = indicatorCells.length > 0 ? indicatorCells.map((c) => c.text).join(" ") : null;
  return { title, line: n, departments, indicator, targets, unfiledTargets: [], relistOf: null };
}

function newSheet(code: string, title: string, line: number): Sheet {
  return {
    code,
    title,
    line,
    departments: [],
    departmentsLine: null,
    majorMeasure: null,
    constituentPlans: [],
    star: false,
    category: null,
    overview: null,
    activities: [],
  };
}

/** Parses the sheets in lines [from, to). */
export function parseSheets(book: LineBook, from: number, to: number): SheetSection {
  const section: SheetSection = { sheets: [], measureHeaders: [], goals: [], yearHeadings: [], warnings: [] };
  let sheet: Sheet | null = null;
  let inOverview = false;
  let heading: YearHeading | null = null;
  const pendingGoals: { title: string; line: number }[] = [];
  // A 基本目標 page header carries no number: it belongs to the goal of the next code written after it.
  const settleGoals = (code: string) => {
    for (const g of pendingGoals.splice(0)) {
      section.goals.push({ code: code.split("-")[0] ?? "", title: g.title, line: g.line, where: "sheet" });
    }
  };

  for (let n = from; n < to; n++) {
    const line = book.line(n);
    if (isBlankLine(line)) continue;
    const filled = filledCells(line);
    const cells = cellTexts(line);
    const label = labelOf(filled[0]?.text ?? "");
    const value = filled[1]?.text ?? "";

    if (label === "年度" || (label === "基本目標" && filled.length === 2)) {
      if (label === "基本目標") pendingGoals.push({ title: value, line: n });
      inOverview = false;
      book.use(n, "sheet_header");
    } else if (label === "施策No." && measureCode(value)) {
      const code = measureCode(value) ?? "";
      settleGoals(code);
      section.measureHeaders.push({ code, title: after(filled, "施策") ?? "", line: n });
      sheet = null;
      inOverview = false;
      book.use(n, "sheet_header");
    } else if (label === "取組No." && initiativeCode(value)) {
      const code = initiativeCode(value) ?? "";
      settleGoals(code);
      sheet = newSheet(code, after(filled, "重点取組") ?? "", n);
      section.sheets.push(sheet);
      inOverview = false;
      book.use(n, "sheet_header");
    } else if (sheet && label === "担当課") {
      // An empty 担当課 cell leaves the next label ("大施策") in second place.
      sheet.departments = labelOf(value) === "大施策" ? [] : splitDepartments(value);
      sheet.departmentsLine = n;
      sheet.majorMeasure = after(filled, "大施策");
      const planAt = cells.findIndex((c) => labelOf(c) === "構成計画");
      const marks =
        planAt === -1 ? { plans: [], star: false } : readConstituentPlans(cells.slice(planAt + 1).join(" "));
      sheet.constituentPlans = marks.plans;
      sheet.star = marks.star;
      book.use(n, "sheet_field");
    } else if (sheet && label === "区分") {
      sheet.category = value === "" ? null : value;
      book.use(n, "sheet_field");
    } else if (sheet && label.startsWith("①")) {
      inOverview = true;
      book.use(n, "sheet_field");
    } else if (sheet && label.startsWith("②")) {
      inOverview = false;
      book.use(n, "sheet_field");
    } else if (sheet && /^事業[(（]取組[)）]内容/.test(label)) {
      const years = cells.flatMap((c, i) => (i > 0 && parseFiscalYear(c) !== null ? [parseFiscalYear(c) ?? 0] : []));
      heading = { line: n, initiativeCode: sheet.code, years, activities: [] };
      section.yearHeadings.push(heading);
      inOverview = false;
      book.use(n, "column_header");
    } else if (sheet && inOverview) {
      const text = filled.map((c) => c.text).join("\t");
      sheet.overview = sheet.overview === null ? text : `${sheet.overview}\n${text}`;
      book.use(n, "sheet_field");
    } else if (sheet && (filled.some((c) => labelOf(c.text).startsWith("③目標")) || /担当課\s*[：:]/.test(label))) {
      const activity = readActivity(line, n, heading?.years ?? [], section.warnings);
      sheet.activities.push(activity);
      heading?.activities.push(activity);
      book.use(n, "project_row");
    }
  }
  return section;
}
