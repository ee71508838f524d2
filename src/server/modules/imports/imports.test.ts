import { readFileSync } from "node:fs";
import { count, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/support/api-client.js";
import { startTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { auditLog, evaluationSheets, planItems, plans } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { commitImport } from "./service.js";

const seed = (name: string) => readFileSync(new URL(`../../../../../shared/seeds/${name}`, import.meta.url));
const meguro = seed("000_0609a957ecd4939b.txt");

let t: TestApp;
let office: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  office = await ApiClient.login(t.baseUrl, "keikaku");
});
afterAll(async () => {
  await t?.close();
});

async function counts() {
  const db = t.database.db;
  const [p] = await db.select({ n: count() }).from(plans);
  const [i] = await db.select({ n: count() }).from(planItems);
  const [s] = await db.select({ n: count() }).from(evaluationSheets);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { plans: p?.n, items: i?.n, sheets: s?.n, audit: a?.n };
}

describe("importing an evaluation document", () => {
  it("refuses wrong input with a Japanese message and stores nothing", async () => {
    const before = await counts();
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /空/],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0x01]), /テキストファイルではありません/],
      [new Uint8Array([0x82, 0xff, 0xfe, 0x82, 0x00 + 0x41]), /文字コード/],
      [new Uint8Array(seed("003_85eef98ea598c221.txt")), /取り込める文書として読み取れません.*評価総括表と評価表/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel|tsunagu/],
    ];
    for (const [bytes, message] of cases) {
      for (const path of ["/api/imports/preview", "/api/imports"]) {
        const res = await office.post(path, bytes);
        expect(res.status, `${path} ${message}`).toBe(400);
        expect(res.body.message).toMatch(message);
      }
    }
    expect(await counts()).toEqual(before);
    const json = await office.post("/api/imports", { text: "x" });
    expect(json.status).toBe(400);
  });

  it("is for the plan office only", async () => {
    const korei = await ApiClient.login(t.baseUrl, "korei");
    expect((await korei.post("/api/imports/preview", new Uint8Array(meguro))).status).toBe(403);
  });

  it("previews without writing, then commits once; the same document again (even in Shift_JIS) adds nothing", async () => {
    const before = await counts();
    const preview = await office.post("/api/imports/preview", new Uint8Array(meguro));
    expect(preview.status).toBe(200);
    expect(preview.body.report).toMatchObject({
      goals: 7,
      measures: 24,
      items: 68,
      sheets: 68,
      alreadyImported: false,
    });
    expect(preview.body.report.gradeCounts).toEqual({ counts: { AA: 2, A: 32, B: 30, C: 3, D: 1 }, ungraded: 0 });
    expect(await counts()).toEqual(before);

    const first = await office.post("/api/imports", new Uint8Array(meguro), {
      "x-file-name": encodeURIComponent("目黒.txt"),
    });
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const afterFirst = await counts();
    expect(afterFirst.plans).toBe((before.plans ?? 0) + 1);
    expect(afterFirst.sheets).toBe((before.sheets ?? 0) + 68);

    const again = await office.post("/api/imports", new Uint8Array(meguro));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, planId: first.body.planId });
    const bom = await office.post("/api/imports", new Uint8Array([0xef, 0xbb, 0xbf, ...meguro]));
    expect(bom.body.created).toBe(false);
    expect(await counts()).toEqual(afterFirst);

    // Shift_JIS cannot hold every character of the UTF-8 original (— becomes ―, ～ comes back as 〜), so the
    // Shift_JIS file is a new document; the same text brought back as UTF-8 with a BOM is then recognised.
    const sjisBytes = iconv.encode(meguro.toString("utf8"), "cp932");
    const sjisText = new TextDecoder("shift_jis").decode(sjisBytes);
    const sjis = await office.post("/api/imports", new Uint8Array(sjisBytes));
    expect(sjis.status).toBe(201);
    expect(sjis.body.report).toMatchObject({ encoding: "shift_jis", items: 68, sheets: 68 });
    const utf8Again = await office.post(
      "/api/imports/preview",
      new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sjisText)])),
    );
    expect(utf8Again.body.report).toMatchObject({ encoding: "utf-8-bom", alreadyImported: true });

    // the computed summary follows the sheets, and the raw text of every field is kept
    const summary = (await office.get(`/api/plans/${first.body.planId}/summary?fiscalYear=2024`)).body.summary;
    expect(summary.total.counts).toEqual({ AA: 2, A: 32, B: 30, C: 3, D: 1 });
    const sheets = (await office.get(`/api/plans/${first.body.planId}/evaluations/2024/sheets`)).body.sheets;
    const first1 = (await office.get(`/api/sheets/${sheets[0].id}`)).body.sheet;
    expect(first1.source.results.raw).toBe(first1.results);
    expect(first1.source.results.line).toBeGreaterThan(150);
    const history = (await office.get(`/api/sheets/${sheets[0].id}/history`)).body.history;
    expect(history[0]).toMatchObject({ action: "import", actionLabel: "取込" });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("lands completely or not at all: a failure at the last step leaves nothing behind", async () => {
    const db = t.database.db;
    const other = meguro
      .toString("utf8")
      .replace("目黒区保健医療福祉計画（令和6～10年度）", "別区保健医療福祉計画（令和6～10年度）");
    await db.execute(sql`create or replace function fail_import() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end; $$`);
    await db.execute(
      sql`create trigger fail_import before insert on imports for each row execute function fail_import()`,
    );
    const before = await counts();
    const actor = { municipalityId: t.municipalityId, userId: null, loginId: "test" };
    await expect(commitImport(db, actor, null, new TextEncoder().encode(other), "x.txt")).rejects.toThrow();
    expect(await counts()).toEqual(before);
    await db.execute(sql`drop trigger fail_import on imports`);
    const ok = await commitImport(db, actor, null, new TextEncoder().encode(other), "x.txt");
    expect(ok.created).toBe(true);
  });
});
