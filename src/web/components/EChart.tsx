/**
 * One ECharts chart (SVG, so it prints sharply and scales). Loaded lazily: the charting library is only fetched by
 * the pages that draw a chart. The chart is an image for assistive technology (role="img" with a summary in
 * aria-label); every page that draws one also shows the same numbers in a table, which is the accessible equivalent.
 */
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type EChartsCoreOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export const CHART_FONT = '"Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif';

/** Colours of the design tokens (SVG attributes cannot read CSS variables). */
export const CHART_COLORS = {
  primary: "#0017c1",
  primaryLight: "#3460fb",
  success: "#115a36",
  error: "#ce0000",
  warning: "#8b3200",
  gray: "#767676",
  text: "#1a1a1a",
  grid: "#d8d8d8",
} as const;

export default function EChart({
  option,
  label,
  height = 320,
  describedBy,
}: {
  option: EChartsCoreOption;
  /** what the chart shows, in words (read instead of the picture) */
  label: string;
  height?: number;
  /** the id of the table beside the chart that holds the same numbers */
  describedBy?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: "svg" });
    const { tooltip } = option as { tooltip?: object };
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: CHART_COLORS.text, fontSize: 13 },
      ...option,
      // drawn in the chart's SVG: the HTML tooltip carries inline style attributes, which the page's policy refuses
      ...(tooltip ? { tooltip: { ...tooltip, renderMode: "richText" } } : {}),
    });
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(() => chart.resize()) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <div ref={ref} className="chart" role="img" aria-label={label} aria-describedby={describedBy} style={{ height }} />
  );
}
