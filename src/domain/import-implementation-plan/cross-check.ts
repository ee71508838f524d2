/**
 * The plan writes most things twice or more: goals in the list, the diagram, the matrix and the sheet headers;
 * measures in the diagram and on the sheets; initiatives in the matrix and on the sheets. Every disagreement is
 * reported (Japanese message naming both values), at the line of the value that disagrees with the reference:
 * the first mention of a goal, the diagram row of a measure, the sheet of an initiative.
 */
import type { MatrixRow } from "./parse-matrix";
import { type DiagramMeasure, type GoalMention, PLAN_LABELS } from "./parse-overview";
import type { Sheet, SheetMeasureHeader } from "./parse-sheets";
import { joinDepartments, parentCode, sameDepartments, sameText, stripRelistMark } from "./plan-text";
import type { PlanWarning } from "./types";

const WHERE: Record<GoalMention["where"], string> = {
  list: "基本目標の一覧",
  diagram: "施策の体系",
  matrix: "関連事業と担当課",
  sheet: "個別シート",
};

/** Each goal title against the first mention of that goal that has a title. */
export function checkGoalTitles(mentions: GoalMention[]): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const first = new Map<string, GoalMention>();
  for (const m of [...mentions].sort((a, b) => a.line - b.line)) {
    if (m.title === "") continue;
    const ref = first.get(m.code);
    if (!ref) first.set(m.code, m);
    else if (!sameText(ref.title, m.title)) {
      warnings.push({
        kind: "title_mismatch",
        line: m.line,
        message: `基本目標${m.code}の名称が${WHERE[m.where]}（${m.line}行目）では「${m.title}」、${WHERE[ref.where]}（${ref.line}行目）では「${ref.title}」です`,
      });
    }
  }
  return warnings;
}

/** Matrix rows against sheets: departments (as sets: the matrix has a fixed column order), names, presence. */
export function checkMatrix(rows: MatrixRow[], sheets: Sheet[], hasMatrix: boolean): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const sheetByCode = new Map(sheets.map((s) => [s.code, s]));
  const rowCodes = new Set(rows.map((r) => r.code));
  for (const row of rows) {
    const sheet = sheetByCode.get(row.code);
    if (!sheet) {
      warnings.push({
        kind: "missing_sheet",
        line: row.line,
        message: `関連事業と担当課の重点取組${row.code}「${row.title}」に個別シートがありません`,
      });
      continue;
    }
    const sheetLine = sheet.departmentsLine ?? sheet.line;
    if (!sameDepartments(row.departments, sheet.departments)) {
      warnings.push({
        kind: "department_mismatch",
        line: row.line,
        message: `重点取組${row.code}の担当課が関連事業と担当課では「${joinDepartments(row.departments)}」、個別シート（${sheetLine}行目）では「${joinDepartments(sheet.departments)}」です`,
      });
    }
    if (!sameText(row.title, sheet.title)) {
      warnings.push({
        kind: "title_mismatch",
        line: row.line,
        message: `重点取組${row.code}の名称が関連事業と担当課では「${stripRelistMark(row.title)}」、個別シート（${sheet.line}行目）では「${stripRelistMark(sheet.title)}」です`,
      });
    }
  }
  if (!hasMatrix) return warnings;
  for (const sheet of sheets) {
    if (rowCodes.has(sheet.code)) continue;
    warnings.push({
      kind: "missing_matrix_row",
      line: sheet.line,
      message: `重点取組${sheet.code}「${sheet.title}」が関連事業と担当課の表にありません`,
    });
  }
  return warnings;
}

/** A sheet's 大施策 may name several headings ("…に関すること・…に関すること"); one of them must be the diagram's. */
function inGroup(majorMeasure: string, group: string): boolean {
  return majorMeasure.split(/[・、]/).some((part) => sameText(part, group)) || sameText(majorMeasure, group);
}

/** Diagram measures against the sheets: 施策 names, 大施策 headings and 構成計画 marks. */
export function checkMeasures(
  measures: DiagramMeasure[],
  headers: SheetMeasureHeader[],
  sheets: Sheet[],
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const byCode = new Map(measures.map((m) => [m.code, m]));
  for (const h of headers) {
    const m = byCode.get(h.code);
    if (m && !sameText(m.title, h.title)) {
      warnings.push({
        kind: "title_mismatch",
        line: h.line,
        message: `施策${h.code}の名称が個別シートでは「${h.title}」、施策の体系（${m.line}行目）では「${m.title}」です`,
      });
    }
  }
  for (const s of sheets) {
    const m = byCode.get(parentCode(s.code));
    if (!m || m.group === null || s.majorMeasure === null || inGroup(s.majorMeasure, m.group)) continue;
    warnings.push({
      kind: "major_measure_mismatch",
      line: s.departmentsLine ?? s.line,
      message: `重点取組${s.code}の大施策が個別シートでは「${s.majorMeasure}」、施策の体系（${m.line}行目）では「${m.group}」です`,
    });
  }
  for (const m of measures) {
    const own = sheets.filter((s) => parentCode(s.code) === m.code && s.departmentsLine !== null);
    if (own.length === 0) continue;
    const fromSheets = new Set(own.flatMap((s) => s.constituentPlans));
    const sheetPlans = PLAN_LABELS.filter((p) => fromSheets.has(p));
    const differs = fromSheets.size !== m.constituentPlans.length || m.constituentPlans.some((p) => !fromSheets.has(p));
    const starDiffers = m.star !== own.some((s) => s.star);
    if (!differs && !starDiffers) continue;
    const show = (plans: readonly string[], star: boolean) =>
      (plans.length === 0 ? "なし" : plans.join("・")) + (star ? "（★）" : "");
    warnings.push({
      kind: "constituent_plan_mismatch",
      line: m.line,
      message: `施策${m.code}の構成計画が施策の体系では「${show(m.constituentPlans, m.star)}」、個別シート（${own.map((s) => s.code).join("、")}）では「${show(
        sheetPlans,
        own.some((s) => s.star),
      )}」です`,
    });
  }
  return warnings;
}
