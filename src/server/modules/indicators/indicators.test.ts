import { describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { fields, startIndicatorWorld } from "../../../../test/helpers/indicator-world.js";

// Creating indicators and entering actuals; the reads, the ladder, the exports start from the state these leave
// (test/helpers/indicator-world.ts builds it again for them).
const w = worldForFile(startIndicatorWorld);
const ids: Record<string, string> = {};

describe("indicators: create and validate", () => {
  it("answers field-named 400s and lets only the plan office create", async () => {
    const empty = await w.office.post(`/api/plans/${w.planId}/indicators`, {});
    expect(empty.status).toBe(400);
    expect(fields(empty)).toEqual(expect.arrayContaining(["itemId", "kind", "name"]));

    const outside = await w.office.post(`/api/plans/${w.planId}/indicators`, {
      itemId: w.item("1-2-1"),
      kind: "activity",
      name: "x",
      targets: [
        { fiscalYear: 2025, source: "1回" },
        { fiscalYear: 2040, source: "1回" },
      ],
    });
    expect(outside.status).toBe(400);
    expect(fields(outside)).toEqual(["targets.1.fiscalYear"]);

    const dup = await w.office.post(`/api/plans/${w.planId}/indicators`, {
      itemId: w.item("1-2-1"),
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

    const badKind = await w.office.post(`/api/plans/${w.planId}/indicators`, {
      itemId: w.item("1-2-1"),
      kind: "other",
      name: "x",
    });
    expect(fields(badKind)).toEqual(["kind"]);

    const foreignItem = await w.office.post(`/api/plans/${w.planId}/indicators`, {
      itemId: crypto.randomUUID(),
      kind: "activity",
      name: "x",
    });
    expect(foreignItem.status).toBe(400);
    expect(fields(foreignItem)).toEqual(["itemId"]);

    const body = { itemId: w.item("1-2-1"), kind: "activity", name: "x" };
    expect((await w.korei.post(`/api/plans/${w.planId}/indicators`, body)).status).toBe(403);
    expect((await w.viewer.post(`/api/plans/${w.planId}/indicators`, body)).status).toBe(403);
  });

  it("creates indicators with typed targets, keeping each source as written", async () => {
    const a = await w.create("1-2-1", "通いの場の数", { 2025: "１５か所以上", 2026: "20か所以上" });
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
    ids.lte = (await w.create("1-2-1", "閉じこもりがちな高齢者の割合", { 2025: "20%以下" })).id;
    ids.eq = (await w.create("1-2-1", "サポーター登録者数", { 2025: "4,100人" })).id;
    ids.milestone = (
      await w.create(
        "1-2-1",
        "支援体制の構築",
        { 2024: "調査・研究", 2025: "支援の試行実施", 2026: "実施" },
        { baselineSource: "未実施", baselineFiscalYear: 2023 },
      )
    ).id;
    ids.asNeeded = (await w.create("1-2-1", "関係機関との連絡会", { 2025: "適宜" })).id;
    ids.shogai = (await w.create("2-2-1", "緊急時の受入れ件数", { 2025: "10件以上" })).id;
    ids.freeText = (await w.create("1-1-3", "研修計画", { 2025: "ロードマップの作成" })).id;
  });
});

describe("indicators: actuals and attainment", () => {
  const put = (client: ApiClient, id: string, body: object, headers: Record<string, string> = {}, fy = 2025) =>
    client.put(`/api/indicators/${id}/actuals/${fy}`, body, headers);

  it("decides ≥ / ≤ / = / milestones and reads full-width digits", async () => {
    const gte = await put(w.korei, ids.gte as string, { kind: "number", value: "１８", comment: "目標を上回った" });
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

    const lte = await put(w.korei, ids.lte as string, { kind: "number", value: 25 }, ifMatch(0));
    expect(lte.body.attainment).toMatchObject({ status: "notMet", rate: 0.8 });
    expect(lte.body.attainment.reason).toMatch(/上回っています/);

    const eq = await put(w.korei, ids.eq as string, { kind: "number", value: "１，２００人" });
    expect(eq.body.actual.value).toBe(1200);
    expect(eq.body.attainment.status).toBe("notMet");
    const eq2 = await put(w.korei, ids.eq as string, { kind: "number", value: "4,100" }, ifMatch(1));
    expect(eq2.status).toBe(200);
    expect(eq2.body.actual.version).toBe(2);
    expect(eq2.body.attainment).toMatchObject({ status: "met", rate: 1 });

    const ms = await put(w.korei, ids.milestone as string, { kind: "milestone", step: "試行" });
    expect(ms.body.actual.step).toBe("試行実施"); // stored as the ladder's label
    expect(ms.body.attainment.status).toBe("met");
    expect(ms.body.target.formatted).toBe("支援の試行実施");
    const behind = await put(w.korei, ids.milestone as string, { kind: "milestone", step: "検討" }, {}, 2024);
    expect(behind.body.attainment.status).toBe("met"); // 2024's target is 調査・研究, 検討 is further

    const manual = await put(w.korei, ids.asNeeded as string, { kind: "text", text: "4回開催した" });
    expect(manual.body.attainment.status).toBe("manual");
  });

  it("refuses bad actuals with field-named 400s", async () => {
    const offLadder = await put(w.korei, ids.milestone as string, { kind: "milestone", step: "完了" }, ifMatch(1));
    expect(offLadder.status).toBe(400);
    expect(offLadder.body.fields).toEqual([{ field: "step", message: expect.stringContaining("試行実施") }]);
    expect(offLadder.body.fields[0].message).toContain("調査・研究");
    const notNumber = await put(w.korei, ids.gte as string, { kind: "number", value: "たくさん" }, ifMatch(1));
    expect(fields(notNumber)).toEqual(["value"]);
    const wrongUnit = await put(w.korei, ids.gte as string, { kind: "number", value: "16人" }, ifMatch(1));
    expect(fields(wrongUnit)).toEqual(["value"]);
    const missing = await put(w.korei, ids.gte as string, { kind: "number" }, ifMatch(1));
    expect(fields(missing)).toEqual(["value"]);
    const badKind = await put(w.korei, ids.gte as string, { kind: "percent", value: 1 }, ifMatch(1));
    expect(fields(badKind)).toEqual(["kind"]);
    const outside = await put(w.korei, ids.gte as string, { kind: "number", value: 1 }, {}, 2030);
    expect(fields(outside)).toEqual(["fiscalYear"]);
    const badYear = await w.korei.put(`/api/indicators/${ids.gte}/actuals/来年`, { kind: "number", value: 1 });
    expect(fields(badYear)).toEqual(["fiscalYear"]);
  });

  it("hides other departments' indicators (404) and refuses viewers (403)", async () => {
    expect((await w.korei.get(`/api/indicators/${ids.shogai}`)).status).toBe(404);
    expect((await w.korei.get(`/api/indicators/${ids.shogai}/series`)).status).toBe(404);
    const write = await put(w.korei, ids.shogai as string, { kind: "number", value: 3 });
    expect(write.status).toBe(404);
    expect(write.body.message).toMatch(/見つかりません/);
    expect((await w.shogai.get(`/api/indicators/${ids.gte}`)).status).toBe(404);
    // changing an indicator is refused to every department editor by role, before the indicator is looked at:
    // the same 403 for an indicator of its own, of another department or none, so nothing is revealed
    expect((await w.shogai.patch(`/api/indicators/${ids.gte}`, { name: "x" }, ifMatch(1))).status).toBe(403);
    expect((await put(w.shogai, ids.shogai as string, { kind: "number", value: 12 })).status).toBe(200);

    expect((await w.viewer.get(`/api/indicators/${ids.gte}`)).status).toBe(200);
    expect((await put(w.viewer, ids.gte as string, { kind: "number", value: 1 }, ifMatch(1))).status).toBe(403);
    // a department editor may enter actuals but not change the indicator or its targets
    expect((await w.korei.patch(`/api/indicators/${ids.gte}`, { name: "x" }, ifMatch(1))).status).toBe(403);
    expect((await w.korei.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "1回" })).status).toBe(403);

    const koreiList = (await w.korei.get(`/api/plans/${w.planId}/indicators?fiscalYear=2025`)).body.indicators;
    expect(koreiList.map((i: { id: string }) => i.id)).not.toContain(ids.shogai);
    expect(koreiList.map((i: { id: string }) => i.id)).toContain(ids.gte);
    const shogaiList = (await w.shogai.get(`/api/plans/${w.planId}/indicators?fiscalYear=2025`)).body.indicators;
    expect(shogaiList.map((i: { id: string }) => i.id)).toEqual([ids.shogai]);
  });

  it("requires the current version: 412 when stale, 428 when an existing actual is written without one", async () => {
    const stale = await put(w.korei, ids.eq as string, { kind: "number", value: 1 }, ifMatch(1));
    expect(stale.status).toBe(412);
    expect(stale.body.details.currentVersion).toBe(2);
    expect((await put(w.korei, ids.eq as string, { kind: "number", value: 1 })).status).toBe(428);
    const createStale = await put(w.korei, ids.eq as string, { kind: "number", value: 1 }, ifMatch(3), 2026);
    expect(createStale.status).toBe(412);
    expect(createStale.body.details.currentVersion).toBe(0);
    const detail = (await w.korei.get(`/api/indicators/${ids.eq}`)).body.indicator;
    expect(detail.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2025).actual.value).toBe(4100);
    expect(detail.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2026).actual).toBeNull();

    const patched = await w.office.patch(`/api/indicators/${ids.eq}`, { name: "登録者数" }, ifMatch(1));
    expect(patched.status).toBe(200);
    expect(patched.headers.get("etag")).toBe('"2"');
    expect((await w.office.patch(`/api/indicators/${ids.eq}`, { name: "y" }, ifMatch(1))).status).toBe(412);
  });

  it("records every change of an actual in the audit trail, before and after", async () => {
    const rows = await auditRecords(w.t.database.db, { entityType: "indicator", entityId: ids.eq as string });
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["create", "create_actual", "update_actual", "update"]));
    const update = rows.find((r) => r.action === "update_actual");
    expect(update?.before).toMatchObject({ fiscalYear: 2025, value: 1200 });
    expect(update?.after).toMatchObject({ fiscalYear: 2025, value: 4100 });
    expect(update?.actorLabel).toBe("korei");
  });

  it("creates and replaces a target under If-Match", async () => {
    const created = await w.office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "25か所以上" });
    expect(created.status).toBe(200);
    expect(created.body.target).toMatchObject({ version: 1, typed: { kind: "numeric", value: 25 } });
    expect((await w.office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "26か所以上" })).status).toBe(428);
    const replaced = await w.office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "継続実施" }, ifMatch(1));
    expect(replaced.body.target).toMatchObject({ version: 2, typed: { kind: "milestone", step: "継続実施" } });
    const stale = await w.office.put(`/api/indicators/${ids.gte}/targets/2027`, { source: "x" }, ifMatch(1));
    expect(stale.status).toBe(412);
  });
});
