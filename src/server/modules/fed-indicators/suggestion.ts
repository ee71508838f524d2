/**
 * The suggested actual (提案値) of a fed indicator for a fiscal year: the linked measure counted now, or, once the
 * year's evaluation round is closed, the counts frozen then. What a caller is shown follows the measures' own rule:
 * the plan side reads small counts suppressed (policies/measures.ts), with the municipality's threshold.
 */
import type { FedSource } from "../../../domain/labels/fed-indicators.js";
import { NO_FILTER_LABEL } from "../../../domain/labels/fed-indicators.js";
import {
  MEASURE_FILTER_LABELS,
  type MeasureKey,
  SECONDARY_SUPPRESSION_LABEL,
  suppressedLabel,
} from "../../../domain/labels/measures.js";
import { measureDefinition } from "../../../domain/measures/catalogue.js";
import { type Cell, suppress } from "../../../domain/measures/suppression.js";
import type { Executor } from "../../db/client.js";
import { findOne } from "../../db/records.js";
import { agencies, districts, programmeProjects } from "../../db/schema/index.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { listRounds } from "../evaluations/repository.js";
import { computeMeasures, type RawMeasure } from "../measures/compute.js";
import { suppressionSetting } from "../measures/repository.js";
import { scopeOf } from "../measures/service.js";
import * as repo from "./repository.js";

/** What a link asks for: a measure, one row of its breakdown or its total, and its 地区 / agency / project. */
export type FeedFilter = Pick<repo.LinkRow, "measureKey" | "breakdownRow" | "agencyId" | "districtId" | "projectId">;

/** The measures' scope filter a link asks for (checkedLink in links.ts refused the ones its measure cannot take). */
export function scopeFilterOf(f: FeedFilter) {
  return { districtId: f.districtId, agencyId: f.agencyId, projectId: f.projectId };
}

/** The key of a year's counts for a filter: links with the same filter share one computation. */
export const countsKey = (fiscalYear: number | string, f: FeedFilter) =>
  `${fiscalYear}|${f.districtId ?? ""}|${f.agencyId ?? ""}|${f.projectId ?? ""}`;

/** A count to publish and where it comes from, before suppression. */
export interface FeedBasis extends FeedFilter {
  source: Exclude<FedSource, "none">;
  label: string;
  definition: string;
  filterLabel: string;
  counts: RawMeasure;
  computedAt: Date;
}

/** The words of a link's filter: the row, the 地区 and the agency by name (a name as it is now). */
export async function filterLabelOf(tx: Executor, municipalityId: string, f: FeedFilter): Promise<string> {
  const parts: string[] = [];
  if (f.breakdownRow !== null) {
    const breakdown = measureDefinition(f.measureKey as MeasureKey).breakdown;
    const rowLabel = breakdown && breakdown !== "dynamic" ? breakdown.labels[f.breakdownRow] : null;
    parts.push(rowLabel ?? f.breakdownRow);
  }
  if (f.districtId) {
    const d = await findOne(tx, districts, municipalityId, { id: f.districtId });
    parts.push(`${MEASURE_FILTER_LABELS.district}: ${d?.name ?? "—"}`);
  }
  if (f.agencyId) {
    const a = await findOne(tx, agencies, municipalityId, { id: f.agencyId });
    parts.push(`${MEASURE_FILTER_LABELS.agency}: ${a?.name ?? "—"}`);
  }
  if (f.projectId) {
    const p = await findOne(tx, programmeProjects, municipalityId, { id: f.projectId });
    parts.push(`${MEASURE_FILTER_LABELS.project}: ${p?.name ?? "—"}`);
  }
  return parts.length ? parts.join("／") : NO_FILTER_LABEL;
}

