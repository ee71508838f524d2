/**
 * A plan revision (ローリング方式) is a frozen copy of the whole plan as JSON: this is its shape. Pure types plus
 * the tree walk the diff and its tests share; no I/O.
 *
 * Items keep their ids across revisions (the live tables are the working copy and every revision is frozen from
 * them), so two snapshots are compared by id, never by matching titles.
 */

import type { TargetTyping } from "../indicators/target-typing.js";
import { compareCodes } from "../plan-items.js";

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotPlan {
  title: string;
  levelNames: string[];
  gradeScale: { code: string; label: string }[];
  startFiscalYear: number;
  endFiscalYear: number;
}

export interface SnapshotItem {
  id: string;
  level: number;
  code: string | null;
  title: string;
  summary: string | null;
  isNew: boolean;
  isPriority: boolean;
  category: string | null;
  majorMeasure: string | null;
  constituentPlans: string[];
  /** in their stored order (the first one leads) */
  departmentIds: string[];
  /** the departments' names when the snapshot was taken (組織改正 renames later do not change a frozen revision) */
  departmentNames: string[];
}

/** Where an item is shown. The one with relisted = false is its home; relisted ones are 再掲. */
export interface SnapshotPlacement {
  itemId: string;
  parentItemId: string | null;
  position: number;
  relisted: boolean;
}

export interface SnapshotIndicator {
  id: string;
  /** null: an indicator of the plan as a whole */
  itemId: string | null;
  kind: string;
  name: string;
  baselineSource: string | null;
}

/** A target with its typed reading next to its source text. */
export interface SnapshotTarget extends TargetTyping {
  indicatorId: string;
  fiscalYear: number;
  source: string;
}

export interface PlanSnapshot {
  format: number;
  /** who froze it (login or "cli:<os user>"); informative only, never compared */
  frozenBy?: string | null;
  plan: SnapshotPlan;
  items: SnapshotItem[];
  placements: SnapshotPlacement[];
  indicators: SnapshotIndicator[];
  targets: SnapshotTarget[];
}

/**
 * The items of a snapshot in tree order: depth first from the top level, siblings by position, each item once at
 * its home placement. Items that the tree does not reach (no home placement, or under a missing parent) follow,
 * by level, code and id, so that every item has a place in the order.
 */
export function treeOrder(snapshot: Pick<PlanSnapshot, "items" | "placements">): SnapshotItem[] {
  const byId = new Map(snapshot.items.map((i) => [i.id, i]));
  const homes = new Map<string | null, SnapshotPlacement[]>();
  for (const p of snapshot.placements) {
    if (p.relisted) continue;
    const list = homes.get(p.parentItemId);
    if (list) list.push(p);
    else homes.set(p.parentItemId, [p]);
  }
  for (const list of homes.values()) list.sort((a, b) => a.position - b.position || compareText(a.itemId, b.itemId));
  const out: SnapshotItem[] = [];
  const seen = new Set<string>();
  // iterative depth-first walk: a deep or (defensively) cyclic tree cannot overflow the stack
  const stack: (string | null)[] = [];
  const pushChildren = (parent: string | null) => {
    const children = homes.get(parent) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push((children[i] as SnapshotPlacement).itemId);
  };
  pushChildren(null);
  while (stack.length) {
    const id = stack.pop() as string;
    const item = byId.get(id);
    if (!item || seen.has(id)) continue;
    seen.add(id);
    out.push(item);
    pushChildren(id);
  }
  if (out.length < snapshot.items.length) {
    const rest = snapshot.items.filter((i) => !seen.has(i.id));
    rest.sort((a, b) => a.level - b.level || compareCodes(a.code, b.code) || compareText(a.id, b.id));
    out.push(...rest);
  }
  return out;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
