import { and, eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { createAgencyUser } from "../../../../test/factories/support.js";
import { ApiClient, type ApiResponse, type ApiClient as Client, ifMatch } from "../../../../test/helpers/api-client.js";
import { startTestApp, type TestApp } from "../../../../test/helpers/test-app.js";
import { auditLog } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { registerModules } from "../index.js";

type Actor =
  | "coordinator"
  | "receiver"
  | "otherStaff"
  | "senderProvider"
  | "otherProvider"
  | "planOffice"
  | "otherMunicipality";
const ACTORS: Actor[] = [
  "coordinator",
  "receiver",
  "otherStaff",
  "senderProvider",
  "otherProvider",
  "planOffice",
  "otherMunicipality",
];

let t: TestApp;
const as = {} as Record<Actor, Client>;
let otherMunicipalityId: string;
let agencyId: Record<string, string>;
let personId: string; // registered by the provider that sends the referral
let otherPersonId: string;
let referralId: string;

const referralBody = (over: Record<string, unknown> = {}) => ({
  personId,
  toAgencyId: agencyId.houkatsu,
  concerns: ["介護", "8050"],
  observed: "デイサービスの送迎時、息子さんの様子が気になった",
  urgency: "中",
  consent: "given",
  consentDate: "2025-05-01",
  consentMethod: "口頭",
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  as.coordinator = await ApiClient.login(t.baseUrl, "coord");
  as.receiver = await ApiClient.login(t.baseUrl, "houkatsu");
  as.otherStaff = await ApiClient.login(t.baseUrl, "kikan");
  as.senderProvider = await ApiClient.login(t.baseUrl, "jigyosha");
  as.planOffice = await ApiClient.login(t.baseUrl, "keikaku");
  await createAgencyUser(t.database.db, t.municipalityId, {
    loginId: "other-provider",
    role: "provider",
    agencyName: "別の登録事業者",
  });
  as.otherProvider = await ApiClient.login(t.baseUrl, "other-provider", FACTORY_PASSWORD);
  const other = await createMunicipality(t.database.db, "999002");
  otherMunicipalityId = other.municipality.id;
  await createAgencyUser(t.database.db, otherMunicipalityId, {
    loginId: "staff",
    role: "support_staff",
    agencyName: "よその市の多機関協働",
    isCoordinator: true,
  });
  as.otherMunicipality = await ApiClient.login(t.baseUrl, "staff", FACTORY_PASSWORD, "999002");

  const agencies = (await as.coordinator.get("/api/agencies")).body.agencies as { id: string; name: string }[];
  const byName = (part: string) => agencies.find((a) => a.name.includes(part))?.id as string;
  agencyId = { houkatsu: byName("地域包括"), kikan: byName("基幹"), kodomo: byName("子ども家庭") };
  const person = await as.senderProvider.post("/api/persons", { nameKanji: "架空 次郎", nameKana: "カクウ ジロウ" });
  expect(person.status).toBe(201);
  personId = person.body.person.id;
  otherPersonId = (await as.receiver.post("/api/persons", { nameKana: "マトリクス サンプル" })).body.person.id;
  const created = await as.senderProvider.post("/api/referrals", referralBody());
  expect(created.status).toBe(201);
  referralId = created.body.referral.id;
});
afterAll(async () => {
  await t?.close();
});

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
    call: (c) => c.post(`/api/persons/${personId}/links`, { otherPersonId, reason: "同じ住所・同じ読み" }),
    // the first staff member links, the next ones find the link made (409); staff without a basis for the person
    // (and another municipality) do not find it
    expect: staffOk([201, 409], { otherStaff: 404, otherMunicipality: 404 }),
  },
  "POST /api/referrals": {
    call: (c) => c.post("/api/referrals", referralBody({ toAgencyId: null })),
    // only about a person the caller has a basis for (a provider: one its agency registered); another
    // municipality does not have the person
    expect: staffOk(201, { otherStaff: 400, senderProvider: 201, otherProvider: 400, otherMunicipality: 400 }),
  },
  "GET /api/referrals": {
    call: (c) => c.get("/api/referrals"),
    expect: { ...all(200), planOffice: 403 },
  },
  "GET /api/referrals/:referralId": {
    call: (c) => c.get(`/api/referrals/${referralId}`),
    expect: { ...all(404), coordinator: 200, receiver: 200, senderProvider: 200 },
  },
  "POST /api/referrals/:referralId/transition": {
    // a stale version: allowed callers get 412 (nothing changes), the sender 403, everyone else 404
    call: (c) => c.post(`/api/referrals/${referralId}/transition`, { to: "accepted" }, ifMatch(999)),
    expect: { ...all(404), coordinator: 412, receiver: 412, senderProvider: 403 },
  },
};

