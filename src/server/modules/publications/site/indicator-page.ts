/**
 * An indicator's page: baseline → the published years' actuals → the targets, as a chart (SVG drawn here, no
 * script) described by the table below it, which holds every number the chart shows.
 */
import { formatFiscalYear } from "../../../../domain/fiscal-year.js";
import { PUBLIC_SITE_LABELS } from "../../../../domain/labels/publications.js";
import type { PublicIndicator } from "../content.js";
import { dates, html, type Markup, page, planRoot, table } from "./html.js";
import { itemLabel } from "./plan-pages.js";
import type { PublicPlan, PublicSite } from "./site-data.js";

export interface TrendRow {
  label: string;
  fiscalYear: number | null;
  target: string | null;
  targetValue: number | null;
  actual: string | null;
  actualValue: number | null;
  attainment: string | null;
}

/** The rows of the trend, shared by the page, its chart and the open-data files. */
export function trendOf(plan: PublicPlan, indicator: PublicIndicator): TrendRow[] {
  const years = new Set<number>();
  for (let fy = plan.content.plan.startFiscalYear; fy <= plan.content.plan.endFiscalYear; fy++) years.add(fy);
  for (const t of indicator.targets) years.add(t.fiscalYear);
  const actuals = new Map(
    plan.years.flatMap((y) => {
      const found = y.content.indicators.find((i) => i.id === indicator.id);
      return found ? [[y.content.fiscalYear, found] as const] : [];
    }),
  );
  for (const fy of actuals.keys()) years.add(fy);
  const rows: TrendRow[] = [];
  if (indicator.baseline) {
    rows.push({
      label: PUBLIC_SITE_LABELS.baseline,
      fiscalYear: null,
      target: null,
      targetValue: null,
      actual: indicator.baseline.text,
      actualValue: indicator.baseline.value,
      attainment: null,
    });
  }
  for (const fy of [...years].sort((a, b) => a - b)) {
    const t = indicator.targets.find((x) => x.fiscalYear === fy);
    const a = actuals.get(fy);
    rows.push({
      label: formatFiscalYear(fy),
      fiscalYear: fy,
      target: t?.text ?? null,
      targetValue: t?.value ?? null,
      actual: a?.actual ?? null,
      actualValue: a?.actualValue ?? null,
      attainment: a?.attainment ?? null,
    });
  }
  return rows;
}

const W = 640;
const H = 300;
const PAD = { left: 64, right: 16, top: 16, bottom: 48 };

function chart(rows: TrendRow[], titleId: string, unit: string | null): Markup {
  const values = rows.flatMap((r) => [r.actualValue, r.targetValue]).filter((v): v is number => v !== null);
  if (!values.length) return html`<p class="note">数値で表せる値がないため、グラフは表だけで示します。</p>`;
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * (i + 0.5)) / rows.length;
  const y = (v: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (max - v)) / span;
  const path = (pick: (r: TrendRow) => number | null) =>
    rows
      .map((r, i) => [i, pick(r)] as const)
      .filter((p): p is readonly [number, number] => p[1] !== null)
      .map(([i, v], k) => `${k ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join(" ");
  const dots = (pick: (r: TrendRow) => number | null, shape: "circle" | "square") =>
    rows.map((r, i) => {
      const v = pick(r);
      if (v === null) return "";
      return shape === "circle"
        ? html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="4" fill="#005a9c"></circle>`
        : html`<rect x="${(x(i) - 4).toFixed(1)}" y="${(y(v) - 4).toFixed(1)}" width="8" height="8" fill="#fff" stroke="#b35900" stroke-width="2"></rect>`;
    });
  const ticks = [min, min + span / 2, max];
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${titleId}" focusable="false">
<g font-size="12" fill="#1a1a1a">${ticks.map(
    (t) =>
      html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"></line><text x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${Number(t.toFixed(2)).toLocaleString("ja-JP")}</text>`,
  )}${rows.map((r, i) => html`<text x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 18}" text-anchor="middle">${r.fiscalYear === null ? r.label : formatFiscalYear(r.fiscalYear, "short")}</text>`)}
<text x="${PAD.left}" y="${H - 8}">${unit ? `単位: ${unit}　` : ""}● ${PUBLIC_SITE_LABELS.actual}（実線）　□ ${PUBLIC_SITE_LABELS.target}（破線）</text></g>
<path d="${path((r) => r.targetValue)}" fill="none" stroke="#b35900" stroke-width="2" stroke-dasharray="6 4"></path>
<path d="${path((r) => r.actualValue)}" fill="none" stroke="#005a9c" stroke-width="2.5"></path>
${dots((r) => r.targetValue, "square")}${dots((r) => r.actualValue, "circle")}</svg>`;
}

export function indicatorPage(site: PublicSite, plan: PublicPlan, indicator: PublicIndicator): string {
  const root = planRoot(site, plan.planId);
  const item = plan.content.items.find((i) => i.id === indicator.itemId);
  const rows = trendOf(plan, indicator);
  const titleId = "chart-title";
  const body = html`${dates(plan)}${item ? html`<p>項目: <a href="${root}items/${item.id}">${itemLabel(item)}</a></p>` : html`<p>計画全体の指標</p>`}
<figure class="chart"><figcaption id="${titleId}">${indicator.name}の推移（${PUBLIC_SITE_LABELS.baseline}・${PUBLIC_SITE_LABELS.actual}・${PUBLIC_SITE_LABELS.target}）。数値は下の表のとおり</figcaption>${chart(rows, titleId, indicator.unit)}</figure>
${table(
  `${indicator.name}（年度ごとの${PUBLIC_SITE_LABELS.target}と${PUBLIC_SITE_LABELS.actual}）`,
  ["年度", PUBLIC_SITE_LABELS.target, PUBLIC_SITE_LABELS.actual, PUBLIC_SITE_LABELS.attainment],
  rows.map((r) => [r.label, r.target ?? "—", r.actual ?? "—", r.attainment ?? "—"]),
)}
<p class="note">${PUBLIC_SITE_LABELS.actual}は評価結果を公開した年度のものです。</p>
<p><a href="/p/${site.code}/opendata/${plan.planId}/indicators.csv">指標の目標と実績（CSV）</a></p>`;
  return page(site, {
    title: indicator.name,
    trail: [
      { href: root, label: plan.content.plan.title },
      { href: `${root}indicators/${indicator.id}`, label: indicator.name },
    ],
    body,
  });
}
