/**
 * Monthly roadmaps over HTTP: the Meguro roadmap (seed 004) imported for the demo's 障害福祉課 item 2-2-1, read by
 * the plan side, its months entered by the owning department at the version it read, frozen in a closed year; the
 * import lands in one transaction; the mid-year seam counts what was entered.
 */
import { count, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { importRoadmap, roadmapSeedText } from "../../../../test/helpers/roadmap.js";
import { evaluationRounds, imports, roadmapMonths, roadmaps } from "../../db/schema/index.js";
import { commitImport } from "../imports/service.js";
import { getRoadmapSummaryForItem } from "./summary.js";

const app = signedInApp({ office: "keikaku", shogai: "shogai", korei: "korei", viewer: "iin" });

async function item(code: string) {
  const planId = await demoPlanId(app.office);
  const items = (await app.office.get(`/api/plans/${planId}`)).body.items as { id: string; code: string }[];
  return { planId, itemId: items.find((i) => i.code === code)?.id as string };
}

async function counts() {
  const db = app.t.database.db;
  const [r] = await db.select({ n: count() }).from(roadmaps);
  const [m] = await db.select({ n: count() }).from(roadmapMonths);
  const [i] = await db.select({ n: count() }).from(imports);
  return { roadmaps: r?.n, months: m?.n, imports: i?.n };
}

const actor = () => ({ municipalityId: app.t.municipalityId, userId: null, loginId: "test" });
const bytes = (text: string) => new TextEncoder().encode(text);

describe("roadmap import", () => {
  it("lands completely or not at all: a failure at the last step leaves no roadmap and no month", async () => {
    const { itemId } = await item("2-2-1");
    const db = app.t.database.db;
    await db.execute(sql`create or replace function fail_roadmap_import() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end; $$`);
    await db.execute(
      sql`create trigger fail_roadmap_import before insert on imports for each row execute function fail_roadmap_import()`,
    );
    const before = await counts();
    await expect(
      commitImport(db, actor(), bytes(roadmapSeedText()), "004.txt", { roadmapOwner: { itemId } }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
    await db.execute(sql`drop trigger fail_roadmap_import on imports`);
  });

  it("is refused without an item or project, and writes nothing", async () => {
    const before = await counts();
    await expect(commitImport(app.t.database.db, actor(), bytes(roadmapSeedText()), "004.txt")).rejects.toMatchObject({
      status: 400,
      code: "roadmap_owner",
    });
    expect(await counts()).toEqual(before);
  });
});

describe("a roadmap on its item", () => {
  let roadmapId = "";
  it("imports for 2-2-1 with all twelve months, and lists on the item", async () => {
    const { planId, itemId } = await item("2-2-1");
    const before = await counts();
    roadmapId = await importRoadmap(app.t, { itemId });
    expect(await counts()).toEqual({
      roadmaps: Number(before.roadmaps) + 1,
      months: Number(before.months) + 12,
      imports: Number(before.imports) + 1,
    });
    const list = await app.viewer.get(`/api/plans/${planId}/roadmaps`);
    expect(list.body.roadmaps).toEqual([
      {
        id: roadmapId,
        itemId,
        fiscalYear: 2022,
        title: "令和4年度 精神障害にも対応した地域包括ケアシステム構築支援事業",
      },
    ]);
    expect((await app.office.get(`/api/plans/${crypto.randomUUID()}/roadmaps`)).status).toBe(404);
  });

  it("shows indicators, streams, context and months; only the owning department and the plan office may write", async () => {
    const res = await app.korei.get(`/api/roadmaps/${roadmapId}`);
    expect(res.status).toBe(200);
    const r = res.body.roadmap;
    expect(r.indicators.map((i: { current: string; target: string }) => `${i.current}→${i.target}`)).toEqual([
      "開催1回→開催2回",
      "1件→申請者数",
      "実施2件→実施8件",
      "実施2回→実施4回",
    ]);
    expect(r.streams).toEqual(["協議会", "措置入院者退院後支援", "普及啓発", "アウトリーチ支援事業", "全体"]);
    expect(r.months).toHaveLength(12);
    expect(r.months[0].planned[0]).toEqual({
      stream: "協議会",
      text: "・令和3年度第2回協議会(書面開催)質問回答を作成し、各委員宛に送付。",
    });
    expect(r.months[0].progressPlanned[0].text).toContain("令和3年度第1回協議会");
    expect(r.context[0]).toEqual({
      section: "自治体の基礎情報",
      label: "総人口（令和5年5月1日現在）",
      value: "279,773人",
    });
    expect(r.owner).toMatchObject({ kind: "item", code: "2-2-1" });
    expect(r.canEdit).toBe(false); // 高齢支援課 does not own 2-2-1
    expect((await app.shogai.get(`/api/roadmaps/${roadmapId}`)).body.roadmap.canEdit).toBe(true);
    expect((await app.viewer.get(`/api/roadmaps/${roadmapId}`)).body.roadmap.canEdit).toBe(false);
    expect((await app.office.get(`/api/roadmaps/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("takes a month's actual and slip at the version read (If-Match), audited", async () => {
    const path = `/api/roadmaps/${roadmapId}/months/2023-02`;
    const body = {
      actual: [{ stream: "普及啓発", text: "・講師との打合せは3月に延期" }],
      slipped: true,
      slipNote: "講師の都合で日程を変更",
    };
    expect((await app.shogai.patch(path, body)).status).toBe(428);
    expect((await app.shogai.patch(path, body, ifMatch(7))).status).toBe(412);
    expect((await app.korei.patch(path, body, ifMatch(1))).status).toBe(403);
    expect((await app.viewer.patch(path, body, ifMatch(1))).status).toBe(403);
    const unknown = await app.shogai.patch(
      path,
      { ...body, actual: [{ stream: "存在しない", text: "x" }] },
      ifMatch(1),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([
      { field: "actual", message: "取組「存在しない」はこのロードマップにありません" },
    ]);

    const saved = await app.shogai.patch(path, body, ifMatch(1));
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe('"2"');
    expect(saved.body.month).toMatchObject({ month: "2023-02", slipped: true, slipNote: "講師の都合で日程を変更" });
    const again = await app.shogai.patch(path, body, ifMatch(1));
    expect(again.status).toBe(412);
    const shown = (await app.office.get(`/api/roadmaps/${roadmapId}`)).body.roadmap.months[10];
    expect(shown).toMatchObject({ month: "2023-02", actual: body.actual, slipped: true, version: 2 });
    const trail = await auditRecords(app.t.database.db, { entityType: "roadmap_month", action: "update" });
    expect(trail).toHaveLength(1); // the refused attempts wrote nothing
    expect(trail.at(-1)?.after).toMatchObject({ roadmapId, month: "2023-02", slipped: true, actual: body.actual });
    expect(trail.at(-1)?.before).toMatchObject({ slipped: false, actual: [] });
  });

  it("counts the months done and slipped up to a day for the mid-year report", async () => {
    const { itemId } = await item("2-2-1");
    const db = app.t.database.db;
    expect(await getRoadmapSummaryForItem(db, app.t.municipalityId, itemId, 2022, "2022-09-30")).toMatchObject({
      roadmapId,
      monthsDue: 6,
      monthsDone: 6, // April – September carry the progress sheet's actuals
      monthsSlipped: 0,
    });
    expect(await getRoadmapSummaryForItem(db, app.t.municipalityId, itemId, 2022, "2023-03-31")).toMatchObject({
      monthsDue: 12,
      monthsDone: 11, // January's actuals from the sheet and February's entered above; March has none
      monthsSlipped: 1,
      slipped: [{ month: "2023-02", note: "講師の都合で日程を変更" }],
    });
    expect(await getRoadmapSummaryForItem(db, app.t.municipalityId, itemId, 2023)).toBeNull();
  });

  it("refuses a second roadmap for the same item and year, writing nothing", async () => {
    const { itemId } = await item("2-2-1");
    const before = await counts();
    const other = roadmapSeedText().replace("目黒区は東京23区", "別の区は東京23区");
    await expect(
      commitImport(app.t.database.db, actor(), bytes(other), "x.txt", { roadmapOwner: { itemId } }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await counts()).toEqual(before);
  });

  it("is frozen once the plan office closes the year", async () => {
    const { planId } = await item("2-2-1");
    await app.t.database.db
      .insert(evaluationRounds)
      .values({ municipalityId: app.t.municipalityId, planId, fiscalYear: 2022, status: "closed" });
    const current = (await app.shogai.get(`/api/roadmaps/${roadmapId}`)).body.roadmap;
    expect(current).toMatchObject({ yearClosed: true, canEdit: false });
    const res = await app.shogai.patch(
      `/api/roadmaps/${roadmapId}/months/2023-03`,
      { actual: [], slipped: true, slipNote: null },
      ifMatch(current.months[11].version),
    );
    expect(res.status).toBe(409);
  });
});
