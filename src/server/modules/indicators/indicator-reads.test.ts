import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { fields, startSeededIndicatorWorld } from "../../../../test/helpers/indicator-world.js";

// Reading indicators: the list, series, shares, the department views and the evaluation sheet's indicators.
const w = worldForFile(startSeededIndicatorWorld);

describe("indicators: list, series, shares", () => {
  it("lists each indicator with item, departments, target, actual and attainment", async () => {
    const res = await w.office.get(`/api/plans/${w.planId}/indicators?fiscalYear=令和7年度`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fiscalYear: 2025, fiscalYearLabel: "令和7年度" });
    const list = res.body.indicators as any[];
    expect(list.map((i) => i.item.code)).toEqual(["1-1-3", "1-2-1", "1-2-1", "1-2-1", "1-2-1", "1-2-1", "2-2-1"]);
    const gte = list.find((i) => i.id === w.ids.gte);
    expect(gte).toMatchObject({
      name: "通いの場の数",
      kind: "activity",
      item: { code: "1-2-1", title: w.itemByCode.get("1-2-1")?.title, level: 2 },
      departments: [{ name: "高齢支援課" }],
      target: { source: "１５か所以上", formatted: "15か所以上", typed: { comparator: "gte" } },
      actual: { kind: "number", value: 18, comment: "目標を上回った", version: 1, revisionId: null },
      attainment: { status: "met" },
    });
    expect(res.body.counts).toMatchObject({ indicators: 7, met: 4, notMet: 1, manual: 1, noActual: 1 });

    const byItem = (await w.office.get(`/api/plans/${w.planId}/indicators?fiscalYear=2025&itemId=${w.item("2-2-1")}`))
      .body;
    expect(byItem.indicators.map((i: { id: string }) => i.id)).toEqual([w.ids.shogai]);
    // an item filter includes everything below it: the 施策 1-2 holds 1-2-1's indicators
    const byMeasure = (await w.office.get(`/api/plans/${w.planId}/indicators?fiscalYear=2025&itemId=${w.item("1-2")}`))
      .body;
    expect(byMeasure.indicators).toHaveLength(5);
    const depts = (await w.office.get("/api/departments")).body.departments as { id: string; name: string }[];
    const shogaiDept = depts.find((d) => d.name === "障害福祉課")?.id;
    const byDept = (await w.office.get(`/api/plans/${w.planId}/indicators?fiscalYear=2025&departmentId=${shogaiDept}`))
      .body;
    expect(byDept.indicators.map((i: { id: string }) => i.id)).toEqual([w.ids.shogai]);
    const bad = await w.office.get(`/api/plans/${w.planId}/indicators?fiscalYear=2025&departmentId=x`);
    expect(fields(bad)).toEqual(["departmentId"]);
    expect(fields(await w.office.get(`/api/plans/${w.planId}/indicators`))).toEqual(["fiscalYear"]);
  });

  it("shows a department's new name after a 組織改正 rename, though the list was cached before", async () => {
    const url = `/api/plans/${w.planId}/indicators?fiscalYear=2025`;
    const named = async () =>
      ((await w.office.get(url)).body.indicators as any[]).find((i) => i.id === w.ids.gte).departments[0].name;
    expect(await named()).toBe("高齢支援課");
    const dept = ((await w.office.get("/api/departments")).body.departments as any[]).find(
      (d) => d.name === "高齢支援課",
    );
    const renamed = await w.office.post(
      `/api/departments/${dept.id}/rename`,
      { name: "高齢福祉課", effectiveFrom: "2026-04-01" },
      ifMatch(dept.version),
    );
    expect(renamed.status).toBe(200);
    expect(await named()).toBe("高齢福祉課");
    const back = await w.office.post(
      `/api/departments/${dept.id}/rename`,
      { name: "高齢支援課", effectiveFrom: "2026-10-01" },
      ifMatch(renamed.body.department.version),
    );
    expect(back.status).toBe(200);
    expect(await named()).toBe("高齢支援課");
  });

  it("pages the list: counts and total cover every indicator, a focused indicator opens its page", async () => {
    const url = `/api/plans/${w.planId}/indicators?fiscalYear=2025`;
    const all = (await w.office.get(url)).body;
    expect(all.total).toBe(all.indicators.length);
    expect(all.offset).toBe(0);
    expect(all.limit).toBeNull();
    expect(all.total).toBeGreaterThanOrEqual(3);
    const allIds = all.indicators.map((i: { id: string }) => i.id);

    const pages: string[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = (await w.office.get(`${url}&offset=${offset}&limit=2`)).body;
      expect(page.total).toBe(all.total);
      expect(page.counts).toEqual(all.counts);
      expect(page.offset).toBe(offset);
      expect(page.limit).toBe(2);
      pages.push(...page.indicators.map((i: { id: string }) => i.id));
    }
    expect(pages).toEqual(allIds);

    const lastId = allIds[allIds.length - 1];
    const focused = (await w.office.get(`${url}&limit=2&focus=${lastId}`)).body;
    expect(focused.offset).toBe(Math.floor((allIds.length - 1) / 2) * 2);
    expect(focused.indicators.map((i: { id: string }) => i.id)).toContain(lastId);

    const beyond = (await w.office.get(`${url}&offset=${all.total + 10}&limit=2`)).body;
    expect(beyond.indicators).toEqual([]);
    expect(beyond.total).toBe(all.total);

    expect(fields(await w.office.get(`${url}&limit=0`))).toEqual(["limit"]);
    expect(fields(await w.office.get(`${url}&offset=-1`))).toEqual(["offset"]);
    expect(fields(await w.office.get(`${url}&limit=２`))).toEqual([]);
    expect(fields(await w.office.get(`${url}&focus=x`))).toEqual(["focus"]);
  });

  it("serves the series of an indicator over the plan's fiscal years", async () => {
    const res = await w.korei.get(`/api/indicators/${w.ids.milestone}/series`);
    expect(res.status).toBe(200);
    expect(res.body.baseline).toEqual({ source: "未実施", fiscalYear: 2023, value: null });
    expect(res.body.points.map((p: { fiscalYear: number }) => p.fiscalYear)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(res.body.points[1]).toMatchObject({
      fiscalYearLabel: "令和7年度",
      target: { source: "支援の試行実施", typed: { kind: "milestone", step: "試行実施", rank: 4, prefix: "支援の" } },
      actual: { step: "試行実施" },
      attainment: { status: "met" },
    });
    expect(res.body.points[3]).toMatchObject({ target: null, actual: null, attainment: { status: "noActual" } });
    const eqSeries = (await w.office.get(`/api/indicators/${w.ids.eq}/series`)).body;
    expect(eqSeries.indicator.unit).toBe("人");
  });

  it("shares the decidable indicators met per 基本目標 and per department", async () => {
    const res = await w.viewer.get(`/api/plans/${w.planId}/attainment-share?fiscalYear=2025`);
    expect(res.status).toBe(200);
    expect(res.body.goals).toHaveLength(3);
    expect(res.body.goals[0]).toMatchObject({ item: { code: "1" }, met: 3, notMet: 1, decidable: 4, share: 0.75 });
    expect(res.body.goals[1]).toMatchObject({ item: { code: "2" }, met: 1, decidable: 1, share: 1 });
    expect(res.body.goals[2]).toMatchObject({ indicators: 0, decidable: 0, share: null });
    const koreiDept = res.body.departments.find(
      (d: { department: { name: string } }) => d.department.name === "高齢支援課",
    );
    expect(koreiDept).toMatchObject({ indicators: 5, met: 3, notMet: 1, manual: 1 });
    expect(res.body.total).toMatchObject({ indicators: 7, met: 4, notMet: 1, decidable: 5, share: 0.8 });
  });

  it("builds the department matrix and the caller's department view", async () => {
    const matrix = (await w.viewer.get(`/api/plans/${w.planId}/department-matrix`)).body;
    expect(matrix).toMatchObject({ level: 2, levelName: "事業" });
    expect(matrix.rows).toHaveLength(13);
    const names = new Map(matrix.departments.map((d: { id: string; name: string }) => [d.id, d.name]));
    const row = matrix.rows.find((r: { item: { code: string } }) => r.item.code === "2-3-2");
    expect(
      Object.entries(row.marks)
        .map(([id, mark]) => `${names.get(id)}:${mark}`)
        .sort(),
    ).toEqual(["福祉政策課:own", "防災課:own", "障害福祉課:own", "高齢支援課:own"]);
    expect(row.goal.code).toBe("2");
    expect(row.parent.code).toBe("2-3");
    const measures = (await w.viewer.get(`/api/plans/${w.planId}/department-matrix?level=1`)).body;
    expect(measures.rows[0]).toMatchObject({ item: { code: "1-1" } });
    expect(Object.values(measures.rows[0].marks)).toEqual(["rolledUp", "rolledUp"]);
    expect(fields(await w.viewer.get(`/api/plans/${w.planId}/department-matrix?level=x`))).toEqual(["level"]);

    const mine = (await w.korei.get(`/api/plans/${w.planId}/my-department?fiscalYear=2025`)).body;
    expect(mine.departments.map((d: { name: string }) => d.name)).toEqual(["高齢支援課"]);
    expect(mine.items.map((i: { item: { code: string } }) => i.item.code)).toEqual([
      "1-2-1",
      "2-1-1",
      "2-3-2",
      "3-2-1",
    ]);
    expect(mine.items[0].indicators).toHaveLength(5);
    expect(mine.items[0].suggestedGrade).toEqual({ grade: "B", reason: expect.stringContaining("4件中3件達成") });
    expect(mine.counts).toMatchObject({ indicators: 5, met: 3 });
  });
});

