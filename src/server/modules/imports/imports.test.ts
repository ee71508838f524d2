import { and, count, eq, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import { decisionsHeader, expectImportRefused, registerEveryNewName } from "../../../../test/helpers/plan-import.js";
import { seed } from "../../../../test/helpers/seeds.js";
import { decideEveryNewName } from "../../../domain/departments/named-departments.js";
import {
  auditLog,
  departments,
  evaluationSheets,
  planItemDepartments,
  planItems,
  plans,
} from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { commitImport } from "./service.js";

const meguro = seed("000_0609a957ecd4939b.txt");

const app = signedInApp({ office: "keikaku" });

async function counts() {
  const db = app.t.database.db;
  const [p] = await db.select({ n: count() }).from(plans);
  const [i] = await db.select({ n: count() }).from(planItems);
  const [s] = await db.select({ n: count() }).from(evaluationSheets);
  const [a] = await db.select({ n: count() }).from(auditLog);
  const [d] = await db.select({ n: count() }).from(departments);
  return { plans: p?.n, items: i?.n, sheets: s?.n, audit: a?.n, departments: d?.n };
}

interface NamedDepartment {
  name: string;
  status: "existing" | "new" | "collective";
  department: { id: string; name: string } | null;
}

describe("the departments a document names", () => {
  // another plan's title: a document of its own, so the later tests still import the original once
  const text = meguro
    .toString("utf8")
    .replace("目黒区保健医療福祉計画（令和6～10年度）", "課の確認区保健医療福祉計画（令和6～10年度）");
  const bytes = new TextEncoder().encode(text);
  const commitWith = (decisions: Record<string, unknown>) =>
    app.office.post("/api/imports", bytes, decisionsHeader(decisions));
  const departmentNames = async () =>
    (await app.t.database.db.select({ name: departments.name }).from(departments)).map((d) => d.name);
  let dxId: string;
  let policyId: string;

  it("are listed in the preview: existing ones mapped (spelling aside), new ones marked, 各課 not a department", async () => {
    // registered in full-width letters, it is the sheets' DX戦略課
    const dx = await app.office.post("/api/departments", { name: "ＤＸ戦略課" });
    expect(dx.status).toBe(201);
    dxId = dx.body.department.id;
    const all = (await app.office.get("/api/departments")).body.departments as { id: string; name: string }[];
    policyId = all.find((d) => d.name === "福祉政策課")?.id ?? "";
    const before = await counts();
    const preview = await app.office.post("/api/imports/preview", bytes);
    expect(preview.status).toBe(200);
    const table = preview.body.report.departments as (NamedDepartment & Record<string, unknown>)[];
    const entry = (name: string) => table.find((d) => d.name === name);
    expect(entry("DX戦略課")).toMatchObject({
      status: "existing",
      department: { id: dxId, name: "ＤＸ戦略課" },
      matchedBy: "name",
    });
    expect(entry("防災課")).toMatchObject({ status: "existing", department: { name: "防災課" }, mentions: 2 });
    expect(entry("健康福祉計画課")).toMatchObject({ status: "new", department: null, firstLine: 159, mentions: 13 });
    expect(entry("各課")).toMatchObject({ status: "collective", department: null, mentions: 4 });
    expect(entry("関係各課")).toMatchObject({ status: "collective", department: null });
    expect(table.filter((d) => d.status === "new")).toHaveLength(17);
    expect(new Set(table.map((d) => d.name)).size).toBe(table.length);
    expect(await counts()).toEqual(before);
  });

  it("are never created silently: a commit without a decision for each new name is a field-named 400", async () => {
    const before = await counts();
    const none = await app.office.post("/api/imports", bytes);
    expect(none.status).toBe(400);
    const fields = none.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toHaveLength(17);
    expect(fields).toContain("departments.健康福祉計画課");
    expect(fields).not.toContain("departments.各課");
    expect(fields).not.toContain("departments.防災課");
    expect(none.body.fields[0].message).toMatch(/新しい課として登録するか、既存の課に対応付けるか、登録しないか/);

    const partly = await commitWith({ 健康福祉計画課: { action: "create" } });
    expect(partly.status).toBe(400);
    expect(partly.body.fields).toHaveLength(16);
    const wrong = await commitWith({
      各課: { action: "create" },
      福祉総合課: { action: "map", departmentId: crypto.randomUUID() },
      存在しない課: { action: "create" },
      保育課: { action: "promote" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.map((f: { field: string }) => f.field)).toEqual(["departments.保育課.action"]);
    const refused = await commitWith({
      各課: { action: "create" },
      福祉総合課: { action: "map", departmentId: crypto.randomUUID() },
      存在しない課: { action: "create" },
    });
    expect(refused.status).toBe(400);
    const messages = Object.fromEntries(
      refused.body.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(messages["departments.各課"]).toMatch(/課の名前ではない/);
    expect(messages["departments.福祉総合課"]).toMatch(/登録済みの課から選んで/);
    expect(messages["departments.存在しない課"]).toMatch(/この文書に書かれていない/);
    const garbled = await app.office.post("/api/imports", bytes, { "x-import-departments": "%7B" });
    expect(garbled.status).toBe(400);
    expect(garbled.body.fields).toEqual([{ field: "departments", message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
  });

  it("registers the confirmed names, links a mapped name to the existing department, and never 各課", async () => {
    const preview = (await app.office.post("/api/imports/preview", bytes)).body.report;
    const decisions: Record<string, unknown> = Object.fromEntries(
      preview.departments
        .filter((d: NamedDepartment) => d.status === "new")
        .map((d: NamedDepartment) => [d.name, { action: "create" }]),
    );
    decisions.健康福祉計画課 = { action: "map", departmentId: policyId }; // the demo's plan office
    decisions.国保年金課 = { action: "skip" };
    const before = await counts();
    const res = await commitWith(decisions);
    expect(res.status).toBe(201);
    const outcome = (name: string) => res.body.report.departments.find((d: NamedDepartment) => d.name === name);
    expect(outcome("健康福祉計画課")).toMatchObject({
      outcome: "mapped",
      department: { id: policyId, name: "福祉政策課" },
    });
    expect(outcome("福祉総合課")).toMatchObject({ outcome: "created", department: { name: "福祉総合課" } });
    expect(outcome("DX戦略課")).toMatchObject({ outcome: "existing", department: { id: dxId } });
    expect(outcome("各課")).toMatchObject({ outcome: "collective", department: null });
    expect(outcome("国保年金課")).toMatchObject({ outcome: "skipped", department: null });

    const names = await departmentNames();
    expect(names).toEqual(expect.arrayContaining(["福祉総合課", "高齢福祉課", "保育課"]));
    for (const absent of ["各課", "関係各課", "健康福祉計画課", "国保年金課", "DX戦略課"])
      expect(names).not.toContain(absent);
    expect((await counts()).departments).toBe((before.departments ?? 0) + 15);

    // 事業1 (健康福祉計画課、各課) is linked to 福祉政策課 only; its sheet keeps the names as written
    const db = app.t.database.db;
    const planId = res.body.planId;
    const [item] = await db
      .select()
      .from(planItems)
      .where(and(eq(planItems.planId, planId), eq(planItems.level, 2), eq(planItems.code, "1")));
    const links = await db
      .select()
      .from(planItemDepartments)
      .where(eq(planItemDepartments.itemId, item?.id ?? ""));
    expect(links.map((l) => l.departmentId)).toEqual([policyId]);
    const [sheet] = await db
      .select()
      .from(evaluationSheets)
      .where(eq(evaluationSheets.itemId, item?.id ?? ""));
    expect(sheet?.departmentNames).toEqual(["健康福祉計画課", "各課"]);
    // 事業68 (国保年金課, not registered) has no department but keeps its name
    const [last] = await db
      .select()
      .from(planItems)
      .where(and(eq(planItems.planId, planId), eq(planItems.level, 2), eq(planItems.code, "68")));
    expect(
      await db
        .select()
        .from(planItemDepartments)
        .where(eq(planItemDepartments.itemId, last?.id ?? "")),
    ).toEqual([]);
    // each registered department is in the audit trail, as if registered on the 課の管理 page
    const created = await auditRecords(db, { entityType: "department", action: "create" });
    expect(created.length).toBe(15 + 1); // and ＤＸ戦略課, registered on the page above
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("importing an evaluation document", () => {
  it("refuses wrong input with a Japanese message and stores nothing", async () => {
    const before = await counts();
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /空/],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0x01]), /テキストファイルではありません/],
      [new Uint8Array([0x82, 0xff, 0xfe, 0x82, 0x00 + 0x41]), /文字コード/],
      [
        new TextEncoder().encode("会議のメモ\n次回は4月10日\n"),
        /取り込める文書として読み取れません.*評価総括表と評価表/,
      ],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel|tsunagu/],
    ];
    for (const [bytes, message] of cases) await expectImportRefused(app.office, bytes, message);
    // a roadmap (seed 004) is read, but belongs to an item the operator names: the web's commit writes nothing
    const roadmap = new Uint8Array(seed("004_8d3c3d46cf9e4ae1.txt"));
    expect((await app.office.post("/api/imports/preview", roadmap)).body.report).toMatchObject({ kind: "roadmap" });
    const unattached = await app.office.post("/api/imports", roadmap);
    expect(unattached.status).toBe(400);
    expect(unattached.body.message).toContain("取り込み先を指定してください");
    expect(await counts()).toEqual(before);
    const json = await app.office.post("/api/imports", { text: "x" });
    expect(json.status).toBe(400);
  });

  it("is for the plan office only", async () => {
    const korei = await ApiClient.login(app.t.baseUrl, "korei");
    expect((await korei.post("/api/imports/preview", new Uint8Array(meguro))).status).toBe(403);
  });

  it("previews without writing, then commits once; the same document again (even in Shift_JIS) adds nothing", async () => {
    const before = await counts();
    const preview = await app.office.post("/api/imports/preview", new Uint8Array(meguro));
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

    const first = await app.office.post("/api/imports", new Uint8Array(meguro), {
      "x-file-name": encodeURIComponent("目黒.txt"),
      ...registerEveryNewName(preview.body.report),
    });
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const afterFirst = await counts();
    expect(afterFirst.plans).toBe((before.plans ?? 0) + 1);
    expect(afterFirst.sheets).toBe((before.sheets ?? 0) + 68);

    const again = await app.office.post("/api/imports", new Uint8Array(meguro));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, planId: first.body.planId });
    const bom = await app.office.post("/api/imports", new Uint8Array([0xef, 0xbb, 0xbf, ...meguro]));
    expect(bom.body.created).toBe(false);
    expect(await counts()).toEqual(afterFirst);

    // Shift_JIS cannot hold every character of the UTF-8 original (— becomes ―, ～ comes back as 〜), so the
    // Shift_JIS file is a new document; the same text brought back as UTF-8 with a BOM is then recognised.
    const sjisBytes = iconv.encode(meguro.toString("utf8"), "cp932");
    const sjisText = new TextDecoder("shift_jis").decode(sjisBytes);
    const sjis = await app.office.post("/api/imports", new Uint8Array(sjisBytes));
    expect(sjis.status).toBe(201);
    expect(sjis.body.report).toMatchObject({ encoding: "shift_jis", items: 68, sheets: 68 });
    const utf8Again = await app.office.post(
      "/api/imports/preview",
      new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sjisText)])),
    );
    expect(utf8Again.body.report).toMatchObject({ encoding: "utf-8-bom", alreadyImported: true });

    // the computed summary follows the sheets, and the raw text of every field is kept
    const summary = (await app.office.get(`/api/plans/${first.body.planId}/summary?fiscalYear=2024`)).body.summary;
    expect(summary.total.counts).toEqual({ AA: 2, A: 32, B: 30, C: 3, D: 1 });
    const sheets = (await app.office.get(`/api/plans/${first.body.planId}/evaluations/2024/sheets`)).body.sheets;
    const first1 = (await app.office.get(`/api/sheets/${sheets[0].id}`)).body.sheet;
    expect(first1.source.results.raw).toBe(first1.results);
    expect(first1.source.results.line).toBeGreaterThan(150);
    const history = (await app.office.get(`/api/sheets/${sheets[0].id}/history`)).body.history;
    expect(history[0]).toMatchObject({ action: "import", actionLabel: "取込" });
    expect((await verifyAuditChain(app.t.database.db)).ok).toBe(true);
  });

  it("lands completely or not at all: a failure at the last step leaves nothing behind", async () => {
    const db = app.t.database.db;
    const other = meguro
      .toString("utf8")
      .replace("目黒区保健医療福祉計画（令和6～10年度）", "別区保健医療福祉計画（令和6～10年度）");
    await db.execute(sql`create or replace function fail_import() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end; $$`);
    await db.execute(
      sql`create trigger fail_import before insert on imports for each row execute function fail_import()`,
    );
    const before = await counts();
    const actor = { municipalityId: app.t.municipalityId, userId: null, loginId: "test" };
    const departments = (table: Parameters<typeof decideEveryNewName>[0]) => decideEveryNewName(table, "create");
    await expect(commitImport(db, actor, new TextEncoder().encode(other), "x.txt", { departments })).rejects.toThrow();
    expect(await counts()).toEqual(before);
    await db.execute(sql`drop trigger fail_import on imports`);
    const ok = await commitImport(db, actor, new TextEncoder().encode(other), "x.txt", { departments });
    expect(ok.created).toBe(true);
  });
});
