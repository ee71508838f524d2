/**
 * The public site /p/<団体コード>/ and its open data: no login, no cookie, answered from what is published only
 * (site-data.ts). Every route is in the access table as public; a plan, item, indicator, year or file that is not
 * published answers 404 exactly as an unknown one does.
 */

import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Db } from "../../../db/client.js";
import { acceptsGzip } from "../../../platform/http/precompressed.js";
import { routesFor } from "../../../platform/http/route.js";
import { html, page } from "./html.js";
import { indicatorPage } from "./indicator-page.js";
import { catalogOf, csvOf, jsonOf, tablesOf } from "./open-data.js";
import { openDataPage } from "./open-data-page.js";
import { homePage, itemPage, planPage, searchPage } from "./plan-pages.js";
import { loadSite, type PublicSite, planOf, type Rendered, renderedOnce } from "./site-data.js";
import { SITE_CSS } from "./stylesheet.js";
import { type YearFilter, yearPage } from "./year-page.js";

const code = z.string().regex(/^\d{6}$/, "団体コードは6桁の数字です");
const siteParams = z.object({ code });
const planParams = z.object({ code, planId: z.uuid("計画の指定が正しくありません") });
const itemParams = planParams.extend({ itemId: z.uuid("項目の指定が正しくありません") });
const indicatorParams = planParams.extend({ indicatorId: z.uuid("指標の指定が正しくありません") });
const yearParams = planParams.extend({ fiscalYear: z.coerce.number().int().min(1989).max(2200) });
const fileParams = planParams.extend({
  file: z.string().regex(/^[a-z]+(?:-\d{4})?\.(?:csv|json)$/, "ファイル名が正しくありません"),
});
const flag = z
  .enum(["", "0", "1"])
  .optional()
  .transform((v) => (v === "1" ? true : v === "0" ? false : undefined));
const yearQuery = z.object({
  department: z.string().max(200).optional(),
  grade: z.string().max(40).optional(),
  new: flag,
  priority: flag,
});
const searchQuery = z.object({ q: z.string().max(200).optional() });

const gzipAsync = promisify(gzip);
const HTML = "text/html; charset=utf-8";
/** browsers and proxies may keep a page briefly; a publish shows within a minute */
const CACHE = "public, max-age=60";

function send(reply: FastifyReply, body: string | Buffer, type: string) {
  reply.type(type).header("cache-control", CACHE);
  return body;
}

function notFoundPage(reply: FastifyReply, site: PublicSite | null) {
  reply.status(404).type(HTML);
  const body = html`<p>このページは公開されていません。URL を確かめるか、<a href="${site ? `/p/${site.code}/` : "/"}">公開情報のトップ</a>から探してください。</p>`;
  if (site) return page(site, { title: "ページが見つかりません", trail: [], body });
  return `<!doctype html>${html`<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ページが見つかりません</title><link rel="stylesheet" href="/p/site.css"></head><body><main><h1>ページが見つかりません</h1><p>この団体コードの公開情報はありません。</p></main></body></html>`.text}`;
}