describe("evaluation sheet integration", () => {
  let sheetId: string;
  const sheet = async () => (await w.korei.get(`/api/sheets/${sheetId}`)).body.sheet;

  beforeAll(async () => {
    const sheets = (await w.korei.get(`/api/plans/${w.planId}/evaluations/2025/sheets`)).body.sheets;
    sheetId = sheets.find((s: { item: { code: string } }) => s.item.code === "1-2-1").id;
  });

  it("shows the item's indicators with this year's attainment and a suggested grade", async () => {
    const s = await sheet();
    expect(s.indicators.map((i: { id: string }) => i.id)).toEqual([
      w.ids.gte,
      w.ids.lte,
      w.ids.eq,
      w.ids.milestone,
      w.ids.asNeeded,
    ]);
    expect(s.indicators[0]).toMatchObject({ actual: { value: 18 }, attainment: { status: "met" } });
    expect(s.suggestedGrade).toEqual({
      grade: "B",
      reason: "判定できる指標4件中3件達成（手動判定1件は除外）",
    });
    expect(s.gradeOverrideReason).toBeNull();
    // a sheet without indicators suggests nothing
    const other = (await w.korei.get(`/api/plans/${w.planId}/evaluations/2025/sheets`)).body.sheets.find(
      (x: { item: { code: string } }) => x.item.code === "2-1-1",
    );
    const otherSheet = (await w.korei.get(`/api/sheets/${other.id}`)).body.sheet;
    expect(otherSheet.indicators).toEqual([]);
    expect(otherSheet.suggestedGrade.grade).toBeNull();
  });

  it("requires a reason for a grade other than the suggestion, and stores it", async () => {
    let s = await sheet();
    const noReason = await w.korei.put(`/api/sheets/${sheetId}`, { grade: "A" }, ifMatch(s.version));
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([
      { field: "gradeOverrideReason", message: expect.stringContaining("提案された評価（B）") },
    ]);
    const blank = await w.korei.put(
      `/api/sheets/${sheetId}`,
      { grade: "A", gradeOverrideReason: "  " },
      ifMatch(s.version),
    );
    expect(fields(blank)).toEqual(["gradeOverrideReason"]);
    expect((await sheet()).version).toBe(s.version);

    const saved = await w.korei.put(
      `/api/sheets/${sheetId}`,
      { grade: "A", gradeOverrideReason: "割合の指標は年度末に改善の見込み", results: "実績", reason: "理由" },
      ifMatch(s.version),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.sheet).toMatchObject({
      grade: "A",
      gradeOverrideReason: "割合の指標は年度末に改善の見込み",
      suggestedGrade: { grade: "B" },
    });
    expect(saved.body.sheet.indicators).toHaveLength(5);
    s = await sheet();
    expect(s.gradeOverrideReason).toBe("割合の指標は年度末に改善の見込み");
    const history = (await w.korei.get(`/api/sheets/${sheetId}/history`)).body.history;
    expect(history.at(-1).changes).toEqual(
      expect.arrayContaining([
        {
          field: "gradeOverrideReason",
          label: "目安と異なる評価とする理由",
          before: null,
          after: "割合の指標は年度末に改善の見込み",
        },
      ]),
    );

    // the suggested grade needs no reason, and clears the old one
    const same = await w.korei.put(`/api/sheets/${sheetId}`, { grade: "B" }, ifMatch(s.version));
    expect(same.status).toBe(200);
    expect(same.body.sheet.gradeOverrideReason).toBeNull();
  });

  it("checks again on submit: an actual entered since may change the suggestion", async () => {
    // 閉じこもりがちな高齢者の割合 now reached: every decidable indicator met, one at 120% → AA
    const fixed = await w.korei.put(
      `/api/indicators/${w.ids.lte}/actuals/2025`,
      { kind: "number", value: 18 },
      ifMatch(1),
    );
    expect(fixed.body.attainment.status).toBe("met");
    let s = await sheet();
    expect(s.suggestedGrade.grade).toBe("AA");
    const submit = await w.korei.post(`/api/sheets/${sheetId}/submit`, {}, ifMatch(s.version));
    expect(submit.status).toBe(400);
    expect(fields(submit)).toEqual(["gradeOverrideReason"]);
    s = (
      await w.korei.put(
        `/api/sheets/${sheetId}`,
        { gradeOverrideReason: "一部の指標は一時的な要因による" },
        ifMatch(s.version),
      )
    ).body.sheet;
    const ok = await w.korei.post(`/api/sheets/${sheetId}/submit`, {}, ifMatch(s.version));
    expect(ok.status).toBe(200);
    expect(ok.body.sheet).toMatchObject({ status: "submitted", grade: "B", suggestedGrade: { grade: "AA" } });
  });
});