describe("referral and person access matrix", () => {
  it("covers every route registered under /api/referrals, /api/persons and /api/agencies", async () => {
    const probe = Fastify();
    const routes: string[] = [];
    probe.addHook("onRoute", (r) => {
      for (const method of [r.method].flat()) {
        if (method !== "HEAD" && /^\/api\/(referrals|persons|agencies)(\/|$)/.test(r.url))
          routes.push(`${method} ${r.url}`);
      }
    });
    registerModules(probe, t.database.db);
    await probe.ready();
    await probe.close();
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
  });

  for (const [route, { call, expect: expected }] of Object.entries(matrix)) {
    it(route, async () => {
      for (const actor of ACTORS) {
        const res = await call(as[actor], actor);
        const want = [expected[actor]].flat();
        expect(want, `${route} as ${actor}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        if (res.status >= 400) expect(typeof res.body.message).toBe("string");
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
      const list = (await as[actor as Actor].get("/api/referrals")).body.referrals as { id: string }[];
      expect(
        list.some((r) => r.id === referralId),
        actor,
      ).toBe(visible);
    }
    // the provider sees only what its agency sent
    const mine = (await as.senderProvider.get("/api/referrals")).body.referrals as { fromAgency: { name: string } }[];
    expect(new Set(mine.map((r) => r.fromAgency.name))).toEqual(new Set(["架空ケアサービス株式会社（登録事業者）"]));
    // the coordinators see every referral of the municipality, the demo's included
    expect((await as.coordinator.get("/api/referrals")).body.referrals.length).toBeGreaterThanOrEqual(4);
  });

  it("records denied reads and transitions, and reads of the person", async () => {
    const records = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.entityId, referralId)));
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
    const elsewhere = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, otherMunicipalityId), eq(auditLog.action, "denied")));
    expect(elsewhere.map((r) => r.entityId)).toEqual([referralId, referralId]);

    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.municipalityId, t.municipalityId),
          eq(auditLog.action, "read"),
          eq(auditLog.entityType, "person"),
          eq(auditLog.entityId, personId),
          eq(auditLog.basis, `referral:${referralId}`),
        ),
      );
    expect(new Set(reads.map((r) => r.actorLabel))).toEqual(new Set(["coord", "houkatsu", "jigyosha"]));
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe("referral transitions (closed loop)", () => {
  const auditCount = async () =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.entityId, referralId)))
    ).length;

  it("lets the receiver move the referral, the sender read the outcome, and refuses bad moves", async () => {
    const current = (await as.receiver.get(`/api/referrals/${referralId}`)).body.referral;
    expect(current).toMatchObject({ status: "sent", statusLabel: "送付", access: "receiver" });
    expect((await as.receiver.post(`/api/referrals/${referralId}/transition`, { to: "accepted" })).status).toBe(428);

    // failures roll back: no event, no audit record
    const before = await auditCount();
    const stale = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "accepted" },
      ifMatch(current.version + 1),
    );
    expect(stale.status).toBe(412);
    const jump = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "completed" },
      ifMatch(current.version),
    );
    expect(jump.status).toBe(400);
    expect(jump.body.fields).toEqual([{ field: "to", message: "「送付」から「つなぎ完了」には進められません" }]);
    const noReason = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "declined" },
      ifMatch(current.version),
    );
    expect(noReason.body.fields.map((f: { field: string }) => f.field)).toEqual(["reason"]);
    expect(
      (
        await as.senderProvider.post(
          `/api/referrals/${referralId}/transition`,
          { to: "accepted" },
          ifMatch(current.version),
        )
      ).status,
    ).toBe(403);
    expect(await auditCount()).toBe(before);

    const accepted = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "accepted" },
      ifMatch(current.version),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("etag")).toBe(`"${current.version + 1}"`);
    expect(await auditCount()).toBe(before + 1);
    // the same version again is stale now
    expect(
      (
        await as.receiver.post(
          `/api/referrals/${referralId}/transition`,
          { to: "in_progress" },
          ifMatch(current.version),
        )
      ).status,
    ).toBe(412);

    // forwarding hands it to another agency, which can then accept it
    const forwarded = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "forwarded", toAgencyId: agencyId.kikan, reason: "障害福祉サービスの相談が中心のため" },
      ifMatch(accepted.body.referral.version),
    );
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.referral.toAgency.id).toBe(agencyId.kikan);
    expect((await as.receiver.get(`/api/referrals/${referralId}`)).status).toBe(404);
    const taken = await as.otherStaff.post(
      `/api/referrals/${referralId}/transition`,
      { to: "accepted" },
      ifMatch(forwarded.body.referral.version),
    );
    expect(taken.status).toBe(200);
    const done = await as.coordinator.post(
      `/api/referrals/${referralId}/transition`,
      { to: "completed", reason: "相談支援事業所につないだ" },
      ifMatch(taken.body.referral.version),
    );
    expect(done.status).toBe(200);
    expect(
      (
        await as.otherStaff.post(
          `/api/referrals/${referralId}/transition`,
          { to: "declined", reason: "x" },
          ifMatch(done.body.referral.version),
        )
      ).status,
    ).toBe(400);

    // closed loop: the sender sees the outcome and every step
    const seen = (await as.senderProvider.get(`/api/referrals/${referralId}`)).body.referral;
    expect(seen).toMatchObject({ status: "completed", statusLabel: "つなぎ完了", access: "sender" });
    expect(seen.events.map((e: { status: string }) => e.status)).toEqual([
      "sent",
      "accepted",
      "forwarded",
      "accepted",
      "completed",
    ]);
    expect(seen.events[2]).toMatchObject({ reason: "障害福祉サービスの相談が中心のため" });
  });

  it("lists overdue referrals (not closed, due date passed), in the API and the CLI service", async () => {
    const late = await as.senderProvider.post(
      "/api/referrals",
      referralBody({ dueDate: "2020-01-31", toAgencyId: agencyId.kodomo }),
    );
    expect(late.status).toBe(201);
    const overdue = (await as.coordinator.get("/api/referrals?status=overdue")).body.referrals as {
      id: string;
      status: string;
      overdue: boolean;
    }[];
    expect(overdue.map((r) => r.id)).toContain(late.body.referral.id);
    for (const r of overdue) {
      expect(r.overdue).toBe(true);
      expect(["completed", "declined"]).not.toContain(r.status);
    }
    expect((await as.coordinator.get("/api/referrals?status=late")).status).toBe(400);
    const sent = (await as.coordinator.get("/api/referrals?status=sent")).body.referrals as { status: string }[];
    expect(new Set(sent.map((r) => r.status))).toEqual(new Set(["sent"]));
  });

  it("validates a referral with field names in Japanese", async () => {
    const res = await as.receiver.post("/api/referrals", {
      personId: "x",
      concerns: ["宇宙"],
      urgency: "最高",
      consent: "given",
      observed: "",
    });
    expect(res.status).toBe(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["personId", "urgency", "observed"]));
    // concerns are checked against the municipality's list once the sheet is otherwise well formed
    const unknownConcern = await as.senderProvider.post("/api/referrals", referralBody({ concerns: ["宇宙"] }));
    expect(unknownConcern.body.fields.map((f: { field: string }) => f.field)).toEqual(["concerns.0"]);
    const toProvider = await as.receiver.post(
      "/api/referrals",
      referralBody({
        toAgencyId: (await as.coordinator.get("/api/agencies")).body.agencies.find(
          (a: { kind: string }) => a.kind === "provider",
        ).id,
      }),
    );
    expect(toProvider.body.fields).toEqual([{ field: "toAgencyId", message: "登録事業者には送付できません" }]);
  });
});
