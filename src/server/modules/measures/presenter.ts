import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import {
  filterNotApplicableLabel,
  MEASURE_GROUP_LABELS,
  MEASURE_GROUPS,
  type MeasureFilter,
  type MeasureKey,
  SECONDARY_SUPPRESSION_LABEL,
  suppressedLabel,
} from "../../../domain/labels/measures.js";
import { MEASURES, type MeasureDefinition, unansweredFilters } from "../../../domain/measures/catalogue.js";
import { type Cell, suppress, suppressedShare } from "../../../domain/measures/suppression.js";
import type { RawMeasure } from "./compute.js";

/** A published number: its value when shown, how it is written, and why it is not shown otherwise. */
export type CellState = Cell["state"] | "not_applicable";

function present(cell: Cell, threshold: number) {
  const display =
    cell.state === "shown"
      ? (cell.value ?? 0).toLocaleString("ja-JP")
      : cell.state === "small"
        ? suppressedLabel(threshold)
        : SECONDARY_SUPPRESSION_LABEL;
  return { value: cell.value, state: cell.state as CellState, display };
}

const raw = (value: number): Cell => ({ value, state: "shown" });

function presentMeasure(
  m: MeasureDefinition,
  counts: RawMeasure,
  filter: { districtId: string | null; agencyId: string | null; projectId?: string | null },
  suppressed: boolean,
  threshold: number,
  shareBase: Cell | null,
) {
  const base = { key: m.key, label: m.label, definition: m.definition, unit: m.unit, group: m.group };
  const unanswered: MeasureFilter[] = unansweredFilters(m, filter);
  if (unanswered.length > 0) {
    // a filter the measure cannot answer to: no number, never the unfiltered one
    const reason = unanswered.map(filterNotApplicableLabel).join("、");
    return {
      ...base,
      total: { value: null, state: "not_applicable" as CellState, display: "—" },
      rows: [],
      share: null,
      notApplicable: reason,
    };
  }
  const labels = m.breakdown && m.breakdown !== "dynamic" ? m.breakdown.labels : null;
  const additive = m.breakdown !== null && m.breakdown !== "dynamic" && m.breakdown.additive;
  const cells = suppressed
    ? suppress({ total: counts.total, rows: counts.rows.map((r) => r.value), additive }, threshold)
    : { total: counts.total === null ? null : raw(counts.total), rows: counts.rows.map((r) => raw(r.value)) };
  return {
    ...base,
    total: cells.total && present(cells.total, threshold),
    rows: counts.rows.map((r, i) => ({
      key: r.key,
      label: labels?.[r.key] ?? r.key,
      ...present(cells.rows[i] as Cell, threshold),
    })),
    /** percent of the base measure's total, absent when either is not shown */
    share: m.shareOf && cells.total && shareBase ? suppressedShare(cells.total, shareBase) : null,
    notApplicable: null,
  };
}

export function presentStats(
  fiscalYear: number,
  counts: Record<MeasureKey, RawMeasure>,
  filter: { districtId: string | null; agencyId: string | null; projectId?: string | null },
  suppressed: boolean,
  threshold: number,
) {
  const published = new Map<MeasureKey, ReturnType<typeof presentMeasure>>();
  // a share's base comes first in the catalogue, so its published total is known when the share is computed
  for (const m of MEASURES) {
    const base = m.shareOf ? published.get(m.shareOf)?.total : null;
    const baseCell = base && base.state !== "not_applicable" ? (base as Cell) : null;
    published.set(m.key, presentMeasure(m, counts[m.key], filter, suppressed, threshold, baseCell));
  }
  return {
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    filter,
    suppressed,
    threshold,
    groups: MEASURE_GROUPS.map((key) => ({ key, label: MEASURE_GROUP_LABELS[key] })),
    measures: [...published.values()],
  };
}
export type StatsAnswer = ReturnType<typeof presentStats>;
