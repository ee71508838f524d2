import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { FastifyRequest } from "fastify";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { startTestApp, type TestApp } from "../../../../test/helpers/test-app.js";
import { auditLog, plans } from "../../db/schema/index.js";
import { acceptsGzip } from "../../platform/http/precompressed.js";
import * as plansRepo from "../plans/repository.js";
import { indicatorsOfSheet } from "./service.js";

let t: TestApp;
let office: ApiClient;
let korei: ApiClient;
let shogai: ApiClient;
let soudan: ApiClient;
let viewer: ApiClient;
let planId: string;
const itemByCode = new Map<string, { id: string; title: string }>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  [office, korei, shogai, soudan, viewer] = (await Promise.all(
    ["keikaku", "korei", "shogai", "soudan", "iin"].map((id) => ApiClient.login(t.baseUrl, id)),
  )) as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  planId = (await office.get("/api/plans")).body.plans[0].id;
  for (const i of (await office.get(`/api/plans/${planId}`)).body.items) itemByCode.set(i.code, i);
});
afterAll(async () => {
  await t?.close();
});

const item = (code: string) => {
  const i = itemByCode.get(code);
  if (!i) throw new Error(`no item ${code}`);
  return i.id;
};

async function create(code: string, name: string, targets: Record<number, string>, extra: object = {}) {
  const res = await office.post(`/api/plans/${planId}/indicators`, {
    itemId: item(code),
    kind: "activity",
    name,
    targets: Object.entries(targets).map(([fiscalYear, source]) => ({ fiscalYear: Number(fiscalYear), source })),
    ...extra,
  });
  if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.indicator;
}

const fields = (res: { body: { fields?: { field: string }[] } }) => (res.body.fields ?? []).map((f) => f.field);

describe("indicators: create and validate", () => {
  it("answers field-named 400s and lets only the plan office create", async () => {
    const empty = await office.post(`/api/plans/${planId}/indicators`, {});
    expect(empty.status).toBe(400);
    expect(fields(empty)).toEqual(expect.arrayContaining(["itemId", "kind", "name"]));

    const outside = await office.post(`/api/plans/${planId}/indicators`, {
      itemId: item("1-2-1"),
      kind: "activity",
      name: "x",
      targets: [
        { fiscalYear: 2025, source: "1回" },
        { fiscalYear: 2040, source: "1回" },
      ],
    });
    expect(outside.status).toBe(400);
    expect(fields(outside)).toEqual(["targets.1.fiscalYear"]);

    const dup = await office.post(`/api/plans/${planId}/indicators`, {
      itemId: item("1-2-1"),
      kind: "activity",
      name: "x",
      targets: [
        { fiscalYear: "令和7年度", source: "1回" },
        { fiscalYear: 2025, source: "2回" },
        { fiscalYear: 2026, source: "   " },
      ],
    });
    expect(dup.status).toBe(400);
    expect(fields(dup).sort()).toEqual(["targets.1.fiscalYear", "targets.2.source"]);

    const badKind = await office.post(`/api/plans/${planId}/indicators`, {
      itemId: item("1-2-1"),
      kind: "other",
      name: "x",
    });
    expect(fields(badKind)).toEqual(["kind"]);

    const foreignItem = await office.post(`/api/plans/${planId}/indicators`, {
      itemId: crypto.randomUUID(),
      kind: "activity",
      name: "x",
    });
    expect(foreignItem.status).toBe(400);
    expect(fields(foreignItem)).toEqual(["itemId"]);

    const body = { itemId: item("1-2-1"), kind: "activity", name: "x" };
    expect((await korei.post(`/api/plans/${planId}/indicators`, body)).status).toBe(403);
    expect((await viewer.post(`/api/plans/${planId}/indicators`, body)).status).toBe(403);
  });

  it("creates indicators with typed targets, keeping each source as written", async () => {
    const a = await create("1-2-1", "通いの場の数", { 2025: "１５か所以上", 2026: "20か所以上" });
    expect(a.item).toMatchObject({ code: "1-2-1", level: 2, levelName: "事業" });
    expect(a.departments.map((d: { name: string }) => d.name)).toEqual(["高齢支援課"]);
    const y2025 = a.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2025);
    expect(y2025.target).toMatchObject({
      source: "１５か所以上",
      formatted: "15か所以上",
      typed: { kind: "numeric", comparator: "gte", value: 15, unit: "か所" },
    });
    expect(a.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2024, 2025, 2026, 2027, 2028]);
    ids.gte = a.id;
    ids.lte = (await create("1-2-1", "閉じこもりがちな高齢者の割合", { 2025: "20%以下" })).id;
    ids.eq = (await create("1-2-1", "サポーター登録者数", { 2025: "4,100人" })).id;
    ids.milestone = (
      await create(
        "1-2-1",
        "支援体制の構築",
        { 2024: "調査・研究", 2025: "支援の試行実施", 2026: "実施" },
        { baselineSource: "未実施", baselineFiscalYear: 2023 },
      )
    ).id;
    ids.asNeeded = (await create("1-2-1", "関係機関との連絡会", { 2025: "適宜" })).id;
    ids.shogai = (await create("2-2-1", "緊急時の受入れ件数", { 2025: "10件以上" })).id;
    ids.freeText = (await create("1-1-3", "研修計画", { 2025: "ロードマップの作成" })).id;
  });
});

