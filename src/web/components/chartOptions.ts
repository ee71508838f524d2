/**
 * The ECharts options of the indicator charts and their summaries in words (the aria-label of the chart). Pure: no
 * chart library at run time here, so the pages can build options without loading ECharts until a chart is drawn.
 */
import type { EChartsCoreOption } from "echarts/core";
import { formatQuantity } from "../../domain/indicators/target";
import { ATTAINMENT_LABELS } from "../../domain/labels/indicators";
import { fyLabel } from "../format";
import type { AttainmentTally, IndicatorPoint, IndicatorSeries, MilestoneStep } from "../types";

const COLORS = {
  baseline: "#767676",
  actual: "#0017c1",
  target: "#8b3200",
  met: "#115a36",
};

export type TrendMode = "numeric" | "milestone" | "none";

/** What the chart of an indicator can draw: numbers, stages of the ladder, or nothing (text targets only). */
export function trendMode(series: IndicatorSeries): TrendMode {
  const points = series.points;
  if (points.some((p) => p.target?.typed.kind === "numeric" || p.actual?.kind === "number")) return "numeric";
  if (series.baseline.value !== null) return "numeric";
  if (points.some((p) => p.target?.typed.kind === "milestone" || p.actual?.kind === "milestone")) return "milestone";
  return "none";
}

function baselineLabel(series: IndicatorSeries): string {
  return series.baseline.fiscalYear ? `現状値（${fyLabel(series.baseline.fiscalYear)}）` : "現状値";
}

const numericTarget = (p: IndicatorPoint) => (p.target?.typed.kind === "numeric" ? p.target.typed.value : null);
const numericActual = (p: IndicatorPoint) => (p.actual?.kind === "number" ? p.actual.value : null);

/** The value written inside the top of a bar, in white on the bar's colour (the target line passes above). */
const barLabel = (format: (v: unknown) => string) => ({
  show: true,
  position: "insideTop",
  distance: 6,
  color: "#ffffff",
  fontWeight: "bold",
  fontSize: 13,
  formatter: (p: { value: unknown }) => format(p.value),
});

/** The targets as a dashed line, drawn across the years that have none. */
const targetLine = (data: (number | null)[]) => ({
  name: "目標",
  type: "line",
  color: COLORS.target,
  connectNulls: true,
  symbol: "diamond",
  symbolSize: 12,
  lineStyle: { width: 3, type: "dashed" },
  data,
});

/** Baseline (grey bar) → actuals (bars) → numeric targets (a line), over the plan's fiscal years. */
export function numericTrendOption(series: IndicatorSeries): EChartsCoreOption {
  const withBaseline = series.baseline.value !== null;
  const unit = series.indicator.unit ?? "";
  const categories = [...(withBaseline ? [baselineLabel(series)] : []), ...series.points.map((p) => p.fiscalYearLabel)];
  const pad = (values: (number | null)[]) => [...(withBaseline ? [null] : []), ...values];
  const format = (v: unknown) =>
    typeof v === "number" ? formatQuantity(v, unit) : Array.isArray(v) ? "" : v == null ? "－" : String(v);
  return {
    color: [...(withBaseline ? [COLORS.baseline] : []), COLORS.actual, COLORS.target],
    legend: { top: 0, data: [...(withBaseline ? ["現状値"] : []), "実績", "目標"] },
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", valueFormatter: format },
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0, fontSize: 13 } },
    yAxis: {
      type: "value",
      axisLabel: { fontSize: 13 },
      name: unit ? `（${unit.replace(/\/(年|月|週|日)$/, "／$1")}）` : "",
      nameTextStyle: { align: "left" },
      splitLine: { lineStyle: { color: "#d8d8d8" } },
    },
    series: [
      ...(withBaseline
        ? [
            {
              name: "現状値",
              type: "bar",
              color: COLORS.baseline,
              barMaxWidth: 48,
              data: [series.baseline.value, ...series.points.map(() => null)],
              label: barLabel(format),
            },
          ]
        : []),
      {
        name: "実績",
        type: "bar",
        color: COLORS.actual,
        barMaxWidth: 48,
        barGap: "-100%",
        data: pad(series.points.map(numericActual)),
        label: barLabel(format),
      },
      targetLine(pad(series.points.map(numericTarget))),
    ],
  };
}

/** The ladder's stages, lowest first, for the category axis of a milestone chart. */
export function ladderCategories(steps: MilestoneStep[]): string[] {
  return [...steps].sort((a, b) => a.rank - b.rank).map((s) => s.label);
}

