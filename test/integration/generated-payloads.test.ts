import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  caseAssessments,
  caseEvents,
  caseRecords,
  cases,
  concernCategories,
  householdMembers,
  households,
} from "../../src/server/db/schema/index.js";
import {
  ASSESSMENT_SECTIONS,
  CASE_CONSENTS,
  PHASES,
  RECORD_KINDS,
  RECORD_VISIBILITIES,
} from "../../src/server/modules/cases/schema.js";
import { RELATIONSHIPS } from "../../src/server/modules/households/schema.js";
import { DEFAULT_CONCERNS } from "../../src/server/modules/referrals/schema.js";
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

  it("refuses a NUL character (PostgreSQL text cannot hold it) with a field-named 400, in values and in keys", async () => {
    const sheet = (await office.get(`/api/sheets/${sheetId}`)).body.sheet;
    const res = await send("PUT", `/api/sheets/${sheetId}`, { previousStatus: "前年度\u0000" }, ifMatch(sheet.version));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: "previousStatus", message: "使用できない文字（NUL 文字）が含まれています" },
    ]);
    const key = await send("POST", "/api/departments", { "na\u0000me": "課" });
    expect(key.status).toBe(400);
    expect(key.body.fields[0].message).toBe("使用できない文字（NUL 文字）が含まれています");
    expect((await office.get(`/api/sheets/${sheetId}`)).body.sheet.version).toBe(sheet.version);
  });

  it("stores full-width text and surrogate pairs exactly", async () => {
    const sheet = (await office.get(`/api/sheets/${sheetId}`)).body.sheet;
    const text = "実績：ＡＢＣ１２３件、𠮷田さん🍣\n改行\tタブ";
    const saved = await office.put(`/api/sheets/${sheetId}`, { results: text }, ifMatch(sheet.version));
    expect(saved.status).toBe(200);
    expect((await office.get(`/api/sheets/${sheetId}`)).body.sheet.results).toBe(text);
  });
});

