/**
 * The data of an indicator view under a frozen revision: the revision's tree, departments (named as frozen),
 * indicators and targets, with the year's actuals (and the version) from the live tables. Pure: no I/O.
 */
import type { PlanSnapshot } from "../../../domain/revisions/snapshot.js";
import { itemFields } from "../plans/presenter.js";
import { frozenDepartmentNames, frozenItemDepartments } from "../revisions/frozen-views.js";
import type { PlanData } from "./plan-data-repository.js";

export function frozenPlanData(snapshot: PlanSnapshot, live: PlanData, fiscalYear: number | null): PlanData {
  const liveIndicator = new Map(live.indicators.map((i) => [i.id, i]));
  const liveTarget = new Map(live.targets.map((t) => [`${t.indicatorId}:${t.fiscalYear}`, t]));
  const indicatorIds = new Set(snapshot.indicators.map((i) => i.id));
  const names = frozenDepartmentNames(snapshot);
  const departments = [
    ...[...names].map(([id, name]) => ({ id, name })),
    ...live.departments.filter((d) => !names.has(d.id)),
  ];
  return {
    version: live.version,
    items: snapshot.items.map((i) => ({ ...itemFields(i), majorMeasure: i.majorMeasure })),
    placements: snapshot.placements
      .filter((p) => !p.relisted)
      .map((p) => ({ itemId: p.itemId, parentItemId: p.parentItemId, position: p.position })),
    itemDepartments: frozenItemDepartments(snapshot),
    departments,
    indicators: snapshot.indicators.map((i, position) => ({
      id: i.id,
      itemId: i.itemId,
      kind: i.kind,
      name: i.name,
      baselineSource: i.baselineSource,
      baselineFiscalYear: liveIndicator.get(i.id)?.baselineFiscalYear ?? null,
      position,
      // a frozen indicator is not edited through this view: versions only where the live row is the same one
      version: liveIndicator.get(i.id)?.version ?? 0,
    })),
    targets: snapshot.targets
      .filter((t) => fiscalYear === null || t.fiscalYear === fiscalYear)
      .map((t) => ({ ...t, version: liveTarget.get(`${t.indicatorId}:${t.fiscalYear}`)?.version ?? 0 })),
    actuals: live.actuals.filter((a) => indicatorIds.has(a.indicatorId)),
  };
}
