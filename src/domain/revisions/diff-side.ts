/**
 * One side of a diff: a snapshot indexed by id, and the values a change shows from it (placements with their
 * parent named, items, indicators with their targets, targets with their typed reading).
 */
import { sameTyping } from "../indicators/target-typing.js";
import type {
  ChangeValue,
  IndicatorValue,
  ItemAttributeField,
  ItemRef,
  ItemValue,
  PlacementValue,
  TargetValue,
} from "./diff-types.js";
import {
  compareText,
  type PlanSnapshot,
  type SnapshotIndicator,
  type SnapshotItem,
  type SnapshotPlacement,
  type SnapshotTarget,
} from "./snapshot.js";

export interface Side {
  items: Map<string, SnapshotItem>;
  home: Map<string, SnapshotPlacement>;
  relistings: Map<string, Map<string | null, SnapshotPlacement>>;
  ordinal: Map<SnapshotPlacement, number>;
  indicators: Map<string, SnapshotIndicator>;
  targets: Map<string, Map<number, SnapshotTarget>>;
}

/** Where a change is listed: the item (as this side names it), or nothing for the plan itself. */
export type ChangeRef = ItemRef & { level: number | null };

export function indexSide(s: PlanSnapshot): Side {
  const items = new Map(s.items.map((i) => [i.id, i]));
  const home = new Map<string, SnapshotPlacement>();
  const relistings = new Map<string, Map<string | null, SnapshotPlacement>>();
  const byParent = new Map<string | null, SnapshotPlacement[]>();
  for (const p of s.placements) {
    if (p.relisted) {
      const m = relistings.get(p.itemId) ?? new Map<string | null, SnapshotPlacement>();
      relistings.set(p.itemId, m);
      m.set(p.parentItemId, p);
    } else if (!home.has(p.itemId)) {
      home.set(p.itemId, p);
    }
    const list = byParent.get(p.parentItemId);
    if (list) list.push(p);
    else byParent.set(p.parentItemId, [p]);
  }
  const ordinal = new Map<SnapshotPlacement, number>();
  for (const list of byParent.values()) {
    list.sort((x, y) => x.position - y.position || compareText(x.itemId, y.itemId));
    list.forEach((p, i) => {
      ordinal.set(p, i + 1);
    });
  }
  const targets = new Map<string, Map<number, SnapshotTarget>>();
  for (const t of s.targets) {
    const m = targets.get(t.indicatorId) ?? new Map<number, SnapshotTarget>();
    targets.set(t.indicatorId, m);
    m.set(t.fiscalYear, t);
  }
  return { items, home, relistings, ordinal, indicators: new Map(s.indicators.map((i) => [i.id, i])), targets };
}

export const sameArray = <T>(x: readonly T[], y: readonly T[]) =>
  x.length === y.length && x.every((v, i) => v === y[i]);

export const refTo = (item: SnapshotItem): ChangeRef => ({
  itemId: item.id,
  code: item.code,
  title: item.title,
  level: item.level,
});

/** The item a change is listed under, as this side names it; an item the side does not hold keeps only its id. */
export function refOf(side: Side, itemId: string | null): ChangeRef {
  const item = itemId === null ? undefined : side.items.get(itemId);
  return item ? refTo(item) : { itemId, code: null, title: null, level: null };
}

export function targetValue(t: SnapshotTarget | undefined): TargetValue | null {
  if (!t) return null;
  return {
    source: t.source,
    kind: t.kind,
    comparator: t.comparator ?? null,
    value: t.value ?? null,
    unit: t.unit ?? null,
    step: t.step ?? null,
    rank: t.rank ?? null,
  };
}

/** The same source text and the same typed reading. */
export function sameTarget(x: SnapshotTarget | undefined, y: SnapshotTarget | undefined): boolean {
  if (!x || !y) return x === y;
  return x.source === y.source && sameTyping(x, y);
}

export function placementValue(side: Side, p: SnapshotPlacement | undefined): PlacementValue | null {
  if (!p) return null;
  const parent = p.parentItemId === null ? undefined : side.items.get(p.parentItemId);
  return {
    parentItemId: p.parentItemId,
    parentCode: parent?.code ?? null,
    parentTitle: parent?.title ?? null,
    position: p.position,
    ordinal: side.ordinal.get(p) ?? 0,
  };
}

export function itemValue(side: Side, i: SnapshotItem): ItemValue {
  return {
    level: i.level,
    code: i.code,
    title: i.title,
    placement: placementValue(side, side.home.get(i.id)),
    departmentNames: i.departmentNames,
  };
}

export function indicatorValue(side: Side, ind: SnapshotIndicator): IndicatorValue {
  const targets = [...(side.targets.get(ind.id)?.values() ?? [])]
    .sort((x, y) => x.fiscalYear - y.fiscalYear)
    .map((t) => ({ fiscalYear: t.fiscalYear, source: t.source }));
  return { kind: ind.kind, name: ind.name, baselineSource: ind.baselineSource, targets };
}

export function attribute(i: SnapshotItem, field: ItemAttributeField): ChangeValue {
  switch (field) {
    case "departments":
      return { departmentIds: i.departmentIds, departmentNames: i.departmentNames };
    case "level":
      return i.level;
    case "category":
      return i.category ?? null;
    case "isNew":
      return i.isNew;
    case "isPriority":
      return i.isPriority;
    case "majorMeasure":
      return i.majorMeasure ?? null;
    case "constituentPlans":
      return i.constituentPlans ?? [];
    case "summary":
      return i.summary ?? null;
  }
}

export function sameAttribute(x: SnapshotItem, y: SnapshotItem, field: ItemAttributeField): boolean {
  switch (field) {
    case "departments":
      return sameArray(x.departmentIds, y.departmentIds);
    case "constituentPlans":
      return sameArray(x.constituentPlans ?? [], y.constituentPlans ?? []);
    default:
      return attribute(x, field) === attribute(y, field);
  }
}