describe("generated payloads (households and cases)", () => {
  let coord: ApiClient;
  let personId: string;
  let householdId: string;
  let caseId: string;
  let teamAgencyId: string;

  beforeAll(async () => {
    coord = await ApiClient.login(t.baseUrl, "coord");
    personId = (await coord.post("/api/persons", { nameKana: "ペイロード セタイ" })).body.person.id;
    householdId = (
      await coord.post("/api/households", {
        address: "つなぐ市（架空）",
        members: [{ personId, relationship: "本人" }],
      })
    ).body.household.id;
    const referralId = (
      await coord.post("/api/referrals", {
        personId,
        concerns: ["その他"],
        observed: "生成データのテスト",
        urgency: "低",
        consent: "unknown",
      })
    ).body.referral.id;
    const agencies = (await coord.get("/api/agencies")).body.agencies as { id: string; name: string }[];
    const lead = agencies.find((a) => a.name.includes("地域包括"))?.id;
    teamAgencyId = agencies.find((a) => a.name.includes("基幹"))?.id as string;
    const opened = await coord.post("/api/cases", {
      referralIds: [referralId],
      householdId,
      mainPersonId: personId,
      leadAgencyId: lead,
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.case.id;
  });

  async function sendAs(client: ApiClient, method: string, path: string, body: unknown, headers = {}) {
    const c = client as unknown as { cookie: string; csrf: string };
    const res = await fetch(t.baseUrl + path, {
      method,
      headers: { cookie: c.cookie, "x-csrf-token": c.csrf, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  const someId = () => fc.oneof(fc.constant(personId), fc.uuid(), nastyString);
  const member = () =>
    fc.dictionary(
      fc.oneof(fc.constantFrom("personId", "relationship"), nastyKey),
      fc.oneof(someId(), fc.constantFrom(...RELATIONSHIPS), nastyValue),
      { maxKeys: 3 },
    );
  const sectionKeys = ASSESSMENT_SECTIONS.map((s) => s.key);
  const withExtras = fc.record({
    members: fc.array(member(), { maxLength: 3 }),
    sections: fc.dictionary(fc.oneof(fc.constantFrom(...sectionKeys), nastyKey), nastyValue, { maxKeys: 4 }),
    ids: fc.array(someId(), { maxLength: 3 }),
    enums: fc.constantFrom(...PHASES, ...CASE_CONSENTS, ...RECORD_KINDS, ...RECORD_VISIBILITIES, "2025-06-01"),
  });

  it("never produce a 500 on the household and case endpoints", async () => {
    await fc.assert(
      fc.asyncProperty(
        payload(["name", "address", "members", "personId", "relationship"]),
        payload(["referralIds", "householdId", "mainPersonId", "leadAgencyId", "teamAgencyIds", "issues"]),
        payload(["to", "reason", "consent", "consentDate", "consentMethod", "agencyId"]),
        payload(["kind", "date", "text", "visibility", "sections", "note"]),
        withExtras,
        async (h, c, x, r, extra) => {
          const household = (await coord.get(`/api/households/${householdId}`)).body.household;
          const current = (await coord.get(`/api/cases/${caseId}`)).body.case;
          const latest = (await coord.get(`/api/cases/${caseId}/assessments`)).body.latestVersion;
          const hv = ifMatch(household.version);
          const cv = ifMatch(current.version);
          check(await sendAs(coord, "POST", "/api/households", { ...h, members: extra.members }));
          check(await sendAs(coord, "POST", "/api/households", h));
          check(await sendAs(coord, "POST", `/api/households/${householdId}/members`, h, hv));
          check(await sendAs(coord, "POST", `/api/households/${householdId}/members`, extra.members[0] ?? {}, hv));
          const other = typeof h.personId === "string" ? encodeURIComponent(h.personId.toWellFormed()) : "x";
          check(await sendAs(coord, "DELETE", `/api/households/${householdId}/members/${other}`, h, hv));
          check(await sendAs(coord, "POST", "/api/cases", c));
          check(await sendAs(coord, "POST", "/api/cases", { ...c, referralIds: extra.ids, teamAgencyIds: extra.ids }));
          check(await sendAs(coord, "PATCH", `/api/cases/${caseId}`, { ...c, ...x }, cv));
          check(
            await sendAs(coord, "PATCH", `/api/cases/${caseId}`, { issues: extra.ids, leadAgencyId: x.agencyId }, cv),
          );
          check(await sendAs(coord, "POST", `/api/cases/${caseId}/phase`, x, cv));
          check(await sendAs(coord, "POST", `/api/cases/${caseId}/phase`, { ...x, to: extra.enums }, cv));
          check(await sendAs(coord, "POST", `/api/cases/${caseId}/consent`, { ...x, consent: extra.enums }, cv));
          check(await sendAs(coord, "POST", `/api/cases/${caseId}/team`, x, cv));
          check(await sendAs(coord, "DELETE", `/api/cases/${caseId}/team/${teamAgencyId}`, x, cv));
          check(await sendAs(coord, "POST", `/api/cases/${caseId}/records`, r));
          check(await sendAs(coord, "POST", `/api/cases/${caseId}/records`, { ...r, kind: extra.enums }));
          check(await sendAs(coord, "POST", `/api/cases/${caseId}/assessments`, r, ifMatch(latest)));
          check(
            await sendAs(
              coord,
              "POST",
              `/api/cases/${caseId}/assessments`,
              { sections: extra.sections },
              ifMatch(latest),
            ),
          );
          check(await coord.get(`/api/cases?phase=${encodeURIComponent(String(x.to).toWellFormed().slice(0, 200))}`));
        },
      ),
      { numRuns: 60 },
    );

    // nothing outside the schema was stored
    const db = t.database.db;
    for (const row of await db.select().from(households)) expect(row.address.trim().length).toBeGreaterThan(0);
    for (const row of await db.select().from(householdMembers))
      expect(RELATIONSHIPS as readonly string[]).toContain(row.relationship);
    for (const row of await db.select().from(cases)) {
      expect(PHASES as readonly string[]).toContain(row.phase);
      expect(CASE_CONSENTS as readonly string[]).toContain(row.consent);
      for (const issue of row.issues) expect(DEFAULT_CONCERNS as readonly string[]).toContain(issue);
    }
    for (const e of await db.select().from(caseEvents)) {
      expect(["opened", "phase", "consent", "team_added", "team_removed", "lead_changed"]).toContain(e.kind);
    }
    for (const row of await db.select().from(caseRecords)) {
      expect(RECORD_KINDS as readonly string[]).toContain(row.kind);
      expect(RECORD_VISIBILITIES as readonly string[]).toContain(row.visibility);
    }
    for (const row of await db.select().from(caseAssessments)) {
      for (const key of Object.keys(row.sections)) expect(sectionKeys as string[]).toContain(key);
    }
  }, 240_000);

  it("refuses unknown keys and __proto__ on case writes", async () => {
    const current = (await coord.get(`/api/cases/${caseId}`)).body.case;
    const c = coord as unknown as { cookie: string; csrf: string };
    const proto = await fetch(`${t.baseUrl}/api/cases/${caseId}/phase`, {
      method: "POST",
      headers: {
        cookie: c.cookie,
        "x-csrf-token": c.csrf,
        "content-type": "application/json",
        ...ifMatch(current.version),
      },
      body: '{"to":"closed","reason":"x","__proto__":{"phase":"closed"}}',
    });
    expect(proto.status).toBe(400);
    const extra = await sendAs(coord, "POST", `/api/cases/${caseId}/records`, {
      kind: "電話",
      date: "2025-06-01",
      text: "x",
      agencyId: teamAgencyId,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.fields.map((f: { field: string }) => f.field)).toContain("(body)");
  });
});

describe("generated payloads (concern categories)", () => {
  const category = fc.oneof(
    fc.record(
      { id: fc.oneof(fc.uuid(), fc.constant(null), nastyString), label: nastyString, active: fc.boolean() },
      { requiredKeys: ["label"] },
    ),
    fc.dictionary(fc.oneof(fc.constantFrom("id", "label", "active"), nastyKey), nastyValue, { maxKeys: 4 }),
    fc.constantFrom(...DEFAULT_CONCERNS).map((label) => ({ label })),
  );

  it("never produce a 500 on PUT /api/concerns, and store nothing outside the schema", async () => {
    await fc.assert(
      fc.asyncProperty(
        payload(["categories"]),
        fc.array(category, { maxLength: 8 }),
        nastyKey,
        async (p, categories, key) => {
          const current = (await office.get("/api/concerns")).body;
          const version = ifMatch(current.version);
          check(await send("PUT", "/api/concerns", p, version));
          check(await send("PUT", "/api/concerns", { categories }, version));
          check(await send("PUT", "/api/concerns", { categories, [key]: true }, version));
          check(await send("PUT", "/api/concerns", { categories: [...current.categories, ...categories] }, version));
        },
      ),
      { numRuns: 60 },
    );
    const rows = await t.database.db
      .select()
      .from(concernCategories)
      .where(eq(concernCategories.municipalityId, t.municipalityId));
    const labels = rows.map((r) => r.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(rows.length).toBeLessThanOrEqual(50);
    for (const label of labels) {
      expect(label).toBe(label.trim());
      expect([...label].length).toBeGreaterThanOrEqual(1);
      expect([...label].length).toBeLessThanOrEqual(30);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stored labels must have none
      expect(label).not.toMatch(/[\u0000-\u001f\uFF01-\uFF5E]/);
    }
    const listed = (await office.get("/api/concerns")).body;
    for (const c of listed.categories) expect(Object.keys(c).sort()).toEqual(["active", "id", "label"]);
  }, 240_000);

  it("refuses __proto__ and unknown keys on PUT /api/concerns", async () => {
    const current = (await office.get("/api/concerns")).body;
    const proto = await fetchRaw(
      "PUT",
      "/api/concerns",
      '{"categories":[{"label":"x","__proto__":{"active":false}}],"__proto__":{"admin":true}}',
      ifMatch(current.version),
    );
    expect(proto.status).toBe(400);
    const extra = await send(
      "PUT",
      "/api/concerns",
      { categories: [{ label: "x", color: "red" }] },
      ifMatch(current.version),
    );
    expect(extra.status).toBe(400);
    expect(extra.body.fields.map((f: { field: string }) => f.field)).toEqual(["categories.0"]);
    expect((await office.get("/api/concerns")).body.version).toBe(current.version);
  });
});
