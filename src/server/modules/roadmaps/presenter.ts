import type { RoadmapMonthRow, RoadmapRow } from "./repository.js";

/** What the roadmap belongs to, as the screen names it. */
export type RoadmapOwnerView =
  | { kind: "item"; id: string; planId: string; code: string | null; title: string }
  | { kind: "project"; id: string; number: number; name: string }
  | null;

export function presentMonth(m: RoadmapMonthRow) {
  return {
    month: m.month,
    planned: m.planned,
    method: m.method,
    progressPlanned: m.progressPlanned,
    progressMethod: m.progressMethod,
    actual: m.actual,
    slipped: m.slipped,
    slipNote: m.slipNote,
    version: m.version,
    updatedAt: m.updatedAt,
  };
}

/** A roadmap as the screen draws it: indicators, streams, the twelve months, and what the caller may do. */
export function presentRoadmap(
  r: RoadmapRow,
  months: RoadmapMonthRow[],
  owner: RoadmapOwnerView,
  access: { canEdit: boolean; yearClosed: boolean },
) {
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    title: r.title,
    municipalityName: r.municipalityName,
    currentPoint: r.currentPoint,
    owner,
    indicators: r.indicators.map(({ number, name, current, target, targetPoint, effect }) => ({
      number,
      name,
      current,
      target,
      targetPoint,
      effect,
    })),
    streams: r.streams,
    context: r.context.map(({ section, label, value }) => ({ section, label, value })),
    months: months.map(presentMonth),
    ...access,
  };
}

export function presentRoadmapListEntry(r: RoadmapRow) {
  return { id: r.id, itemId: r.itemId, fiscalYear: r.fiscalYear, title: r.title };
}
