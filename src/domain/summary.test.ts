import { describe, expect, it } from "vitest";
import { FOUR_STEP_SCALE, MEGURO_SCALE } from "./grades";
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

/** No project of any grade (counts), or none of them (percentages), on the MEGURO scale. */
const NONE = { AA: 0, A: 0, B: 0, C: 0, D: 0 };

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
    expect(g.m4).toMatchObject({ counts: NONE, ungraded: 0, graded: 0, projects: 0, percentages: NONE });
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
    ["ungraded", { grade: "ungraded" }, NONE, 1],
    ["nothing matches", { departmentId: "none" }, NONE, 0],
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