export function publicSiteRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "public-site");
  const notFound = [404] as const;

  route("GET /p/site.css", {}, async ({ reply }) => send(reply, SITE_CSS, "text/css; charset=utf-8"));

  /** The page of a path, from the site's rendered pages when it has no query. */
  async function answer(
    reply: FastifyReply,
    siteCode: string,
    path: string,
    cacheable: boolean,
    render: (site: PublicSite) => Rendered | null,
  ) {
    const site = await loadSite(db, siteCode);
    if (!site) return notFoundPage(reply, null);
    if (!cacheable) {
      const result = render(site);
      return result ? send(reply, result.body, result.type) : notFoundPage(reply, site);
    }
    const kept = site.rendered.get(path);
    const result = kept ?? render(site);
    if (!result) return notFoundPage(reply, site);
    const entry = kept ?? renderedOnce(site, path, () => result);
    // a 2,000-project page is half a megabyte: compressed once per data version, not per reader
    if (acceptsGzip(reply.request)) {
      entry.gzipped ??= gzipAsync(Buffer.from(entry.body), { level: 6 });
      reply.header("content-encoding", "gzip").header("vary", "accept-encoding");
      return send(reply, await entry.gzipped, entry.type);
    }
    return send(reply, entry.body, entry.type);
  }

  route("GET /p/:code/", { params: siteParams, alsoAnswers: notFound }, async ({ params, reply }) =>
    answer(reply, params.code, "/", true, (site) => ({ body: homePage(site), type: HTML })),
  );

  route("GET /p/:code/plans/:planId/", { params: planParams, alsoAnswers: notFound }, async ({ params, reply }) =>
    answer(reply, params.code, `/plans/${params.planId}/`, true, (site) => {
      const plan = planOf(site, params.planId);
      return plan && { body: planPage(site, plan), type: HTML };
    }),
  );

  route(
    "GET /p/:code/plans/:planId/items/:itemId",
    { params: itemParams, alsoAnswers: notFound },
    async ({ params, reply }) =>
      answer(reply, params.code, `/plans/${params.planId}/items/${params.itemId}`, true, (site) => {
        const plan = planOf(site, params.planId);
        const item = plan?.content.items.find((i) => i.id === params.itemId);
        return plan && item ? { body: itemPage(site, plan, item), type: HTML } : null;
      }),
  );

  route(
    "GET /p/:code/plans/:planId/indicators/:indicatorId",
    { params: indicatorParams, alsoAnswers: notFound },
    async ({ params, reply }) =>
      answer(reply, params.code, `/plans/${params.planId}/indicators/${params.indicatorId}`, true, (site) => {
        const plan = planOf(site, params.planId);
        const indicator = plan?.content.indicators.find((i) => i.id === params.indicatorId);
        return plan && indicator ? { body: indicatorPage(site, plan, indicator), type: HTML } : null;
      }),
  );

  route(
    "GET /p/:code/plans/:planId/years/:fiscalYear",
    { params: yearParams, query: yearQuery, alsoAnswers: notFound },
    async ({ params, query, reply }) => {
      const filter: YearFilter = {
        ...(query.department ? { department: query.department } : {}),
        ...(query.grade ? { grade: query.grade } : {}),
        ...(query.new !== undefined ? { isNew: query.new } : {}),
        ...(query.priority !== undefined ? { isPriority: query.priority } : {}),
      };
      const plain = Object.keys(filter).length === 0;
      return answer(reply, params.code, `/plans/${params.planId}/years/${params.fiscalYear}`, plain, (site) => {
        const plan = planOf(site, params.planId);
        const year = plan?.years.find((y) => y.content.fiscalYear === params.fiscalYear);
        return plan && year ? { body: yearPage(site, plan, year, filter), type: HTML } : null;
      });
    },
  );

  route(
    "GET /p/:code/plans/:planId/search",
    { params: planParams, query: searchQuery, alsoAnswers: notFound },
    async ({ params, query, reply }) =>
      answer(reply, params.code, `/plans/${params.planId}/search`, !query.q, (site) => {
        const plan = planOf(site, params.planId);
        return plan && { body: searchPage(site, plan, query.q ?? ""), type: HTML };
      }),
  );

  route("GET /p/:code/opendata/", { params: siteParams, alsoAnswers: notFound }, async ({ params, reply }) =>
    answer(reply, params.code, "/opendata/", true, (site) => ({ body: openDataPage(site), type: HTML })),
  );

  route(
    "GET /p/:code/opendata/catalog.json",
    { params: siteParams, alsoAnswers: notFound },
    async ({ params, reply, request }) => {
      const origin = `${request.protocol}://${request.host}`;
      return answer(reply, params.code, `/opendata/catalog.json@${origin}`, true, (site) => ({
        body: JSON.stringify(catalogOf(site, origin)),
        type: "application/json; charset=utf-8",
      }));
    },
  );

  route(
    "GET /p/:code/opendata/:planId/:file",
    { params: fileParams, alsoAnswers: notFound },
    async ({ params, reply }) => {
      if (params.file.endsWith(".csv"))
        reply.header("content-disposition", `attachment; filename="${params.code}-${params.file}"`);
      return answer(reply, params.code, `/opendata/${params.planId}/${params.file}`, true, (site) => {
        const plan = planOf(site, params.planId);
        const [name, format] = params.file.split(".") as [string, "csv" | "json"];
        const table = plan && tablesOf(plan).find((t) => t.name === name);
        if (!table) return null;
        return format === "csv"
          ? { body: csvOf(table), type: "text/csv; charset=utf-8" }
          : { body: jsonOf(table), type: "application/json; charset=utf-8" };
      });
    },
  );
}
