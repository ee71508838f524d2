/**
 * The public site's pages are HTML rendered on the server: residents need no script, no login and no cookie, a
 * search engine reads them as they are, and a page rendered once per data version is answered from memory (the
 * p99 target). `html` escapes every interpolated value unless it is already markup made by `html`.
 */
import { formatJapaneseDate } from "../../../../domain/japanese-date.js";
import { PUBLIC_SITE_LABELS } from "../../../../domain/labels/publications.js";
import type { Dated, PublicSite } from "./site-data.js";

export class Markup {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

type Value = Markup | string | number | null | undefined | false | readonly Value[];

function piece(v: Value): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Markup) return v.text;
  if (Array.isArray(v)) return v.map(piece).join("");
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += piece(v) + (strings[i + 1] ?? "");
  });
  return new Markup(out);
}

export const siteRoot = (site: Pick<PublicSite, "code">) => `/p/${site.code}/`;
export const planRoot = (site: Pick<PublicSite, "code">, planId: string) => `/p/${site.code}/plans/${planId}/`;

/** 公開日 / 更新日 of what a page shows. */
export function dates(d: Dated) {
  return html`<p class="dates">${PUBLIC_SITE_LABELS.published}: <time datetime="${d.firstPublishedAt.toISOString()}">${formatJapaneseDate(d.firstPublishedAt)}</time>　${PUBLIC_SITE_LABELS.updated}: <time datetime="${d.updatedAt.toISOString()}">${formatJapaneseDate(d.updatedAt)}</time></p>`;
}

export interface PageParts {
  title: string;
  /** links above the heading, from the site's top */
  trail: { href: string; label: string }[];
  body: Markup;
}

export function page(site: PublicSite, { title, trail, body }: PageParts): string {
  const crumbs = [{ href: siteRoot(site), label: `${site.municipalityName}の公開情報` }, ...trail];
  return `<!doctype html>${html`<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}｜${site.municipalityName}</title><link rel="stylesheet" href="/p/site.css"></head><body><a class="skip" href="#main">本文へ移動</a><header><p class="site-name"><a href="${siteRoot(site)}">${site.municipalityName}　計画と評価の公開情報</a></p><nav aria-label="現在の位置"><ol class="trail">${crumbs.map((c) => html`<li><a href="${c.href}">${c.label}</a></li>`)}</ol></nav></header><main id="main"><h1>${title}</h1>${body}</main><footer><p>${PUBLIC_SITE_LABELS.license}で利用できます。<a href="https://creativecommons.org/licenses/by/4.0/deed.ja">ライセンスの内容</a>　<a href="${siteRoot(site)}opendata/">${PUBLIC_SITE_LABELS.openData}</a></p></footer></body></html>`.text}`;
}

/** A table with a caption; headers are column headers. */
export function table(caption: string, headers: string[], rows: Value[][], className = "") {
  return html`<div class="table-scroll"><table class="${className}"><caption>${caption}</caption><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table></div>`;
}
