/** The public site's top page (published plans), a plan's page (its tree) and an item's page. */
import { formatFiscalYearRange } from "../../../../domain/fiscal-year.js";
import { PUBLIC_SHEET_FIELD_LABELS, PUBLIC_SITE_LABELS } from "../../../../domain/labels/publications.js";
import type { PublicItem } from "../content.js";
import { dates, html, type Markup, page, planRoot, siteRoot } from "./html.js";
import type { PublicPlan, PublicSite } from "./site-data.js";

export function homePage(site: PublicSite): string {
  const body = site.plans.length
    ? html`<p>${site.municipalityName}が公開している計画と、その評価の結果です。</p><ul>${site.plans.map(
        (p) =>
          html`<li><a href="${planRoot(site, p.planId)}">${p.content.plan.title}</a>（${formatFiscalYearRange(p.content.plan.startFiscalYear, p.content.plan.endFiscalYear)}）</li>`,
      )}</ul><p><a href="${siteRoot(site)}opendata/">${PUBLIC_SITE_LABELS.openData}（CSV・JSON）</a></p>`
    : html`<p>公開している計画はまだありません。</p>`;
  return page(site, { title: `${site.municipalityName}の計画と評価`, trail: [], body });
}

export const itemLabel = (i: Pick<PublicItem, "code" | "title">) => (i.code ? `${i.code} ${i.title}` : i.title);
const itemHref = (site: PublicSite, plan: PublicPlan, itemId: string) =>
  `${planRoot(site, plan.planId)}items/${itemId}`;

function tags(i: PublicItem) {
  return html`${i.isNew ? html`<span class="tag">${PUBLIC_SITE_LABELS.isNew}</span>` : ""}${i.isPriority ? html`<span class="tag">${PUBLIC_SITE_LABELS.isPriority}</span>` : ""}`;
}

function tree(site: PublicSite, plan: PublicPlan): Markup {
  const children = new Map<string | null, PublicItem[]>();
  for (const i of plan.content.items) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i]);
  const known = new Set(plan.content.items.map((i) => i.id));
  // an item whose heading is not in the plan is listed at the top, not lost
  const roots = plan.content.items.filter((i) => i.parentId === null || !known.has(i.parentId));
  const list = (items: PublicItem[]): Markup =>
    html`<ul>${items.map(
      (i) =>
        html`<li><span class="level">${i.levelName}</span> <a href="${itemHref(site, plan, i.id)}">${itemLabel(i)}</a>${tags(i)}${
          children.get(i.id)?.length ? list(children.get(i.id) ?? []) : ""
        }</li>`,
    )}</ul>`;
  return html`<div class="tree">${list(roots)}</div>`;
}

export function planPage(site: PublicSite, plan: PublicPlan): string {
  const root = planRoot(site, plan.planId);
  const c = plan.content;
  const body = html`${dates(plan)}<p>計画期間: ${formatFiscalYearRange(c.plan.startFiscalYear, c.plan.endFiscalYear)}（${c.plan.revisionLabel}）</p>
<form class="search" role="search" action="${root}search" method="get"><label>${PUBLIC_SITE_LABELS.search}<input type="search" name="q" autocomplete="off"></label><button type="submit">検索</button></form>
<h2>評価の結果</h2>${
    plan.years.length
      ? html`<ul>${plan.years.map((y) => html`<li><a href="${root}years/${y.content.fiscalYear}">${y.content.fiscalYearLabel}の評価結果（総括表）</a></li>`)}</ul>`
      : html`<p>公開している年度の評価結果はまだありません。</p>`
  }
<h2>指標</h2>${
    c.indicators.length
      ? html`<ul>${c.indicators.map((i) => html`<li><a href="${root}indicators/${i.id}">${i.name}</a></li>`)}</ul>`
      : html`<p>指標はありません。</p>`
  }
<h2>計画の体系</h2>${tree(site, plan)}`;
  return page(site, { title: c.plan.title, trail: [{ href: root, label: c.plan.title }], body });
}

