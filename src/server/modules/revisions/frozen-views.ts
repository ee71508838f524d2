/**
 * A frozen revision in the shapes the readers of the live tables use, so that a screen shows a superseded or the
 * in-force revision with the same code that shows the live state. Pure: no I/O.
 */
import type { PlanSnapshot, SnapshotItem } from "../../../domain/revisions/snapshot.js";
import { itemFields } from "../plans/presenter.js";

/** The plan's own settings as frozen (the live row's fields that a snapshot does not keep stay as they are). */
export function frozenPlan<
  P extends { title: string; levelNames: string[]; gradeScale: { code: string; label: string }[] },
>(live: P, snapshot: PlanSnapshot): P {
  return {
    ...live,
    title: snapshot.plan.title,
    levelNames: snapshot.plan.levelNames,
    gradeScale: snapshot.plan.gradeScale,
  };
}

export function frozenItems(snapshot: PlanSnapshot) {
  return snapshot.items.map((i) => ({
    ...itemFields(i),
    majorMeasure: i.majorMeasure,
    constituentPlans: i.constituentPlans,
  }));
}

/** Every placement (home and 再掲) in position order. */
export function frozenPlacements(snapshot: PlanSnapshot) {
  return [...snapshot.placements].sort((a, b) => a.position - b.position);
}

/** Each item's departments in their stored order. */
export function frozenItemDepartments(snapshot: PlanSnapshot) {
  return snapshot.items.flatMap((i) => i.departmentIds.map((departmentId) => ({ itemId: i.id, departmentId })));
}

/** The departments as they were named when the revision was frozen (組織改正 later does not rename them). */
export function frozenDepartmentNames(snapshot: PlanSnapshot): Map<string, string> {
  const names = new Map<string, string>();
  for (const i of snapshot.items) {
    i.departmentIds.forEach((id, k) => {
      names.set(id, i.departmentNames[k] ?? "");
    });
  }
  return names;
}

export function frozenItem(snapshot: PlanSnapshot, itemId: string): SnapshotItem | null {
  return snapshot.items.find((i) => i.id === itemId) ?? null;
}
