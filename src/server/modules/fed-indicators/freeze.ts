/**
 * Freezing the fed values of a year: when the year's evaluation round is closed (evaluations/close-round.ts calls
 * this in its transaction), every linked indicator of the plan keeps the year's counts of its measure, the link's
 * filter, the definition's words and the time computed. From then on readers see these, never a recount.
 */
import type { MeasureKey } from "../../../domain/labels/measures.js";
import { measureDefinition } from "../../../domain/measures/catalogue.js";
import type { Executor } from "../../db/client.js";
import { computeMeasures } from "../measures/compute.js";
import { scopeOf } from "../measures/service.js";
import * as repo from "./repository.js";
import { countsKey, filterLabelOf, scopeFilterOf } from "./suggestion.js";

/** Stores the year's value of every linked indicator of the plan; answers what was frozen (raw counts: no caller). */
export async function freezeFedValues(tx: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  const links = await repo.linksOfPlan(tx, municipalityId, planId);
  const counted = new Map<string, Awaited<ReturnType<typeof computeMeasures>>>();
  const computedAt = new Date();
  const frozen: { indicatorId: string; measureKey: string; total: number | null }[] = [];
  for (const { link } of links) {
    const key = countsKey(fiscalYear, link);
    let counts = counted.get(key);
    if (!counts) {
      counts = await computeMeasures(tx, scopeOf(municipalityId, fiscalYear, scopeFilterOf(link)));
      counted.set(key, counts);
    }
    const m = measureDefinition(link.measureKey as MeasureKey);
    const measure = counts[link.measureKey as MeasureKey];
    await repo.upsertFrozen(tx, {
      municipalityId,
      indicatorId: link.indicatorId,
      fiscalYear,
      measureKey: link.measureKey,
      breakdownRow: link.breakdownRow,
      agencyId: link.agencyId,
      districtId: link.districtId,
      projectId: link.projectId,
      label: m.label,
      definition: m.definition,
      filterLabel: await filterLabelOf(tx, municipalityId, link),
      counts: measure,
      computedAt,
    });
    frozen.push({ indicatorId: link.indicatorId, measureKey: link.measureKey, total: measure.total });
  }
  return frozen;
}
