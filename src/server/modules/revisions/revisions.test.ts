import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { auditLog, indicators, indicatorTargets } from "../../db/schema/index.js";
import { chainOrder } from "../../platform/audit.js";

const app = signedInApp({ office: "keikaku", korei: "korei", viewer: "iin" });
let planId: string;
let items: { id: string; level: number; code: string; title: string; version: number; isPriority: boolean }[];
let indicatorId: string;

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  items = (await app.office.get(`/api/plans/${planId}`)).body.items;
  // the indicators API is written elsewhere: an indicator with targets, straight into its tables
  const project = projects()[0];
  const [ind] = await app.t.database.db
    .insert(indicators)
    .values({ municipalityId: app.t.municipalityId, planId, itemId: project?.id, kind: "outcome", name: "相談件数" })
    .returning();
  if (!ind) throw new Error("no indicator");
  indicatorId = ind.id;
  await app.t.database.db.insert(indicatorTargets).values(
    [
      { fiscalYear: 2025, value: 100 },
      { fiscalYear: 2026, value: 120 },
    ].map(({ fiscalYear, value }) => ({
      municipalityId: app.t.municipalityId,
      indicatorId,
      fiscalYear,
      source: `${value}件以上`,
      kind: "numeric",
      comparator: "gte",
      value,
      unit: "件",
    })),
  );
});

const projects = () => items.filter((i) => i.level === 2);
const url = (path = "") => `/api/plans/${planId}${path}`;

