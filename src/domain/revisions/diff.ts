/**
 * What changed between two plan snapshots (改定の新旧対照). Pure and deterministic.
 *
 * Items, indicators and targets are matched by id (items keep their ids across revisions), so nothing is guessed
 * from titles. A diff compares two states, not a history of edits: edits that cancel out (a rename and its undo,
 * an item added and removed again, a re-listing added and taken back, a move and the move back) show nothing, and
 * several edits of one field show as one change from the first value to the last.
 *
 * Order: changes of the plan itself, then indicators of the plan as a whole, then the items in the tree order of
 * `b` (each with its own changes, then its indicators' changes), then the items removed, in the tree order of `a`.
 *
 * Rules:
 * - an added or removed item is one change; its fields, placements and departments are part of it. Its indicators
 *   are indicators of their own: they are reported added / removed, each with its targets.
 * - moved: the home placement's parent or position changed, or a 再掲 (re-listing) was added, removed or moved
 *   within its parent. Positions are compared as stored (the plans module never renumbers siblings).
 * - renamed: title or code. changed: level, departments (ordered: the first one leads), category, 新, 重, 大施策,
 *   構成計画, 事業概要. A department's own rename (組織改正) is not a change of the item: departments are compared
 *   by id, their names are only shown.
 * - targets are compared per indicator per fiscal year, source text and typed reading together; a target that
 *   appears or disappears for a year is a change from / to null.
 */
import {
  compareText,
  type PlanSnapshot,
  type SnapshotIndicator,
  type SnapshotItem,
  type SnapshotPlacement,
  type SnapshotTarget,
  type TargetTyped,
  treeOrder,
} from "./snapshot.js";

export type ChangeType =
  | "planChanged"
  | "added"
  | "removed"
  | "moved"
  | "renamed"
  | "changed"
  | "indicatorAdded"
  | "indicatorRemoved"
  | "indicatorRenamed"
  | "indicatorChanged"
  | "targetChanged";

export const ITEM_ATTRIBUTE_FIELDS = [
  "level",
  "departments",
  "category",
  "isNew",
  "isPriority",
  "majorMeasure",
  "constituentPlans",
  "summary",
] as const;
export type ItemAttributeField = (typeof ITEM_ATTRIBUTE_FIELDS)[number];

