import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../support/api-client.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

/**
 * Generated payloads against every write endpoint of the evaluation core: whatever arrives (full-width text,
 * surrogate pairs, lone surrogates, huge strings, unknown and __proto__ keys, wrong types), the answer is a
 * 2xx or a 4xx with a message, never a 500, and no unknown key is ever stored.
 */
let t: TestApp;
let office: ApiClient;
let planId: string;
let sheetId: string;

beforeAll(async () => {
  t = await startTestApp();
  office = await ApiClient.login(t.baseUrl, "keikaku");
  planId = (await office.get("/api/plans")).body.plans[0].id;
  sheetId = (await office.get(`/api/plans/${planId}/evaluations/2025/sheets?status=not_started`)).body.sheets[0].id;
});
afterAll(async () => {
  await t?.close();
});

const nastyString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "ＡＢＣ１２３",
    "𠮷野家🍣",
    "\ud800",
    "<script>alert(1)</script>",
    "'; drop table plans; --",
    "\u0000",
    "",
  ),
  fc.integer({ min: 20_001, max: 60_000 }).map((n) => "長".repeat(n)),
);
const nastyValue = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
);
const nastyKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "unknownField", "ｔｉｔｌｅ"),
  fc.string({ maxLength: 8 }),
);

function payload(knownKeys: string[]) {
  return fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), nastyKey), nastyValue, { maxKeys: 6 });
}

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  // JSON.stringify keeps a "__proto__" own key (fc.dictionary makes own keys), as an attacker would send it
  return fetchRaw(method, path, JSON.stringify(body), headers);
}

async function fetchRaw(method: string, path: string, raw: string, headers: Record<string, string>) {
  const c = office as unknown as { cookie: string; csrf: string };
  const res = await fetch(t.baseUrl + path, {
    method,
    headers: { cookie: c.cookie, "x-csrf-token": c.csrf, "content-type": "application/json", ...headers },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function check(res: { status: number; body: { message?: string } }) {
  expect(res.status).not.toBeGreaterThanOrEqual(500);
  if (res.status >= 400) expect(typeof res.body?.message).toBe("string");
}

describe("generated payloads", () => {
  it("never produce a 500 on the sheet, plan, item and department endpoints", async () => {
    const sheetKeys = ["previousStatus", "targetFirst", "targetSecond", "results", "grade", "reason", "issues"];
    const planKeys = [
      "title",
      "kind",
      "startFiscalYear",
      "endFiscalYear",
      "levelNames",
      "gradeScale",
      "constituentPlans",
    ];
    const itemKeys = [
      "parentItemId",
      "code",
      "title",
      "summary",
      "isNew",
      "isPriority",
      "category",
      "planPage",
      "departmentIds",
    ];
    await fc.assert(
      fc.asyncProperty(
        payload(sheetKeys),
        payload(planKeys),
        payload(itemKeys),
        payload(["name"]),
        async (s, p, i, d) => {
          const sheet = (await office.get(`/api/sheets/${sheetId}`)).body.sheet;
          check(await send("PUT", `/api/sheets/${sheetId}`, s, ifMatch(sheet.version)));
          check(await send("POST", "/api/plans", p));
          check(await send("POST", `/api/plans/${planId}/items`, i));
          check(await send("POST", "/api/departments", d));
          check(await send("POST", `/api/sheets/${sheetId}/return`, s, ifMatch(sheet.version)));
          check(await send("POST", `/api/plans/${planId}/evaluations`, s));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it("refuses __proto__ and unknown keys instead of storing them", async () => {
    const sheet = (await office.get(`/api/sheets/${sheetId}`)).body.sheet;
    const proto = await fetchRaw(
      "PUT",
      `/api/sheets/${sheetId}`,
      '{"results":"x","__proto__":{"admin":true}}',
      ifMatch(sheet.version),
    );
    expect(proto.status).toBe(400);
    const unknown = await fetchRaw(
      "PUT",
      `/api/sheets/${sheetId}`,
      '{"results":"x","status":"accepted"}',
      ifMatch(sheet.version),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.map((f: { field: string }) => f.field)).toContain("(body)");
    const after = (await office.get(`/api/sheets/${sheetId}`)).body.sheet;
    expect(after.version).toBe(sheet.version);
    expect(after.status).not.toBe("accepted");
  });

  it("refuses a lone surrogate (not storable as UTF-8) with a field-named 400 instead of bending it", async () => {
    const sheet = (await office.get(`/api/sheets/${sheetId}`)).body.sheet;
    const res = await fetchRaw("PUT", `/api/sheets/${sheetId}`, '{"results":"a\\ud800b"}', ifMatch(sheet.version));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: "results", message: expect.stringMatching(/文字/) }]);
  });

  it("stores full-width text and surrogate pairs exactly", async () => {
    const sheet = (await office.get(`/api/sheets/${sheetId}`)).body.sheet;
    const text = "実績：ＡＢＣ１２３件、𠮷田さん🍣\n改行\tタブ";
    const saved = await office.put(`/api/sheets/${sheetId}`, { results: text }, ifMatch(sheet.version));
    expect(saved.status).toBe(200);
    expect((await office.get(`/api/sheets/${sheetId}`)).body.sheet.results).toBe(text);
  });
});