export function itemPage(site: PublicSite, plan: PublicPlan, item: PublicItem): string {
  const root = planRoot(site, plan.planId);
  const c = plan.content;
  const byId = new Map(c.items.map((i) => [i.id, i]));
  const parent = item.parentId ? byId.get(item.parentId) : undefined;
  const below = c.items.filter((i) => i.parentId === item.id);
  const indicators = c.indicators.filter((i) => i.itemId === item.id);
  const results = plan.years
    .map((y) => ({
      year: y,
      line: y.content.lines.find((l) => l.kind === "project" && l.itemId === item.id && !l.relisted),
      sheet: y.content.sheets.find((s) => s.itemId === item.id),
    }))
    .filter((r) => r.line || r.sheet);
  const gradeOf = ({ line, year }: (typeof results)[number]) => {
    if (line?.kind !== "project") return "";
    return year.content.gradeScale.find((g) => g.code === line.grade)?.label ?? line.grade ?? "未評価";
  };
  const body = html`${dates(plan)}<dl class="fields">
<dt>階層</dt><dd>${item.levelName}</dd>
${parent ? html`<dt>上位の項目</dt><dd><a href="${root}items/${parent.id}">${itemLabel(parent)}</a></dd>` : ""}
<dt>${PUBLIC_SITE_LABELS.department}</dt><dd>${item.departmentNames.join("・") || "—"}</dd>
<dt>${PUBLIC_SITE_LABELS.category}</dt><dd>${[item.category, item.isNew ? PUBLIC_SITE_LABELS.isNew : null, item.isPriority ? PUBLIC_SITE_LABELS.isPriority : null].filter(Boolean).join("・") || "—"}</dd>
<dt>内容</dt><dd>${item.summary ?? "—"}</dd>
${
  item.relistedUnder.length
    ? html`<dt>再掲</dt><dd>${item.relistedUnder
        .map((id) => byId.get(id))
        .filter((p): p is PublicItem => !!p)
        .map((p) => html`<a href="${root}items/${p.id}">${itemLabel(p)}</a> `)}</dd>`
    : ""
}
</dl>
${below.length ? html`<h2>この項目の下の項目</h2><ul>${below.map((i) => html`<li><a href="${root}items/${i.id}">${itemLabel(i)}</a></li>`)}</ul>` : ""}
${indicators.length ? html`<h2>指標</h2><ul>${indicators.map((i) => html`<li><a href="${root}indicators/${i.id}">${i.name}</a></li>`)}</ul>` : ""}
<h2>年度ごとの結果</h2>${
    results.length
      ? results.map(
          (r) =>
            html`<h3>${r.year.content.fiscalYearLabel}</h3><dl class="fields"><dt>評価</dt><dd>${gradeOf(r)}</dd>${(r.sheet?.fields ?? []).filter((f) => f.field !== "grade").map((f) => html`<dt>${PUBLIC_SHEET_FIELD_LABELS[f.field]}</dt><dd>${f.value ?? "—"}</dd>`)}</dl>`,
        )
      : html`<p>公開している年度の結果はありません。</p>`
  }`;
  return page(site, {
    title: itemLabel(item),
    trail: [
      { href: root, label: c.plan.title },
      { href: `${root}items/${item.id}`, label: itemLabel(item) },
    ],
    body,
  });
}

/** Items whose code, title, description, department or 区分 contains every word of the query. */
export function searchPage(site: PublicSite, plan: PublicPlan, query: string): string {
  const root = planRoot(site, plan.planId);
  const words = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
  const hits = words.length
    ? plan.content.items.filter((i) => {
        const text = [i.code, i.title, i.summary, i.category, ...i.departmentNames]
          .join(" ")
          .normalize("NFKC")
          .toLowerCase();
        return words.every((w) => text.includes(w));
      })
    : [];
  const body = html`<form class="search" role="search" action="${root}search" method="get"><label>${PUBLIC_SITE_LABELS.search}<input type="search" name="q" value="${query}" autocomplete="off"></label><button type="submit">検索</button></form>${
    words.length
      ? html`<p role="status">「${query}」に当てはまる項目: ${hits.length}件</p><ul>${hits.map((i) => html`<li><a href="${root}items/${i.id}">${itemLabel(i)}</a>（${i.levelName}・${i.departmentNames.join("・") || "担当課なし"}）</li>`)}</ul>`
      : html`<p>言葉を入れて検索してください（番号・名称・内容・担当課・区分から探します）。</p>`
  }`;
  return page(site, {
    title: `${plan.content.plan.title}の項目の検索`,
    trail: [
      { href: root, label: plan.content.plan.title },
      { href: `${root}search`, label: "検索" },
    ],
    body,
  });
}
