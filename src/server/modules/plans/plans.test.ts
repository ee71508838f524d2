import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";

const app = signedInApp({ office: "keikaku", korei: "korei" });

const planBody = {
  title: "テスト計画",
  kind: "実施計画",
  startFiscalYear: 2024,
  endFiscalYear: 2026,
  levelNames: ["基本目標", "施策", "取組"],
  gradeScale: [
    { code: "A", label: "達成" },
    { code: "B", label: "概ね達成" },
    { code: "C", label: "未達成" },
  ],
};

describe("plans and their tree", () => {
  it("validates a plan with field-named messages in Japanese", async () => {
    const res = await app.office.post("/api/plans", {
      ...planBody,
      title: "",
      endFiscalYear: 2020,
      gradeScale: [
        { code: "A", label: "x" },
        { code: "A", label: "y" },
      ],
    });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      res.body.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(byField.title).toBe("計画名を入力してください");
    expect(byField.gradeScale).toBe("評価の記号が重複しています");
    expect((await app.korei.post("/api/plans", planBody)).status).toBe(403);
  });

  it("builds a tree to the plan's depth, with departments, and refuses a level too deep", async () => {
    const plan = (await app.office.post("/api/plans", planBody)).body.plan;
    expect(plan.periodLabel).toBe("令和6～8年度");
    const depts = (await app.office.get("/api/departments")).body.departments;
    const korei課 = depts.find((d: { name: string }) => d.name === "高齢支援課").id;
    const goal = (
      await app.office.post(`/api/plans/${plan.id}/items`, { parentItemId: null, code: "1", title: "目標" })
    ).body.item;
    const m1 = (
      await app.office.post(`/api/plans/${plan.id}/items`, { parentItemId: goal.id, code: "1-1", title: "施策1" })
    ).body.item;
    const m2 = (
      await app.office.post(`/api/plans/${plan.id}/items`, { parentItemId: goal.id, code: "1-2", title: "施策2" })
    ).body.item;
    const project = await app.office.post(`/api/plans/${plan.id}/items`, {
      parentItemId: m1.id,
      code: "1-1-1",
      title: "取組",
      isNew: true,
      category: "新規",
      departmentIds: [korei課],
    });
    expect(project.status).toBe(201);
    expect(project.body.item).toMatchObject({ level: 2, isNew: true, departmentIds: [korei課] });
    const tooDeep = await app.office.post(`/api/plans/${plan.id}/items`, {
      parentItemId: project.body.item.id,
      title: "深すぎ",
    });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.fields[0]).toMatchObject({ field: "parentItemId" });
    const badDept = await app.office.post(`/api/plans/${plan.id}/items`, {
      parentItemId: m1.id,
      title: "x",
      departmentIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(badDept.status).toBe(400);
    expect(badDept.body.fields[0].field).toBe("departmentIds");

    // 再掲: the same item under a second measure; a grade entered once counts in both places
    const relist = await app.office.post(`/api/plans/${plan.id}/items/${project.body.item.id}/relistings`, {
      parentItemId: m2.id,
    });
    expect(relist.status).toBe(201);
    expect(
      (await app.office.post(`/api/plans/${plan.id}/items/${project.body.item.id}/relistings`, { parentItemId: m2.id }))
        .status,
    ).toBe(409);
    const full = (await app.office.get(`/api/plans/${plan.id}`)).body;
    const placements = full.items.find((i: { id: string }) => i.id === project.body.item.id).placements;
    expect(placements).toHaveLength(2);

    await app.office.post(`/api/plans/${plan.id}/evaluations`, { fiscalYear: 2024 });
    const [sheet] = (await app.office.get(`/api/plans/${plan.id}/evaluations/2024/sheets`)).body.sheets;
    let s = (
      await app.office.put(`/api/sheets/${sheet.id}`, { results: "r", grade: "B", reason: "x" }, ifMatch(sheet.version))
    ).body.sheet;
    s = (await app.office.post(`/api/sheets/${s.id}/submit`, {}, ifMatch(s.version))).body.sheet;
    await app.office.post(`/api/sheets/${s.id}/accept`, {}, ifMatch(s.version));
    const summary = (await app.office.get(`/api/plans/${plan.id}/summary?fiscalYear=2024&include=rows`)).body.summary;
    const group = (id: string) => summary.groups.find((g: { nodeId: string }) => g.nodeId === id);
    expect(group(m1.id).counts.B).toBe(1);
    expect(group(m2.id).counts.B).toBe(1);
    expect(summary.total.counts.B).toBe(1);
    expect(summary.total.projects).toBe(1);
    const projectLines = summary.lines.filter((l: { kind: string }) => l.kind === "project");
    expect(projectLines.map((l: { relisted: boolean }) => l.relisted)).toEqual([false, true]);
  });

  it("edits an item with its version; a stale edit gets 412", async () => {
    const plan = (await app.office.post("/api/plans", planBody)).body.plan;
    const goal = (
      await app.office.post(`/api/plans/${plan.id}/items`, { parentItemId: null, code: "1", title: "目標" })
    ).body.item;
    const ok = await app.office.patch(
      `/api/plans/${plan.id}/items/${goal.id}`,
      { title: "目標（改）" },
      ifMatch(goal.version),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.item.title).toBe("目標（改）");
    const stale = await app.office.patch(
      `/api/plans/${plan.id}/items/${goal.id}`,
      { title: "別の変更" },
      ifMatch(goal.version),
    );
    expect(stale.status).toBe(412);
  });
});

describe("departments through 組織改正", () => {
  it("renames and merges a department, keeping its history and its past sheets' names", async () => {
    const created = (await app.office.post("/api/departments", { name: "地域福祉課" })).body.department;
    expect((await app.office.post("/api/departments", { name: "地域福祉課" })).status).toBe(409);
    const renamed = await app.office.post(
      `/api/departments/${created.id}/rename`,
      { name: "地域共生推進課", effectiveFrom: "2025-04-01" },
      ifMatch(created.version),
    );
    expect(renamed.status).toBe(200);
    const list = (await app.office.get("/api/departments")).body.departments;
    const d = list.find((x: { id: string }) => x.id === created.id);
    expect(d.name).toBe("地域共生推進課");
    expect(d.history).toEqual([
      { name: "地域福祉課", validFrom: null, validTo: "2025-04-01" },
      { name: "地域共生推進課", validFrom: "2025-04-01", validTo: null },
    ]);
    const into = list.find((x: { name: string }) => x.name === "福祉政策課");
    const merged = await app.office.post(
      `/api/departments/${created.id}/merge`,
      { intoDepartmentId: into.id, effectiveFrom: "2026-04-01" },
      ifMatch(renamed.body.department.version),
    );
    expect(merged.body.department).toMatchObject({ active: false, mergedIntoId: into.id });
    expect((await app.korei.post("/api/departments", { name: "x" })).status).toBe(403);
  });
});
