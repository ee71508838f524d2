/**
 * Publishing to residents: the plan office publishes a plan (from its approved revision) and a closed year, updates
 * and withdraws them, each audited; then the leak walk: every public page and file of a municipality that also has
 * an unpublished plan, a draft revision, an open year, non-public sheet fields and a withdrawn plan, searched for
 * each unpublished thing's marker, and each unpublished thing's own URL answering 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createMunicipality } from "../../../../test/factories/municipality.js";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";

const app = signedInApp(
  { office: "keikaku", korei: "korei", viewer: "iin" },
  { demoIndicators: true, demoBaseline: true },
);
const CODE = "999001";
let planId: string;
const api = (path = "") => `/api/plans/${planId}${path}`;
const site = `/p/${CODE}/`;

/** a resident: no cookie, no session */
async function resident(path: string) {
  const res = await fetch(app.t.baseUrl + path);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    cookie: res.headers.get("set-cookie"),
    text: await res.text(),
  };
}

const MARKERS = {
  notEvaluatedReason: "未評価理由マーカー休止",
  draftTitle: "改定案マーカー名称",
  openYearResults: "上半期の実施状況を記載（デモ）",
  nonPublicIssues: "関係機関との情報共有の仕組みを整える。",
  unpublishedPlan: "未公開計画マーカー",
  withdrawnPlan: "取り下げ計画マーカー",
};

async function newPlan(client: ApiClient, title: string) {
  const plan = (
    await client.post("/api/plans", {
      title,
      kind: "実施計画",
      startFiscalYear: 2024,
      endFiscalYear: 2026,
      levelNames: ["基本目標", "事業"],
      gradeScale: [
        { code: "A", label: "達成" },
        { code: "B", label: "未達成" },
      ],
    })
  ).body.plan as { id: string };
  const goal = await client.post(`/api/plans/${plan.id}/items`, {
    parentItemId: null,
    code: "1",
    title: `${title}の目標`,
  });
  await client.post(`/api/plans/${plan.id}/items`, {
    parentItemId: goal.body.item.id,
    code: "1-1",
    title: `${title}の事業`,
  });
  return plan.id;
}

let unpublishedPlanId: string;
let withdrawnPlanId: string;

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  // the demo's plan is published at load; withdrawn here, so the story starts from an unpublished plan
  const demo = await resident(`${site}plans/${planId}/`);
  expect(demo.status).toBe(200);
  expect(demo.text).toContain("計画の体系");
  const withdrawn = await app.office.request("DELETE", api("/publication"), undefined, ifMatch(1));
  expect(withdrawn.status).toBe(200);
  expect((await resident(`${site}plans/${planId}/`)).status).toBe(404);
  // the demo's 2024 has one sheet never written: left 未評価 with a reason, so the year can be closed
  const sheets = (await app.office.get(api("/evaluations/2024/sheets"))).body.sheets as {
    id: string;
    version: number;
    status: string;
  }[];
  for (const s of sheets.filter((x) => x.status !== "accepted")) {
    const res = await app.office.post(
      `/api/sheets/${s.id}/not-evaluated`,
      { reason: MARKERS.notEvaluatedReason },
      ifMatch(s.version),
    );
    expect(res.status).toBe(200);
  }
  expect((await app.office.post(api("/evaluations/2024/close"), {})).status).toBe(200);
});