describe("indicators: actuals and attainment", () => {
  const put = (client: ApiClient, id: string, body: object, headers: Record<string, string> = {}, fy = 2025) =>
    client.put(`/api/indicators/${id}/actuals/${fy}`, body, headers);

  it("decides ≥ / ≤ / = / milestones and reads full-width digits", async () => {
    const gte = await put(korei, ids.gte as string, { kind: "number", value: "１８", comment: "目標を上回った" });
    expect(gte.status).toBe(200);
    expect(gte.headers.get("etag")).toBe('"1"');
    expect(gte.body.actual).toMatchObject({
      kind: "number",
      value: 18,
      display: "18か所",
      version: 1,
      revisionId: null,
    });
    expect(gte.body.attainment).toMatchObject({ status: "met", statusLabel: "達成" });
    expect(gte.body.attainment.rate).toBeCloseTo(1.2, 12);

    const lte = await put(korei, ids.lte as string, { kind: "number", value: 25 }, ifMatch(0));
    expect(lte.body.attainment).toMatchObject({ status: "notMet", rate: 0.8 });
    expect(lte.body.attainment.reason).toMatch(/上回っています/);

    const eq = await put(korei, ids.eq as string, { kind: "number", value: "１，２００人" });
    expect(eq.body.actual.value).toBe(1200);
    expect(eq.body.attainment.status).toBe("notMet");
    const eq2 = await put(korei, ids.eq as string, { kind: "number", value: "4,100" }, ifMatch(1));
    expect(eq2.status).toBe(200);
    expect(eq2.body.actual.version).toBe(2);
    expect(eq2.body.attainment).toMatchObject({ status: "met", rate: 1 });

    const ms = await put(korei, ids.milestone as string, { kind: "milestone", step: "試行" });
    expect(ms.body.actual.step).toBe("試行実施"); // stored as the ladder's label
    expect(ms.body.attainment.status).toBe("met");
    expect(ms.body.target.formatted).toBe("支援の試行実施");
    const behind = await put(korei, ids.milestone as string, { kind: "milestone", step: "検討" }, {}, 2024);
    expect(behind.body.attainment.status).toBe("met"); // 2024's target is 調査・研究, 検討 is further

    const manual = await put(korei, ids.asNeeded as string, { kind: "text", text: "4回開催した" });
    expect(manual.body.attainment.status).toBe("manual");
  });

  it("refuses bad actuals with field-named 400s", async () => {
    const offLadder = await put(korei, ids.milestone as string, { kind: "milestone", step: "完了" }, ifMatch(1));
    expect(offLadder.status).toBe(400);
    expect(offLadder.body.fields).toEqual([{ field: "step", message: expect.stringContaining("試行実施") }]);
    expect(offLadder.body.fields[0].message).toContain("調査・研究");
    const notNumber = await put(korei, ids.gte as string, { kind: "number", value: "たくさん" }, ifMatch(1));
    expect(fields(notNumber)).toEqual(["value"]);
    const wrongUnit = await put(korei, ids.gte as string, { kind: "number", value: "16人" }, ifMatch(1));
    expect(fields(wrongUnit)).toEqual(["value"]);
    const missing = await put(korei, ids.gte as string, { kind: "number" }, ifMatch(1));
    expect(fields(missing)).toEqual(["value"]);
    const badKind = await put(korei, ids.gte as string, { kind: "percent", value: 1 }, ifMatch(1));
    expect(fields(badKind)).toEqual(["kind"]);
    const outside = await put(korei, ids.gte as string, { kind: "number", value: 1 }, {}, 2030);
    expect(fields(outside)).toEqual(["fiscalYear"]);
    const badYear = await korei.put(`/api/indicators/${ids.gte}/actuals/来年`, { kind: "number", value: 1 });
    expect(fields(badYear)).toEqual(["fiscalYear"]);
  });

  it("hides other departments' indicators (404) and refuses viewers (403)", async () => {
    expect((await korei.get(`/api/indicators/${ids.shogai}`)).status).toBe(404);
    expect((await korei.get(`/api/indicators/${ids.shogai}/series`)).status).toBe(404);
    const write = await put(korei, ids.shogai as string, { kind: "number", value: 3 });
    expect(write.status).toBe(404);
    expect(write.body.message).toMatch(/見つかりません/);
    expect((await shogai.get(`/api/indicators/${ids.gte}`)).status).toBe(404);
    // changing an indicator is refused to every department editor by role, before the indicator is looked at:
    // the same 403 for an indicator of its own, of another department or none, so nothing is revealed
    expect((await shogai.patch(`/api/indicators/${ids.gte}`, { name: "x" }, ifMatch(1))).status).toBe(403);
    expect((await put(shogai, ids.shogai as string, { kind: "number", value: 12 })).status).toBe(200);

    expect((await viewer.get(`/api/indicators/${ids.gte}`)).status).toBe(200);
    expect((await put(viewer, ids.gte as string, { kind: "number", value: 1 }, ifMatch(1))).status).toBe(403);
    // a department editor may enter actuals but not change the indicator or its targets
    expect((await korei.patch(`/api/indicators/${ids.gte}`, { name: "x" }, ifMatch(1))).status).toBe(403);
    expect((await korei.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "1回" })).status).toBe(403);

    const koreiList = (await korei.get(`/api/plans/${planId}/indicators?fiscalYear=2025`)).body.indicators;
    expect(koreiList.map((i: { id: string }) => i.id)).not.toContain(ids.shogai);
    expect(koreiList.map((i: { id: string }) => i.id)).toContain(ids.gte);
    const shogaiList = (await shogai.get(`/api/plans/${planId}/indicators?fiscalYear=2025`)).body.indicators;
    expect(shogaiList.map((i: { id: string }) => i.id)).toEqual([ids.shogai]);
  });

  it("requires the current version: 412 when stale, 428 when an existing actual is written without one", async () => {
    const stale = await put(korei, ids.eq as string, { kind: "number", value: 1 }, ifMatch(1));
    expect(stale.status).toBe(412);
    expect(stale.body.details.currentVersion).toBe(2);
    expect((await put(korei, ids.eq as string, { kind: "number", value: 1 })).status).toBe(428);
    const createStale = await put(korei, ids.eq as string, { kind: "number", value: 1 }, ifMatch(3), 2026);
    expect(createStale.status).toBe(412);
    expect(createStale.body.details.currentVersion).toBe(0);
    const detail = (await korei.get(`/api/indicators/${ids.eq}`)).body.indicator;
    expect(detail.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2025).actual.value).toBe(4100);
    expect(detail.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2026).actual).toBeNull();

    const patched = await office.patch(`/api/indicators/${ids.eq}`, { name: "登録者数" }, ifMatch(1));
    expect(patched.status).toBe(200);
    expect(patched.headers.get("etag")).toBe('"2"');
    expect((await office.patch(`/api/indicators/${ids.eq}`, { name: "y" }, ifMatch(1))).status).toBe(412);
  });

  it("records every change of an actual in the audit trail, before and after", async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "indicator"), eq(auditLog.entityId, ids.eq as string)));
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["create", "create_actual", "update_actual", "update"]));
    const update = rows.find((r) => r.action === "update_actual");
    expect(update?.before).toMatchObject({ fiscalYear: 2025, value: 1200 });
    expect(update?.after).toMatchObject({ fiscalYear: 2025, value: 4100 });
    expect(update?.actorLabel).toBe("korei");
  });

  it("creates and replaces a target under If-Match", async () => {
    const created = await office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "25か所以上" });
    expect(created.status).toBe(200);
    expect(created.body.target).toMatchObject({ version: 1, typed: { kind: "numeric", value: 25 } });
    expect((await office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "26か所以上" })).status).toBe(428);
    const replaced = await office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "継続実施" }, ifMatch(1));
    expect(replaced.body.target).toMatchObject({ version: 2, typed: { kind: "milestone", step: "継続実施" } });
    const stale = await office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "x" }, ifMatch(1));
    expect(stale.status).toBe(412);
  });
});

