/**
 * Joins each sheet to its summary-table row and reports every way the two disagree (name, marks, departments,
 * place), plus missing sheets / rows and duplicate names. Grades are compared per 施策 in check-grades.ts.
 * Disagreements are reported on the summary row's line, the sheet's line being named in the message.
 */
import type { GradeScale } from "../grades";
import { compactText, normalizeDepartmentName } from "../text/normalize";
import type { PlacedSheet, SheetSection } from "./parse-sheets";
import { newGoal, newMeasure } from "./parse-summary-table";
import type { ImportWarning, ParsedGoal, ParsedMeasure, ParsedProject } from "./types";

interface Entry {
  project: ParsedProject;
  goal: ParsedGoal;
  measure: ParsedMeasure;
}

/** Japanese names of the sheet fields, for messages. */
const FIELD_NAMES = {
  overview: "事業概要",
  previousStatus: "実施状況",
  targetFirst: "事業目標（前期）",
  targetSecond: "事業目標（後期）",
  results: "計画事業の実績等",
  reason: "効果又は評価の理由",
  issues: "今後の課題及び事業推進の方策",
} as const;

type Warn = (kind: ImportWarning["kind"], line: number, message: string) => void;

function entriesOf(goals: ParsedGoal[]): Entry[] {
  return goals.flatMap((goal) =>
    goal.measures.flatMap((measure) => measure.projects.map((project) => ({ project, goal, measure }))),
  );
}

function sameDepartments(a: string[], b: string[]): boolean {
  const norm = (xs: string[]) => xs.map(normalizeDepartmentName).sort().join("\n");
  return norm(a) === norm(b);
}

function place(goals: ParsedGoal[], section: SheetSection, placed: PlacedSheet): ParsedMeasure {
  const goalCode = placed.goalCode ?? "";
  const measureCode = placed.measureCode ?? "";
  let goal = goals.find((g) => g.code === goalCode);
  if (!goal) {
    const heading = section.goalHeadings.find((h) => h.code === goalCode);
    goal = newGoal(heading?.line ?? placed.sheet.line, goalCode, heading?.title);
    goals.push(goal);
  }
  let measure = goal.measures.find((m) => m.code === measureCode);
  if (!measure) {
    const heading = section.measureHeadings.find((h) => h.code === measureCode && (h.goalCode ?? "") === goalCode);
    measure = newMeasure(heading?.line ?? placed.sheet.line, measureCode, heading?.title);
    goal.measures.push(measure);
  }
  return measure;
}

/** Attaches sheets to rows (by number, then by name) and returns warnings; sheets without a row become projects. */
export function matchSheets(goals: ParsedGoal[], section: SheetSection, scale: Readonly<GradeScale>): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const warn: Warn = (kind, line, message) => warnings.push({ kind, line, message });
  const entries = entriesOf(goals);
  const byNumber = new Map<number, Entry>();
  for (const e of entries) {
    const seen = byNumber.get(e.project.number);
    if (seen)
      warn(
        "other",
        e.project.line,
        `総括表の番号${e.project.number}が2回あります（${seen.project.line}行目と${e.project.line}行目）`,
      );
    else byNumber.set(e.project.number, e);
  }
  const placedOf = new Map<ParsedProject, PlacedSheet>();
  const leftovers: PlacedSheet[] = [];
  for (const placed of section.sheets) {
    const e = byNumber.get(placed.sheet.number);
    if (e && !e.project.sheet) {
      e.project.sheet = placed.sheet;
      placedOf.set(e.project, placed);
    } else leftovers.push(placed);
  }
  for (const placed of leftovers) {
    const title = compactText(placed.sheet.title);
    const e = entries.find((x) => !x.project.sheet && compactText(x.project.title) === title);
    if (e) {
      e.project.sheet = placed.sheet;
      placedOf.set(e.project, placed);
      warn(
        "other",
        e.project.line,
        `事業「${e.project.title}」の番号が総括表（${e.project.number}）と評価表（${placed.sheet.line}行目: ${placed.sheet.number}）で異なります`,
      );
      continue;
    }
    const s = placed.sheet;
    warn(
      "missing_summary_row",
      s.line,
      `評価表${s.number}「${s.title}」（${s.line}行目）に対応する総括表の行がありません`,
    );
    const marks = s.marks.join("");
    place(goals, section, placed).projects.push({
      line: s.line,
      number: s.number,
      sheetPage: null,
      planPage: null,
      title: s.title,
      isNew: marks.includes("新"),
      isPriority: marks.includes("重"),
      summaryDepartments: [],
      summaryGrade: null,
      sheet: s,
      summaryRow: null,
    });
  }

  const sheetsUseMarks = section.sheets.some((p) => p.sheet.marks.length > 0);
  for (const e of entries) {
    const placed = placedOf.get(e.project);
    if (!placed) {
      warn(
        "missing_sheet",
        e.project.line,
        `総括表の事業${e.project.number}「${e.project.title}」の評価表がありません`,
      );
      continue;
    }
    compareProject(e, placed, sheetsUseMarks, warn);
  }
  for (const placed of section.sheets) {
    const s = placed.sheet;
    for (const [key, name] of Object.entries(FIELD_NAMES)) {
      const field = s.fields[key as keyof typeof FIELD_NAMES];
      if (field?.raw === "##")
        warn("unreadable_value", field.line, `評価表${s.number}の${name}が「##」で読み取れません（記載のまま）`);
    }
    const at = s.fields.gradeText;
    if (!at) warn("other", s.line, `評価表${s.number}「${s.title}」に前期目標に対する評価の記載がありません`);
    else if (s.grade === null) {
      const codes = scale.map((g) => g.code).join("・");
      warn(
        "unreadable_value",
        at.line,
        `評価表${s.number}の評価「${at.raw}」を評価区分（${codes}）として読み取れません`,
      );
    }
  }
  reportDuplicateTitles(goals, warn);
  return warnings;
}

