import { describe, expect, it } from "vitest";
import { expectAllowed, registeredRoutes } from "../../../../test/helpers/access-matrix.js";
import { type ApiResponse, type ApiClient as Client, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { ACTORS, type Actor, startReferralWorld } from "../../../../test/helpers/referral-world.js";
import { verifyAuditChain } from "../../platform/audit.js";

// Every route of the support side's referrals and persons × every kind of caller (the transitions of a sheet are in
// referral-transitions.test.ts).
const w = worldForFile(startReferralWorld);

type Expect = Record<Actor, number | number[]>;
const all = (n: number): Expect => Object.fromEntries(ACTORS.map((a) => [a, n])) as Expect;
const staffOk = (ok: number | number[], other: Partial<Expect>): Expect => ({
  coordinator: ok,
  receiver: ok,
  otherStaff: ok,
  senderProvider: 403,
  otherProvider: 403,
  planOffice: 403,
  otherMunicipality: ok,
  ...other,
});

/** Every route of issue 4 × every kind of caller. A route missing here fails the coverage test below. */
const matrix: Record<string, { call: (c: Client, actor: Actor) => Promise<ApiResponse>; expect: Expect }> = {
  // the support side reads its agencies; the plan side does not (separation of duties)
  "GET /api/agencies": { call: (c) => c.get("/api/agencies"), expect: { ...all(200), planOffice: 403 } },
  // registering an agency is the support-side administrator's (walked in test/integration/access-table.test.ts)
  "POST /api/agencies": {
    call: (c, actor) => c.post("/api/agencies", { name: `新しい居場所（${actor}）`, category: "参加支援" }),
    expect: all(403),
  },
  "POST /api/persons": {
    call: (c) => c.post("/api/persons", { nameKana: "マトリクス テスト", dateOfBirth: "1990-01-01" }),
    expect: staffOk(201, { senderProvider: 201, otherProvider: 201 }),
  },
  "POST /api/persons/search": {
    call: (c) => c.post("/api/persons/search", { query: "かくう" }),
    // each in its need-to-know scope (a provider: the persons its agency registered)
    expect: staffOk(200, { senderProvider: 200, otherProvider: 200 }),
  },
  "POST /api/persons/:personId/links": {
    call: (c) =>
      c.post(`/api/persons/${w.personId}/links`, { otherPersonId: w.otherPersonId, reason: "同じ住所・同じ読み" }),
    // the first staff member links, the next ones find the link made (409); staff without a basis for the person
    // (and another municipality) do not find it
    expect: staffOk([201, 409], { otherStaff: 404, otherMunicipality: 404 }),
  },
  "POST /api/referrals": {
    call: (c) => c.post("/api/referrals", w.referralBody({ toAgencyId: null })),
    // only about a person the caller has a basis for (a provider: one its agency registered); another
    // municipality does not have the person
    expect: staffOk(201, { otherStaff: 400, senderProvider: 201, otherProvider: 400, otherMunicipality: 400 }),
  },
  "GET /api/referrals": {
    call: (c) => c.get("/api/referrals"),
    expect: { ...all(200), planOffice: 403 },
  },
  "GET /api/referrals/:referralId": {
    call: (c) => c.get(`/api/referrals/${w.referralId}`),
    expect: { ...all(404), coordinator: 200, receiver: 200, senderProvider: 200 },
  },
  "POST /api/referrals/:referralId/transition": {
    // a stale version: allowed callers get 412 (nothing changes), the sender 403, everyone else 404
    call: (c) => c.post(`/api/referrals/${w.referralId}/transition`, { to: "accepted" }, ifMatch(999)),
    expect: { ...all(404), coordinator: 412, receiver: 412, senderProvider: 403 },
  },
};

describe("referral and person access matrix", () => {
  it("covers every route registered under /api/referrals, /api/persons and /api/agencies", async () => {
    const routes = await registeredRoutes(w.t.database.db, /^\/api\/(referrals|persons|agencies)(\/|$)/);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
  });

  for (const [route, { call, expect: expected }] of Object.entries(matrix)) {
    it(route, async () => {
      for (const actor of ACTORS) {
        expectAllowed(route, actor, await call(w.as[actor], actor), expected[actor]);
      }
    });
  }

  it("lists only the referrals each caller needs to know about", async () => {
    const sees: Record<Exclude<Actor, "planOffice">, boolean> = {
      coordinator: true,
      receiver: true,
      otherStaff: false,
      senderProvider: true,
      otherProvider: false,
      otherMunicipality: false,
    };
    for (const [actor, visible] of Object.entries(sees)) {
      const list = (await w.as[actor as Actor].get("/api/referrals")).body.referrals as { id: string }[];
      expect(
        list.some((r) => r.id === w.referralId),
        actor,
      ).toBe(visible);
    }
    // the provider sees only what its agency sent
    const mine = (await w.as.senderProvider.get("/api/referrals")).body.referrals as { fromAgency: { name: string } }[];
    expect(new Set(mine.map((r) => r.fromAgency.name))).toEqual(new Set(["架空ケアサービス株式会社（登録事業者）"]));
    // the coordinators see every referral of the municipality, the demo's included
    expect((await w.as.coordinator.get("/api/referrals")).body.referrals.length).toBeGreaterThanOrEqual(4);
  });

  it("records denied reads and transitions, and reads of the person", async () => {
    const db = w.t.database.db;
    const records = await auditRecords(db, { municipalityId: w.t.municipalityId, entityId: w.referralId });
    const denied = records.filter((r) => r.action === "denied").map((r) => `${r.actorLabel} ${r.basis}`);
    expect(denied.sort()).toEqual(
      [
        // the plan office is refused by the access table (role), before the referral is looked up
        "keikaku role_not_allowed",
        "keikaku role_not_allowed",
        "kikan need_to_know:read",
        "kikan need_to_know:transition",
        "other-provider need_to_know:read",
        "other-provider need_to_know:transition",
      ].sort(),
    );
    const elsewhere = await auditRecords(db, { municipalityId: w.otherMunicipalityId, action: "denied" });
    expect(elsewhere.map((r) => r.entityId)).toEqual([w.referralId, w.referralId]);

    const reads = await auditRecords(db, {
      municipalityId: w.t.municipalityId,
      action: "read",
      entityType: "person",
      entityId: w.personId,
      basis: `referral:${w.referralId}`,
    });
    // the receiver has a basis of its own for this person (a sheet alone would be none without consent)
    expect(new Set(reads.map((r) => r.actorLabel))).toEqual(new Set(["coord", "houkatsu", "jigyosha"]));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