describe("plan revisions (ローリング方式)", () => {
  let draftVersion: number;

  it("starts next year's revision: baseline 1 (策定時) frozen first, then 2 as a draft; one draft at a time", async () => {
    expect((await app.korei.post(url("/revisions"), {})).status).toBe(403);
    expect((await app.viewer.post(url("/revisions"), {})).status).toBe(403);
    const empty = await app.korei.get(url("/revisions"));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ revisions: [], current: null, draft: null });

    const res = await app.office.post(url("/revisions"), {});
    expect(res.status).toBe(201);
    expect(res.body.baseline).toMatchObject({
      number: 1,
      label: "策定時",
      status: "approved",
      approvedBy: "keikaku",
      approvedByName: "計画 花子（福祉政策課）",
      basedOn: null,
    });
    expect(res.body.revision).toMatchObject({
      number: 2,
      status: "draft",
      approvedAt: null,
      approvedBy: null,
      basedOn: { number: 1, label: "策定時" },
    });
    expect(res.body.revision.label).toMatch(/^令和(元|\d+)年度改定$/);
    expect(res.headers.get("etag")).toBe(`"${res.body.revision.version}"`);
    draftVersion = res.body.revision.version;

    const again = await app.office.post(url("/revisions"), { label: "もう一つ" });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/第2版/);

    // the draft is seen only where it is drafted: the plan office's revisions screen, not a department's
    const seenByKorei = (await app.korei.get(url("/revisions"))).body;
    expect(seenByKorei.revisions.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [1, "approved"],
    ]);
    expect(seenByKorei).toMatchObject({ current: 1, draft: null });
    expect((await app.korei.get(url("/diff?from=1&to=draft"))).status).toBe(404);
    expect((await app.korei.get(url("/diff?from=1&to=2"))).status).toBe(404);
    const list = (await app.office.get(url("/revisions"))).body;
    expect(list.revisions.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [1, "approved"],
      [2, "draft"],
    ]);
    expect(list).toMatchObject({ current: 1, draft: 2 });
    // the demo's evaluations were opened before the baseline: they count under revision 1
    expect(list.revisions[0].evaluationFiscalYears).toEqual([2024, 2025]);
    expect(list.rounds).toEqual([
      expect.objectContaining({ fiscalYear: 2024, revisionNumber: 1 }),
      expect.objectContaining({ fiscalYear: 2025, revisionNumber: 1 }),
    ]);

    const none = (await app.office.get(url("/diff?from=1&to=draft"))).body;
    expect(none.changes).toEqual([]);
    expect(none.from).toMatchObject({ number: 1, status: "approved" });
    expect(none.to).toMatchObject({ number: 2, status: "live" });
  });

  it("approves the draft with its version: the live edits are frozen into 2 and diff 1→2 shows exactly them", async () => {
    const renamed = projects()[0];
    const measure = items.filter((i) => i.level === 1).at(-1);
    if (!renamed || !measure) throw new Error("demo plan changed");
    const patch = await app.office.patch(
      url(`/items/${renamed.id}`),
      { title: `${renamed.title}（拡充）` },
      ifMatch(renamed.version),
    );
    expect(patch.status).toBe(200);
    const added = await app.office.post(url("/items"), { parentItemId: measure.id, code: "9-9-9", title: "新規事業" });
    expect(added.status).toBe(201);
    await app.t.database.db
      .update(indicatorTargets)
      .set({ source: "110件以上", value: 110 })
      .where(and(eq(indicatorTargets.indicatorId, indicatorId), eq(indicatorTargets.fiscalYear, 2025)));

    expect((await app.korei.post(url("/revisions/2/approve"), {}, ifMatch(draftVersion))).status).toBe(403);
    expect((await app.office.post(url("/revisions/2/approve"), {})).status).toBe(428);
    const stale = await app.office.post(url("/revisions/2/approve"), {}, ifMatch(draftVersion + 5));
    expect(stale.status).toBe(412);
    expect((await app.office.post(url("/revisions/7/approve"), {}, ifMatch(1))).status).toBe(404);

    const ok = await app.office.post(url("/revisions/2/approve"), {}, ifMatch(draftVersion));
    expect(ok.status).toBe(200);
    expect(ok.body.revision).toMatchObject({ number: 2, status: "approved", approvedBy: "keikaku" });
    expect(ok.body.revision.version).toBe(draftVersion + 1);
    // a second approval from a client that did not see the first one is stale; with the new version, a conflict
    expect((await app.office.post(url("/revisions/2/approve"), {}, ifMatch(draftVersion))).status).toBe(412);
    expect((await app.office.post(url("/revisions/2/approve"), {}, ifMatch(ok.body.revision.version))).status).toBe(
      409,
    );

    const diff = await app.korei.get(url("/diff?from=1&to=2"));
    expect(diff.status).toBe(200);
    expect(diff.body.from).toMatchObject({ number: 1, label: "策定時", status: "approved" });
    expect(diff.body.to).toMatchObject({ number: 2, status: "approved" });
    expect(diff.body.summary).toMatchObject({
      added: 1,
      removed: 0,
      moved: 0,
      renamed: 1,
      changed: 0,
      targetsChanged: 1,
      indicatorsAdded: 0,
      planChanged: 0,
    });
    expect(diff.body.changes).toEqual([
      expect.objectContaining({
        type: "renamed",
        itemId: renamed.id,
        field: "title",
        before: renamed.title,
        after: `${renamed.title}（拡充）`,
      }),
      expect.objectContaining({
        type: "targetChanged",
        itemId: renamed.id,
        indicatorId,
        fiscalYear: 2025,
        before: expect.objectContaining({ source: "100件以上", value: 100 }),
        after: expect.objectContaining({ source: "110件以上", value: 110 }),
      }),
      expect.objectContaining({
        type: "added",
        itemId: added.body.item.id,
        code: "9-9-9",
        after: expect.objectContaining({ placement: expect.objectContaining({ parentItemId: measure.id }) }),
      }),
    ]);

    // 2 is in force and frozen: with nothing drafted, the structure is not changed in place (409) …
    const other = projects()[1];
    if (!other) throw new Error("demo plan changed");
    const outside = await app.office.patch(
      url(`/items/${other.id}`),
      { isPriority: !other.isPriority },
      ifMatch(other.version),
    );
    expect(outside.status).toBe(409);
    expect(outside.body.message).toMatch(/第2版.*施行中.*改定を始めて/);
    // … and what a later draft changes shows against it, never inside it
    const next = await app.office.post(url("/revisions"), { label: "次の改定" });
    expect(next.status).toBe(201);
    await app.office.patch(url(`/items/${other.id}`), { isPriority: !other.isPriority }, ifMatch(other.version));
    expect((await app.office.get(url("/diff?from=1&to=2"))).body.changes).toHaveLength(3);
    const live = (await app.office.get(url("/diff?from=2&to=current"))).body;
    expect(live.to).toMatchObject({ number: 3, status: "live" });
    expect(live.changes).toEqual([expect.objectContaining({ type: "changed", itemId: other.id, field: "isPriority" })]);
    // defaults: from the revision in force to the live state
    expect((await app.office.get(url("/diff"))).body.changes).toEqual(live.changes);
    // a department and a committee member see 2 as approved: the draft's change nowhere
    for (const reader of [app.korei, app.viewer]) {
      const shown = (await reader.get(url(""))).body;
      expect(shown.shown).toMatchObject({ kind: "in_force", number: 2, draftNumber: null });
      expect(shown.items.find((i: { id: string }) => i.id === other.id).isPriority).toBe(other.isPriority);
      expect((await reader.get(url("/diff"))).body.to).toMatchObject({ number: 2, status: "approved" });
    }
    // the plan office sees the draft where it drafts it
    const drafted = (await app.office.get(url("?revision=draft"))).body;
    expect(drafted.shown).toMatchObject({ kind: "draft", number: 3 });
    expect(drafted.items.find((i: { id: string }) => i.id === other.id).isPriority).toBe(!other.isPriority);
    expect((await app.korei.get(url("?revision=draft"))).status).toBe(404);
    // dropping the draft leaves its edits in the working copy, still seen by nobody but the plan office's draft views
    const draft3 = (await app.office.get(url("/revisions"))).body.revisions.find(
      (r: { number: number }) => r.number === 3,
    );
    expect((await app.office.request("DELETE", url("/revisions/3"), undefined, ifMatch(draft3.version))).status).toBe(
      204,
    );
    expect((await app.viewer.get(url(""))).body.items.find((i: { id: string }) => i.id === other.id).isPriority).toBe(
      other.isPriority,
    );

    const audits = await app.t.database.db
      .select({ action: auditLog.action, basis: auditLog.basis })
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, app.t.municipalityId), eq(auditLog.entityType, "plan_revision")))
      .orderBy(...chainOrder);
    expect(audits).toEqual([
      { action: "approve", basis: "baseline" },
      { action: "create", basis: null },
      { action: "approve", basis: null },
      { action: "create", basis: null },
      { action: "delete", basis: null },
    ]);
  });

  it("exports the diff as xlsx and as csv (UTF-8 with BOM) with Japanese headers", async () => {
    const xlsx = await app.viewer.get(url("/diff.xlsx?from=1&to=2"));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toContain("diff_1_2.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    // row 2: when the copy was made and what it compares
    expect(ws.getRow(2).getCell(1).value).toMatch(/^作成日 令和\d+年\d+月\d+日　状態: 承認済みの版どうしの比較です$/);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["種別", "番号", "名称", "項目", "変更前", "変更後"]);
    expect(ws.getRow(4).getCell(1).value).toBe("名称変更");
    expect(ws.getRow(5).getCell(1).value).toBe("目標値変更");
    expect(ws.getRow(5).getCell(5).value).toBe("100件以上");
    expect(ws.getRow(6).getCell(1).value).toBe("追加");
    expect(ws.rowCount).toBe(6);

    const csv = await app.korei.get(url("/diff.csv?from=1&to=2"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = (csv.body as Buffer).toString("utf8");
    expect(text.startsWith("\uFEFF種別,番号,名称,項目,変更前,変更後\r\n")).toBe(true);
    expect(text.trimEnd().split("\r\n")).toHaveLength(4);
    expect(text).toContain("目標値変更");
  });

  it("attributes a year's evaluation to the revision in force when its round was opened", async () => {
    expect((await app.office.post(url("/evaluations"), { fiscalYear: 2026 })).status).toBe(201);
    const list = (await app.viewer.get(url("/revisions"))).body;
    expect(
      list.rounds.map((r: { fiscalYear: number; revisionNumber: number }) => [r.fiscalYear, r.revisionNumber]),
    ).toEqual([
      [2024, 1],
      [2025, 1],
      [2026, 2],
    ]);
    expect(list.revisions[1]).toMatchObject({ number: 2, evaluationFiscalYears: [2026], inForce: { until: null } });
    expect(list.revisions[0].inForce.until).toBe(list.revisions[1].approvedAt);
  });
});
