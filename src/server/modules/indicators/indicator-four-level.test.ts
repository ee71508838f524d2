import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { startIndicatorWorld } from "../../../../test/helpers/indicator-world.js";
import { plans } from "../../db/schema/index.js";
import * as plansRepo from "../plans/repository.js";
import { indicatorsOfSheet } from "./service.js";

// A plan of four levels evaluated at its initiatives (重点取組): activities' indicators and departments roll up.
const w = worldForFile(startIndicatorWorld);

describe("a four-level implementation plan (initiatives with activities)", () => {
  let plan4: string;
  const dept = new Map<string, string>();
  const created: Record<string, string> = {};

  beforeAll(async () => {
    for (const d of (await w.office.get("/api/departments")).body.departments) dept.set(d.name, d.id);
    const res = await w.office.post("/api/plans", {
      title: "実施計画（4階層）",
      kind: "実施計画",
      startFiscalYear: 2024,
      endFiscalYear: 2026,
      levelNames: ["基本目標", "施策", "重点取組", "取組内容"],
      gradeScale: [
        { code: "A", label: "達成した" },
        { code: "B", label: "おおむね達成した" },
        { code: "C", label: "一部達成した" },
        { code: "D", label: "達成していない" },
      ],
    });
    plan4 = res.body.plan.id;
    const add = async (parentItemId: string | null, code: string, title: string, departments: string[] = []) => {
      const r = await w.office.post(`/api/plans/${plan4}/items`, {
        parentItemId,
        code,
        title,
        departmentIds: departments.map((d) => dept.get(d)),
        summary: code === "1-1-1" ? "登録システムの利用者を民間事業者に拡大します。" : undefined,
        category: code === "1-1-1" ? "拡充" : null,
      });
      created[code] = r.body.item.id;
      return r.body.item.id as string;
    };
    const goal = await add(null, "1", "相談支援体制の構築");
    const measure = await add(goal, "1-1", "早期につなぐ仕組みづくり");
    const initiative = await add(measure, "1-1-1", "つなぐシートの拡大", ["福祉政策課"]);
    await add(initiative, "1-1-1-1", "民間事業者への拡大", ["福祉政策課"]);
    await add(initiative, "1-1-1-2", "相談窓口の連携", ["福祉相談課"]);
    await add(initiative, "1-1-1-3", "周知", []);
    // the plan's evaluation level is the initiative (重点取組); the importer sets it, there is no API yet
    await w.t.database.db.update(plans).set({ evaluationLevel: 2 }).where(eq(plans.id, plan4));
    await plansRepo.touchPlan(w.t.database.db, w.t.municipalityId, plan4);
    for (const [code, name, targets] of [
      ["1-1-1-1", "市内登録事業者数", ["15事業者以上", "25事業者以上", "30事業者以上"]],
      ["1-1-1-2", "連携窓口数", ["3か所", "5か所以上", "6か所以上"]],
      ["1-1-1-3", "周知の実施", ["調査・研究", "試行実施", "実施"]],
    ] as const) {
      const r = await w.office.post(`/api/plans/${plan4}/indicators`, {
        itemId: created[code],
        kind: "activity",
        name,
        targets: targets.map((source, i) => ({ fiscalYear: 2024 + i, source })),
      });
      created[name] = r.body.indicator.id;
    }
  });

  it("rolls activities' departments up to their initiative in the matrix", async () => {
    const matrix = (await w.viewer.get(`/api/plans/${plan4}/department-matrix`)).body;
    expect(matrix).toMatchObject({ level: 2, levelName: "重点取組" });
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.departments.map((d: { name: string }) => d.name)).toEqual(["福祉政策課", "福祉相談課"]);
    expect(matrix.rows[0].marks).toEqual({
      [dept.get("福祉政策課") as string]: "own",
      [dept.get("福祉相談課") as string]: "rolledUp",
    });
  });

  it("lets a department see its activity's indicators, inherits the 担当課 of an activity without one", async () => {
    const list = (await w.soudan.get(`/api/plans/${plan4}/indicators?fiscalYear=2025`)).body.indicators;
    expect(list.map((i: { name: string }) => i.name)).toEqual(["連携窓口数"]);
    expect((await w.soudan.get(`/api/indicators/${created.市内登録事業者数}`)).status).toBe(404);
    const all = (await w.office.get(`/api/plans/${plan4}/indicators?fiscalYear=2025`)).body.indicators;
    expect(all.find((i: { name: string }) => i.name === "周知の実施").departments).toEqual([
      { id: dept.get("福祉政策課"), name: "福祉政策課" },
    ]);
    const mine = (await w.soudan.get(`/api/plans/${plan4}/my-department?fiscalYear=2025`)).body;
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ mark: "rolledUp", item: { code: "1-1-1" } });
    expect(mine.items[0].indicators.map((i: { name: string }) => i.name)).toEqual(["連携窓口数"]);
  });

  it("gives an initiative's sheet the indicators of its activities", async () => {
    const [row] = await w.t.database.db.select().from(plans).where(eq(plans.id, plan4));
    if (!row) throw new Error("no plan");
    const put = await w.soudan.put(`/api/indicators/${created.連携窓口数}/actuals/2025`, {
      kind: "number",
      value: "６",
    });
    expect(put.body.attainment.status).toBe("met");
    const [fresh] = await w.t.database.db.select().from(plans).where(eq(plans.id, plan4));
    const result = await indicatorsOfSheet(w.t.database.db, fresh ?? row, created["1-1-1"] as string, 2025);
    expect(result.indicators.map((i) => i.name)).toEqual(["市内登録事業者数", "連携窓口数", "周知の実施"]);
    expect(result.suggestedGrade.grade).toBe("A");
  });

  it("exports the initiative block with its activities and one column per year", async () => {
    const res = await w.office.get(`/api/plans/${plan4}/implementation-plan/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("実施計画");
    if (!ws) throw new Error("no sheet");
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= 6; c++) cells.push(String(row.getCell(c).value ?? ""));
      rows.push(cells);
    });
    const [title, meta, ...table] = rows;
    expect(title).toEqual(Array(6).fill("実施計画（4階層） 実施計画（令和6～8年度）"));
    // when the copy was made, and which approved version it builds on
    expect(meta?.[0]).toMatch(/^作成日 令和\d+年\d+月\d+日　状態: 策定中（承認済みの版はまだありません）$/);
    expect(table).toEqual([
      ["基本目標 1　相談支援体制の構築", ...Array(5).fill("基本目標 1　相談支援体制の構築")],
      ["施策 1-1　早期につなぐ仕組みづくり", ...Array(5).fill("施策 1-1　早期につなぐ仕組みづくり")],
      ["取組No.", "1-1-1", "重点取組", "つなぐシートの拡大", "つなぐシートの拡大", "つなぐシートの拡大"],
      ["担当課", "福祉政策課", "大施策", "", "", ""],
      ["区分", "拡充", "新・重", "", "", ""],
      ["事業概要", "事業概要", "事業概要", "事業概要", "事業概要", "事業概要"],
      Array(6).fill("登録システムの利用者を民間事業者に拡大します。"),
      ["事業(取組)内容", "担当課", "成果(活動)指標", "令和6年度", "令和7年度", "令和8年度"],
      ["1-1-1-1 民間事業者への拡大", "福祉政策課", "市内登録事業者数", "15事業者以上", "25事業者以上", "30事業者以上"],
      ["1-1-1-2 相談窓口の連携", "福祉相談課", "連携窓口数", "3か所", "5か所以上", "6か所以上"],
      ["1-1-1-3 周知", "福祉政策課", "周知の実施", "調査・研究", "試行実施", "実施"],
    ]);
  });
});
