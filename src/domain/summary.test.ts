import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FOUR_STEP_SCALE, type GradeScale, MEGURO_SCALE } from "./grades";
import { computeSummary, formatPercentage, type SummaryFilter, type SummaryGroup, type SummaryNode } from "./summary";

type ProjectInput = NonNullable<SummaryNode["project"]>;

let nextId = 0;
function project(
  itemId: string,
  grade: string | null,
  extra: Partial<Omit<ProjectInput, "itemId" | "grade">> = {},
  level = 3,
): SummaryNode {
  return {
    id: `n${nextId++}`,
    level,
    code: null,
    title: `事業${itemId}`,
    children: [],
    project: { itemId, grade, isNew: false, isPriority: false, departmentIds: ["d1"], ...extra },
  };
}

function heading(id: string, level: number, code: string, children: SummaryNode[]): SummaryNode {
  return { id, level, code, title: `見出し${code}`, children };
}

/*
 * 基本目標1 (g1)
 *   施策1 (m1): p1 AA(新規), p2 A, p3 B(重点), p4 未評価, note (leaf without project)
 *   施策2 (m2): p5 B(d2), p6 D, p2 A 再掲
 * 基本目標2 (g2)
 *   施策1 (m3): p7 C (d1,d2), p1 AA 再掲
 *   施策2 (m4): (empty heading with one non-project leaf)
 */
function sampleTree(): SummaryNode[] {
  return [
    heading("g1", 1, "1", [
      heading("m1", 2, "1", [
        project("p1", "AA", { isNew: true }),
        project("p2", "A"),
        project("p3", "B", { isPriority: true }),
        project("p4", null),
        { id: "note", level: 3, code: null, title: "（参考）", children: [] },
      ]),
      heading("m2", 2, "2", [
        project("p5", "B", { departmentIds: ["d2"] }),
        project("p6", "D"),
        project("p2", "A", { relisted: true }),
      ]),
    ]),
    heading("g2", 1, "2", [
      heading("m3", 2, "1", [
        project("p7", "C", { departmentIds: ["d1", "d2"] }),
        project("p1", "AA", { isNew: true, relisted: true }),
      ]),
      heading("m4", 2, "2", [{ id: "empty", level: 3, code: null, title: "（なし）", children: [] }]),
    ]),
  ];
}

function byId(groups: SummaryGroup[]): Record<string, SummaryGroup> {
  return Object.fromEntries(groups.map((g) => [g.nodeId, g]));
}

