/**
 * The 総括表 (evaluation summary): how many projects got each grade, per heading of the plan and in total.
 *
 * Plans nest their headings differently (基本目標 › 施策, or 基本目標 › 施策 › 取組, …), so every non-leaf node of
 * the tree is a group, whatever its depth.
 */

import type { GradeScale } from "./grades";

export interface SummaryProject {
  itemId: string;
  grade: string | null;
  isNew: boolean;
  isPriority: boolean;
  departmentIds: string[];
  /** true on the extra placements of a project listed under more than one heading (再掲) */
  relisted?: boolean;
}

export interface SummaryNode {
  id: string;
  level: number;
  code: string | null;
  title: string;
  children: SummaryNode[];
  /** present on leaf projects */
  project?: SummaryProject;
}

export interface SummaryFilter {
  departmentId?: string;
  /** a grade code of the scale, or "ungraded" for projects without a grade */
  grade?: string | "ungraded";
  isNew?: boolean;
  isPriority?: boolean;
}

export interface GradeTally {
  /** every code of the scale, zero included, inserted in scale order */
  counts: Record<string, number>;
  /** projects without a grade of the scale */
  ungraded: number;
  /** projects with a grade of the scale (= sum of counts) */
  graded: number;
  /** graded + ungraded */
  projects: number;
  /** each code's share of the graded projects in percent, one decimal (see roundedPercentage); all 0 if none graded */
  percentages: Record<string, number>;
}

export interface SummaryGroup extends GradeTally {
  nodeId: string;
  level: number;
  code: string | null;
  title: string;
}

export interface Summary {
  /** every non-leaf node, in tree order (a heading before its sub-headings) */
  groups: SummaryGroup[];
  total: GradeTally;
}

/**
 * A project's share in percent with one decimal, rounded half up on the exact fraction.
 * Computed in integers (tenths of a percent) so 1/3 gives 33.3 and 1/16 gives 6.3, never a binary-float artefact
 * such as 6.25 → 6.2. The result is the nearest double to that one-decimal value.
 */
function roundedPercentage(count: number, graded: number): number {
  if (graded <= 0) return 0;
  const tenths = Math.floor((2 * count * 1000 + graded) / (2 * graded));
  return tenths / 10;
}

/** "41.6%": always one decimal, as printed in the 総括表. Meant for values from computeSummary (already rounded). */
export function formatPercentage(n: number): string {
  if (!Number.isFinite(n)) return "－";
  return `${n.toFixed(1)}%`;
}

/** The grade a project is counted under: grades outside the scale (stale or mistyped data) count as 未評価. */
function effectiveGrade(project: SummaryProject, codes: ReadonlySet<string>): string | null {
  return project.grade !== null && codes.has(project.grade) ? project.grade : null;
}

function matches(project: SummaryProject, filter: SummaryFilter, codes: ReadonlySet<string>): boolean {
  if (filter.departmentId !== undefined && !project.departmentIds.includes(filter.departmentId)) return false;
  if (filter.isNew !== undefined && project.isNew !== filter.isNew) return false;
  if (filter.isPriority !== undefined && project.isPriority !== filter.isPriority) return false;
  if (filter.grade !== undefined) {
    const grade = effectiveGrade(project, codes);
    if (filter.grade === "ungraded" ? grade !== null : grade !== filter.grade) return false;
  }
  return true;
}

/** Projects of a subtree by itemId: one placement per project. */
type Placements = Map<string, SummaryProject>;

/**
 * Keep one placement per itemId. The original placement wins over a 再掲 one so the project's own data is what
 * gets counted; between two placements of the same kind the first in tree order stays.
 */
function addPlacement(into: Placements, project: SummaryProject): void {
  const existing = into.get(project.itemId);
  if (existing === undefined || (existing.relisted === true && project.relisted !== true)) {
    into.set(project.itemId, project);
  }
}

function tally(placements: Placements, scale: Readonly<GradeScale>, codes: ReadonlySet<string>): GradeTally {
  const counts: Record<string, number> = {};
  for (const { code } of scale) counts[code] = 0;
  let ungraded = 0;
  for (const project of placements.values()) {
    const grade = effectiveGrade(project, codes);
    if (grade === null) ungraded += 1;
    else counts[grade] = (counts[grade] ?? 0) + 1;
  }
  let graded = 0;
  for (const { code } of scale) graded += counts[code] ?? 0;
  const percentages: Record<string, number> = {};
  for (const { code } of scale) percentages[code] = roundedPercentage(counts[code] ?? 0, graded);
  return { counts, ungraded, graded, projects: graded + ungraded, percentages };
}

/**
 * Count grades per group and in total.
 *
 * - Only nodes carrying `project` are counted; leaves without one (notes, empty headings) are ignored, and a heading
 *   with no projects still appears with zeros.
 * - The filter is applied to each project placement before counting.
 * - 再掲: a project placed under several headings counts in every group it appears in, but once per group even when
 *   it appears twice inside the same heading, and the grand total counts each itemId once, because it is one
 *   project. This is why a heading's counts can be less than the sum of its sub-headings when projects are re-listed.
 * - If a node has both `project` and children, the project counts in its ancestors' groups and the node is also a
 *   group of its descendants.
 *
 * The scale is expected to pass validateGradeScale (duplicate codes would share one count).
 */
export function computeSummary(roots: SummaryNode[], scale: Readonly<GradeScale>, filter: SummaryFilter = {}): Summary {
  const codes = new Set(scale.map((g) => g.code));
  // A group's slot is reserved before its children are visited (pre-order) so headings come out in tree order,
  // while its counts can only be filled in after them (post-order).
  const slots: (SummaryGroup | undefined)[] = [];

  const visit = (node: SummaryNode): Placements => {
    const below: Placements = new Map();
    const isGroup = node.children.length > 0;
    const slot = slots.length;
    if (isGroup) slots.push(undefined);
    for (const child of node.children) {
      if (child.project !== undefined && matches(child.project, filter, codes)) addPlacement(below, child.project);
      for (const placement of visit(child).values()) addPlacement(below, placement);
    }
    if (isGroup) {
      const { id: nodeId, level, code, title } = node;
      slots[slot] = { nodeId, level, code, title, ...tally(below, scale, codes) };
    }
    return below;
  };

  const all: Placements = new Map();
  for (const root of roots) {
    if (root.project !== undefined && matches(root.project, filter, codes)) addPlacement(all, root.project);
    for (const placement of visit(root).values()) addPlacement(all, placement);
  }
  const groups = slots.filter((g): g is SummaryGroup => g !== undefined);
  return { groups, total: tally(all, scale, codes) };
}
