import { formatFiscalYearRange } from "../../../domain/fiscal-year.js";
import type { ItemRow, PlacementRow, PlanRow } from "./repository.js";

export function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    startFiscalYear: p.startFiscalYear,
    endFiscalYear: p.endFiscalYear,
    periodLabel: formatFiscalYearRange(p.startFiscalYear, p.endFiscalYear),
    levelNames: p.levelNames,
    gradeScale: p.gradeScale,
    constituentPlans: p.constituentPlans,
    version: p.version,
  };
}
export type PlanDto = ReturnType<typeof presentPlan>;

export function presentItem(i: ItemRow, departmentIds: string[], placements: PlacementRow[]) {
  return {
    id: i.id,
    level: i.level,
    code: i.code,
    title: i.title,
    summary: i.summary,
    isNew: i.isNew,
    isPriority: i.isPriority,
    category: i.category,
    planPage: i.planPage,
    constituentPlans: i.constituentPlans,
    departmentIds,
    version: i.version,
    placements: placements
      .filter((p) => p.itemId === i.id)
      .map((p) => ({ id: p.id, parentItemId: p.parentItemId, position: p.position, relisted: p.relisted })),
    source: i.source,
  };
}
export type ItemDto = ReturnType<typeof presentItem>;