/** The cell a link publishes out of its measure's counts, suppressed as GET /api/stats would for the same filter. */
export function publishedCell(
  filter: FeedFilter,
  counts: RawMeasure,
  suppressed: boolean,
  threshold: number,
): Cell | null {
  const m = measureDefinition(filter.measureKey as MeasureKey);
  // a row of the municipality's own list (相談の分類) that nobody counted this year is a zero, not an absent number
  const missing = filter.breakdownRow !== null && !counts.rows.some((r) => r.key === filter.breakdownRow);
  const rows = missing ? [...counts.rows, { key: filter.breakdownRow as string, value: 0 }] : counts.rows;
  const at = filter.breakdownRow === null ? -1 : rows.findIndex((r) => r.key === filter.breakdownRow);
  if (!suppressed) {
    const value = at === -1 ? counts.total : (rows[at]?.value ?? 0);
    return value === null ? null : { value, state: "shown" };
  }
  const additive = m.breakdown !== null && m.breakdown !== "dynamic" && m.breakdown.additive;
  const cells = suppress({ total: counts.total, rows: rows.map((r) => r.value), additive }, threshold);
  return at === -1 ? cells.total : (cells.rows[at] ?? null);
}

export function displayOf(cell: Cell | null, threshold: number): string {
  if (!cell) return "—";
  if (cell.state === "shown") return (cell.value ?? 0).toLocaleString("ja-JP");
  return cell.state === "small" ? suppressedLabel(threshold) : SECONDARY_SUPPRESSION_LABEL;
}

/** A year's suggestion as one caller may see it. */
export interface Suggestion {
  fiscalYear: number;
  source: FedSource;
  basis: FeedBasis | null;
  cell: Cell | null;
  display: string;
}

/**
 * Reads suggestions for one caller in one transaction: counts of a year and filter are computed once however many
 * indicators ask for them, and a closed year is answered from what was frozen.
 */
export async function suggestionReader(tx: Executor, caller: AuthContext | null, municipalityId: string) {
  const { threshold } = await suppressionSetting(tx, municipalityId);
  const suppressed = policies.measuresSuppressedFor(caller);
  const counted = new Map<string, Promise<Awaited<ReturnType<typeof computeMeasures>>>>();
  const countsOf = (fiscalYear: number, f: FeedFilter) => {
    const key = countsKey(fiscalYear, f);
    let found = counted.get(key);
    if (!found) {
      found = computeMeasures(tx, scopeOf(municipalityId, fiscalYear, scopeFilterOf(f)));
      counted.set(key, found);
    }
    return found;
  };
  const closedYears = new Map<string, Set<number>>();
  const closedOf = async (planId: string) => {
    let years = closedYears.get(planId);
    if (!years) {
      const rounds = await listRounds(tx, municipalityId, planId);
      years = new Set(rounds.filter((r) => r.status === "closed").map((r) => r.fiscalYear));
      closedYears.set(planId, years);
    }
    return years;
  };

  const publish = (fiscalYear: number, source: FedSource, basis: FeedBasis | null): Suggestion => {
    const cell = basis ? publishedCell(basis, basis.counts, suppressed, threshold) : null;
    return { fiscalYear, source, basis, cell, display: displayOf(cell, threshold) };
  };

  return {
    threshold,
    suppressed,
    /** the link's suggestion for each year asked (live for open years, frozen for closed ones) */
    async yearsOf(planId: string, link: repo.LinkRow, fiscalYears: number[]): Promise<Suggestion[]> {
      const closed = await closedOf(planId);
      const frozenYears = fiscalYears.filter((fy) => closed.has(fy));
      const frozen = new Map(
        (await repo.frozenOf(tx, municipalityId, [link.indicatorId], frozenYears)).map((f) => [f.fiscalYear, f]),
      );
      const m = measureDefinition(link.measureKey as MeasureKey);
      const filterLabel = await filterLabelOf(tx, municipalityId, link);
      const out: Suggestion[] = [];
      for (const fy of fiscalYears) {
        if (closed.has(fy)) {
          const f = frozen.get(fy);
          out.push(
            f
              ? publish(fy, "frozen", { ...f, source: "frozen", counts: f.counts as RawMeasure })
              : publish(fy, "none", null),
          );
          continue;
        }
        const counts = (await countsOf(fy, link))[link.measureKey as MeasureKey];
        out.push(
          publish(fy, "live", {
            ...link,
            source: "live",
            label: m.label,
            definition: m.definition,
            filterLabel,
            counts,
            computedAt: new Date(),
          }),
        );
      }
      return out;
    },
  };
}
