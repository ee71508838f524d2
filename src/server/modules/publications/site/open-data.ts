/**
 * Open data: every table the public pages show, as CSV (UTF-8 with BOM, what Excel opens) and JSON, built from the
 * same rows as the pages (trendOf, projectsOf), and the catalogue of them (DCAT-shaped, so a city's CKAN can harvest
 * it; its JSON Schema is docs/opendata-catalog.schema.json).
 */
import { PUBLIC_SHEET_FIELD_LABELS, PUBLIC_SITE_LABELS } from "../../../../domain/labels/publications.js";
import { toCsv } from "../../../../domain/revisions/diff-table.js";
import { trendOf } from "./indicator-page.js";
import type { Dated, PublicPlan, PublicSite, PublicYear } from "./site-data.js";
import { gradeLabel, projectsOf } from "./year-page.js";

export const CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/";

export interface DataTable {
  /** the file name without its extension: stable as long as the plan and year are published */
  name: string;
  title: string;
  description: string;
  columns: string[];
  rows: string[][];
  dated: Dated;
}

const flag = (b: boolean) => (b ? "○" : "");

function itemsTable(plan: PublicPlan): DataTable {
  const c = plan.content;
  const codeOf = new Map(c.items.map((i) => [i.id, i.code ?? i.title]));
  return {
    name: "items",
    title: `${c.plan.title} 計画の体系と事業`,
    description: `${c.plan.title}（${c.plan.revisionLabel}）の項目: 階層、番号、名称、担当課、区分、内容`,
    columns: [
      "階層",
      "番号",
      "名称",
      "上位の項目",
      PUBLIC_SITE_LABELS.department,
      PUBLIC_SITE_LABELS.category,
      "新規",
      "重点",
      "内容",
    ],
    rows: c.items.map((i) => [
      i.levelName,
      i.code ?? "",
      i.title,
      i.parentId ? (codeOf.get(i.parentId) ?? "") : "",
      i.departmentNames.join("・"),
      i.category ?? "",
      flag(i.isNew),
      flag(i.isPriority),
      i.summary ?? "",
    ]),
    dated: plan,
  };
}

function indicatorsTable(plan: PublicPlan): DataTable {
  const c = plan.content;
  const codeOf = new Map(c.items.map((i) => [i.id, i.code ?? i.title]));
  return {
    name: "indicators",
    title: `${c.plan.title} 指標の目標と実績`,
    description: "指標ごとの基準値、年度ごとの目標と、評価結果を公開した年度の実績・達成状況",
    columns: [
      "指標",
      "項目",
      "年度",
      PUBLIC_SITE_LABELS.target,
      "目標値",
      PUBLIC_SITE_LABELS.actual,
      "実績値",
      PUBLIC_SITE_LABELS.attainment,
    ],
    rows: c.indicators.flatMap((ind) =>
      trendOf(plan, ind).map((r) => [
        ind.name,
        ind.itemId ? (codeOf.get(ind.itemId) ?? "") : "計画全体",
        r.label,
        r.target ?? "",
        r.targetValue === null ? "" : String(r.targetValue),
        r.actual ?? "",
        r.actualValue === null ? "" : String(r.actualValue),
        r.attainment ?? "",
      ]),
    ),
    dated: plan,
  };
}

function summaryTable(plan: PublicPlan, year: PublicYear): DataTable {
  const y = year.content;
  const codes = y.gradeScale.map((g) => g.code);
  const tally = (t: typeof y.total) => [
    ...codes.map((c) => String(t.counts[c] ?? 0)),
    String(t.ungraded),
    String(t.projects),
  ];
  return {
    name: `summary-${y.fiscalYear}`,
    title: `${plan.content.plan.title} ${y.fiscalYearLabel} 総括表`,
    description: `${y.fiscalYearLabel}の評価ごとの事業数（承認された評価だけを数える）`,
    columns: ["階層", "番号", "項目", ...y.gradeScale.map((g) => `${g.code}（${g.label}）`), "未評価", "事業数"],
    rows: [
      ...y.groups.map((g) => [g.levelName, g.code ?? "", g.title, ...tally(g)]),
      ["", "", "合計", ...tally(y.total)],
    ],
    dated: year,
  };
}

