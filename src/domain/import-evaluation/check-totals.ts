/**
 * Arithmetic checks of the summary table: 小計 against the ○ marks (and against the sheets' grades), 基本目標 合計
 * against its 小計, 総合計 against the goals, the percentage row against the counts, and the written project count.
 */
import type { GradeScale } from "../grades";
import { toHalfWidth } from "../text/normalize";
import { addCounts, countGrades, countsAgree, formatCounts, type GradeCounts } from "./grade-scale";
import type { SummaryTable } from "./parse-summary-table";
import type { ImportWarning, ParsedGoal, ParsedMeasure } from "./types";

/** Written counts where readable, computed ones where a cell was "##" or the row is missing. */
function filled(written: Readonly<GradeCounts> | null, computed: Readonly<GradeCounts>): GradeCounts {
  return { ...computed, ...(written ?? {}) };
}

function sum(counts: Readonly<GradeCounts>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function measureName(goal: ParsedGoal, measure: ParsedMeasure): string {
  return `基本目標${goal.code}・施策${measure.code}`;
}

/**
 * `shiftedMeasures` are the 施策 whose 小計 was found to back the sheets against ○ shifted in the extracted text
 * (check-grades.ts): that one notice already says their ○ and 小計 differ, so the 小計 is not reported again.
 */
export function checkTotals(
  table: SummaryTable,
  goals: ParsedGoal[],
  scale: Readonly<GradeScale>,
  shiftedMeasures: ReadonlySet<ParsedMeasure> = new Set(),
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const warn = (kind: ImportWarning["kind"], line: number, message: string) => warnings.push({ kind, line, message });
  const fmt = (c: Readonly<Record<string, number | string>>) => formatCounts(c, scale);

  const grand: GradeCounts = countGrades([], scale);
  for (const goal of goals) {
    const goalSum: GradeCounts = countGrades([], scale);
    for (const measure of goal.measures) {
      // Projects known only from a sheet are not in the summary table, so they do not count towards its 小計.
      const rows = measure.projects.filter((p) => p.summaryRow !== null);
      const marks = countGrades(
        rows.map((p) => p.summaryGrade),
        scale,
      );
      addCounts(goalSum, filled(measure.writtenSubtotal, marks));
      const line = table.subtotalLines.get(measure);
      const written = measure.writtenSubtotal;
      if (line === undefined || !written || shiftedMeasures.has(measure)) continue;
      const sheetsComplete = rows.every((p) => p.sheet?.grade != null);
      const sheets = countGrades(
        rows.map((p) => p.sheet?.grade ?? null),
        scale,
      );
      if (!countsAgree(written, marks)) {
        const note = !sheetsComplete
          ? ""
          : countsAgree(written, sheets)
            ? "（評価表の評価による集計とは一致します）"
            : `（評価表の評価による集計は ${fmt(sheets)}）`;
        warn(
          "subtotal_mismatch",
          line,
          `${measureName(goal, measure)}の小計の記載（${fmt(written)}）と総括表の○の集計（${fmt(marks)}）が一致しません${note}`,
        );
      } else if (sheetsComplete && !countsAgree(written, sheets)) {
        warn(
          "subtotal_mismatch",
          line,
          `${measureName(goal, measure)}の小計の記載（${fmt(written)}）と評価表の評価による集計（${fmt(sheets)}）が一致しません`,
        );
      }
    }
    addCounts(grand, filled(goal.writtenTotal, goalSum));
    const line = table.totalLines.get(goal);
    if (line === undefined) continue;
    if (goal.writtenTotal && !countsAgree(goal.writtenTotal, goalSum)) {
      warn(
        "total_mismatch",
        line,
        `基本目標${goal.code}の合計の記載（${fmt(goal.writtenTotal)}）と各施策の小計の合計（${fmt(goalSum)}）が一致しません`,
      );
    }
    const labelCode = table.totalLabelCodes.get(goal);
    if (labelCode != null && labelCode !== goal.code) {
      warn(
        "total_label_mismatch",
        line,
        `合計行の見出し「${goal.writtenTotalLabel ?? ""}」が基本目標${goal.code}の下にあります（基本目標${labelCode}ではなく基本目標${goal.code}の合計として読みました）`,
      );
    }
  }

  if (table.writtenGrandTotal && table.grandTotalLine !== null && !countsAgree(table.writtenGrandTotal, grand)) {
    warn(
      "total_mismatch",
      table.grandTotalLine,
      `総合計の記載（${fmt(table.writtenGrandTotal)}）と各基本目標の合計の和（${fmt(grand)}）が一致しません`,
    );
  }
  const totals = filled(table.writtenGrandTotal, grand);
  const projectCount = goals.reduce((n, g) => n + g.measures.reduce((m, x) => m + x.projects.length, 0), 0);
  if (table.writtenProjectCount !== null && table.projectCountLine !== null) {
    const line = table.projectCountLine;
    if (table.writtenProjectCount !== projectCount) {
      warn(
        "count_mismatch",
        line,
        `対象事業の件数の記載（${table.writtenProjectCount}件）と見つかった事業の数（${projectCount}件）が一致しません`,
      );
    }
    if (table.writtenGrandTotal && table.writtenProjectCount !== sum(totals)) {
      warn(
        "count_mismatch",
        line,
        `対象事業の件数の記載（${table.writtenProjectCount}件）と総合計の件数の和（${sum(totals)}件）が一致しません`,
      );
    }
  }
  const denominator = table.writtenProjectCount ?? sum(totals);
  if (table.writtenPercentages && table.percentagesLine !== null && denominator > 0) {
    const message = checkPercentages(table.writtenPercentages, totals, denominator, scale);
    if (message) warn("percentage_mismatch", table.percentagesLine, message);
  }
  return warnings;
}

interface Percent {
  code: string;
  written: string;
  value: number;
  decimals: number;
}

function readPercent(code: string, written: string): Percent | null {
  const m = /^(\d+)(?:\.(\d+))?%$/.exec(toHalfWidth(written).trim());
  if (!m) return null;
  return { code, written, value: Number(toHalfWidth(written).replace("%", "")), decimals: m[2]?.length ?? 0 };
}

/** A written percentage matches when it is the rounded share at the precision it was written with. */
function matches(p: Percent, count: number, denominator: number): boolean {
  return Math.abs((count / denominator) * 100 - p.value) <= 0.5 * 10 ** -p.decimals + 1e-9;
}

function roundTo(x: number, decimals: number): string {
  return (Math.round(x * 10 ** decimals) / 10 ** decimals).toFixed(decimals);
}

/**
 * Compares the percentage row with count / denominator. When it disagrees, looks for the denominator(s) the
 * document must have used (e.g. 77 instead of 68), which usually explains the mistake.
 */
function checkPercentages(
  written: Readonly<Record<string, string>>,
  counts: Readonly<GradeCounts>,
  denominator: number,
  scale: Readonly<GradeScale>,
): string | null {
  const percents = scale.map((g) => readPercent(g.code, written[g.code] ?? "")).filter((p): p is Percent => p !== null);
  const wrong = percents.filter((p) => !matches(p, counts[p.code] ?? 0, denominator));
  if (wrong.length === 0) return null;
  const list = wrong
    .map(
      (p) =>
        `${p.code} ${p.written}（${counts[p.code] ?? 0}÷${denominator}=${roundTo(((counts[p.code] ?? 0) / denominator) * 100, p.decimals)}%）`,
    )
    .join("、");
  const implied: number[] = [];
  const limit = Math.max(1000, denominator * 10);
  for (let d = 1; d <= limit && implied.length < 5; d++) {
    if (percents.every((p) => matches(p, counts[p.code] ?? 0, d))) implied.push(d);
  }
  const explanation =
    implied.length === 0
      ? "どの分母でも記載の割合になりません"
      : `記載の割合は分母${implied.join("・")}で計算した値と一致します`;
  return `評価の割合の記載が総合計の件数を対象事業${denominator}件で割った値と一致しません: ${list}。${explanation}`;
}
