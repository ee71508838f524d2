import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/support/api-client.js";
import { startTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { agencies, persons, referralEvents, referrals } from "../../db/schema/index.js";
import { DEFAULT_CONCERNS, REFERRAL_STATUSES } from "./schema.js";

/**
 * Generated payloads against every write endpoint of issue 4 (agencies, persons, links, search, referrals,
 * transitions): never a 500, always a message on a 4xx, and nothing outside the schema is ever stored.
 */
let t: TestApp;
let office: ApiClient;
let staff: ApiClient;
let provider: ApiClient;
let personId: string;
let referralId: string;

beforeAll(async () => {
  t = await startTestApp();
  office = await ApiClient.login(t.baseUrl, "keikaku");
  staff = await ApiClient.login(t.baseUrl, "houkatsu");
  provider = await ApiClient.login(t.baseUrl, "jigyosha");
  personId = (await provider.post("/api/persons", { nameKana: "ペイロード テスト" })).body.person.id;
  const to = (await office.get("/api/agencies")).body.agencies.find((a: { name: string }) =>
    a.name.includes("地域包括"),
  );
  referralId = (
    await provider.post("/api/referrals", {
      personId,
      toAgencyId: to.id,
      concerns: ["その他"],
      observed: "生成データのテスト",
      urgency: "低",
      consent: "unknown",
    })
  ).body.referral.id;
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
    "'; drop table persons; --",
    "\u0000",
    "",
    "ｻﾄｳ",
    "%_\\",
    "2024-02-30",
  ),
  fc.integer({ min: 5_001, max: 30_000 }).map((n) => "長".repeat(n)),
);
const nastyValue = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(nastyString, { maxLength: 3 }),
  fc.array(fc.constantFrom(...DEFAULT_CONCERNS, "宇宙"), { maxLength: 4 }),
  fc.constantFrom(...REFERRAL_STATUSES, "overdue", "高", "given"),
);
const nastyKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "unknownField", "status", "fromAgencyId", "version"),
  fc.string({ maxLength: 8 }),
);
const payload = (knownKeys: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), nastyKey), nastyValue, { maxKeys: 7 });

async function send(
  client: ApiClient,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const c = client as unknown as { cookie: string; csrf: string };
  const res = await fetch(t.baseUrl + path, {
    method,
    headers: { cookie: c.cookie, "x-csrf-token": c.csrf, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function check(res: { status: number; body: { message?: string } }) {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) expect(typeof res.body?.message).toBe("string");
}

describe("generated payloads (issue 4)", () => {
  it("never produce a 500 on the agency, person and referral endpoints", async () => {
    const agencyKeys = ["name", "category", "kind", "isCoordinator", "departmentId"];
    const personKeys = ["nameKanji", "nameKana", "dateOfBirth", "address", "phone"];
    const referralKeys = [
      "personId",
      "toAgencyId",
      "concerns",
      "observed",
      "urgency",
      "consent",
      "consentDate",
      "consentMethod",
      "dueDate",
    ];
    await fc.assert(
      fc.asyncProperty(
        payload(agencyKeys),
        payload(personKeys),
        payload(referralKeys),
        payload(["to", "reason", "toAgencyId", "kana", "otherPersonId"]),
        async (a, p, r, x) => {
          check(await send(office, "POST", "/api/agencies", a));
          check(await send(staff, "POST", "/api/persons", p));
          check(await send(provider, "POST", "/api/persons", p));
          check(await send(staff, "POST", "/api/persons/search", x));
          check(await send(staff, "POST", `/api/persons/${personId}/links`, x));
          check(await send(staff, "POST", "/api/referrals", { personId, ...r }));
          check(await send(provider, "POST", "/api/referrals", r));
          const current = (await staff.get(`/api/referrals/${referralId}`)).body.referral;
          check(await send(staff, "POST", `/api/referrals/${referralId}/transition`, x, ifMatch(current.version)));
          check(
            await staff.get(`/api/referrals?status=${encodeURIComponent(String(x.to).toWellFormed().slice(0, 200))}`),
          );
        },
      ),
      { numRuns: 100 },
    );

    // nothing outside the schema was stored
    for (const row of await t.database.db.select().from(referrals)) {
      for (const c of row.concerns) expect(DEFAULT_CONCERNS as readonly string[]).toContain(c);
      expect(REFERRAL_STATUSES as readonly string[]).toContain(row.status);
      expect(["高", "中", "低"]).toContain(row.urgency);
    }
    for (const e of await t.database.db.select().from(referralEvents)) {
      expect(REFERRAL_STATUSES as readonly string[]).toContain(e.status);
    }
    for (const row of await t.database.db.select().from(agencies)) expect(["public", "provider"]).toContain(row.kind);
    for (const row of await t.database.db.select().from(persons)) expect(row.kanaKey.length).toBeGreaterThan(0);
  }, 180_000);

  it("refuses unknown keys and __proto__ instead of storing them", async () => {
    const res = await send(staff, "POST", "/api/persons", { nameKana: "テスト", createdByAgencyId: personId });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain("(body)");
    const c = staff as unknown as { cookie: string; csrf: string };
    const proto = await fetch(`${t.baseUrl}/api/referrals/${referralId}/transition`, {
      method: "POST",
      headers: { cookie: c.cookie, "x-csrf-token": c.csrf, "content-type": "application/json", ...ifMatch(1) },
      body: '{"to":"accepted","__proto__":{"status":"completed"}}',
    });
    expect(proto.status).toBe(400);
  });
});