function projectsTable(plan: PublicPlan, year: PublicYear): DataTable {
  const y = year.content;
  const fields = plan.content.sheetFields.filter((f) => f !== "grade");
  const sheetOf = new Map(y.sheets.map((s) => [s.itemId, s]));
  return {
    name: `projects-${y.fiscalYear}`,
    title: `${plan.content.plan.title} ${y.fiscalYearLabel} 事業と評価`,
    description: `${y.fiscalYearLabel}の事業ごとの評価${fields.length ? "と評価表の公開する欄" : ""}`,
    columns: [
      "番号",
      "事業",
      PUBLIC_SITE_LABELS.department,
      "評価",
      "新規",
      "重点",
      ...fields.map((f) => PUBLIC_SHEET_FIELD_LABELS[f]),
    ],
    rows: projectsOf(y).map((l) => {
      const sheet = sheetOf.get(l.itemId);
      return [
        l.code ?? "",
        l.title,
        l.departmentNames.join("・"),
        gradeLabel(y, l.grade),
        flag(l.isNew),
        flag(l.isPriority),
        ...fields.map((f) => sheet?.fields.find((x) => x.field === f)?.value ?? ""),
      ];
    }),
    dated: year,
  };
}

/** Every table of a published plan: its structure and indicators, and each published year's 総括表 and projects. */
export function tablesOf(plan: PublicPlan): DataTable[] {
  return [
    itemsTable(plan),
    indicatorsTable(plan),
    ...plan.years.flatMap((y) => [summaryTable(plan, y), projectsTable(plan, y)]),
  ];
}

export const csvOf = (t: DataTable) => Buffer.from(toCsv([t.columns, ...t.rows]));

export const jsonOf = (t: DataTable) =>
  JSON.stringify({
    title: t.title,
    description: t.description,
    license: CC_BY_4,
    columns: t.columns,
    rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? ""]))),
  });

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The DCAT-shaped catalogue of the site's tables; `origin` makes the download URLs absolute. */
export function catalogOf(site: PublicSite, origin: string) {
  const publisher = { name: site.municipalityName, identifier: site.code };
  const datasets = site.plans.flatMap((plan) =>
    tablesOf(plan).map((t) => {
      const base = `${origin}/p/${site.code}/opendata/${plan.planId}/${t.name}`;
      return {
        "@type": "dcat:Dataset",
        identifier: `${site.code}/${plan.planId}/${t.name}`,
        title: t.title,
        description: t.description,
        publisher,
        license: CC_BY_4,
        issued: day(t.dated.firstPublishedAt),
        modified: day(t.dated.updatedAt),
        keyword: ["計画", "評価", plan.content.plan.title],
        landingPage: `${origin}/p/${site.code}/plans/${plan.planId}/`,
        distribution: [
          {
            "@type": "dcat:Distribution",
            title: `${t.title}（CSV）`,
            format: "CSV",
            mediaType: "text/csv",
            downloadURL: `${base}.csv`,
            license: CC_BY_4,
          },
          {
            "@type": "dcat:Distribution",
            title: `${t.title}（JSON）`,
            format: "JSON",
            mediaType: "application/json",
            downloadURL: `${base}.json`,
            license: CC_BY_4,
          },
        ],
      };
    }),
  );
  const dates = site.plans.flatMap((p) => [p, ...p.years]);
  const earliest = dates.map((d) => d.firstPublishedAt).sort((a, b) => a.getTime() - b.getTime())[0];
  const latest = dates.map((d) => d.updatedAt).sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    "@context": "https://www.w3.org/ns/dcat.jsonld",
    "@type": "dcat:Catalog",
    title: `${site.municipalityName} 計画と評価のオープンデータ`,
    description: `${site.municipalityName}が公開している計画の体系、指標、年度ごとの評価結果（${PUBLIC_SITE_LABELS.license}）`,
    publisher,
    license: CC_BY_4,
    language: "ja",
    homepage: `${origin}/p/${site.code}/`,
    ...(earliest ? { issued: day(earliest) } : {}),
    ...(latest ? { modified: day(latest) } : {}),
    dataset: datasets,
  };
}
