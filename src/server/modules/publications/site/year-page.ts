/** A published year's 総括表: the grades per heading and in total, then the projects, narrowed by the filters. */
import { PUBLIC_SITE_LABELS } from "../../../../domain/labels/publications.js";
import { formatPercentage } from "../../../../domain/summary.js";
import type { YearContent } from "../content.js";
import { dates, html, page, planRoot, table } from "./html.js";
import type { PublicPlan, PublicSite, PublicYear } from "./site-data.js";

export interface YearFilter {
  department?: string;
  grade?: string;
  isNew?: boolean;
  isPriority?: boolean;
}

type ProjectLine = Extract<YearContent["lines"][number], { kind: "project" }>;

/** The projects of the year (each once, at its home) that pass the filter: the page and the files list the same. */
export function projectsOf(year: YearContent, filter: YearFilter = {}): ProjectLine[] {
  return year.lines.filter(
    (l): l is ProjectLine =>
      l.kind === "project" &&
      !l.relisted &&
      (!filter.department || l.departmentNames.includes(filter.department)) &&
      (!filter.grade || (filter.grade === "ungraded" ? l.grade === null : l.grade === filter.grade)) &&
      (filter.isNew === undefined || l.isNew === filter.isNew) &&
      (filter.isPriority === undefined || l.isPriority === filter.isPriority),
  );
}

export const gradeLabel = (year: YearContent, code: string | null) =>
  code === null ? "未評価" : (year.gradeScale.find((g) => g.code === code)?.label ?? code);

export function yearPage(site: PublicSite, plan: PublicPlan, year: PublicYear, filter: YearFilter): string {
  const root = planRoot(site, plan.planId);
  const y = year.content;
  const codes = y.gradeScale.map((g) => g.code);
  const tally = (t: YearContent["total"]) => [
    ...codes.map((c) => `${t.counts[c] ?? 0}（${formatPercentage(t.percentages[c] ?? 0)}）`),
    String(t.ungraded),
    String(t.projects),
  ];
  const heads = [...y.gradeScale.map((g) => `${g.code}（${g.label}）`), "未評価", "事業数"];
  const summary = table(
    `${y.fiscalYearLabel} 総括表（評価ごとの事業数と割合）`,
    ["項目", ...heads],
    [
      ...y.groups.map((g) => [html`${g.levelName} ${g.code ?? ""} ${g.title}`, ...tally(g)]),
      [html`<strong>合計</strong>`, ...tally(y.total)],
    ],
    "summary",
  );
  const departments = [...new Set(projectsOf(y).flatMap((l) => l.departmentNames))].sort();
  const projects = projectsOf(y, filter);
  const option = (value: string, label: string, current?: string) =>
    html`<option value="${value}"${current === value ? html` selected` : ""}>${label}</option>`;
  const flag = (v: boolean | undefined) => (v === undefined ? "" : v ? "1" : "0");
  const yesNo = (name: string, label: string, v: boolean | undefined) =>
    html`<label>${label}<select name="${name}">${option("", "すべて", flag(v))}${option("1", "該当", flag(v))}${option("0", "非該当", flag(v))}</select></label>`;
  const base = `${root}years/${y.fiscalYear}`;
  const body = html`${dates(year)}<p class="note">承認された評価だけを数えています。</p>${summary}
<h2>事業の一覧</h2>
<form class="filters" action="${base}" method="get">
<label>${PUBLIC_SITE_LABELS.department}<select name="department">${option("", "すべて", filter.department ?? "")}${departments.map((d) => option(d, d, filter.department))}</select></label>
<label>評価<select name="grade">${option("", "すべて", filter.grade ?? "")}${y.gradeScale.map((g) => option(g.code, `${g.code}（${g.label}）`, filter.grade))}${option("ungraded", "未評価", filter.grade)}</select></label>
${yesNo("new", PUBLIC_SITE_LABELS.isNew, filter.isNew)}${yesNo("priority", PUBLIC_SITE_LABELS.isPriority, filter.isPriority)}
<button type="submit">絞り込む</button></form>
<p role="status">${projects.length}件</p>
${table(
  `${y.fiscalYearLabel}の事業と評価`,
  ["番号", "事業", PUBLIC_SITE_LABELS.department, "評価", PUBLIC_SITE_LABELS.category],
  projects.map((l) => [
    l.code ?? "",
    html`<a href="${root}items/${l.itemId}">${l.title}</a>`,
    l.departmentNames.join("・"),
    gradeLabel(y, l.grade),
    [l.isNew ? PUBLIC_SITE_LABELS.isNew : null, l.isPriority ? PUBLIC_SITE_LABELS.isPriority : null]
      .filter(Boolean)
      .join("・"),
  ]),
)}
<p><a href="/p/${site.code}/opendata/${plan.planId}/summary-${y.fiscalYear}.csv">この年度の総括表（CSV）</a>　<a href="/p/${site.code}/opendata/${plan.planId}/projects-${y.fiscalYear}.csv">事業と評価（CSV）</a></p>`;
  return page(site, {
    title: `${plan.content.plan.title} ${y.fiscalYearLabel}の評価結果`,
    trail: [
      { href: root, label: plan.content.plan.title },
      { href: base, label: `${y.fiscalYearLabel}の評価結果` },
    ],
    body,
  });
}
