/** Properties of the 総括表 computation over generated trees, filters and scales (examples: summary.test.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FOUR_STEP_SCALE, type GradeScale, MEGURO_SCALE } from "./grades";
import { computeSummary, type SummaryFilter, type SummaryNode } from "./summary";

const SCALES: GradeScale[] = [MEGURO_SCALE, FOUR_STEP_SCALE, [{ code: "OK", label: "可" }]];

interface ItemData {
  grade: string | null;
  isNew: boolean;
  isPriority: boolean;
  departmentIds: string[];
}

/** A tree shape: numbers are leaves (a project slot, or a plain note when negative), arrays are headings. */
type Shape = number | Shape[];

const shapeArb: fc.Arbitrary<Shape[]> = fc.letrec<{ node: Shape; forest: Shape[] }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: "tree" },
    fc.integer({ min: -1, max: 1000 }),
    tie("forest") as fc.Arbitrary<Shape>,
  ),
  forest: fc.array(tie("node"), { minLength: 0, maxLength: 4, depthIdentifier: "tree" }),
})).forest;

function itemArb(scale: GradeScale): fc.Arbitrary<ItemData> {
  return fc.record({
    grade: fc.oneof(fc.constantFrom(...scale.map((g) => g.code)), fc.constant(null), fc.constant("ZZ")),
    isNew: fc.boolean(),
    isPriority: fc.boolean(),
    departmentIds: fc.subarray(["d1", "d2", "d3"]),
  });
}

function filterArb(scale: GradeScale): fc.Arbitrary<SummaryFilter> {
  return fc.record(
    {
      departmentId: fc.constantFrom("d1", "d2", "d3"),
      grade: fc.constantFrom<string>(...scale.map((g) => g.code), "ungraded"),
      isNew: fc.boolean(),
      isPriority: fc.boolean(),
    },
    { requiredKeys: [] },
  );
}

/**
 * Build a tree from a shape. With `relist`, leaf slots pick items from a small pool so the same itemId recurs;
 * the first placement in tree order is the original and later ones are 再掲. Otherwise every slot is its own item.
 */
function buildTree(shape: Shape[], items: ItemData[], relist: boolean): SummaryNode[] {
  let counter = 0;
  const seen = new Set<string>();
  const build = (s: Shape, level: number): SummaryNode => {
    const id = `n${counter++}`;
    if (Array.isArray(s)) {
      return { id, level, code: String(counter), title: id, children: s.map((c) => build(c, level + 1)) };
    }
    if (s < 0 || items.length === 0) return { id, level, code: null, title: "note", children: [] };
    const index = relist ? s % items.length : counter;
    const item = items[index % items.length] as ItemData;
    const itemId = relist ? `i${index}` : `u${counter}`;
    const relisted = seen.has(itemId);
    seen.add(itemId);
    return {
      id,
      level,
      code: null,
      title: itemId,
      children: [],
      project: { itemId, ...item, departmentIds: [...item.departmentIds], relisted },
    };
  };
  return shape.map((s) => build(s, 1));
}

function passes(item: ItemData, filter: SummaryFilter, scale: GradeScale): boolean {
  const grade = item.grade !== null && scale.some((g) => g.code === item.grade) ? item.grade : null;
  if (filter.departmentId !== undefined && !item.departmentIds.includes(filter.departmentId)) return false;
  if (filter.isNew !== undefined && item.isNew !== filter.isNew) return false;
  if (filter.isPriority !== undefined && item.isPriority !== filter.isPriority) return false;
  if (filter.grade !== undefined && (filter.grade === "ungraded" ? grade !== null : grade !== filter.grade))
    return false;
  return true;
}

