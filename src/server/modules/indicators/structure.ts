/**
 * The plan tree as the indicators module needs it: each item's home chain (the item, its parent, … up to its
 * 基本目標, following home placements only; 再掲 placements do not make an item "belong" elsewhere), who owns it,
 * and tree order. Pure: no I/O.
 *
 * Ownership (decided for issue 3):
 * - `departmentsOf(item)` (the 担当課 shown) are the item's own departments, or, when it has none, those of the
 *   nearest ancestor that has some (an activity without its own 担当課 is run by its initiative's).
 * - `ownersOf(item)` (who may see and enter its indicators) are the departments of the item AND of every ancestor.
 *   A department that owns an initiative (and so its evaluation sheet, which shows the indicators of the initiative
 *   and of its activities) sees every indicator on that sheet; a department that owns only one activity sees that
 *   activity's indicators.
 */
import { compareCodes } from "../../../domain/plan-items.js";

export interface StructureItem {
  id: string;
  level: number;
  code: string | null;
  title: string;
}

export interface HomePlacement {
  itemId: string;
  parentItemId: string | null;
  position: number;
}

const MAX_DEPTH = 16;

export class PlanStructure<T extends StructureItem = StructureItem> {
  readonly itemById: Map<string, T>;
  private readonly parentOf = new Map<string, string | null>();
  private readonly childrenOf = new Map<string | null, string[]>();
  private readonly ownDepartments = new Map<string, string[]>();
  private readonly chains = new Map<string, string[]>();
  /** item id → position in depth-first tree order (home placements); unplaced items come last by code */
  readonly order = new Map<string, number>();
  /** items in tree order */
  readonly ordered: T[] = [];

  constructor(items: T[], placements: HomePlacement[], itemDepartments: { itemId: string; departmentId: string }[]) {
    this.itemById = new Map(items.map((i) => [i.id, i]));
    const sorted = [...placements].sort((a, b) => a.position - b.position);
    for (const p of sorted) {
      if (!this.itemById.has(p.itemId) || this.parentOf.has(p.itemId)) continue;
      this.parentOf.set(p.itemId, p.parentItemId);
      const list = this.childrenOf.get(p.parentItemId) ?? [];
      list.push(p.itemId);
      this.childrenOf.set(p.parentItemId, list);
    }
    for (const d of itemDepartments) {
      const list = this.ownDepartments.get(d.itemId) ?? [];
      if (!list.includes(d.departmentId)) list.push(d.departmentId);
      this.ownDepartments.set(d.itemId, list);
    }
    const visit = (parentId: string | null, depth: number) => {
      if (depth > MAX_DEPTH) return;
      for (const id of this.childrenOf.get(parentId) ?? []) {
        const item = this.itemById.get(id);
        if (!item || this.order.has(id)) continue;
        this.order.set(id, this.order.size);
        this.ordered.push(item);
        visit(id, depth + 1);
      }
    };
    visit(null, 0);
    const rest = items.filter((i) => !this.order.has(i.id)).sort((a, b) => compareCodes(a.code ?? "", b.code ?? ""));
    for (const item of rest) {
      this.order.set(item.id, this.order.size);
      this.ordered.push(item);
    }
  }

  item(id: string | null): T | null {
    return id === null ? null : (this.itemById.get(id) ?? null);
  }

  /** The item and its ancestors, nearest first (home placements). */
  chain(itemId: string): string[] {
    const cached = this.chains.get(itemId);
    if (cached) return cached;
    const out: string[] = [];
    let current: string | null = itemId;
    while (current !== null && out.length <= MAX_DEPTH && !out.includes(current)) {
      out.push(current);
      current = this.parentOf.get(current) ?? null;
    }
    this.chains.set(itemId, out);
    return out;
  }

  /** The ancestor at `level` (or the item itself when it is at that level), or null. */
  ancestorAt(itemId: string, level: number): T | null {
    for (const id of this.chain(itemId)) {
      const item = this.itemById.get(id);
      if (item && item.level === level) return item;
    }
    return null;
  }

  /** The top of the item's home chain (its 基本目標). */
  root(itemId: string): T | null {
    const chain = this.chain(itemId);
    return this.item(chain[chain.length - 1] ?? null);
  }

  ownDepartmentsOf(itemId: string): string[] {
    return this.ownDepartments.get(itemId) ?? [];
  }

  /** The 担当課 shown: the item's own, or the nearest ancestor's. */
  departmentsOf(itemId: string): string[] {
    for (const id of this.chain(itemId)) {
      const own = this.ownDepartments.get(id);
      if (own && own.length > 0) return own;
    }
    return [];
  }

  /** Departments that may see (and enter actuals for) the item's indicators: the item's and every ancestor's. */
  ownersOf(itemId: string): string[] {
    const out: string[] = [];
    for (const id of this.chain(itemId)) {
      for (const d of this.ownDepartments.get(id) ?? []) if (!out.includes(d)) out.push(d);
    }
    return out;
  }

  /** Children in placement order (home placements only). */
  childrenOfItem(itemId: string | null): T[] {
    return (this.childrenOf.get(itemId) ?? []).map((id) => this.itemById.get(id)).filter((i): i is T => !!i);
  }

  /** The item's descendants (home placements), depth first. */
  descendants(itemId: string): T[] {
    const out: T[] = [];
    const walk = (id: string, depth: number) => {
      if (depth > MAX_DEPTH) return;
      for (const child of this.childrenOfItem(id)) {
        out.push(child);
        walk(child.id, depth + 1);
      }
    };
    walk(itemId, 0);
    return out;
  }

  /** True when `itemId` is `ancestorId` or below it. */
  isWithin(itemId: string, ancestorId: string): boolean {
    return this.chain(itemId).includes(ancestorId);
  }
}
