/**
 * The changes of one indicator between the two sides of a diff: added or removed as a whole (with its targets), or
 * its own fields, the item it belongs to and its targets year by year.
 */
import { type ChangeRef, indicatorValue, refOf, type Side, sameTarget, targetValue } from "./diff-side.js";
import type { Change, ChangeField, ChangeType } from "./diff-types.js";
import type { SnapshotIndicator } from "./snapshot.js";

/** An indicator as `a` and `b` hold it: only in b (added), only in a (removed), or in both. */
export interface IndicatorPair {
  aInd?: SnapshotIndicator;
  bInd?: SnapshotIndicator;
}

/** The fields compared as they are, in the order their changes are listed. */
const INDICATOR_FIELDS: readonly {
  field: ChangeField;
  type: ChangeType;
  value: (i: SnapshotIndicator) => string | null;
}[] = [
  { field: "indicator.name", type: "indicatorRenamed", value: (i) => i.name },
  { field: "indicator.kind", type: "indicatorChanged", value: (i) => i.kind },
  { field: "indicator.baselineSource", type: "indicatorChanged", value: (i) => i.baselineSource ?? null },
];

const named = (i: SnapshotIndicator) => ({ indicatorId: i.id, indicatorName: i.name });

const itemRef = ({ itemId, code, title }: ChangeRef) => ({ itemId, code, title });

export function indicatorChanges(A: Side, B: Side, { aInd, bInd }: IndicatorPair): Change[] {
  if (!aInd || !bInd) {
    // on one side only: added (b) or removed (a) as a whole, with its targets
    const added = bInd !== undefined;
    const only = bInd ?? aInd;
    if (!only) return [];
    const side = added ? B : A;
    const value = indicatorValue(side, only);
    return [
      {
        type: added ? "indicatorAdded" : "indicatorRemoved",
        ...refOf(side, only.itemId),
        field: "indicator",
        ...named(only),
        before: added ? null : value,
        after: added ? value : null,
      },
    ];
  }

  const ref = refOf(B, bInd.itemId);
  const ind = named(bInd);
  const changes: Change[] = [];
  for (const { field, type, value } of INDICATOR_FIELDS) {
    const before = value(aInd);
    const after = value(bInd);
    if (before !== after) changes.push({ type, ...ref, field, ...ind, before, after });
  }
  if (aInd.itemId !== bInd.itemId) {
    const before = itemRef(refOf(A, aInd.itemId));
    const after = itemRef(refOf(B, bInd.itemId));
    changes.push({ type: "indicatorChanged", ...ref, field: "indicator.item", ...ind, before, after });
  }
  // targets year by year: a year with a target on one side only is a change from or to null
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
  return changes;
}