export const PLAN_FIELDS = ["title", "levelNames", "gradeScale", "period"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export type ChangeField =
  | `plan.${PlanField}`
  | "item"
  | "code"
  | "title"
  | "placement"
  | "relisting"
  | ItemAttributeField
  | "indicator"
  | "indicator.name"
  | "indicator.kind"
  | "indicator.baselineSource"
  | "indicator.item"
  | "target";

/** Where an item is shown, with its parent named as in the snapshot it comes from. */
export interface PlacementValue {
  parentItemId: string | null;
  parentCode: string | null;
  parentTitle: string | null;
  /** as stored */
  position: number;
  /** 1-based rank among the parent's children in that snapshot (for display) */
  ordinal: number;
}

export interface ItemValue {
  level: number;
  code: string | null;
  title: string;
  placement: PlacementValue | null;
  departmentNames: string[];
}

export interface DepartmentsValue {
  departmentIds: string[];
  departmentNames: string[];
}

export interface TargetValue extends TargetTyped {
  source: string;
}

export interface IndicatorValue {
  kind: string;
  name: string;
  baselineSource: string | null;
  targets: { fiscalYear: number; source: string }[];
}

export interface ItemRef {
  itemId: string | null;
  code: string | null;
  title: string | null;
}

export type ChangeValue =
  | string
  | number
  | boolean
  | null
  | string[]
  | { code: string; label: string }[]
  | { startFiscalYear: number; endFiscalYear: number }
  | PlacementValue
  | ItemValue
  | DepartmentsValue
  | IndicatorValue
  | TargetValue
  | ItemRef;

export interface Change {
  type: ChangeType;
  /** the item concerned: b's item, or a's when it was removed; null for the plan itself and plan-level indicators */
  itemId: string | null;
  code: string | null;
  title: string | null;
  level: number | null;
  field: ChangeField;
  indicatorId?: string;
  indicatorName?: string;
  fiscalYear?: number;
  before: ChangeValue;
  after: ChangeValue;
}

export interface DiffSummary {
  /** items (distinct) */
  added: number;
  removed: number;
  moved: number;
  renamed: number;
  changed: number;
  /** indicators (distinct) */
  indicatorsAdded: number;
  indicatorsRemoved: number;
  indicatorsRenamed: number;
  indicatorsChanged: number;
  /** (indicator, fiscal year) pairs */
  targetsChanged: number;
  /** plan fields */
  planChanged: number;
}

export interface SnapshotDiff {
  summary: DiffSummary;
  changes: Change[];
}

interface Side {
  items: Map<string, SnapshotItem>;
  home: Map<string, SnapshotPlacement>;
  relistings: Map<string, Map<string | null, SnapshotPlacement>>;
  ordinal: Map<SnapshotPlacement, number>;
  indicators: Map<string, SnapshotIndicator>;
  targets: Map<string, Map<number, SnapshotTarget>>;
}

function index(s: PlanSnapshot): Side {
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

const sameArray = <T>(x: readonly T[], y: readonly T[]) => x.length === y.length && x.every((v, i) => v === y[i]);

function sameTarget(x: SnapshotTarget | undefined, y: SnapshotTarget | undefined): boolean {
  if (!x || !y) return x === y;
  return (
    x.source === y.source &&
    x.kind === y.kind &&
    (x.comparator ?? null) === (y.comparator ?? null) &&
    (x.value ?? null) === (y.value ?? null) &&
    (x.unit ?? null) === (y.unit ?? null) &&
    (x.step ?? null) === (y.step ?? null) &&
    (x.rank ?? null) === (y.rank ?? null)
  );
}

function targetValue(t: SnapshotTarget | undefined): TargetValue | null {
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

function placementValue(side: Side, p: SnapshotPlacement | undefined): PlacementValue | null {
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

function itemValue(side: Side, i: SnapshotItem): ItemValue {
  return {
    level: i.level,
    code: i.code,
    title: i.title,
    placement: placementValue(side, side.home.get(i.id)),
    departmentNames: i.departmentNames,
  };
}

function indicatorValue(side: Side, ind: SnapshotIndicator): IndicatorValue {
  const targets = [...(side.targets.get(ind.id)?.values() ?? [])]
    .sort((x, y) => x.fiscalYear - y.fiscalYear)
    .map((t) => ({ fiscalYear: t.fiscalYear, source: t.source }));
  return { kind: ind.kind, name: ind.name, baselineSource: ind.baselineSource, targets };
}

function attribute(i: SnapshotItem, field: ItemAttributeField): ChangeValue {
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

function sameAttribute(x: SnapshotItem, y: SnapshotItem, field: ItemAttributeField): boolean {
  switch (field) {
    case "departments":
      return sameArray(x.departmentIds, y.departmentIds);
    case "constituentPlans":
      return sameArray(x.constituentPlans ?? [], y.constituentPlans ?? []);
    default:
      return attribute(x, field) === attribute(y, field);
  }
}

export function diffSnapshots(a: PlanSnapshot, b: PlanSnapshot): SnapshotDiff {
  const A = index(a);
  const B = index(b);
  const changes: Change[] = [];

  // -- the plan itself
  const planRef = { itemId: null, code: null, title: null, level: null } as const;
  const planChange = (field: PlanField, before: ChangeValue, after: ChangeValue) =>
    changes.push({ type: "planChanged", ...planRef, field: `plan.${field}`, before, after });
  if (a.plan.title !== b.plan.title) planChange("title", a.plan.title, b.plan.title);
  if (!sameArray(a.plan.levelNames, b.plan.levelNames)) planChange("levelNames", a.plan.levelNames, b.plan.levelNames);
  const grades = (g: PlanSnapshot["plan"]["gradeScale"]) => g.map((x) => `${x.code}\u0000${x.label}`);
  if (!sameArray(grades(a.plan.gradeScale), grades(b.plan.gradeScale))) {
    planChange("gradeScale", a.plan.gradeScale, b.plan.gradeScale);
  }
  if (a.plan.startFiscalYear !== b.plan.startFiscalYear || a.plan.endFiscalYear !== b.plan.endFiscalYear) {
    const period = (p: PlanSnapshot["plan"]) => ({
      startFiscalYear: p.startFiscalYear,
      endFiscalYear: p.endFiscalYear,
    });
    planChange("period", period(a.plan), period(b.plan));
  }

  // -- which item each indicator's changes are listed under (null: the plan section)
  const bOrder = treeOrder(b);
  const removedItems = treeOrder(a).filter((i) => !B.items.has(i.id));
  const listed = new Set<string>([...B.items.keys(), ...removedItems.map((i) => i.id)]);
  const groupKey = (itemId: string | null) => (itemId !== null && listed.has(itemId) ? itemId : null);
  const indicatorsOf = new Map<string | null, { bInd?: SnapshotIndicator; aInd?: SnapshotIndicator }[]>();
  const addTo = (key: string | null, entry: { bInd?: SnapshotIndicator; aInd?: SnapshotIndicator }) => {
    const list = indicatorsOf.get(key);
    if (list) list.push(entry);
    else indicatorsOf.set(key, [entry]);
  };
  for (const bInd of b.indicators) addTo(groupKey(bInd.itemId), { bInd, aInd: A.indicators.get(bInd.id) });
  for (const aInd of a.indicators) if (!B.indicators.has(aInd.id)) addTo(groupKey(aInd.itemId), { aInd });

  const refOf = (side: Side, itemId: string | null) => {
    const item = itemId === null ? undefined : side.items.get(itemId);
    return item
      ? { itemId: item.id, code: item.code, title: item.title, level: item.level }
      : { itemId, code: null, title: null, level: null };
  };

  const emitIndicators = (key: string | null) => {
    for (const { aInd, bInd } of indicatorsOf.get(key) ?? []) {
      if (bInd && !aInd) {
        changes.push({
          type: "indicatorAdded",
          ...refOf(B, bInd.itemId),
          field: "indicator",
          indicatorId: bInd.id,
          indicatorName: bInd.name,
          before: null,
          after: indicatorValue(B, bInd),
        });
        continue;
      }
      if (aInd && !bInd) {
        changes.push({
          type: "indicatorRemoved",
          ...refOf(A, aInd.itemId),
          field: "indicator",
          indicatorId: aInd.id,
          indicatorName: aInd.name,
          before: indicatorValue(A, aInd),
          after: null,
        });
        continue;
      }
      if (!aInd || !bInd) continue;
      const ref = refOf(B, bInd.itemId);
      const ind = { indicatorId: bInd.id, indicatorName: bInd.name };
      if (aInd.name !== bInd.name) {
        changes.push({
          type: "indicatorRenamed",
          ...ref,
          field: "indicator.name",
          ...ind,
          before: aInd.name,
          after: bInd.name,
        });
      }
      if (aInd.kind !== bInd.kind) {
        changes.push({
          type: "indicatorChanged",
          ...ref,
          field: "indicator.kind",
          ...ind,
          before: aInd.kind,
          after: bInd.kind,
        });
      }
      if ((aInd.baselineSource ?? null) !== (bInd.baselineSource ?? null)) {
        changes.push({
          type: "indicatorChanged",
          ...ref,
          field: "indicator.baselineSource",
          ...ind,
          before: aInd.baselineSource ?? null,
          after: bInd.baselineSource ?? null,
        });
      }
      if (aInd.itemId !== bInd.itemId) {
        const from = refOf(A, aInd.itemId);
        const to = refOf(B, bInd.itemId);
        changes.push({
          type: "indicatorChanged",
          ...ref,
          field: "indicator.item",
          ...ind,
          before: { itemId: from.itemId, code: from.code, title: from.title },
          after: { itemId: to.itemId, code: to.code, title: to.title },
        });
      }
      const ta = A.targets.get(aInd.id);
      const tb = B.targets.get(bInd.id);
      const years = [...new Set([...(ta?.keys() ?? []), ...(tb?.keys() ?? [])])].sort((x, y) => x - y);
      for (const fiscalYear of years) {
        const x = ta?.get(fiscalYear);
        const y = tb?.get(fiscalYear);
        if (sameTarget(x, y)) continue;
        changes.push({
          type: "targetChanged",
          ...ref,
          field: "target",
          ...ind,
          fiscalYear,
          before: targetValue(x),
          after: targetValue(y),
        });
      }
    }
  };

  emitIndicators(null);

  // re-listing parents: in the tree order of b, then of the removed items (ranked once, on first need)
  let rank: Map<string, number> | undefined;
  const byParent = (x: string | null, y: string | null) => {
    if (!rank) {
      rank = new Map();
      for (const i of bOrder) rank.set(i.id, rank.size);
      for (const i of removedItems) rank.set(i.id, rank.size);
    }
    const rx = x === null ? -1 : (rank.get(x) ?? Number.MAX_SAFE_INTEGER);
    const ry = y === null ? -1 : (rank.get(y) ?? Number.MAX_SAFE_INTEGER);
    return rx - ry || compareText(x ?? "", y ?? "");
  };

  // -- items in the tree order of b
  for (const bi of bOrder) {
    const ai = A.items.get(bi.id);
    const ref = { itemId: bi.id, code: bi.code, title: bi.title, level: bi.level };
    if (!ai) {
      changes.push({ type: "added", ...ref, field: "item", before: null, after: itemValue(B, bi) });
      emitIndicators(bi.id);
      continue;
    }
    if (ai.code !== bi.code) changes.push({ type: "renamed", ...ref, field: "code", before: ai.code, after: bi.code });
    if (ai.title !== bi.title) {
      changes.push({ type: "renamed", ...ref, field: "title", before: ai.title, after: bi.title });
    }
    const ha = A.home.get(bi.id);
    const hb = B.home.get(bi.id);
    if (ha?.parentItemId !== hb?.parentItemId || ha?.position !== hb?.position) {
      changes.push({
        type: "moved",
        ...ref,
        field: "placement",
        before: placementValue(A, ha),
        after: placementValue(B, hb),
      });
    }
    const ra = A.relistings.get(bi.id);
    const rb = B.relistings.get(bi.id);
    if (ra || rb) {
      const parents = [...new Set([...(rb?.keys() ?? []), ...(ra?.keys() ?? [])])];
      if (parents.length > 1) parents.sort(byParent);
      for (const parent of parents) {
        const pa = ra?.get(parent);
        const pb = rb?.get(parent);
        if (pa && pb && pa.position === pb.position) continue;
        changes.push({
          type: "moved",
          ...ref,
          field: "relisting",
          before: placementValue(A, pa),
          after: placementValue(B, pb),
        });
      }
    }
    for (const field of ITEM_ATTRIBUTE_FIELDS) {
      if (sameAttribute(ai, bi, field)) continue;
      changes.push({ type: "changed", ...ref, field, before: attribute(ai, field), after: attribute(bi, field) });
    }
    emitIndicators(bi.id);
  }

  // -- then the removed ones, in the tree order of a
  for (const ai of removedItems) {
    const ref = { itemId: ai.id, code: ai.code, title: ai.title, level: ai.level };
    changes.push({ type: "removed", ...ref, field: "item", before: itemValue(A, ai), after: null });
    emitIndicators(ai.id);
  }

  return { summary: summarize(changes), changes };
}

function summarize(changes: Change[]): DiffSummary {
  const distinct = (type: ChangeType, key: (c: Change) => string | null | undefined) =>
    new Set(changes.filter((c) => c.type === type).map(key)).size;
  const byItem = (c: Change) => c.itemId;
  const byIndicator = (c: Change) => c.indicatorId;
  return {
    added: distinct("added", byItem),
    removed: distinct("removed", byItem),
    moved: distinct("moved", byItem),
    renamed: distinct("renamed", byItem),
    changed: distinct("changed", byItem),
    indicatorsAdded: distinct("indicatorAdded", byIndicator),
    indicatorsRemoved: distinct("indicatorRemoved", byIndicator),
    indicatorsRenamed: distinct("indicatorRenamed", byIndicator),
    indicatorsChanged: distinct("indicatorChanged", byIndicator),
    targetsChanged: changes.filter((c) => c.type === "targetChanged").length,
    planChanged: changes.filter((c) => c.type === "planChanged").length,
  };
}
