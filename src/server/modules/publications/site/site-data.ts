/**
 * What the public site of one municipality shows: its published plans and, under each published plan, its published
 * years, each as the snapshot the plan office took. Nothing else is read: a plan not published (or withdrawn) has no
 * entry, so none of its pages or files exists, and a year shows only under a published plan.
 *
 * Kept per 団体コード and data version: one small query per request tells whether the kept copy is still the one
 * published (every publish, update and withdrawal moves the version), and the pages and files rendered from it are
 * kept with it.
 */
import type { Executor } from "../../../db/client.js";
import type { PlanContent, YearContent } from "../content.js";
import * as repo from "../repository.js";

export interface Dated {
  firstPublishedAt: Date;
  updatedAt: Date;
}

export interface PublicYear extends Dated {
  content: YearContent;
}

export interface PublicPlan extends Dated {
  planId: string;
  content: PlanContent;
  /** by fiscal year, newest first */
  years: PublicYear[];
}

export interface PublicSite {
  code: string;
  municipalityId: string;
  municipalityName: string;
  version: number;
  plans: PublicPlan[];
  /** pages and files rendered from this version, by path */
  rendered: Map<string, Rendered>;
}

/** A page or file as answered; its gzip form made once, the first time a client accepts it. */
export interface Rendered {
  body: string | Buffer;
  type: string;
  gzipped?: Promise<Buffer>;
}

const RENDERED_LIMIT = 5000;
/** per database client (tests run several databases in one process), by 団体コード */
const sitesByDb = new WeakMap<object, Map<string, PublicSite>>();

/** The municipality's site at its current data version; null for an unknown 団体コード. */
export async function loadSite(db: Executor, code: string): Promise<PublicSite | null> {
  const current = await repo.publicDataVersion(db, code);
  if (!current) return null;
  let sites = sitesByDb.get(db);
  if (!sites) {
    sites = new Map();
    sitesByDb.set(db, sites);
  }
  const kept = sites.get(code);
  if (kept && kept.version === current.version) return kept;
  const rows = await repo.listPublished(db, current.municipalityId);
  const dated = (r: repo.PublicationRow): Dated => ({
    firstPublishedAt: r.firstPublishedAt,
    updatedAt: r.contentUpdatedAt,
  });
  const plans: PublicPlan[] = rows
    .filter((r) => r.kind === "plan" && r.content)
    .map((r) => ({
      planId: r.planId,
      content: r.content as PlanContent,
      ...dated(r),
      years: rows
        .filter((y) => y.kind === "year" && y.planId === r.planId && y.content)
        .sort((a, b) => b.fiscalYear - a.fiscalYear)
        .map((y) => ({ content: y.content as YearContent, ...dated(y) })),
    }));
  const site: PublicSite = {
    code,
    municipalityId: current.municipalityId,
    municipalityName: current.name,
    version: current.version,
    plans,
    rendered: new Map(),
  };
  sites.set(code, site);
  return site;
}

/** A page or file of the site, rendered once per data version. */
export function renderedOnce(site: PublicSite, path: string, render: () => Rendered) {
  let hit = site.rendered.get(path);
  if (!hit) {
    hit = render();
    if (site.rendered.size >= RENDERED_LIMIT) site.rendered.delete(site.rendered.keys().next().value as string);
    site.rendered.set(path, hit);
  }
  return hit;
}

export const planOf = (site: PublicSite, planId: string) => site.plans.find((p) => p.planId === planId) ?? null;
