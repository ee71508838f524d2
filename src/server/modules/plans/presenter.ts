import { formatFiscalYearRange } from "../../../domain/fiscal-year.js";
import type { PlanSnapshot, SnapshotItem } from "../../../domain/revisions/snapshot.js";
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

type ItemFields = Pick<
  SnapshotItem,
  "id" | "level" | "code" | "title" | "summary" | "isNew" | "isPriority" | "category"
>;

/** What an item says of itself, the same in the live tables and in a frozen revision. */
export function itemFields(i: ItemFields): ItemFields {
  return {
    id: i.id,
    level: i.level,
    code: i.code,
    title: i.title,
    summary: i.summary,
    isNew: i.isNew,
    isPriority: i.isPriority,
    category: i.category,
  };
}

export function presentItem(i: ItemRow, departmentIds: string[], placements: PlacementRow[]) {
  return {
    ...itemFields(i),
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

/**
 * The items of a frozen revision in the shape of presentItem. A placement has no id of its own in a snapshot; the
 * fields a snapshot does not keep (page in the plan book, import source) come from the live item when it still exists.
 */
export function frozenItemDtos(snapshot: PlanSnapshot, live: ItemRow[]): ItemDto[] {
  const liveById = new Map(live.map((i) => [i.id, i]));
  return snapshot.items.map((i) => {
    const row = liveById.get(i.id);
    return {
      ...itemFields(i),
      planPage: row?.planPage ?? null,
      constituentPlans: i.constituentPlans,
      departmentIds: i.departmentIds,
      version: row?.version ?? 0,
      placements: snapshot.placements
        .filter((p) => p.itemId === i.id)
        .map((p) => ({
          id: `${p.itemId}:${p.parentItemId ?? "root"}:${p.relisted ? "relisted" : "home"}`,
          parentItemId: p.parentItemId,
          position: p.position,
          relisted: p.relisted,
        })),
      source: row?.source ?? null,
    };
  });
}
