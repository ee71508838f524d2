import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../helpers/api-client.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

/**
 * Hostile values by example (generated-payloads.test.ts sends generated ones to every route): unknown keys and
 * __proto__ are refused rather than stored, text PostgreSQL cannot hold is refused with a field-named 400, and
 * full-width text and surrogate pairs are stored exactly.
 */
let t: TestApp;
let office: ApiClient;
let coord: ApiClient;
let sheetId: string;

beforeAll(async () => {
  t = await startTestApp();
  office = await ApiClient.login(t.baseUrl, "keikaku");
  coord = await ApiClient.login(t.baseUrl, "coord");
  const planId = (await office.get("/api/plans")).body.plans[0].id;
  sheetId = (await office.get(`/api/plans/${planId}/evaluations/2025/sheets?status=not_started`)).body.sheets[0].id;
});
afterAll(async () => {
  await t?.close();
});

async function raw(client: ApiClient, method: string, path: string, body: string, headers = {}) {
  const c = client as unknown as { cookie: string; csrf: string };
  const res = await fetch(t.baseUrl + path, {
    method,
    headers: { cookie: c.cookie, "x-csrf-token": c.csrf, "content-type": "application/json", ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const sheet = async () => (await office.get(`/api/sheets/${sheetId}`)).body.sheet;

describe("unknown keys and __proto__", () => {
  it("refuses them on a sheet instead of storing them", async () => {
    const before = await sheet();
    const proto = await raw(office, "PUT", `/api/sheets/${sheetId}`, '{"results":"x","__proto__":{"admin":true}}', {
      ...ifMatch(before.version),
    });
    expect(proto.status).toBe(400);
    const unknown = await raw(office, "PUT", `/api/sheets/${sheetId}`, '{"results":"x","status":"accepted"}', {
      ...ifMatch(before.version),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.map((f: { field: string }) => f.field)).toContain("(body)");
    const after = await sheet();
    expect(after.version).toBe(before.version);
    expect(after.status).not.toBe("accepted");
  });

  it("refuses them on persons and referral transitions", async () => {
    const staff = await ApiClient.login(t.baseUrl, "houkatsu");
    const res = await staff.post("/api/persons", { nameKana: "テスト", createdByAgencyId: sheetId });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain("(body)");
    const listed = (await staff.get("/api/referrals")).body.referrals[0];
    const referral = (await staff.get(`/api/referrals/${listed.id}`)).body.referral;
    const proto = await raw(
      staff,
      "POST",
      `/api/referrals/${referral.id}/transition`,
      '{"to":"accepted","__proto__":{"status":"completed"}}',
      ifMatch(referral.version),
    );
    expect(proto.status).toBe(400);
  });

  it("refuses them on case writes", async () => {
    const listed = (await coord.get("/api/cases")).body.cases[0];
    const current = (await coord.get(`/api/cases/${listed.id}`)).body.case;
    const proto = await raw(
      coord,
      "POST",
      `/api/cases/${current.id}/phase`,
      '{"to":"closed","reason":"x","__proto__":{"phase":"closed"}}',
      ifMatch(current.version),
    );
    expect(proto.status).toBe(400);
    const extra = await coord.post(`/api/cases/${current.id}/records`, {
      kind: "電話",
      date: "2025-06-01",
      text: "x",
      agencyId: current.id,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.fields.map((f: { field: string }) => f.field)).toContain("(body)");
    expect((await coord.get(`/api/cases/${current.id}`)).body.case.phase).toBe(current.phase);
  });

  it("refuses them on PUT /api/concerns", async () => {
    const supportAdmin = await ApiClient.login(t.baseUrl, "shienkanri");
    const current = (await supportAdmin.get("/api/concerns")).body;
    const proto = await raw(
      supportAdmin,
      "PUT",
      "/api/concerns",
      '{"categories":[{"label":"x","__proto__":{"active":false}}],"__proto__":{"admin":true}}',
      ifMatch(current.version),
    );
    expect(proto.status).toBe(400);
    const extra = await supportAdmin.put(
      "/api/concerns",
      { categories: [{ label: "x", color: "red" }] },
      ifMatch(current.version),
    );
    expect(extra.status).toBe(400);
    expect(extra.body.fields.map((f: { field: string }) => f.field)).toEqual(["categories.0"]);
    expect((await supportAdmin.get("/api/concerns")).body.version).toBe(current.version);
  });
});

describe("text PostgreSQL cannot hold, and text it can", () => {
  it("refuses a lone surrogate (not storable as UTF-8) with a field-named 400 instead of bending it", async () => {
    const before = await sheet();
    const res = await raw(office, "PUT", `/api/sheets/${sheetId}`, '{"results":"a\\ud800b"}', ifMatch(before.version));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: "results", message: expect.stringMatching(/文字/) }]);
  });

  it("refuses a NUL character with a field-named 400, in values and in keys", async () => {
    const before = await sheet();
    const res = await office.put(`/api/sheets/${sheetId}`, { previousStatus: "前年度\u0000" }, ifMatch(before.version));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: "previousStatus", message: "使用できない文字（NUL 文字）が含まれています" },
    ]);
    const key = await office.post("/api/departments", { "na\u0000me": "課" });
    expect(key.status).toBe(400);
    expect(key.body.fields[0].message).toBe("使用できない文字（NUL 文字）が含まれています");
    expect((await sheet()).version).toBe(before.version);
  });

  it("stores full-width text and surrogate pairs exactly", async () => {
    const before = await sheet();
    const text = "実績：ＡＢＣ１２３件、𠮷田さん🍣\n改行\tタブ";
    const saved = await office.put(`/api/sheets/${sheetId}`, { results: text }, ifMatch(before.version));
    expect(saved.status).toBe(200);
    expect((await sheet()).results).toBe(text);
  });
});
