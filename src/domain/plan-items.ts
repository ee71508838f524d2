/**
 * How a plan's items are ordered (by their code) and which of its levels is evaluated: one rule for the sheets,
 * the 総括表, the indicators, the exports, the revision snapshots and the document parsers.
 */

/**
 * Item codes as a reader orders them: "1-2-10" after "1-2-9" (digit runs, half- or full-width, compare as numbers),
 * a parent before its children, letters and kana in Japanese order; items without a code come last.
 */
export function compareCodes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}

const collator = new Intl.Collator("ja", { numeric: true });

/** The levels of a plan and the one it evaluates (plans.evaluation_level; null = the last level). */
export interface LevelledPlan {
  levelNames: readonly string[];
  evaluationLevel: number | null;
}

/**
 * The level whose items get the yearly evaluation sheets, are the projects of the 総括表 and the rows of the
 * indicator list: the plan's evaluation level (実施計画: 重点取組, with 取組内容 below), or its last level (事業)
 * when none is set or the set one is not a level of the plan.
 */
export function evaluationLevelOf(plan: LevelledPlan): number {
  const last = Math.max(0, plan.levelNames.length - 1);
  const set = plan.evaluationLevel;
  return set !== null && Number.isInteger(set) && set >= 0 && set <= last ? set : last;
}
