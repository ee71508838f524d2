import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { Attainment } from "../../../domain/indicators/attainment.js";
import { formatTarget, type Target } from "../../../domain/indicators/target.js";
import { ATTAINMENT_LABELS, INDICATOR_KIND_LABELS, type IndicatorKind } from "../../../domain/labels/indicators.js";
import type { FedProvenance } from "../fed-indicators/decision.js";
import type { PlanDataIndicator } from "./plan-data-repository.js";
import { displayActual, type StoredActual, typedView } from "./typing.js";

export interface ItemBrief {
  id: string;
  level: number;
  code: string | null;
  title: string;
}

export function presentItemBrief(item: ItemBrief | null, levelNames: string[]) {
  return item
    ? { id: item.id, code: item.code, title: item.title, level: item.level, levelName: levelNames[item.level] ?? "" }
    : null;
}

export function presentTarget(fiscalYear: number, target: Target, version: number) {
  return {
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    source: target.source,
    typed: typedView(target),
    formatted: formatTarget(target),
    version,
  };
}
export type TargetDto = ReturnType<typeof presentTarget>;

/** Where a target that reads as free text is written (GET /api/plans/:planId/targets/unclassified). */
export interface UnclassifiedOccurrence {
  indicatorId: string;
  indicatorName: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  item: ReturnType<typeof presentItemBrief>;
}

export interface ActualLike extends StoredActual {
  fiscalYear: number;
  comment: string | null;
  revisionId: string | null;
  version: number;
  updatedAt: string | Date;
  /** fed indicators: the suggestion the actual was decided against (absent where the reader does not load it) */
  fed?: unknown;
}

export function presentActual(a: ActualLike, target: Target | null) {
  return {
    fiscalYear: a.fiscalYear,
    kind: a.kind,
    value: a.value === null ? null : Number(a.value),
    step: a.step,
    text: a.text,
    /** as people read it: "1,200人", "試行実施" */
    display: displayActual(a, target),
    comment: a.comment,
    version: a.version,
    revisionId: a.revisionId,
    updatedAt: new Date(a.updatedAt).toISOString(),
    fed: (a.fed ?? null) as FedProvenance | null,
  };
}
export type ActualDto = ReturnType<typeof presentActual>;

export function presentAttainment(a: Attainment) {
  return { status: a.status, statusLabel: ATTAINMENT_LABELS[a.status], rate: a.rate, reason: a.reason };
}
export type AttainmentDto = ReturnType<typeof presentAttainment>;

/** An indicator's own fields, wherever it was read from (its row, or the plan's data for one version). */
export type IndicatorLike = Omit<PlanDataIndicator, "itemId">;

function baselineOf(i: IndicatorLike) {
  return i.baselineSource === null && i.baselineFiscalYear === null
    ? null
    : { source: i.baselineSource, fiscalYear: i.baselineFiscalYear };
}

/** The indicator itself, with the item it belongs to and that item's departments: the same in every view. */
function indicatorFields(
  i: IndicatorLike,
  item: ReturnType<typeof presentItemBrief>,
  departments: { id: string; name: string }[],
) {
  return {
    id: i.id,
    kind: i.kind,
    kindLabel: INDICATOR_KIND_LABELS[i.kind as IndicatorKind] ?? i.kind,
    name: i.name,
    baseline: baselineOf(i),
    position: i.position,
    version: i.version,
    item,
    departments,
  };
}

export interface YearPoint {
  fiscalYear: number;
  target: { target: Target; version: number } | null;
  actual: ActualLike | null;
  attainment: Attainment;
}

/** A year's target, actual and attainment, the actual read against that year's target. */
function yearValues(p: YearPoint) {
  return {
    target: p.target ? presentTarget(p.fiscalYear, p.target.target, p.target.version) : null,
    actual: p.actual ? presentActual(p.actual, p.target?.target ?? null) : null,
    attainment: presentAttainment(p.attainment),
  };
}

/** One indicator in one fiscal year: what the list, the sheet, the CSV and the CLI show. */
export function presentIndicatorYear(
  i: IndicatorLike,
  item: ReturnType<typeof presentItemBrief>,
  departments: { id: string; name: string }[],
  fiscalYear: number,
  target: { target: Target; version: number } | null,
  actual: ActualLike | null,
  attainment: Attainment,
) {
  return {
    ...indicatorFields(i, item, departments),
    fiscalYear,
    ...yearValues({ fiscalYear, target, actual, attainment }),
  };
}
export type IndicatorYearDto = ReturnType<typeof presentIndicatorYear>;

export function presentPoint(p: YearPoint) {
  return {
    fiscalYear: p.fiscalYear,
    fiscalYearLabel: formatFiscalYear(p.fiscalYear),
    ...yearValues(p),
  };
}

/** One indicator with every fiscal year of its plan (GET /api/indicators/:id). */
export function presentIndicatorDetail(
  i: IndicatorLike & { planId: string },
  item: ReturnType<typeof presentItemBrief>,
  departments: { id: string; name: string }[],
  points: YearPoint[],
) {
  return {
    ...indicatorFields(i, item, departments),
    planId: i.planId,
    years: points.map(presentPoint),
  };
}
export type IndicatorDetailDto = ReturnType<typeof presentIndicatorDetail>;

export interface Tally {
  indicators: number;
  met: number;
  notMet: number;
  manual: number;
  noActual: number;
  /** met + notMet: what can be decided without a person */
  decidable: number;
  /** met ÷ decidable, null when nothing is decidable */
  share: number | null;
}

export function tally(attainments: Attainment[]): Tally {
  const t: Tally = { indicators: 0, met: 0, notMet: 0, manual: 0, noActual: 0, decidable: 0, share: null };
  for (const a of attainments) {
    t.indicators++;
    t[a.status]++;
  }
  t.decidable = t.met + t.notMet;
  t.share = t.decidable > 0 ? t.met / t.decidable : null;
  return t;
}
