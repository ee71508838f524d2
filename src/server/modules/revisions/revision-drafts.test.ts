import { beforeAll, describe, expect, it } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { latestAuditRecord } from "../../../../test/helpers/audit-records.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";

// What the revision routes refuse, and taking back a draft; the plan starts with its revisions 1 (策定時) and 2
// approved, as the story in revisions.test.ts leaves it.
const app = signedInApp({ office: "keikaku", korei: "korei", viewer: "iin" });
let planId: string;
let items: { id: string; level: number; title: string; version: number }[];

const projects = () => items.filter((i) => i.level === 2);
const url = (path = "") => `/api/plans/${planId}${path}`;

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  items = (await app.office.get(url())).body.items;
  const started = await app.office.post(url("/revisions"), {});
  expect(started.status).toBe(201);
  const approved = await app.office.post(url("/revisions/2/approve"), {}, ifMatch(started.body.revision.version));
  expect(approved.status).toBe(200);
});

describe("plan revisions: refusals and drafts taken back", () => {
  it("answers bad references with 400 and hides other municipalities' plans (404)", async () => {
    expect((await app.office.get(url("/diff?from=abc&to=2"))).status).toBe(400);
    expect((await app.office.get(url("/diff?from=1&to=9"))).status).toBe(404);
    expect((await app.office.post(url("/revisions"), { label: "x".repeat(101) })).status).toBe(400);
    await createMunicipality(app.t.database.db, "999777");
    const stranger = await ApiClient.login(app.t.baseUrl, "office", FACTORY_PASSWORD, "999777");
    expect((await stranger.get(url("/revisions"))).status).toBe(404);
    expect((await stranger.get(url("/diff?from=1&to=2"))).status).toBe(404);
    expect((await stranger.post(url("/revisions"), {})).status).toBe(404);
    expect((await stranger.post(url("/revisions/2/approve"), {}, ifMatch(1))).status).toBe(404);
  });

  it("deletes a draft with its version (audited); approved revisions cannot be deleted (409)", async () => {
    const del = (client: ApiClient, number: number | string, headers: Record<string, string> = {}) =>
      client.request("DELETE", url(`/revisions/${number}`), undefined, headers);
    const started = await app.office.post(url("/revisions"), { label: "取りやめる改定" });
    expect(started.status).toBe(201);
    const draft = started.body.revision as { id: string; number: number; version: number };
    expect(draft.number).toBe(3);
    // a live edit made while the draft exists
    const item = projects()[2];
    if (!item) throw new Error("demo plan changed");
    await app.office.patch(url(`/items/${item.id}`), { title: `${item.title}（案）` }, ifMatch(item.version));

    expect((await del(app.korei, 3, ifMatch(draft.version))).status).toBe(403);
    expect((await del(app.viewer, 3, ifMatch(draft.version))).status).toBe(403);
    const stranger = await ApiClient.login(app.t.baseUrl, "office", FACTORY_PASSWORD, "999777");
    expect((await del(stranger, 3, ifMatch(draft.version))).status).toBe(404);
    expect((await del(app.office, 3)).status).toBe(428);
    expect((await del(app.office, 3, ifMatch(draft.version + 1))).status).toBe(412);
    expect((await del(app.office, 9, ifMatch(1))).status).toBe(404);
    const bad = await del(app.office, "abc", ifMatch(1));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(["number"]);

    const current = (await app.office.get(url("/revisions"))).body.revisions[1] as { number: number; version: number };
    const approved = await del(app.office, current.number, ifMatch(current.version));
    expect(approved.status).toBe(409);
    expect(approved.body.message).toMatch(/^第2版「.+」は承認済みのため削除できません/);

    const ok = await del(app.office, 3, ifMatch(draft.version));
    expect(ok.status).toBe(204);
    const list = (await app.office.get(url("/revisions"))).body;
    expect(list.revisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    expect(list).toMatchObject({ current: 2, draft: null });
    expect((await del(app.office, 3, ifMatch(draft.version))).status).toBe(404);
    // the live edits stay: they are the working copy of the next draft
    const live = (await app.office.get(url("/diff?from=2&to=current"))).body.changes as { itemId: string }[];
    expect(live.some((c) => c.itemId === item.id)).toBe(true);

    const record = await latestAuditRecord(app.t.database.db, {
      municipalityId: app.t.municipalityId,
      entityType: "plan_revision",
    });
    expect(record).toMatchObject({ action: "delete", entityId: draft.id, actorLabel: "keikaku" });
    expect(record?.before).toMatchObject({ number: 3, label: "取りやめる改定", status: "draft" });

    // a new draft can be started again (it takes the free number)
    const again = await app.office.post(url("/revisions"), {});
    expect(again.status).toBe(201);
    expect(again.body.revision).toMatchObject({ number: 3, status: "draft" });
  });
});
