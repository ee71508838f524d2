/** The open-data page: each table of each published plan, with its CSV and JSON, and the catalogue. */
import { PUBLIC_SITE_LABELS } from "../../../../domain/labels/publications.js";
import { dates, html, page, siteRoot } from "./html.js";
import { tablesOf } from "./open-data.js";
import type { PublicSite } from "./site-data.js";

export function openDataPage(site: PublicSite): string {
  const root = `${siteRoot(site)}opendata/`;
  const body = html`<p>公開している表を CSV（UTF-8、BOM 付き）と JSON で利用できます。${PUBLIC_SITE_LABELS.license}。</p>
<p><a href="${root}catalog.json">データカタログ（DCAT 形式の JSON）</a></p>${site.plans.map(
    (plan) =>
      html`<h2>${plan.content.plan.title}</h2>${dates(plan)}<ul>${tablesOf(plan).map(
        (t) =>
          html`<li>${t.title}: <a href="${root}${plan.planId}/${t.name}.csv">CSV</a> / <a href="${root}${plan.planId}/${t.name}.json">JSON</a></li>`,
      )}</ul>`,
  )}`;
  return page(site, {
    title: PUBLIC_SITE_LABELS.openData,
    trail: [{ href: root, label: PUBLIC_SITE_LABELS.openData }],
    body,
  });
}
