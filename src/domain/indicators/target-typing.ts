/**
 * The typed reading of a target as columns beside its source: what the indicator tables store and a plan revision
 * freezes. The columns are re-typed whenever the ladder changes, so they always say what parseTarget says.
 */
import type { Target } from "./target";

export interface TargetTyping {
  kind: string;
  comparator: string | null;
  value: number | null;
  unit: string | null;
  step: string | null;
  rank: number | null;
}

const TYPING_COLUMNS = ["kind", "comparator", "value", "unit", "step", "rank"] as const;

/** The columns stored next to a target's source. */
export function typingOf(t: Target): TargetTyping {
  switch (t.kind) {
    case "numeric":
      return { kind: t.kind, comparator: t.comparator, value: t.value, unit: t.unit, step: null, rank: null };
    case "milestone":
      return { kind: t.kind, comparator: null, value: null, unit: null, step: t.step, rank: t.rank };
    default:
      return { kind: t.kind, comparator: null, value: null, unit: null, step: null, rank: null };
  }
}

/** The same typed reading; a column an older snapshot does not carry counts as null. */
export function sameTyping(a: TargetTyping, b: TargetTyping): boolean {
  return TYPING_COLUMNS.every((column) => (a[column] ?? null) === (b[column] ?? null));
}
