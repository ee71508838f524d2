import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import {
  MEASURE_FILTER_LABELS,
  MEASURE_GROUP_LABELS,
  SHARE_LABEL,
  TOTAL_LABEL,
} from "../../../domain/labels/measures.js";
import { printMetaLine } from "../../../domain/print-meta.js";
import type { StatsAnswer } from "./presenter.js";

/** What the export reads: the page's answer with the filters' choices (their names go into the file). */
export type ExportedStats = StatsAnswer & {
  choices: {
    districts: { id: string; name: string }[];
    agencies: { id: string; name: string }[];
    projects: { id: string; number: number; name: string }[];
  };
};

/** A cell of the exported table: a shown count is a number, anything else the words the page shows. */
export type ExportValue = string | number;

export interface StatsTable {
  title: string;
  meta: string;
  conditions: [label: string, value: string][];
  note: string;
  header: string[];
  rows: ExportValue[][];
}

export const STATS_TITLE = "重層的支援の統計";
export const STATS_HEADER = ["分類", "指標", "内訳", "値", "単位", "定義"];
/** The page's mark for a measure that publishes no total and has no rows. */
const NONE = "―";
const ALL = "すべて";

/** The filters in words: the page's choices, or 「すべて」 where none is set. */
export function conditionsOf(stats: ExportedStats): [string, string][] {
  const { filter, choices } = stats;
  const project = choices.projects.find((p) => p.id === filter.projectId);
  return [
    ["年度", formatFiscalYear(stats.fiscalYear)],
    [MEASURE_FILTER_LABELS.district, choices.districts.find((d) => d.id === filter.districtId)?.name ?? ALL],
    [MEASURE_FILTER_LABELS.agency, choices.agencies.find((a) => a.id === filter.agencyId)?.name ?? ALL],
    [MEASURE_FILTER_LABELS.project, project ? `${project.number} ${project.name}` : ALL],
  ];
}

const exportedValue = (cell: { value: number | null; state: string; display: string }): ExportValue =>
  cell.state === "shown" && cell.value !== null ? cell.value : cell.display;

/**
 * The statistics as one table, the same for the CSV and the workbook: a title naming the municipality and the year,
 * when it was made, the filters, how small numbers are shown, then one row per published number (each measure's
 * total, its rows and its share) with the measure's definition and unit. Built from the answer the caller's page gets,
 * so a suppressed count is 「5未満」 or 「秘匿」 here too and never a number; there is no person in it to name.
 */
export function statsTable(stats: ExportedStats, municipalityName: string, createdAt: Date): StatsTable {
  const conditions = conditionsOf(stats);
  const rows: ExportValue[][] = [];
  for (const m of stats.measures) {
    const group = MEASURE_GROUP_LABELS[m.group];
    const total = m.notApplicable ?? (m.total ? exportedValue(m.total) : NONE);
    if (m.total || m.rows.length === 0) rows.push([group, m.label, TOTAL_LABEL, total, m.unit, m.definition]);
    for (const r of m.rows) rows.push([group, m.label, r.label, exportedValue(r), m.unit, m.definition]);
    if (m.share !== null) rows.push([group, m.label, SHARE_LABEL, m.share, "%", m.definition]);
  }
  return {
    title: `${municipalityName} ${STATS_TITLE}（${formatFiscalYear(stats.fiscalYear)}）`,
    meta: printMetaLine({ createdAt, scope: conditions.map(([k, v]) => `${k} ${v}`).join("・") }),
    conditions,
    note: stats.suppressed
      ? `${stats.threshold}未満の件数は「${stats.threshold}未満」と表示し、合計から逆算できる欄は「秘匿」としています。`
      : "支援側の閲覧用に、件数を秘匿せずに表示しています。取扱いに注意してください。",
    header: STATS_HEADER,
    rows,
  };
}

/** The table as the lines of a CSV (and of the workbook's sheet): heading lines, a blank line, the header, the rows. */
export function tableLines(t: StatsTable): ExportValue[][] {
  return [[t.title], [t.meta], ...t.conditions, [t.note], [], t.header, ...t.rows];
}
