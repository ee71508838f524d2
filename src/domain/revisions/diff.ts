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
import { type IndicatorPair, indicatorChanges } from "./diff-indicators.js";
import {
  attribute,
  indexSide,
  itemValue,
  placementValue,
  refTo,
  type Side,
  sameArray,
  sameAttribute,
} from "./diff-side.js";
import {
  type Change,
  type ChangeType,
  type ChangeValue,
  type DiffSummary,
  ITEM_ATTRIBUTE_FIELDS,
  type PlanField,
  type SnapshotDiff,
} from "./diff-types.js";
import { compareText, type PlanSnapshot, type SnapshotItem, type SnapshotPlan, treeOrder } from "./snapshot.js";

export * from "./diff-types.js";

export function diffSnapshots(a: PlanSnapshot, b: PlanSnapshot): SnapshotDiff {
  const A = indexSide(a);
  const B = indexSide(b);
  const changes: Change[] = [];

  changes.push(...planChanges(a.plan, b.plan));

  // -- which item each indicator's changes are listed under (null: the plan section)
  const bOrder = treeOrder(b);
  const removedItems = treeOrder(a).filter((i) => !B.items.has(i.id));
  const listed = new Set<string>([...B.items.keys(), ...removedItems.map((i) => i.id)]);
  const groupKey = (itemId: string | null) => (itemId !== null && listed.has(itemId) ? itemId : null);
  const indicatorsOf = new Map<string | null, IndicatorPair[]>();
  const addTo = (key: string | null, entry: IndicatorPair) => {
    const list = indicatorsOf.get(key);
    if (list) list.push(entry);
    else indicatorsOf.set(key, [entry]);
  };
  for (const bInd of b.indicators) addTo(groupKey(bInd.itemId), { bInd, aInd: A.indicators.get(bInd.id) });
  for (const aInd of a.indicators) if (!B.indicators.has(aInd.id)) addTo(groupKey(aInd.itemId), { aInd });

  const emitIndicators = (key: string | null) => {
    for (const pair of indicatorsOf.get(key) ?? []) changes.push(...indicatorChanges(A, B, pair));
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
    if (ai) changes.push(...itemChanges(A, B, ai, bi, byParent));
    else changes.push({ type: "added", ...refTo(bi), field: "item", before: null, after: itemValue(B, bi) });
    emitIndicators(bi.id);
  }

  // -- then the removed ones, in the tree order of a
  for (const ai of removedItems) {
    changes.push({ type: "removed", ...refTo(ai), field: "item", before: itemValue(A, ai), after: null });
    emitIndicators(ai.id);
  }

  return { summary: summarize(changes), changes };
}

function planChanges(a: SnapshotPlan, b: SnapshotPlan): Change[] {
  const changes: Change[] = [];
  const planRef = { itemId: null, code: null, title: null, level: null } as const;
  const planChange = (field: PlanField, before: ChangeValue, after: ChangeValue) =>
    changes.push({ type: "planChanged", ...planRef, field: `plan.${field}`, before, after });
  if (a.title !== b.title) planChange("title", a.title, b.title);
  if (!sameArray(a.levelNames, b.levelNames)) planChange("levelNames", a.levelNames, b.levelNames);
  const grades = (g: SnapshotPlan["gradeScale"]) => g.map((x) => `${x.code}\u0000${x.label}`);
  if (!sameArray(grades(a.gradeScale), grades(b.gradeScale))) planChange("gradeScale", a.gradeScale, b.gradeScale);
  if (a.startFiscalYear !== b.startFiscalYear || a.endFiscalYear !== b.endFiscalYear) {
    const period = (p: SnapshotPlan) => ({ startFiscalYear: p.startFiscalYear, endFiscalYear: p.endFiscalYear });
    planChange("period", period(a), period(b));
  }
  return changes;
}

/** The changes of an item both sides hold: names, its home, its re-listings, its attributes. */
function itemChanges(
  A: Side,
  B: Side,
  ai: SnapshotItem,
  bi: SnapshotItem,
  byParent: (x: string | null, y: string | null) => number,
): Change[] {
  const changes: Change[] = [];
  const ref = refTo(bi);
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
  return changes;
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
