import { describe, expect, it } from "vitest";
import type { IndicatorPoint, IndicatorSeries } from "../types";
import {
  ladderCategories,
  milestoneTrendOption,
  numericTrendOption,
  shareSummary,
  trendMode,
  trendSummary,
} from "./chartOptions";

const point = (fiscalYear: number, label: string, p: Partial<IndicatorPoint>): IndicatorPoint => ({
  fiscalYear,
  fiscalYearLabel: label,
  target: null,
  actual: null,
  attainment: { status: "noActual", statusLabel: "実績未入力", rate: null, reason: "" },
  ...p,
});

const numeric: IndicatorSeries = {
  indicator: { id: "i", name: "通いの場の数", kind: "activity", unit: "か所" },
  baseline: { source: "20か所", fiscalYear: 2023, value: 20 },
  points: [
    point(2024, "令和6年度", {
      target: {
        fiscalYear: 2024,
        fiscalYearLabel: "令和6年度",
        source: "24か所以上",
        typed: { kind: "numeric", comparator: "gte", value: 24, unit: "か所" },
        formatted: "24か所以上",
        version: 1,
      },
      actual: {
        fiscalYear: 2024,
        kind: "number",
        value: 22,
        step: null,
        text: null,
        display: "22か所",
        fed: null,
        comment: null,
        version: 1,
        revisionId: null,
        updatedAt: "2025-01-01T00:00:00Z",
      },
      attainment: { status: "notMet", statusLabel: "未達成", rate: 22 / 24, reason: "" },
    }),
    point(2025, "令和7年度", {
      target: {
        fiscalYear: 2025,
        fiscalYearLabel: "令和7年度",
        source: "28か所以上",
        typed: { kind: "numeric", comparator: "gte", value: 28, unit: "か所" },
        formatted: "28か所以上",
        version: 1,
      },
    }),
  ],
};

describe("indicator charts", () => {
  it("draws numbers: baseline first, actual bars, the target line, each series in its own colour", () => {
    expect(trendMode(numeric)).toBe("numeric");
    const option = numericTrendOption(numeric) as {
      xAxis: { data: string[] };
      series: { name: string; data: (number | null)[]; color: string }[];
    };
    expect(option.xAxis.data).toEqual(["現状値（令和5年度）", "令和6年度", "令和7年度"]);
    expect(option.series.map((s) => s.name)).toEqual(["現状値", "実績", "目標"]);
    expect(option.series[1]?.data).toEqual([null, 22, null]);
    expect(option.series[2]?.data).toEqual([null, 24, 28]);
    // without a baseline the colours stay with their series
    const noBaseline = numericTrendOption({
      ...numeric,
      baseline: { source: null, fiscalYear: null, value: null },
    }) as {
      series: { name: string; color: string }[];
    };
    expect(noBaseline.series.map((s) => s.name)).toEqual(["実績", "目標"]);
    expect(noBaseline.series[0]?.color).toBe(option.series[1]?.color);
  });

  it("summarises the chart in words for screen readers", () => {
    const text = trendSummary(numeric, "numeric");
    expect(text).toContain("現状値（令和5年度） 20か所");
    expect(text).toContain("令和6年度 24か所以上、令和7年度 28か所以上");
    expect(text).toContain("令和6年度 22か所（未達成）");
    expect(text).toContain("グラフの下の表");
  });

  it("draws stages on a category axis of the ladder, lowest first", () => {
    const steps = [
      { label: "実施", rank: 5 },
      { label: "検討", rank: 2 },
      { label: "試行実施", rank: 4 },
    ];
    expect(ladderCategories(steps)).toEqual(["検討", "試行実施", "実施"]);
    const series: IndicatorSeries = {
      indicator: { id: "m", name: "体制", kind: "outcome", unit: null },
      baseline: { source: null, fiscalYear: null, value: null },
      points: [
        point(2024, "令和6年度", {
          target: {
            fiscalYear: 2024,
            fiscalYearLabel: "令和6年度",
            source: "試行",
            typed: { kind: "milestone", step: "試行実施", rank: 4 },
            formatted: "試行実施",
            version: 1,
          },
          actual: {
            fiscalYear: 2024,
            kind: "milestone",
            value: null,
            step: "検討",
            fed: null,
            text: null,
            display: "検討",
            comment: null,
            version: 1,
            revisionId: null,
            updatedAt: "2025-01-01T00:00:00Z",
          },
        }),
      ],
    };
    expect(trendMode(series)).toBe("milestone");
    const option = milestoneTrendOption(series, steps) as { series: { data: (number | null)[] }[] };
    expect(option.series[0]?.data).toEqual([0]);
    expect(option.series[1]?.data).toEqual([1]);
  });

  it("summarises shares, saying when nothing can be decided", () => {
    const tally = { indicators: 2, met: 1, notMet: 1, manual: 0, noActual: 0, decidable: 2, share: 0.5 };
    const none = { ...tally, met: 0, notMet: 0, decidable: 0, noActual: 2, share: null };
    expect(
      shareSummary("担当課別", [
        { name: "高齢支援課", tally },
        { name: "防災課", tally: none },
      ]),
    ).toBe(
      "担当課別の棒グラフ。高齢支援課: 50.0%（判定できる2件中1件達成）、防災課: 判定できる指標なし。同じ内容をグラフの下の表に示します。",
    );
  });
});