function stepIndex(categories: string[], label: string | null | undefined): number | null {
  if (!label) return null;
  const i = categories.indexOf(label);
  return i >= 0 ? i : null;
}

/** Stages: the targets as a line and the reported stages as points, on a category axis of the ladder. */
export function milestoneTrendOption(series: IndicatorSeries, steps: MilestoneStep[]): EChartsCoreOption {
  const categories = ladderCategories(steps);
  const targets = series.points.map((p) =>
    p.target?.typed.kind === "milestone" ? stepIndex(categories, p.target.typed.step) : null,
  );
  const actuals = series.points.map((p) =>
    p.actual?.kind === "milestone" ? stepIndex(categories, p.actual.step) : null,
  );
  const stepName = (v: unknown) => (typeof v === "number" ? (categories[v] ?? "") : "－");
  return {
    color: [COLORS.actual, COLORS.target],
    legend: { top: 0, data: ["実績", "目標"] },
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", valueFormatter: stepName },
    xAxis: {
      type: "category",
      data: series.points.map((p) => p.fiscalYearLabel),
      axisLabel: { interval: 0, fontSize: 13 },
    },
    yAxis: {
      type: "category",
      data: categories,
      axisLabel: { fontSize: 13 },
      boundaryGap: false,
      splitLine: { show: true, lineStyle: { color: "#d8d8d8" } },
    },
    series: [
      {
        name: "実績",
        type: "scatter",
        color: COLORS.actual,
        symbol: "circle",
        symbolSize: 18,
        z: 3,
        itemStyle: { opacity: 1 },
        data: actuals,
        label: {
          show: true,
          position: "right",
          fontSize: 13,
          formatter: (p: { value: unknown }) => stepName(p.value),
        },
      },
      targetLine(targets),
    ],
  };
}

/** The chart of one indicator in words: what a screen-reader user hears instead of the picture. */
export function trendSummary(series: IndicatorSeries, mode: TrendMode): string {
  const parts: string[] = [`指標「${series.indicator.name}」の推移のグラフ`];
  if (series.baseline.source) parts.push(`${baselineLabel(series)} ${series.baseline.source}`);
  const targets = series.points.filter((p) => p.target).map((p) => `${p.fiscalYearLabel} ${p.target?.formatted}`);
  if (targets.length) parts.push(`目標は${targets.join("、")}`);
  const actuals = series.points
    .filter((p) => p.actual)
    .map((p) => `${p.fiscalYearLabel} ${p.actual?.display}（${ATTAINMENT_LABELS[p.attainment.status]}）`);
  parts.push(actuals.length ? `実績は${actuals.join("、")}` : "実績はまだ入力されていません");
  if (mode === "milestone") parts.push("縦軸は段階（下ほど前の段階）");
  parts.push("同じ内容をグラフの下の表に示します");
  return `${parts.join("。")}。`;
}

export interface ShareRow {
  name: string;
  tally: AttainmentTally;
}

/** Horizontal bars: the share of decidable indicators met, per group (基本目標 or 担当課), in %. */
export function shareOption(rows: ShareRow[]): EChartsCoreOption {
  const names = rows.map((r) => r.name);
  const values = rows.map((r) => (r.tally.share === null ? null : Math.round(r.tally.share * 1000) / 10));
  return {
    color: [COLORS.met],
    grid: { left: 16, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: unknown) => (typeof v === "number" ? `${v.toFixed(1)}%` : "判定できる指標なし"),
    },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%", fontSize: 13 } },
    yAxis: {
      type: "category",
      data: names,
      inverse: true,
      axisLabel: { width: 280, overflow: "truncate", fontSize: 13 },
    },
    series: [
      {
        name: "達成の割合",
        type: "bar",
        barMaxWidth: 28,
        data: values,
        label: {
          show: true,
          position: "right",
          fontSize: 13,
          formatter: (p: { value: unknown }) => (typeof p.value === "number" ? `${p.value.toFixed(1)}%` : "－"),
        },
      },
    ],
  };
}

export function shareSummary(title: string, rows: ShareRow[]): string {
  const items = rows.map((r) =>
    r.tally.share === null
      ? `${r.name}: 判定できる指標なし`
      : `${r.name}: ${(r.tally.share * 100).toFixed(1)}%（判定できる${r.tally.decidable}件中${r.tally.met}件達成）`,
  );
  return `${title}の棒グラフ。${items.join("、")}。同じ内容をグラフの下の表に示します。`;
}
