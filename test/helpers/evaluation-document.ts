/**
 * Test helper: writes a small evaluation document (summary table + sheets) from a model, in the same irregular
 * layout the PDF extractor produces, so tests can compare what the parser reads with what was written.
 */

import { MEGURO_SCALE } from "../../src/domain/grades.js";

/** The documents are written on the Meguro scale. */
export const GRADES = ["AA", "A", "B", "C", "D"] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS = Object.fromEntries(MEGURO_SCALE.map((g) => [g.code, g.label])) as Record<Grade, string>;

export interface ProjectModel {
  grade: Grade;
  isNew: boolean;
  isPriority: boolean;
  departments: string[];
}

export interface MeasureModel {
  projects: ProjectModel[];
}

export interface GoalModel {
  measures: MeasureModel[];
}

export interface DocumentModel {
  goals: GoalModel[];
}

/** Layout quirks of the extractor, chosen by the caller (or by fast-check). */
export interface Layout {
  /** project rows drop the empty D column, so the department shares its position (11 cells instead of 12) */
  collapseLastGradeColumn: boolean;
  /** 小計 / 合計 rows lose one leading empty cell */
  shiftCountsLeft: boolean;
  /** blank lines and a page-break line between sheet fields */
  padSheets: boolean;
  /** the sheet writes the grade code and its label in separate cells */
  gradeInTwoCells: boolean;
}

export const PLAIN_LAYOUT: Layout = {
  collapseLastGradeColumn: false,
  shiftCountsLeft: false,
  padSheets: false,
  gradeInTwoCells: false,
};

export function countModel(grades: Grade[]): number[] {
  return GRADES.map((g) => grades.filter((x) => x === g).length);
}

function countsRow(label: string, counts: number[], layout: Layout): string {
  const lead = layout.shiftCountsLeft ? "\t\t\t\t" : "\t\t\t\t\t";
  return `${label}${lead}\t${counts.join("\t")}\t`;
}

function projectRow(n: number, p: ProjectModel, layout: Layout): string {
  const gradeCells = GRADES.map((g) => (g === p.grade ? "○" : ""));
  if (layout.collapseLastGradeColumn && p.grade !== "D") gradeCells.pop();
  const cells = [String(n), String(n + 4), `事業${n}`, String(20 + n), p.isNew ? "新" : "", p.isPriority ? "重" : ""];
  return [...cells, ...gradeCells, p.departments.join("・")].join("\t");
}

function sheet(n: number, p: ProjectModel, layout: Layout): string[] {
  const marks = [p.isNew ? "新規" : "", p.isPriority ? "重点" : ""].filter(Boolean).join("・");
  const title = `事業${n}${marks ? `【${marks}】` : ""}`;
  const grade = layout.gradeInTwoCells ? `${p.grade}\t${GRADE_LABELS[p.grade]}` : `${p.grade} ${GRADE_LABELS[p.grade]}`;
  const pad = layout.padSheets ? ["", "----------------\t--", ""] : [];
  return [
    `${n}\t画\t事業名\t${title}\t\t担当課\t${p.departments.join("、")}`,
    `事業概要\t事業${n}の概要です。\t\t\t\t`,
    `令和5年度実施状況\t実施状況${n}\t\t\t\t`,
    ...pad,
    `事業目標\t前期（令和6年度）\t目標${n}\t\t\t`,
    `\t後期（令和7年度）\t継続\t\t\t`,
    `計画事業の実績等（令和6年度）\t実績${n}\t\t\t前期目標に対する評価\t${grade}\t`,
    `効果又は評価の理由\t理由${n}\t\t\t\t`,
    ...pad,
    `今後の課題及び事業推進の方策\t課題${n}\t\t\t\t`,
    "",
  ];
}

export function writeDocument(model: DocumentModel, layout: Layout = PLAIN_LAYOUT): string {
  const all = model.goals.flatMap((g) => g.measures.flatMap((m) => m.projects));
  const summary: string[] = [
    "テスト区福祉計画（令和6～10年度）事業別評価総括表",
    "",
    "番号\t評価表頁\t事業名\t計画書頁\t種別 (※1)\t評価\t\t\t\t\t所管名（※2）",
    "\t\t\t\t\tAA\tA\tB\tC\tD\t",
  ];
  const sheets: string[] = ["## 事業別評価表", ""];
  let n = 0;
  model.goals.forEach((goal, gi) => {
    const g = gi + 1;
    summary.push(`基本目標 ${g} 目標${g}の名前\t\t\t\t\t\t\t\t\t\t`);
    sheets.push(`### 基本目標${g} 目標${g}の名前`, "");
    const goalGrades: Grade[] = [];
    goal.measures.forEach((measure, mi) => {
      const m = mi + 1;
      summary.push(`施策 ${m} 施策${g}-${m}の名前\t\t\t\t\t\t\t\t\t\t`);
      sheets.push(`#### 【施策】${m} 施策${g}-${m}の名前`, "");
      for (const p of measure.projects) {
        n += 1;
        summary.push(projectRow(n, p, layout));
        sheets.push(...sheet(n, p, layout));
        goalGrades.push(p.grade);
      }
      summary.push(countsRow("小計", countModel(measure.projects.map((p) => p.grade)), layout));
    });
    summary.push(countsRow(`基本目標${g} 合計`, countModel(goalGrades), layout), "");
  });
  const total = countModel(all.map((p) => p.grade));
  const percents = total.map((c) => `${((c / Math.max(all.length, 1)) * 100).toFixed(1)}%`);
  summary.push(
    countsRow("総合計(※)", total, layout),
    `対象事業（${all.length}件）における評価の割合\t\t\t\t\t\t${percents.join("\t")}\t`,
    "",
    "※1 種別の標記 新＝新たに計画に掲載する事業  ",
    "重＝重点的に取り組む事業",
    "",
  );
  return [...summary, ...sheets].join("\n");
}