describe("computeSummary on a small tree", () => {
  it("lists every heading in tree order with its counts", () => {
    const { groups } = computeSummary(sampleTree(), MEGURO_SCALE);
    expect(groups.map((g) => g.nodeId)).toEqual(["g1", "m1", "m2", "g2", "m3", "m4"]);
    const g = byId(groups);
    expect(g.m1).toMatchObject({
      level: 2,
      code: "1",
      title: "見出し1",
      counts: { AA: 1, A: 1, B: 1, C: 0, D: 0 },
      ungraded: 1,
      graded: 3,
      projects: 4,
      percentages: { AA: 33.3, A: 33.3, B: 33.3, C: 0, D: 0 },
    });
    expect(g.m2).toMatchObject({ counts: { AA: 0, A: 1, B: 1, C: 0, D: 1 }, ungraded: 0, projects: 3 });
    expect(g.g1).toMatchObject({
      counts: { AA: 1, A: 1, B: 2, C: 0, D: 1 }, // p2 appears in both 施策 but once in 基本目標1
      ungraded: 1,
      graded: 5,
      projects: 6,
      percentages: { AA: 20, A: 20, B: 40, C: 0, D: 20 },
    });
    expect(g.g2).toMatchObject({ counts: { AA: 1, A: 0, B: 0, C: 1, D: 0 }, projects: 2 });
    expect(g.m4).toMatchObject({
      counts: { AA: 0, A: 0, B: 0, C: 0, D: 0 },
      ungraded: 0,
      graded: 0,
      projects: 0,
      percentages: { AA: 0, A: 0, B: 0, C: 0, D: 0 },
    });
  });

  it("counts re-listed projects once in the grand total", () => {
    const { total } = computeSummary(sampleTree(), MEGURO_SCALE);
    expect(total).toEqual({
      counts: { AA: 1, A: 1, B: 2, C: 1, D: 1 },
      ungraded: 1,
      graded: 6,
      projects: 7,
      percentages: { AA: 16.7, A: 16.7, B: 33.3, C: 16.7, D: 16.7 },
    });
  });

  it("keeps counts in scale order with every code present", () => {
    const { total } = computeSummary(sampleTree(), MEGURO_SCALE);
    expect(Object.keys(total.counts)).toEqual(["AA", "A", "B", "C", "D"]);
    expect(Object.keys(total.percentages)).toEqual(["AA", "A", "B", "C", "D"]);
  });

  it.each<[string, SummaryFilter, Record<string, number>, number]>([
    ["department d2", { departmentId: "d2" }, { AA: 0, A: 0, B: 1, C: 1, D: 0 }, 0],
    ["new projects", { isNew: true }, { AA: 1, A: 0, B: 0, C: 0, D: 0 }, 0],
    ["not new", { isNew: false }, { AA: 0, A: 1, B: 2, C: 1, D: 1 }, 1],
    ["priority", { isPriority: true }, { AA: 0, A: 0, B: 1, C: 0, D: 0 }, 0],
    ["grade B", { grade: "B" }, { AA: 0, A: 0, B: 2, C: 0, D: 0 }, 0],
    ["ungraded", { grade: "ungraded" }, { AA: 0, A: 0, B: 0, C: 0, D: 0 }, 1],
    ["nothing matches", { departmentId: "none" }, { AA: 0, A: 0, B: 0, C: 0, D: 0 }, 0],
    ["combined", { departmentId: "d1", isPriority: false }, { AA: 1, A: 1, B: 0, C: 1, D: 1 }, 1],
  ])("filters by %s before counting", (_name, filter, counts, ungraded) => {
    const { total, groups } = computeSummary(sampleTree(), MEGURO_SCALE, filter);
    expect(total.counts).toEqual(counts);
    expect(total.ungraded).toBe(ungraded);
    // headings stay listed even when nothing in them passes the filter
    expect(groups).toHaveLength(6);
  });

  it("counts grades outside the scale as ungraded", () => {
    const roots = [heading("g", 1, "1", [project("x", "AA"), project("y", "A"), project("z", "Z")])];
    const { total } = computeSummary(roots, FOUR_STEP_SCALE);
    expect(total.counts).toEqual({ A: 1, B: 0, C: 0, D: 0 });
    expect(total.ungraded).toBe(2);
    expect(total.percentages).toEqual({ A: 100, B: 0, C: 0, D: 0 });
    expect(computeSummary(roots, FOUR_STEP_SCALE, { grade: "ungraded" }).total.projects).toBe(2);
  });

  it("handles plans with deeper or shallower headings", () => {
    const deep = [heading("a", 1, "1", [heading("b", 2, "1", [heading("c", 3, "1", [project("p", "B", {}, 4)])])])];
    const { groups, total } = computeSummary(deep, MEGURO_SCALE);
    expect(groups.map((g) => [g.nodeId, g.level, g.projects])).toEqual([
      ["a", 1, 1],
      ["b", 2, 1],
      ["c", 3, 1],
    ]);
    expect(total.projects).toBe(1);
    const flat = [project("p", "A", {}, 1), project("q", null, {}, 1)];
    expect(computeSummary(flat, MEGURO_SCALE)).toMatchObject({ groups: [], total: { projects: 2, graded: 1 } });
    expect(computeSummary([], MEGURO_SCALE).total).toMatchObject({ projects: 0, graded: 0, percentages: { AA: 0 } });
  });

  it("uses the original placement's data for a re-listed project", () => {
    const roots = [
      heading("g1", 1, "1", [project("p", "A", { relisted: true })]),
      heading("g2", 1, "2", [project("p", "B")]),
    ];
    expect(computeSummary(roots, MEGURO_SCALE).total.counts).toMatchObject({ A: 0, B: 1 });
  });

  it("rounds half up on the exact fraction", () => {
    const grades = ["A", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B"]; // 1/16 = 6.25%
    const roots = [
      heading(
        "g",
        1,
        "1",
        grades.map((gr, i) => project(`r${i}`, gr)),
      ),
    ];
    expect(computeSummary(roots, FOUR_STEP_SCALE).total.percentages).toEqual({ A: 6.3, B: 93.8, C: 0, D: 0 });
    const thirds = [heading("g", 1, "1", [project("x", "A"), project("y", "A"), project("z", "B")])];
    expect(computeSummary(thirds, FOUR_STEP_SCALE).total.percentages).toMatchObject({ A: 66.7, B: 33.3 });
  });
});

describe("formatPercentage", () => {
  it.each([
    [41.6, "41.6%"],
    [0, "0.0%"],
    [100, "100.0%"],
    [33.3, "33.3%"],
    [5, "5.0%"],
    [Number.NaN, "－"],
  ])("%d → %s", (n, expected) => {
    expect(formatPercentage(n)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

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
        const byNode = byId(groups);
        const codes = new Set(scale.map((g) => g.code));
        // contribution of one child: its group's tally, or the project itself
        const contribution = (n: SummaryNode): { counts: Record<string, number>; ungraded: number } => {
          const counts: Record<string, number> = Object.fromEntries(scale.map((g) => [g.code, 0]));
          let ungraded = 0;
          if (n.project && passes(n.project, filter, scale)) {
            if (n.project.grade !== null && codes.has(n.project.grade)) counts[n.project.grade] = 1;
            else ungraded = 1;
          }
          const group = byNode[n.id];
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
          const group = byNode[n.id];
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
