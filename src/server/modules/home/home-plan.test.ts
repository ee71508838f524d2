import { beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";

// ホーム on the plan side: a plan made here (four items: two of 高齢支援課, one of 障害福祉課, one of both), its
// 令和7年度 round opened, sheets moved by hand, so every count is known.
const app = signedInApp({
  office: "keikaku",
  korei: "korei",
  shogai: "shogai",
  viewer: "iin",
  admin: "admin",
  support: "shienkanri",
});

interface Item {
  key: string;
  label: string;
  count: number;
  link: string;
  attention: boolean;
}
interface Section {
  key: string;
  title: string;
  fiscalYear: number | null;
  items: Item[];
}

let planId: string;
const sheetOf: Record<string, { id: string; version: number }> = {};
const indicatorOf: Record<string, string> = {};

async function sectionOfPlan(client: ApiClient) {
  const res = await client.get("/api/home");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const sections = res.body.home.sections as Section[];
  return sections.find((s) => s.key.startsWith(`plan:${planId}:`));
}

async function countsOf(client: ApiClient) {
  const section = await sectionOfPlan(client);
  return Object.fromEntries((section?.items ?? []).map((i) => [i.key, i.count]));
}

const filled = { results: "実施した（テスト）", grade: "A", reason: "目標どおり（テスト）" };

async function submit(client: ApiClient, title: string) {
  const sheet = sheetOf[title] as { id: string; version: number };
  const res = await client.post(`/api/sheets/${sheet.id}/submit`, filled, ifMatch(sheet.version));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  sheetOf[title] = res.body.sheet;
}

beforeAll(async () => {
  const departments = (await app.office.get("/api/departments")).body.departments as { id: string; name: string }[];
  const dept = (name: string) => departments.find((d) => d.name === name)?.id as string;
  const created = await app.office.post("/api/plans", {
    title: "ホーム確認計画（テスト）",
    kind: "テスト",
    startFiscalYear: 2024,
    endFiscalYear: 2026,
    levelNames: ["事業"],
    gradeScale: [
      { code: "A", label: "順調" },
      { code: "B", label: "遅れ" },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  planId = created.body.plan.id;
  const items: [string, string[]][] = [
    ["見守り", ["高齢支援課"]],
    ["サロン", ["高齢支援課"]],
    ["移動支援", ["障害福祉課"]],
    ["権利擁護", ["高齢支援課", "障害福祉課"]],
  ];
  for (const [title, names] of items) {
    const item = await app.office.post(`/api/plans/${planId}/items`, {
      parentItemId: null,
      title,
      departmentIds: names.map(dept),
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
  }
  // an indicator of each department's item, with a target for the year and no actual yet
  const itemIds = Object.fromEntries(
    ((await app.office.get(`/api/plans/${planId}`)).body.items as { id: string; title: string }[]).map((i) => [
      i.title,
      i.id,
    ]),
  );
  for (const [title, name] of [
    ["見守り", "見守り訪問の件数（テスト）"],
    ["移動支援", "移動支援の利用者数（テスト）"],
  ] as const) {
    const indicator = await app.office.post(`/api/plans/${planId}/indicators`, {
      itemId: itemIds[title],
      kind: "activity",
      name,
      targets: [{ fiscalYear: 2025, source: "100件以上" }],
    });
    expect(indicator.status, JSON.stringify(indicator.body)).toBe(201);
    indicatorOf[title] = indicator.body.indicator.id;
  }
  // an earlier year opened first (opening a year puts the plan's 第1版 in force): the home page shows the newest
  for (const fiscalYear of [2024, 2025]) {
    const opened = await app.office.post(`/api/plans/${planId}/evaluations`, { fiscalYear });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  }
  const sheets = (await app.office.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets as {
    id: string;
    version: number;
    item: { title: string };
  }[];
  for (const s of sheets) sheetOf[s.item.title] = s;
  expect(Object.keys(sheetOf).sort()).toEqual(["サロン", "権利擁護", "移動支援", "見守り"].sort());
});

describe("the plan side's home page", () => {
  it("shows the plan office the newest open year, with every sheet still to submit", async () => {
    const section = await sectionOfPlan(app.office);
    expect(section).toMatchObject({ title: "ホーム確認計画（テスト）", fiscalYear: 2025 });
    expect(section?.items.map((i) => [i.key, i.count, i.attention])).toEqual([
      ["sheets_submitted", 0, false],
      ["sheets_returned", 0, false],
      ["sheets_not_started", 4, false],
      ["sheets_draft", 0, false],
      ["departments_late", 2, false],
    ]);
    expect(section?.items[0]).toMatchObject({
      label: "承認待ちの評価表",
      link: `/evaluations?planId=${planId}&fy=2025&status=submitted`,
    });
  });

  it("counts each department's own sheets only, and follows them through submission and return", async () => {
    expect(await countsOf(app.korei)).toEqual({
      sheets_returned: 0,
      sheets_not_started: 3,
      sheets_draft: 0,
      sheets_submitted: 0,
      sheets_accepted: 0,
      actuals_missing: 1,
    });
    expect((await countsOf(app.shogai)).sheets_not_started).toBe(2);
    const actual = await app.korei.put(`/api/indicators/${indicatorOf.見守り}/actuals/2025`, {
      kind: "number",
      value: 120,
    });
    expect(actual.status, JSON.stringify(actual.body)).toBe(200);
    // 高齢支援課 entered its actual; 障害福祉課 has not
    expect((await countsOf(app.korei)).actuals_missing).toBe(0);
    expect((await countsOf(app.shogai)).actuals_missing).toBe(1);

    await submit(app.korei, "見守り");
    await submit(app.korei, "サロン");
    await submit(app.shogai, "移動支援");
    const draft = sheetOf.権利擁護 as { id: string; version: number };
    const saved = await app.shogai.put(
      `/api/sheets/${draft.id}`,
      { results: "途中（テスト）" },
      ifMatch(draft.version),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const salon = sheetOf.サロン as { id: string; version: number };
    const returned = await app.office.post(
      `/api/sheets/${salon.id}/return`,
      { comment: "実績の数字を入れてください" },
      ifMatch(salon.version),
    );
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const watch = sheetOf.見守り as { id: string; version: number };
    expect((await app.office.post(`/api/sheets/${watch.id}/accept`, {}, ifMatch(watch.version))).status).toBe(200);

    expect(await countsOf(app.office)).toEqual({
      sheets_submitted: 1,
      sheets_returned: 1,
      sheets_not_started: 0,
      sheets_draft: 1,
      // 権利擁護 (draft) is both departments'; the returned サロン is not "not yet submitted"
      departments_late: 2,
    });
    expect(await countsOf(app.korei)).toEqual({
      sheets_returned: 1,
      sheets_not_started: 0,
      sheets_draft: 1,
      sheets_submitted: 0,
      sheets_accepted: 1,
      actuals_missing: 0,
    });
    expect(await countsOf(app.shogai)).toEqual({
      sheets_returned: 0,
      sheets_not_started: 0,
      sheets_draft: 1,
      sheets_submitted: 1,
      sheets_accepted: 0,
      actuals_missing: 1,
    });
    const korei = await sectionOfPlan(app.korei);
    expect(korei?.items[0]).toEqual({
      key: "sheets_returned",
      label: "差戻しの評価表",
      count: 1,
      link: `/evaluations?planId=${planId}&fy=2025&status=returned`,
      attention: true,
    });
    // the plan office waits on the submitted one
    expect((await sectionOfPlan(app.office))?.items[0]).toMatchObject({ count: 1, attention: true });
  });

  it("gives a viewer the newest year's 総括表 with its accepted items", async () => {
    const section = await sectionOfPlan(app.viewer);
    expect(section?.items).toEqual([
      {
        key: "summary_latest",
        label: "総括表の承認済の項目",
        count: 1,
        link: `/summary?planId=${planId}&fy=2025`,
        attention: false,
      },
    ]);
  });

  it("gives the system administrator the plan office's counts, the support administrator only its accounts", async () => {
    expect(await countsOf(app.admin)).toEqual(await countsOf(app.office));
    const support = (await app.support.get("/api/home")).body.home.sections as Section[];
    expect(support.map((s) => s.key)).toEqual(["accounts"]);
    const accounts = support[0]?.items[0] as Item;
    expect(accounts).toMatchObject({ key: "accounts_without_second_factor", link: "/users" });
    // the support side's accounts as its administrator lists them, those without a second factor counted
    const users = (await app.support.get("/api/users")).body.users as { disabled: boolean; mfaEnrolled: boolean }[];
    expect(accounts.count).toBe(users.filter((u) => !u.disabled && !u.mfaEnrolled).length);
  });
});
