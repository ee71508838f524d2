import { beforeAll, describe, expect, it } from "vitest";
import { expectAllowed, registeredRoutes } from "../../../../test/helpers/access-matrix.js";
import { type ApiClient, type ApiResponse, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { CALLERS, type Caller, startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../../platform/audit.js";

const w = worldForFile(startCaseWorld);
let personId: string;
let otherPersonId: string;
let referralId: string;
let spareReferralId: string;
let spareHouseholdId: string;
let sparePersonId: string;
let householdId: string;
let caseId: string;

beforeAll(async () => {
  personId = await w.person(w.as.senderProvider, "マトリクス ホンニン");
  otherPersonId = await w.person(w.as.senderProvider, "マトリクス コドモ");
  referralId = await w.referral(personId);
  // the case that POST /api/cases opens belongs to another household, so it changes nobody's view of this one
  sparePersonId = await w.person(w.as.senderProvider, "マトリクス ベツセタイ");
  spareReferralId = await w.referral(sparePersonId);
  spareHouseholdId = await w.household(sparePersonId);
  householdId = await w.household(personId, [otherPersonId]);
  caseId = (await w.openCase({ referralIds: [referralId], householdId, mainPersonId: personId })).id;
  const saved = await w.as.lead.post(
    `/api/cases/${caseId}/assessments`,
    { sections: { person: "日中は自宅で過ごしている（テスト）" } },
    ifMatch(0),
  );
  expect(saved.status).toBe(201);
});

type Expect = Record<Caller, number | number[]>;
/** The case team and the coordinators get `ok`; the team member `team` (403 on management); everyone else 404. */
const needToKnow = (ok: number, team = ok): Expect => ({
  coordinator: ok,
  lead: ok,
  team,
  otherStaff: 404,
  senderProvider: 404,
  otherProvider: 404,
  planOffice: 404,
  viewer: 404,
  systemAdmin: 404,
  otherMunicipality: 404,
});
const staffOnly = (ok: number, other: Partial<Expect>): Expect => ({
  coordinator: ok,
  lead: ok,
  team: ok,
  otherStaff: ok,
  senderProvider: 403,
  otherProvider: 403,
  planOffice: 403,
  viewer: 403,
  systemAdmin: 403,
  otherMunicipality: ok,
  ...other,
});

/**
 * Every route under /api/cases and /api/households × every kind of caller. Writes use a stale If-Match, so a
 * permitted caller gets 412 and nothing changes. A registered route missing here fails the coverage test.
 */
const matrix: Record<string, { call: (c: ApiClient) => Promise<ApiResponse>; expect: Expect }> = {
  "POST /api/households": {
    call: (c) =>
      c.post("/api/households", {
        address: "つなぐ市北町1-1（架空）",
        members: [{ personId: otherPersonId, relationship: "本人" }],
      }),
    // agency staff register households of persons they have a basis for; staff of an agency without one (and
    // another municipality) do not find the person
    expect: staffOnly(201, { otherStaff: 400, otherMunicipality: 400 }),
  },
  "GET /api/households": {
    call: (c) => c.get("/api/households"),
    expect: staffOnly(200, {}),
  },
  "GET /api/households/:householdId": {
    call: (c) => c.get(`/api/households/${householdId}`),
    expect: needToKnow(200),
  },
  "POST /api/households/:householdId/members": {
    call: (c) =>
      c.post(`/api/households/${householdId}/members`, { personId: otherPersonId, relationship: "孫" }, ifMatch(999)),
    expect: needToKnow(412),
  },
  "DELETE /api/households/:householdId/members/:personId": {
    call: (c) =>
      c.request("DELETE", `/api/households/${householdId}/members/${otherPersonId}`, undefined, ifMatch(999)),
    expect: needToKnow(412),
  },
  "POST /api/cases": {
    call: (c) =>
      c.post("/api/cases", {
        referralIds: [spareReferralId],
        householdId: spareHouseholdId,
        mainPersonId: sparePersonId,
        leadAgencyId: w.agencyId.kikan,
      }),
    // only coordinators open cases; the other municipality's coordinator does not have the household
    expect: { ...staffOnly(403, {}), coordinator: 201, otherMunicipality: 400 },
  },
  "GET /api/cases": {
    call: (c) => c.get("/api/cases"),
    expect: staffOnly(200, {}),
  },
  "GET /api/cases/:caseId": {
    call: (c) => c.get(`/api/cases/${caseId}`),
    expect: needToKnow(200),
  },
  "PATCH /api/cases/:caseId": {
    call: (c) => c.patch(`/api/cases/${caseId}`, { issues: ["介護"] }, ifMatch(999)),
    expect: needToKnow(412, 403),
  },
  "POST /api/cases/:caseId/phase": {
    call: (c) => c.post(`/api/cases/${caseId}/phase`, { to: "assessment" }, ifMatch(999)),
    expect: needToKnow(412, 403),
  },
  "POST /api/cases/:caseId/consent": {
    call: (c) =>
      c.post(
        `/api/cases/${caseId}/consent`,
        { consent: "given", consentDate: "2025-06-01", consentMethod: "書面" },
        ifMatch(999),
      ),
    expect: needToKnow(412, 403),
  },
  "POST /api/cases/:caseId/team": {
    call: (c) => c.post(`/api/cases/${caseId}/team`, { agencyId: w.agencyId.kodomo }, ifMatch(999)),
    expect: needToKnow(412, 403),
  },
  "DELETE /api/cases/:caseId/team/:agencyId": {
    call: (c) => c.request("DELETE", `/api/cases/${caseId}/team/${w.agencyId.team}`, undefined, ifMatch(999)),
    expect: needToKnow(412, 403),
  },
  "GET /api/cases/:caseId/records": {
    call: (c) => c.get(`/api/cases/${caseId}/records`),
    expect: needToKnow(200),
  },
  "POST /api/cases/:caseId/records": {
    call: (c) =>
      c.post(`/api/cases/${caseId}/records`, { kind: "電話", date: "2025-06-02", text: "近況を確認（テスト）" }),
    expect: needToKnow(201),
  },
  "GET /api/cases/:caseId/assessments": {
    call: (c) => c.get(`/api/cases/${caseId}/assessments`),
    expect: needToKnow(200),
  },
  "GET /api/cases/:caseId/assessments/:version": {
    call: (c) => c.get(`/api/cases/${caseId}/assessments/1`),
    expect: needToKnow(200),
  },
  "POST /api/cases/:caseId/assessments": {
    call: (c) => c.post(`/api/cases/${caseId}/assessments`, { sections: { wishes: "家で暮らしたい" } }, ifMatch(999)),
    expect: needToKnow(412),
  },
};

const HIDDEN: Caller[] = [
  "otherStaff",
  "senderProvider",
  "otherProvider",
  "planOffice",
  "viewer",
  "systemAdmin",
  "otherMunicipality",
];
/** the callers that are not agency staff: no lists at all (403) */
const NOT_STAFF: Caller[] = ["senderProvider", "otherProvider", "planOffice", "viewer", "systemAdmin"];

describe("case and household access matrix", () => {
  it("covers every route registered under /api/cases and /api/households", async () => {
    const routes = await registeredRoutes(w.t.database.db, /^\/api\/(cases|households)(\/|$)/);
    expect(routes.length).toBeGreaterThanOrEqual(18);
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
  });

  for (const [route, { call, expect: expected }] of Object.entries(matrix)) {
    it(route, async () => {
      for (const caller of CALLERS) {
        const res = await call(w.as[caller]);
        expectAllowed(route, caller, res, expected[caller]);
        if (route.includes("/api/cases")) expect(res.headers.get("cache-control"), route).toBe("no-store");
      }
    });
  }

  it("writes a committed denial for every hidden attempt on the case and the household", async () => {
    const db = w.t.database.db;
    const denials = async (municipalityId: string, entityId: string) =>
      (await auditRecords(db, { municipalityId, action: "denied", entityId })).map((r) => `${r.actorLabel} ${r.basis}`);
    const caseDenials = await denials(w.t.municipalityId, caseId);
    const caseRoutes = Object.keys(matrix).filter((r) => r.includes(":caseId"));
    // one denial per hidden caller of this municipality and per route under the case
    for (const login of ["kikan", "jigyosha", "other-provider", "keikaku", "iin", "admin"]) {
      expect(
        caseDenials.filter((d) => d.startsWith(`${login} `)),
        login,
      ).toHaveLength(caseRoutes.length);
    }
    // the roles the access table never lets near a case are refused at the route; another agency's staff by the case
    expect(caseDenials).toContain("keikaku role_not_allowed");
    expect(caseDenials).toContain("jigyosha role_not_allowed");
    expect(caseDenials).toContain("kikan need_to_know:read");
    expect(caseDenials).toContain("kikan need_to_know:records");
    // the other municipality's attempts are written in its own trail
    expect(await denials(w.otherMunicipalityId, caseId)).toHaveLength(caseRoutes.length);
    const householdDenials = await denials(w.t.municipalityId, householdId);
    expect(householdDenials.sort()).toEqual(
      ["kikan", "jigyosha", "other-provider", "keikaku", "iin", "admin"]
        .flatMap((l) =>
          l === "kikan"
            ? [`${l} need_to_know:read`, `${l} need_to_know:add_member`, `${l} need_to_know:remove_member`]
            : [`${l} role_not_allowed`, `${l} role_not_allowed`, `${l} role_not_allowed`],
        )
        .sort(),
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it.each([
    { what: "a case only to its team and the coordinators", list: "cases", id: () => caseId },
    {
      what: "a household only to the coordinators, its registrar and its case teams",
      list: "households",
      id: () => householdId,
    },
  ] as const)("lists $what", async ({ list, id }) => {
    for (const caller of CALLERS.filter((c) => !NOT_STAFF.includes(c))) {
      const listed = (await w.as[caller].get(`/api/${list}`)).body[list] as { id: string }[];
      expect(
        listed.some((r) => r.id === id()),
        caller,
      ).toBe(!HIDDEN.includes(caller));
    }
  });

  it("keeps the referral's outcome visible to the provider that sent it, without the case", async () => {
    const referral = await w.as.senderProvider.get(`/api/referrals/${referralId}`);
    expect(referral.status).toBe(200);
    expect(referral.body.referral).toMatchObject({ id: referralId, access: "sender" });
    expect(JSON.stringify(referral.body)).not.toContain(caseId);
  });
});