function compareProject(e: Entry, placed: PlacedSheet, sheetsUseMarks: boolean, warn: Warn): void {
  const p = e.project;
  const s = placed.sheet;
  const name = `事業${p.number}「${p.title}」`;
  if (compactText(p.title) !== compactText(s.title)) {
    warn(
      "title_mismatch",
      p.line,
      `事業${p.number}の事業名が総括表「${p.title}」と評価表（${s.line}行目）「${s.title}」で異なります`,
    );
  }
  if (!sameDepartments(p.summaryDepartments, s.departments)) {
    warn(
      "department_mismatch",
      p.line,
      `${name}の所管課が総括表「${p.summaryDepartments.join("・")}」と評価表（${s.line}行目）「${s.departments.join("、")}」で異なります`,
    );
  }
  if (sheetsUseMarks) {
    const marks = s.marks.join("");
    const sheetNew = marks.includes("新");
    const sheetPriority = marks.includes("重");
    if (sheetNew !== p.isNew || sheetPriority !== p.isPriority) {
      const summary = [p.isNew ? "新" : "", p.isPriority ? "重" : ""].filter(Boolean).join("・") || "なし";
      const sheet = s.marks.length > 0 ? `【${s.marks.join("・")}】` : "なし";
      warn("other", p.line, `${name}の種別が総括表（${summary}）と評価表（${s.line}行目: ${sheet}）で異なります`);
    }
  }
  const goalDiffers = placed.goalCode !== null && placed.goalCode !== e.goal.code;
  const measureDiffers = placed.measureCode !== null && placed.measureCode !== e.measure.code;
  if (goalDiffers || measureDiffers) {
    warn(
      "other",
      p.line,
      `${name}は総括表では基本目標${e.goal.code}・施策${e.measure.code}、評価表（${s.line}行目）では基本目標${placed.goalCode ?? "?"}・施策${placed.measureCode ?? "?"}の下にあります`,
    );
  }
}

/** Two projects with the same name are kept apart (the second may be a 再掲) but reported. */
function reportDuplicateTitles(goals: ParsedGoal[], warn: Warn): void {
  const firstByTitle = new Map<string, ParsedProject>();
  for (const { project } of entriesOf(goals)) {
    const key = compactText(project.title);
    const first = firstByTitle.get(key);
    if (!first) firstByTitle.set(key, project);
    else
      warn(
        "duplicate_title",
        project.line,
        `事業${project.number}「${project.title}」は事業${first.number}（${first.line}行目）と同じ名前です（再掲の可能性があります。別の事業として取り込みます）`,
      );
  }
}

/** The sheets repeat the 基本目標 / 施策 names as headings; a different name there is reported on the heading. */
export function checkSheetHeadings(goals: ParsedGoal[], section: SheetSection): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const h of section.goalHeadings) {
    const goal = goals.find((g) => g.code === h.code && g.line < h.line);
    if (goal && compactText(goal.title) !== compactText(h.title)) {
      warnings.push({
        kind: "other",
        line: h.line,
        message: `基本目標${h.code}の名称が総括表（${goal.line}行目）「${goal.title}」と評価表の見出し「${h.title}」で異なります`,
      });
    }
  }
  for (const h of section.measureHeadings) {
    const goal = goals.find((g) => g.code === (h.goalCode ?? ""));
    const measure = goal?.measures.find((m) => m.code === h.code && m.line < h.line);
    if (measure && compactText(measure.title) !== compactText(h.title)) {
      warnings.push({
        kind: "other",
        line: h.line,
        message: `施策${h.code}の名称が総括表（${measure.line}行目）「${measure.title}」と評価表の見出し「${h.title}」で異なります`,
      });
    }
  }
  return warnings;
}