describe("indicators: list, series, shares", () => {
  it("lists each indicator with item, departments, target, actual and attainment", async () => {
    const res = await office.get(`/api/plans/${planId}/indicators?fiscalYear=令和7年度`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fiscalYear: 2025, fiscalYearLabel: "令和7年度" });
    const list = res.body.indicators as any[];
    expect(list.map((i) => i.item.code)).toEqual(["1-1-3", "1-2-1", "1-2-1", "1-2-1", "1-2-1", "1-2-1", "2-2-1"]);
    const gte = list.find((i) => i.id === ids.gte);
    expect(gte).toMatchObject({
      name: "通いの場の数",
      kind: "activity",
      item: { code: "1-2-1", title: itemByCode.get("1-2-1")?.title, level: 2 },
      departments: [{ name: "高齢支援課" }],
      target: { source: "１５か所以上", formatted: "15か所以上", typed: { comparator: "gte" } },
      actual: { kind: "number", value: 18, comment: "目標を上回った", version: 1, revisionId: null },
      attainment: { status: "met" },
    });
    expect(res.body.counts).toMatchObject({ indicators: 7, met: 4, notMet: 1, manual: 1, noActual: 1 });

    const byItem = (await office.get(`/api/plans/${planId}/indicators?fiscalYear=2025&itemId=${item("2-2-1")}`)).body;
    expect(byItem.indicators.map((i: { id: string }) => i.id)).toEqual([ids.shogai]);
    // an item filter includes everything below it: the 施策 1-2 holds 1-2-1's indicators
    const byMeasure = (await office.get(`/api/plans/${planId}/indicators?fiscalYear=2025&itemId=${item("1-2")}`)).body;
    expect(byMeasure.indicators).toHaveLength(5);
    const depts = (await office.get("/api/departments")).body.departments as { id: string; name: string }[];
    const shogaiDept = depts.find((d) => d.name === "障害福祉課")?.id;
    const byDept = (await office.get(`/api/plans/${planId}/indicators?fiscalYear=2025&departmentId=${shogaiDept}`))
      .body;
    expect(byDept.indicators.map((i: { id: string }) => i.id)).toEqual([ids.shogai]);
    const bad = await office.get(`/api/plans/${planId}/indicators?fiscalYear=2025&departmentId=x`);
    expect(fields(bad)).toEqual(["departmentId"]);
    expect(fields(await office.get(`/api/plans/${planId}/indicators`))).toEqual(["fiscalYear"]);
  });

  it("shows a department's new name after a 組織改正 rename, though the list was cached before", async () => {
    const url = `/api/plans/${planId}/indicators?fiscalYear=2025`;
    const named = async () =>
      ((await office.get(url)).body.indicators as any[]).find((i) => i.id === ids.gte).departments[0].name;
    expect(await named()).toBe("高齢支援課");
    const dept = ((await office.get("/api/departments")).body.departments as any[]).find(
      (d) => d.name === "高齢支援課",
    );
    const renamed = await office.post(
      `/api/departments/${dept.id}/rename`,
      { name: "高齢福祉課", effectiveFrom: "2026-04-01" },
      ifMatch(dept.version),
    );
    expect(renamed.status).toBe(200);
    expect(await named()).toBe("高齢福祉課");
    const back = await office.post(
      `/api/departments/${dept.id}/rename`,
      { name: "高齢支援課", effectiveFrom: "2026-10-01" },
      ifMatch(renamed.body.department.version),
    );
    expect(back.status).toBe(200);
    expect(await named()).toBe("高齢支援課");
  });

  it("pages the list: counts and total cover every indicator, a focused indicator opens its page", async () => {
    const url = `/api/plans/${planId}/indicators?fiscalYear=2025`;
    const all = (await office.get(url)).body;
    expect(all.total).toBe(all.indicators.length);
    expect(all.offset).toBe(0);
    expect(all.limit).toBeNull();
    expect(all.total).toBeGreaterThanOrEqual(3);
    const allIds = all.indicators.map((i: { id: string }) => i.id);

    const pages: string[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = (await office.get(`${url}&offset=${offset}&limit=2`)).body;
      expect(page.total).toBe(all.total);
      expect(page.counts).toEqual(all.counts);
      expect(page.offset).toBe(offset);
      expect(page.limit).toBe(2);
      pages.push(...page.indicators.map((i: { id: string }) => i.id));
    }
    expect(pages).toEqual(allIds);

    const lastId = allIds[allIds.length - 1];
    const focused = (await office.get(`${url}&limit=2&focus=${lastId}`)).body;
    expect(focused.offset).toBe(Math.floor((allIds.length - 1) / 2) * 2);
    expect(focused.indicators.map((i: { id: string }) => i.id)).toContain(lastId);

    const beyond = (await office.get(`${url}&offset=${all.total + 10}&limit=2`)).body;
    expect(beyond.indicators).toEqual([]);
    expect(beyond.total).toBe(all.total);

    expect(fields(await office.get(`${url}&limit=0`))).toEqual(["limit"]);
    expect(fields(await office.get(`${url}&offset=-1`))).toEqual(["offset"]);
    expect(fields(await office.get(`${url}&limit=２`))).toEqual([]);
    expect(fields(await office.get(`${url}&focus=x`))).toEqual(["focus"]);
  });

  it("serves the series of an indicator over the plan's fiscal years", async () => {
    const res = await korei.get(`/api/indicators/${ids.milestone}/series`);
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
    const eqSeries = (await office.get(`/api/indicators/${ids.eq}/series`)).body;
    expect(eqSeries.indicator.unit).toBe("人");
  });

  it("shares the decidable indicators met per 基本目標 and per department", async () => {
    const res = await viewer.get(`/api/plans/${planId}/attainment-share?fiscalYear=2025`);
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
    const matrix = (await viewer.get(`/api/plans/${planId}/department-matrix`)).body;
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
    const measures = (await viewer.get(`/api/plans/${planId}/department-matrix?level=1`)).body;
    expect(measures.rows[0]).toMatchObject({ item: { code: "1-1" } });
    expect(Object.values(measures.rows[0].marks)).toEqual(["rolledUp", "rolledUp"]);
    expect(fields(await viewer.get(`/api/plans/${planId}/department-matrix?level=x`))).toEqual(["level"]);

    const mine = (await korei.get(`/api/plans/${planId}/my-department?fiscalYear=2025`)).body;
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
  const sheet = async () => (await korei.get(`/api/sheets/${sheetId}`)).body.sheet;

  beforeAll(async () => {
    const sheets = (await korei.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets;
    sheetId = sheets.find((s: { item: { code: string } }) => s.item.code === "1-2-1").id;
  });

  it("shows the item's indicators with this year's attainment and a suggested grade", async () => {
    const s = await sheet();
    expect(s.indicators.map((i: { id: string }) => i.id)).toEqual([
      ids.gte,
      ids.lte,
      ids.eq,
      ids.milestone,
      ids.asNeeded,
    ]);
    expect(s.indicators[0]).toMatchObject({ actual: { value: 18 }, attainment: { status: "met" } });
    expect(s.suggestedGrade).toEqual({
      grade: "B",
      reason: "判定できる指標4件中3件達成（手動判定1件は除外）",
    });
    expect(s.gradeOverrideReason).toBeNull();
    // a sheet without indicators suggests nothing
    const other = (await korei.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets.find(
      (x: { item: { code: string } }) => x.item.code === "2-1-1",
    );
    const otherSheet = (await korei.get(`/api/sheets/${other.id}`)).body.sheet;
    expect(otherSheet.indicators).toEqual([]);
    expect(otherSheet.suggestedGrade.grade).toBeNull();
  });

  it("requires a reason for a grade other than the suggestion, and stores it", async () => {
    let s = await sheet();
    const noReason = await korei.put(`/api/sheets/${sheetId}`, { grade: "A" }, ifMatch(s.version));
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([
      { field: "gradeOverrideReason", message: expect.stringContaining("提案された評価（B）") },
    ]);
    const blank = await korei.put(
      `/api/sheets/${sheetId}`,
      { grade: "A", gradeOverrideReason: "  " },
      ifMatch(s.version),
    );
    expect(fields(blank)).toEqual(["gradeOverrideReason"]);
    expect((await sheet()).version).toBe(s.version);

    const saved = await korei.put(
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
    const history = (await korei.get(`/api/sheets/${sheetId}/history`)).body.history;
    expect(history.at(-1).changes).toEqual(
      expect.arrayContaining([
        {
          field: "gradeOverrideReason",
          label: "提案と異なる評価とした理由",
          before: null,
          after: "割合の指標は年度末に改善の見込み",
        },
      ]),
    );

    // the suggested grade needs no reason, and clears the old one
    const same = await korei.put(`/api/sheets/${sheetId}`, { grade: "B" }, ifMatch(s.version));
    expect(same.status).toBe(200);
    expect(same.body.sheet.gradeOverrideReason).toBeNull();
  });

  it("checks again on submit: an actual entered since may change the suggestion", async () => {
    // 閉じこもりがちな高齢者の割合 now reached: every decidable indicator met, one at 120% → AA
    const fixed = await korei.put(`/api/indicators/${ids.lte}/actuals/2025`, { kind: "number", value: 18 }, ifMatch(1));
    expect(fixed.body.attainment.status).toBe("met");
    let s = await sheet();
    expect(s.suggestedGrade.grade).toBe("AA");
    const submit = await korei.post(`/api/sheets/${sheetId}/submit`, {}, ifMatch(s.version));
    expect(submit.status).toBe(400);
    expect(fields(submit)).toEqual(["gradeOverrideReason"]);
    s = (
      await korei.put(
        `/api/sheets/${sheetId}`,
        { gradeOverrideReason: "一部の指標は一時的な要因による" },
        ifMatch(s.version),
      )
    ).body.sheet;
    const ok = await korei.post(`/api/sheets/${sheetId}/submit`, {}, ifMatch(s.version));
    expect(ok.status).toBe(200);
    expect(ok.body.sheet).toMatchObject({ status: "submitted", grade: "B", suggestedGrade: { grade: "AA" } });
  });
});

describe("milestone ladder and unclassified targets", () => {
  it("lists free-text targets for the plan office only", async () => {
    const res = await office.get(`/api/plans/${planId}/targets/unclassified`);
    expect(res.status).toBe(200);
    expect(res.body.texts).toEqual([
      expect.objectContaining({
        source: "ロードマップの作成",
        count: 1,
        occurrences: [expect.objectContaining({ indicatorId: ids.freeText, fiscalYear: 2025 })],
      }),
    ]);
    expect(res.body.counts).toMatchObject({ text: 1, asNeeded: 1 });
    expect((await korei.get(`/api/plans/${planId}/targets/unclassified`)).status).toBe(403);
  });

  it("validates the ladder with field-named 400s and re-types every target when it changes", async () => {
    const got = await office.get(`/api/plans/${planId}/milestone-ladder`);
    expect(got.body).toMatchObject({ isDefault: true });
    expect(got.body.ladder.steps[0].label).toBe("調査・研究");
    const version = Number(got.headers.get("etag")?.replace(/"/g, ""));

    const invalid = await office.put(
      `/api/plans/${planId}/milestone-ladder`,
      {
        steps: [
          { label: "着手", rank: 1, aliases: ["検討"] },
          { label: "", rank: 2 },
          { label: "検討", rank: 3 },
        ],
      },
      ifMatch(version),
    );
    expect(invalid.status).toBe(400);
    expect(fields(invalid).sort()).toEqual(["steps.1", "steps.2"]);
    const malformed = await office.put(
      `/api/plans/${planId}/milestone-ladder`,
      { steps: [{ label: "x", rank: "高" }] },
      ifMatch(version),
    );
    expect(fields(malformed)).toEqual(["steps.0.rank"]);
    expect((await korei.put(`/api/plans/${planId}/milestone-ladder`, { steps: null }, ifMatch(version))).status).toBe(
      403,
    );
    expect(
      (await office.put(`/api/plans/${planId}/milestone-ladder`, { steps: null }, ifMatch(version - 1))).status,
    ).toBe(412);

    const steps = [...got.body.ladder.steps, { label: "ロードマップの作成", rank: 3, aliases: ["計画の策定"] }];
    const put = await office.put(`/api/plans/${planId}/milestone-ladder`, { steps }, ifMatch(version));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ isDefault: false, retypedTargets: 1, unclassifiedTargets: 0 });
    expect(put.headers.get("etag")).toBe(`"${version + 1}"`);
    const detail = (await office.get(`/api/indicators/${ids.freeText}`)).body.indicator;
    expect(detail.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2025).target.typed).toEqual({
      kind: "milestone",
      step: "ロードマップの作成",
      rank: 3,
    });
    expect((await office.get(`/api/plans/${planId}/targets/unclassified`)).body.texts).toEqual([]);
    // a stage of the plan's own ladder can be reported
    const reported = await office.put(`/api/indicators/${ids.freeText}/actuals/2025`, {
      kind: "milestone",
      step: "計画の策定",
    });
    expect(reported.body.attainment.status).toBe("met");

    const now = Number((await office.get(`/api/plans/${planId}/milestone-ladder`)).headers.get("etag")?.slice(1, -1));
    expect(now).toBe(version + 2); // the actual bumped the plan's version too
    const reset = await office.put(`/api/plans/${planId}/milestone-ladder`, { steps: null }, ifMatch(now));
    expect(reset.body).toMatchObject({ isDefault: true, retypedTargets: 1, unclassifiedTargets: 1 });
    const list = (await office.get(`/api/plans/${planId}/indicators?fiscalYear=2025`)).body.indicators;
    expect(list.find((i: { id: string }) => i.id === ids.freeText).attainment.status).toBe("manual");
  });
});

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("exports", () => {
  it("writes the CSV in UTF-8 with a BOM, and in Shift_JIS on request, with the same rows", async () => {
    const comment = 'カンマ, と "引用" と\r\n改行';
    const put = await korei.put(
      `/api/indicators/${ids.gte}/actuals/2025`,
      { kind: "number", value: 18, comment },
      ifMatch(1),
    );
    expect(put.status).toBe(200);
    const utf8 = await korei.get(`/api/plans/${planId}/indicators/export.csv?fiscalYear=2025`);
    expect(utf8.status).toBe(200);
    expect(utf8.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = decodeURIComponent(utf8.headers.get("content-disposition") ?? "");
    expect(disposition).toContain("令和7年度_指標_つなぐ市地域福祉総合計画.csv");
    const bytes = utf8.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual([
      "基本目標",
      "施策",
      "取組",
      "指標",
      "目標（令和7年度）",
      "実績",
      "達成状況",
      "達成率",
      "コメント",
    ]);
    expect(rows).toHaveLength(1 + 5); // korei sees 1-2-1's five indicators
    expect(rows[1]).toEqual([
      `1 ${itemByCode.get("1")?.title}`,
      `1-2 ${itemByCode.get("1-2")?.title}`,
      `1-2-1 ${itemByCode.get("1-2-1")?.title}`,
      "通いの場の数",
      "１５か所以上",
      "18か所",
      "達成",
      "120.0%",
      comment,
    ]);

    const sjis = await korei.get(`/api/plans/${planId}/indicators/export.csv?fiscalYear=2025&encoding=shift_jis`);
    expect(sjis.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
    const decoded = iconv.decode(sjis.body as Buffer, "cp932");
    expect(decoded.charCodeAt(0)).not.toBe(0xfeff);
    expect(parseCsv(decoded)).toEqual(rows);
    expect(
      fields(await korei.get(`/api/plans/${planId}/indicators/export.csv?fiscalYear=2025&encoding=latin1`)),
    ).toEqual(["encoding"]);
  });

  it("writes the implementation plan as blocks per initiative, one column per fiscal year", async () => {
    const res = await office.get(`/api/plans/${planId}/implementation-plan/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("実施計画");
    if (!ws) throw new Error("no sheet");
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? "");
    // row 2: when the copy was made and which approved version the content builds on
    expect(text(2, 1)).toMatch(/^作成日 令和\d+年\d+月\d+日　状態: (施行中の版: 第\d+版|策定中（)/);
    const blockRows: number[] = [];
    ws.eachRow((_row, r) => {
      if (text(r, 1) === "取組No.") blockRows.push(r);
    });
    expect(blockRows).toHaveLength(13);
    const first = blockRows.find((r) => text(r, 2) === "1-2-1") as number;
    expect(text(first, 4)).toBe(itemByCode.get("1-2-1")?.title);
    expect(text(first + 1, 1)).toBe("担当課");
    expect(text(first + 1, 2)).toBe("高齢支援課");
    expect(text(first + 2, 1)).toBe("区分");
    expect(text(first + 3, 1)).toBe("事業概要");
    const header = first + 5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => text(header, c))).toEqual([
      "事業(取組)内容",
      "担当課",
      "成果(活動)指標",
      "令和6年度",
      "令和7年度",
      "令和8年度",
      "令和9年度",
      "令和10年度",
    ]);
    const milestoneRow = header + 4;
    expect(text(milestoneRow, 3)).toBe("支援体制の構築");
    expect([4, 5, 6, 7].map((c) => text(milestoneRow, c))).toEqual(["調査・研究", "支援の試行実施", "実施", ""]);
    expect(ws.getCell(milestoneRow, 5).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(1).width).toBe(34);

    // a department editor gets the blocks whose indicators it may see
    const mine = await korei.get(`/api/plans/${planId}/implementation-plan/export.xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mine.body as unknown as ExcelJS.Buffer);
    const ws2 = wb2.getWorksheet("実施計画");
    let shogaiIndicator = false;
    ws2?.eachRow((row) => {
      if (String(row.getCell(3).value ?? "") === "緊急時の受入れ件数") shogaiIndicator = true;
    });
    expect(shogaiIndicator).toBe(false);
  });
});

describe("a four-level implementation plan (initiatives with activities)", () => {
  let plan4: string;
  const dept = new Map<string, string>();
  const created: Record<string, string> = {};

  beforeAll(async () => {
    for (const d of (await office.get("/api/departments")).body.departments) dept.set(d.name, d.id);
    const res = await office.post("/api/plans", {
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
      const r = await office.post(`/api/plans/${plan4}/items`, {
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
    await t.database.db.update(plans).set({ evaluationLevel: 2 }).where(eq(plans.id, plan4));
    await plansRepo.touchPlan(t.database.db, t.municipalityId, plan4);
    for (const [code, name, targets] of [
      ["1-1-1-1", "市内登録事業者数", ["15事業者以上", "25事業者以上", "30事業者以上"]],
      ["1-1-1-2", "連携窓口数", ["3か所", "5か所以上", "6か所以上"]],
      ["1-1-1-3", "周知の実施", ["調査・研究", "試行実施", "実施"]],
    ] as const) {
      const r = await office.post(`/api/plans/${plan4}/indicators`, {
        itemId: created[code],
        kind: "activity",
        name,
        targets: targets.map((source, i) => ({ fiscalYear: 2024 + i, source })),
      });
      created[name] = r.body.indicator.id;
    }
  });

  it("rolls activities' departments up to their initiative in the matrix", async () => {
    const matrix = (await viewer.get(`/api/plans/${plan4}/department-matrix`)).body;
    expect(matrix).toMatchObject({ level: 2, levelName: "重点取組" });
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.departments.map((d: { name: string }) => d.name)).toEqual(["福祉政策課", "福祉相談課"]);
    expect(matrix.rows[0].marks).toEqual({
      [dept.get("福祉政策課") as string]: "own",
      [dept.get("福祉相談課") as string]: "rolledUp",
    });
  });

  it("lets a department see its activity's indicators, inherits the 担当課 of an activity without one", async () => {
    const list = (await soudan.get(`/api/plans/${plan4}/indicators?fiscalYear=2025`)).body.indicators;
    expect(list.map((i: { name: string }) => i.name)).toEqual(["連携窓口数"]);
    expect((await soudan.get(`/api/indicators/${created.市内登録事業者数}`)).status).toBe(404);
    const all = (await office.get(`/api/plans/${plan4}/indicators?fiscalYear=2025`)).body.indicators;
    expect(all.find((i: { name: string }) => i.name === "周知の実施").departments).toEqual([
      { id: dept.get("福祉政策課"), name: "福祉政策課" },
    ]);
    const mine = (await soudan.get(`/api/plans/${plan4}/my-department?fiscalYear=2025`)).body;
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ mark: "rolledUp", item: { code: "1-1-1" } });
    expect(mine.items[0].indicators.map((i: { name: string }) => i.name)).toEqual(["連携窓口数"]);
  });

  it("gives an initiative's sheet the indicators of its activities", async () => {
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, plan4));
    if (!row) throw new Error("no plan");
    const put = await soudan.put(`/api/indicators/${created.連携窓口数}/actuals/2025`, { kind: "number", value: "６" });
    expect(put.body.attainment.status).toBe("met");
    const [fresh] = await t.database.db.select().from(plans).where(eq(plans.id, plan4));
    const result = await indicatorsOfSheet(t.database.db, fresh ?? row, created["1-1-1"] as string, 2025);
    expect(result.indicators.map((i) => i.name)).toEqual(["市内登録事業者数", "連携窓口数", "周知の実施"]);
    expect(result.suggestedGrade.grade).toBe("A");
  });

  it("exports the initiative block with its activities and one column per year", async () => {
    const res = await office.get(`/api/plans/${plan4}/implementation-plan/export.xlsx`);
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

describe("robustness", () => {
  it("never answers 500 to generated payloads on the indicator write endpoints", async () => {
    const nasty = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom("\u0000", "\ud800", "１，２００", "—", "", "試行", "=cmd|' /C calc'!A0", "長".repeat(3000)),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    const keys = ["kind", "value", "step", "text", "comment", "itemId", "name", "targets", "source", "steps"];
    const body = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), nasty, {
      maxKeys: 5,
    });
    const ok = (status: number) => status < 500;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const current = (await office.get(`/api/indicators/${ids.asNeeded}`)).body.indicator;
        const actual = current.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2026).actual;
        const results = [
          await office.put(`/api/indicators/${ids.asNeeded}/actuals/2026`, b, ifMatch(actual?.version ?? 0)),
          await office.post(`/api/plans/${planId}/indicators`, { itemId: item("1-1-1"), kind: "outcome", ...b }),
          await office.put(`/api/indicators/${ids.asNeeded}/targets/2028`, b),
          await office.patch(`/api/indicators/${ids.asNeeded}`, b, ifMatch(current.version)),
          await office.put(`/api/plans/${planId}/milestone-ladder`, b, ifMatch(0)),
        ];
        for (const r of results) {
          expect(ok(r.status)).toBe(true);
          if (r.status >= 400) expect(typeof r.body.message).toBe("string");
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("deletes an actual and an indicator under If-Match, with 404 afterwards", async () => {
    const created = await create("1-1-1", "削除する指標", { 2025: "1回" });
    const put = await office.put(`/api/indicators/${created.id}/actuals/2025`, { kind: "number", value: 1 });
    expect(put.status).toBe(200);
    expect((await office.request("DELETE", `/api/indicators/${created.id}/actuals/2025`)).status).toBe(428);
    expect(
      (await office.request("DELETE", `/api/indicators/${created.id}/actuals/2025`, undefined, ifMatch(1))).status,
    ).toBe(204);
    expect((await office.request("DELETE", `/api/indicators/${created.id}`, undefined, ifMatch(2))).status).toBe(412);
    expect((await korei.request("DELETE", `/api/indicators/${created.id}`, undefined, ifMatch(1))).status).toBe(403);
    expect((await office.request("DELETE", `/api/indicators/${created.id}`, undefined, ifMatch(1))).status).toBe(204);
    expect((await office.get(`/api/indicators/${created.id}`)).status).toBe(404);
  });

  it("reads Accept-Encoding the way browsers send it", () => {
    const req = (v?: string) => ({ headers: { "accept-encoding": v } }) as unknown as FastifyRequest;
    expect(acceptsGzip(req("gzip, deflate, br"))).toBe(true);
    expect(acceptsGzip(req("br;q=1.0, gzip;q=0.8"))).toBe(true);
    expect(acceptsGzip(req("gzip;q=0"))).toBe(false);
    expect(acceptsGzip(req("identity"))).toBe(false);
    expect(acceptsGzip(req(undefined))).toBe(false);
  });
});