describe("publishing", () => {
  it("is the plan office's alone, needs an approved revision and a closed year, and names only public sheet fields", async () => {
    expect((await app.korei.put(api("/publication"), { sheetFields: [] })).status).toBe(403);
    expect((await app.viewer.put(api("/publication"), { sheetFields: [] })).status).toBe(403);
    const internal = await app.office.put(api("/publication"), { sheetFields: ["notEvaluatedReason"] });
    expect(internal.status).toBe(400);
    expect(internal.body.fields[0].field).toMatch(/^sheetFields/);
    // a year before its plan is published
    expect((await app.office.put(api("/publications/2024"))).status).toBe(409);
    const never = await newPlan(app.office, "承認前の計画");
    const refused = await app.office.put(`/api/plans/${never}/publication`, { sheetFields: [] });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("承認");
  });

  it("publishes the plan and its closed year (audited), refuses an open year, and updates with If-Match", async () => {
    // published before (the demo's load), so publishing again names the version read
    expect((await app.office.put(api("/publication"), { sheetFields: ["results"] })).status).toBe(428);
    const plan = await app.office.put(api("/publication"), { sheetFields: ["results", "reason", "grade"] }, ifMatch(2));
    expect(plan.status).toBe(200);
    expect(plan.body.publication).toMatchObject({
      kind: "plan",
      status: "published",
      version: 3,
      url: `${site}plans/${planId}/`,
    });
    expect(plan.headers.get("etag")).toBe('"3"');
    expect((await app.office.put(api("/publications/2025"))).status).toBe(409);
    const year = await app.office.put(api("/publications/2024"));
    expect(year.status).toBe(200);
    expect(year.body.publication).toMatchObject({ kind: "year", fiscalYear: 2024, fiscalYearLabel: "令和6年度" });
    // an update names the version it read
    expect((await app.office.put(api("/publication"), { sheetFields: ["results", "reason", "grade"] })).status).toBe(
      428,
    );
    expect((await app.office.put(api("/publication"), { sheetFields: ["results"] }, ifMatch(9))).status).toBe(412);
    const updated = await app.office.put(
      api("/publication"),
      { sheetFields: ["results", "reason", "grade"] },
      ifMatch(3),
    );
    expect(updated.status).toBe(200);
    expect(updated.body.publication.version).toBe(4);
    const list = (await app.office.get(api("/publications"))).body.publications;
    expect(list.map((p: { kind: string; status: string }) => `${p.kind}:${p.status}`)).toEqual([
      "plan:published",
      "year:published",
    ]);
    const audit = await auditRecords(app.t.database.db, { entityType: "publication" });
    expect(audit.map((r) => r.action)).toEqual([
      "load_demo",
      "withdraw_publication",
      "publish",
      "publish",
      "update_publication",
    ]);
  });

  it("shows the snapshot: a later draft's rename reaches no public page until the office updates", async () => {
    const started = await app.office.post(api("/revisions"), {});
    expect(started.status).toBe(201);
    const items = (await app.office.get(`${api()}?scope=working`)).body.items as {
      id: string;
      level: number;
      title: string;
      version: number;
    }[];
    const item = items.find((i) => i.level === 2) ?? items[0];
    if (!item) throw new Error("demo plan has no items");
    const renamed = await app.office.patch(
      api(`/items/${item.id}`),
      { title: MARKERS.draftTitle },
      ifMatch(item.version),
    );
    expect(renamed.status).toBe(200);
    const page = await resident(`${site}plans/${planId}/items/${item.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(item.title);
    expect(page.text).not.toContain(MARKERS.draftTitle);
  });
});

describe("the leak walk", () => {
  beforeAll(async () => {
    unpublishedPlanId = await newPlan(app.office, MARKERS.unpublishedPlan);
    withdrawnPlanId = await newPlan(app.office, MARKERS.withdrawnPlan);
    const started = await app.office.post(`/api/plans/${withdrawnPlanId}/revisions`, {});
    const number = started.body.revision.number as number;
    const approved = await app.office.post(
      `/api/plans/${withdrawnPlanId}/revisions/${number}/approve`,
      {},
      ifMatch(started.body.revision.version),
    );
    expect(approved.status).toBe(200);
    const published = await app.office.put(`/api/plans/${withdrawnPlanId}/publication`, { sheetFields: [] });
    expect(published.status).toBe(200);
    expect((await resident(`${site}plans/${withdrawnPlanId}/`)).status).toBe(200);
    expect((await app.office.request("DELETE", `/api/plans/${withdrawnPlanId}/publication`)).status).toBe(428);
    const withdrawn = await app.office.request(
      "DELETE",
      `/api/plans/${withdrawnPlanId}/publication`,
      undefined,
      ifMatch(1),
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.publication.status).toBe("withdrawn");
  });

  /** every page and file reachable from the site's top and the catalogue, with its body */
  async function walk() {
    const seen = new Map<string, { status: number; text: string; cookie: string | null }>();
    const queue = [site, `${site}opendata/catalog.json`];
    while (queue.length) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      const res = await resident(path);
      seen.set(path, res);
      const links = [...res.text.matchAll(/(?:href|action)="([^"]+)"/g)].map((m) =>
        (m[1] as string).replace(/&amp;/g, "&"),
      );
      const downloads = [...res.text.matchAll(/"downloadURL":"([^"]+)"/g)].map((m) => new URL(m[1] as string).pathname);
      for (const link of [...links, ...downloads])
        if (link.startsWith(`/p/${CODE}/`) && !seen.has(link)) queue.push(link);
    }
    return seen;
  }

  it("finds every unpublished thing in no public page or file, and sets no cookie", async () => {
    const pages = await walk();
    expect(pages.size).toBeGreaterThan(30);
    for (const [path, res] of pages) {
      expect(res.status, path).toBe(200);
      expect(res.cookie, path).toBeNull();
      for (const marker of Object.values(MARKERS))
        expect(res.text.includes(marker), `${marker} in ${path}`).toBe(false);
    }
    const paths = [...pages.keys()];
    // what is published is there: the plan, its 2024 results, the public sheet field, items, indicators and files
    expect(paths).toContain(`${site}plans/${planId}/years/2024`);
    expect(paths.some((p) => p.includes("/indicators/"))).toBe(true);
    expect(paths).toContain(`${site}opendata/${planId}/projects-2024.csv`);
    expect(paths.some((p) => p.includes(unpublishedPlanId) || p.includes(withdrawnPlanId))).toBe(false);
    // the open year's page and files (ids are random: "2025" may stand inside one, so the year is matched as such)
    expect(paths.filter((p) => /\/years\/2025(\b|\/|$)|-2025\.(csv|json)$/.test(p))).toEqual([]);
  });

  it("answers 404 at each unpublished thing's own address", async () => {
    const hidden = [
      `${site}plans/${unpublishedPlanId}/`,
      `${site}plans/${withdrawnPlanId}/`,
      `${site}plans/${withdrawnPlanId}/search?q=事業`,
      `${site}opendata/${withdrawnPlanId}/items.csv`,
      `${site}opendata/${unpublishedPlanId}/items.json`,
      `${site}plans/${planId}/years/2025`,
      `${site}opendata/${planId}/summary-2025.csv`,
      `${site}opendata/${planId}/projects-2025.json`,
      `${site}plans/${planId}/items/00000000-0000-4000-8000-000000000000`,
    ];
    for (const path of hidden) {
      const res = await resident(path);
      expect(res.status, path).toBe(404);
      for (const marker of Object.values(MARKERS))
        expect(res.text.includes(marker), `${marker} in ${path}`).toBe(false);
    }
  });

  it("never shows this municipality's data under another code, and an unknown code is 404", async () => {
    await createMunicipality(app.t.database.db, "999777");
    const other = await resident("/p/999777/");
    expect(other.status).toBe(200);
    expect(other.text).toContain("公開している計画はまだありません");
    expect((await resident(`/p/999777/plans/${planId}/`)).status).toBe(404);
    expect((await resident(`/p/999777/opendata/${planId}/items.csv`)).status).toBe(404);
    const catalog = JSON.parse((await resident("/p/999777/opendata/catalog.json")).text);
    expect(catalog.dataset).toEqual([]);
    expect((await resident("/p/123456/")).status).toBe(404);
    expect((await resident(`/p/123456/plans/${planId}/`)).status).toBe(404);
  });

  it("withdraws a year: its page and files answer 404 at once", async () => {
    const year = (await app.office.get(api("/publications"))).body.publications.find(
      (p: { kind: string }) => p.kind === "year",
    );
    expect((await resident(`${site}plans/${planId}/years/2024`)).status).toBe(200);
    const res = await app.office.request("DELETE", api("/publications/2024"), undefined, ifMatch(year.version));
    expect(res.status).toBe(200);
    expect((await resident(`${site}plans/${planId}/years/2024`)).status).toBe(404);
    expect((await resident(`${site}opendata/${planId}/summary-2024.csv`)).status).toBe(404);
    const again = await app.office.put(api("/publications/2024"), undefined, ifMatch(res.body.publication.version));
    expect(again.status).toBe(200);
    expect(again.body.publication.status).toBe("published");
  });
});
