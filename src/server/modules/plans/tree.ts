/**
 * Builds the displayed tree of a plan from its items and placements. Pure: no I/O.
 * An item with several placements (再掲) appears under each parent; the extra ones are marked relisted.
 */
export interface TreeItem {
  id: string;
  level: number;
  code: string | null;
  title: string;
}
export interface TreePlacement {
  itemId: string;
  parentItemId: string | null;
  position: number;
  relisted: boolean;
}
export interface TreeNode<T extends TreeItem> {
  item: T;
  relisted: boolean;
  children: TreeNode<T>[];
}

export function buildTree<T extends TreeItem>(items: T[], placements: TreePlacement[]): TreeNode<T>[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const childrenOf = new Map<string | null, TreePlacement[]>();
  for (const p of placements) {
    const list = childrenOf.get(p.parentItemId) ?? [];
    list.push(p);
    childrenOf.set(p.parentItemId, list);
  }
  for (const list of childrenOf.values()) list.sort((a, b) => a.position - b.position);
  const visiting = new Set<string>();
  const build = (parentId: string | null): TreeNode<T>[] => {
    const out: TreeNode<T>[] = [];
    for (const p of childrenOf.get(parentId) ?? []) {
      const item = byId.get(p.itemId);
      // a cycle cannot be created through the API; skip defensively rather than recurse forever
      if (!item || visiting.has(item.id)) continue;
      visiting.add(item.id);
      out.push({ item, relisted: p.relisted, children: build(item.id) });
      visiting.delete(item.id);
    }
    return out;
  };
  return build(null);
}

/** Tree order (depth first), each item once at its home placement. */
export function flattenTree<T extends TreeItem>(roots: TreeNode<T>[]): T[] {
  const out: T[] = [];
  const walk = (nodes: TreeNode<T>[]) => {
    for (const n of nodes) {
      if (!n.relisted) out.push(n.item);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}
