import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { FED_SOURCE_LABELS, SUPPRESSED_NOT_ACCEPTABLE } from "../../../domain/labels/fed-indicators.js";
import type { MeasureKey } from "../../../domain/labels/measures.js";
import { MEASURES, measureDefinition } from "../../../domain/measures/catalogue.js";
import type * as repo from "./repository.js";
import type { Suggestion } from "./suggestion.js";

/** A link as the indicator page shows it: the measure in words, the filter in words, the version for If-Match. */
export function presentLink(link: repo.LinkRow, filterLabel: string) {
  const m = measureDefinition(link.measureKey as MeasureKey);
  return {
    measureKey: link.measureKey,
    measureLabel: m.label,
    definition: m.definition,
    unit: m.unit,
    breakdownRow: link.breakdownRow,
    districtId: link.districtId,
    agencyId: link.agencyId,
    projectId: link.projectId,
    filterLabel,
    version: link.version,
    updatedAt: link.updatedAt.toISOString(),
  };
}
export type MeasureLinkDto = ReturnType<typeof presentLink>;

/**
 * A year's suggested actual: a count only (never who is counted), with the measure's words, the filter, when it was
 * computed and whether it can be accepted as a number.
 */
export function presentSuggestion(s: Suggestion) {
  const state = s.cell?.state ?? "none";
  const m = s.basis ? measureDefinition(s.basis.measureKey as MeasureKey) : null;
  return {
    fiscalYear: s.fiscalYear,
    fiscalYearLabel: formatFiscalYear(s.fiscalYear),
    source: s.source,
    sourceLabel: FED_SOURCE_LABELS[s.source],
    measureKey: s.basis?.measureKey ?? null,
    label: s.basis?.label ?? null,
    definition: s.basis?.definition ?? null,
    filterLabel: s.basis?.filterLabel ?? null,
    unit: m?.unit ?? null,
    value: s.cell?.state === "shown" ? s.cell.value : null,
    state,
    display: s.display,
    acceptable: state === "shown",
    notAcceptableReason:
      state === "shown" ? null : s.source === "none" ? FED_SOURCE_LABELS.none : SUPPRESSED_NOT_ACCEPTABLE,
    computedAt: s.basis ? s.basis.computedAt.toISOString() : null,
  };
}
export type SuggestionDto = ReturnType<typeof presentSuggestion>;

/** The measures an indicator can be linked to, with the rows and filters each accepts (the link form's choices). */
export function presentCatalogue() {
  return MEASURES.map((m) => ({
    key: m.key,
    label: m.label,
    definition: m.definition,
    unit: m.unit,
    filters: [...m.filters],
    /** fixed rows; null when the rows come from the municipality's 相談の分類 (typed), [] when there are none */
    rows:
      m.breakdown === "dynamic"
        ? null
        : (m.breakdown?.rows.map((key) => ({
            key,
            label: m.breakdown && m.breakdown !== "dynamic" ? (m.breakdown.labels[key] ?? key) : key,
          })) ?? []),
    /** a measure that publishes no total (cases by issue) is linked by one of its rows */
    rowRequired: m.breakdown === "dynamic",
  }));
}
