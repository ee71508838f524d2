/**
 * Which plan items a committee reviews. A 小委員会 covers some constituent-plan marks (高・障・後 …) and gets the
 * items whose marks meet its own; the 推進委員会 and the 推進会議 get every item unless the plan office gave them
 * marks too. An item without marks therefore goes only to the committees that take everything.
 */

export interface RoutedCommittee {
  id: string;
  kind: "internal_council" | "committee" | "subcommittee";
  /** the constituent-plan marks the committee covers; empty means every item (a 小委員会 always has some) */
  marks: readonly string[];
}

export interface RoutableItem {
  id: string;
  marks: readonly string[];
}

/** Does this committee review this item? */
export function reviewsItem(committee: RoutedCommittee, item: RoutableItem): boolean {
  if (committee.marks.length === 0) return committee.kind !== "subcommittee";
  return item.marks.some((m) => committee.marks.includes(m));
}

/** The items a committee reviews, in the order given. */
export function itemsForCommittee<T extends RoutableItem>(committee: RoutedCommittee, items: readonly T[]): T[] {
  return items.filter((item) => reviewsItem(committee, item));
}

/** For each item, the committees that review it (an item with two marks goes to both of their 小委員会). */
export function committeesByItem(
  committees: readonly RoutedCommittee[],
  items: readonly RoutableItem[],
): Map<string, string[]> {
  return new Map(items.map((item) => [item.id, committees.filter((c) => reviewsItem(c, item)).map((c) => c.id)]));
}

/** A member's term as dates (YYYY-MM-DD, inclusive); an open end means still serving. */
export interface Term {
  termFrom: string;
  termTo: string | null;
}

/** Is the member serving on this day (YYYY-MM-DD, Japan's date)? */
export function inTerm(term: Term, today: string): boolean {
  return term.termFrom <= today && (term.termTo === null || today <= term.termTo);
}

/**
 * An item's marks for routing: its own and those of the headings above it (along its home placement), since plans
 * often mark the 施策 and not each of its projects.
 */
export function marksWithAncestors(
  items: readonly { id: string; constituentPlans: readonly string[] }[],
  placements: readonly { itemId: string; parentItemId: string | null; relisted: boolean }[],
): RoutableItem[] {
  const own = new Map(items.map((i) => [i.id, i.constituentPlans]));
  const parent = new Map(placements.filter((p) => !p.relisted).map((p) => [p.itemId, p.parentItemId]));
  return items.map((item) => {
    const marks = new Set<string>();
    const seen = new Set<string>();
    for (let at: string | null = item.id; at && !seen.has(at); at = parent.get(at) ?? null) {
      seen.add(at);
      for (const m of own.get(at) ?? []) marks.add(m);
    }
    return { id: item.id, marks: [...marks] };
  });
}