function collectProjects(nodes: SummaryNode[], out: NonNullable<SummaryNode["project"]>[] = []) {
  for (const n of nodes) {
    if (n.project) out.push(n.project);
    collectProjects(n.children, out);
  }
  return out;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const caseArb = fc.constantFrom(...SCALES).chain((scale) =>
  fc.record({
    scale: fc.constant(scale),
    shape: shapeArb,
    items: fc.array(itemArb(scale), { minLength: 1, maxLength: 8 }),
    filter: fc.oneof(fc.constant<SummaryFilter>({}), filterArb(scale)),
    relist: fc.boolean(),
  }),
);

describe("computeSummary properties", () => {
  it("every tally is internally consistent", () => {
    fc.assert(
      fc.property(caseArb, ({ scale, shape, items, filter, relist }) => {
        const { groups, total } = computeSummary(buildTree(shape, items, relist), scale, filter);
        for (const t of [...groups, total]) {
          const counted = sum(scale.map((g) => t.counts[g.code] ?? Number.NaN));
          expect(Object.keys(t.counts)).toEqual(scale.map((g) => g.code));
          expect(t.graded).toBe(counted);
          expect(counted + t.ungraded).toBe(t.projects);
          const pct = sum(scale.map((g) => t.percentages[g.code] ?? Number.NaN));
          if (t.graded > 0) expect(Math.abs(pct - 100)).toBeLessThanOrEqual(0.1 * scale.length + 1e-9);
          else expect(pct).toBe(0);
          for (const g of scale) {
            const p = t.percentages[g.code] ?? Number.NaN;
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(100);
            expect(Math.round(p * 10) / 10).toBe(p);
          }
        }
      }),
    );
  });

  it("lists exactly the non-leaf nodes, in tree order", () => {
    fc.assert(
      fc.property(caseArb, ({ scale, shape, items, relist }) => {
        const roots = buildTree(shape, items, relist);
        const expected: string[] = [];
        const walk = (n: SummaryNode) => {
          if (n.children.length > 0) expected.push(n.id);
          n.children.forEach(walk);
        };
        roots.forEach(walk);
        expect(computeSummary(roots, scale).groups.map((g) => g.nodeId)).toEqual(expected);
      }),
    );
  });

  it("the total counts each distinct itemId that passes the filter once", () => {
    fc.assert(
      fc.property(caseArb, ({ scale, shape, items, filter, relist }) => {
        const roots = buildTree(shape, items, relist);
        const distinct = new Map<string, ItemData>();
        for (const p of collectProjects(roots)) if (passes(p, filter, scale)) distinct.set(p.itemId, p);
        const { total } = computeSummary(roots, scale, filter);
        expect(total.projects).toBe(distinct.size);
        for (const g of scale) {
          expect(total.counts[g.code]).toBe([...distinct.values()].filter((d) => d.grade === g.code).length);
        }
      }),
    );
  });

  it("without 再掲, a heading's counts are the sum of its children's", () => {
    fc.assert(
      fc.property(caseArb, ({ scale, shape, items, filter }) => {
        const roots = buildTree(shape, items, false);
        const { groups, total } = computeSummary(roots, scale, filter);
        const byNode = new Map(groups.map((g) => [g.nodeId, g]));
        const codes = new Set(scale.map((g) => g.code));
        // contribution of one child: its group's tally, or the project itself
        const contribution = (n: SummaryNode): { counts: Record<string, number>; ungraded: number } => {
          const counts: Record<string, number> = Object.fromEntries(scale.map((g) => [g.code, 0]));
          let ungraded = 0;
          if (n.project && passes(n.project, filter, scale)) {
            if (n.project.grade !== null && codes.has(n.project.grade)) counts[n.project.grade] = 1;
            else ungraded = 1;
          }
          const group = byNode.get(n.id);
          if (group) {
            for (const g of scale) counts[g.code] = (counts[g.code] ?? 0) + (group.counts[g.code] ?? 0);
            ungraded += group.ungraded;
          }
          return { counts, ungraded };
        };
        const check = (parentCounts: Record<string, number>, parentUngraded: number, children: SummaryNode[]) => {
          const parts = children.map(contribution);
          for (const g of scale) expect(parentCounts[g.code]).toBe(sum(parts.map((p) => p.counts[g.code] ?? 0)));
          expect(parentUngraded).toBe(sum(parts.map((p) => p.ungraded)));
        };
        const walk = (n: SummaryNode) => {
          const group = byNode.get(n.id);
          if (group) check(group.counts, group.ungraded, n.children);
          n.children.forEach(walk);
        };
        roots.forEach(walk);
        check(total.counts, total.ungraded, roots);
      }),
    );
  });

  it("with 再掲, a group never counts a project twice and never more than the total", () => {
    fc.assert(
      fc.property(caseArb, ({ scale, shape, items, filter }) => {
        const roots = buildTree(shape, items, true);
        const { groups, total } = computeSummary(roots, scale, filter);
        for (const g of groups) {
          for (const { code } of scale) expect(g.counts[code] ?? 0).toBeLessThanOrEqual(total.counts[code] ?? 0);
          expect(g.projects).toBeLessThanOrEqual(total.projects);
        }
      }),
    );
  });
});
