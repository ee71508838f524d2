import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAllowed, registeredRoutes } from "../../../../test/helpers/access-matrix.js";
import { type ApiClient, type ApiResponse, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { CALLERS, type Caller, startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { draftPlan } from "../../../../test/helpers/support-plans.js";
import { verifyAuditChain } from "../../platform/audit.js";

const w = worldForFile(startCaseWorld);
let spareReferralId: string;
let spareHouseholdId: string;
let sparePersonId: string;

/**
 * The person's consent, the basis a team agency other than the lead reads the case's personal content on: one case
 * in each state, each with its own household (a main person and a child).
 */
const CONSENT_STATES = ["given", "withdrawn", "none"] as const;
type ConsentState = (typeof CONSENT_STATES)[number];
interface StateCase {
  personId: string;
  otherPersonId: string;
  referralId: string;
  householdId: string;
  caseId: string;
  /** the main person's consent for the team (withdrawn in "withdrawn"; "none" has none) */
  consentId: string;
  /** a draft plan (a support plan on the case's consent, else an outreach plan) with one task for the team agency */
  planId: string;
  taskId: string;
}
const at = {} as Record<ConsentState, StateCase>;

const KANA: Record<ConsentState, string> = { given: "アリ", withdrawn: "テッカイ", none: "ナシ" };

async function caseIn(state: ConsentState): Promise<StateCase> {
  const personId = await w.person(w.as.senderProvider, `マトリクス ホンニン${KANA[state]}`);
  const otherPersonId = await w.person(w.as.senderProvider, `マトリクス コドモ${KANA[state]}`);
  const referralId = await w.referral(personId, state === "none" ? "unknown" : "given");
  const householdId = await w.household(personId, [otherPersonId]);
  const opened = await w.openCase({ referralIds: [referralId], householdId, mainPersonId: personId });
  const caseId = opened.id;
  const saved = await w.as.lead.post(
    `/api/cases/${caseId}/assessments`,
    { sections: { person: "日中は自宅で過ごしている（テスト）" } },
    ifMatch(0),
  );
  expect(saved.status).toBe(201);
  const detail = (await w.as.coordinator.get(`/api/cases/${caseId}`)).body.case;
  const consentId = detail.consents.find((c: { scope: string }) => c.scope === "team")?.id ?? randomUUID();
  if (state === "withdrawn") {
    const res = await w.as.lead.post(
      `/api/cases/${caseId}/consents/${consentId}/withdrawal`,
      { withdrawnOn: "2025-06-01", reason: "本人から撤回の申し出（テスト）" },
      ifMatch(detail.version),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  // the kind of plan follows the case's consent line (another consent of the person may keep it "given")
  const line = (await w.as.coordinator.get(`/api/cases/${caseId}`)).body.case.consent;
  const plan = await draftPlan(w.as.lead, caseId, line === "given" ? "support" : "outreach", [
    { agencyId: w.agencyId.team },
  ]);
  const taskId = plan.goals[0].tasks[0].id;
  return { personId, otherPersonId, referralId, householdId, caseId, consentId, planId: plan.id, taskId };
}

beforeAll(async () => {
  for (const state of CONSENT_STATES) at[state] = await caseIn(state);
  // the case that POST /api/cases opens belongs to another household, so it changes nobody's view of these
  sparePersonId = await w.person(w.as.senderProvider, "マトリクス ベツセタイ");
  spareReferralId = await w.referral(sparePersonId);
  spareHouseholdId = await w.household(sparePersonId);
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
/** The person's data: the team agency only while a consent covers it (otherwise as an outsider: 404). */
const disclosed =
  (ok: number) =>
  (state: ConsentState): Expect =>
    needToKnow(ok, state === "given" ? ok : 404);
const always = (e: Expect) => () => e;
/** Managing a plan: the coordinators and the lead; the team agency 403 while it may see the person, else 404. */
const planManagers =
  (ok: number) =>
  (state: ConsentState): Expect =>
    needToKnow(ok, state === "given" ? 403 : 404);
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
 * Every route under /api/cases and /api/households × every kind of caller × the person's consent (given,
 * withdrawn, none). Writes use a stale If-Match, so a permitted caller gets 412 and nothing changes. A registered
 * route missing here fails the coverage test.
 */
const matrix: Record<
  string,
  { call: (c: ApiClient, s: StateCase) => Promise<ApiResponse>; expect: (state: ConsentState) => Expect }
> = {
  "POST /api/households": {
    call: (c, s) =>
      c.post("/api/households", {
        address: "つなぐ市北町1-1（架空）",
        members: [{ personId: s.otherPersonId, relationship: "本人" }],
      }),
    // agency staff register households of persons they have a basis for; staff of an agency without one (and
    // another municipality) do not find the person. The child is covered by no consent: the team does not find it.
    expect: always(staffOnly(201, { team: 400, otherStaff: 400, otherMunicipality: 400 })),
  },
  "GET /api/households": {
    call: (c) => c.get("/api/households"),
    expect: always(staffOnly(200, {})),
  },
  "GET /api/households/:householdId": {
    call: (c, s) => c.get(`/api/households/${s.householdId}`),
    expect: disclosed(200),
  },
  "POST /api/households/:householdId/members": {
    call: (c, s) =>
      c.post(
        `/api/households/${s.householdId}/members`,
        { personId: s.otherPersonId, relationship: "孫" },
        ifMatch(999),
      ),
    expect: disclosed(412),
  },
  "DELETE /api/households/:householdId/members/:personId": {
    call: (c, s) =>
      c.request("DELETE", `/api/households/${s.householdId}/members/${s.otherPersonId}`, undefined, ifMatch(999)),
    expect: disclosed(412),
  },
  "POST /api/cases": {
    call: (c) =>
      c.post("/api/cases", {
        referralIds: [spareReferralId],
        householdId: spareHouseholdId,
        mainPersonId: sparePersonId,
        leadAgencyId: w.agencyId.kikan,
      }),
    // only coordinators open cases (once); the other municipality's coordinator does not have the household
    expect: (state) => ({
      ...staffOnly(403, {}),
      coordinator: state === CONSENT_STATES[0] ? 201 : 409,
      otherMunicipality: 400,
    }),
  },
  "GET /api/cases": {
    call: (c) => c.get("/api/cases"),
    expect: always(staffOnly(200, {})),
  },
  "GET /api/cases/:caseId": {
    // without consent the team agency still sees that the case exists, its lead and phase (nothing personal)
    call: (c, s) => c.get(`/api/cases/${s.caseId}`),
    expect: always(needToKnow(200)),
  },
  "PATCH /api/cases/:caseId": {
    call: (c, s) => c.patch(`/api/cases/${s.caseId}`, { issues: ["介護"] }, ifMatch(999)),
    expect: always(needToKnow(412, 403)),
  },
  "POST /api/cases/:caseId/phase": {
    call: (c, s) => c.post(`/api/cases/${s.caseId}/phase`, { to: "assessment" }, ifMatch(999)),
    expect: always(needToKnow(412, 403)),
  },
  "POST /api/cases/:caseId/consents": {
    call: (c, s) =>
      c.post(
        `/api/cases/${s.caseId}/consents`,
        { personId: s.personId, scope: "team", givenOn: "2025-06-01", method: "written" },
        ifMatch(999),
      ),
    expect: always(needToKnow(412, 403)),
  },
  "POST /api/cases/:caseId/consents/:consentId/withdrawal": {
    call: (c, s) =>
      c.post(`/api/cases/${s.caseId}/consents/${s.consentId}/withdrawal`, { withdrawnOn: "2025-06-02" }, ifMatch(999)),
    expect: always(needToKnow(412, 403)),
  },
  "POST /api/cases/:caseId/team": {
    call: (c, s) => c.post(`/api/cases/${s.caseId}/team`, { agencyId: w.agencyId.kodomo }, ifMatch(999)),
    expect: always(needToKnow(412, 403)),
  },
  "DELETE /api/cases/:caseId/team/:agencyId": {
    call: (c, s) => c.request("DELETE", `/api/cases/${s.caseId}/team/${w.agencyId.team}`, undefined, ifMatch(999)),
    expect: always(needToKnow(412, 403)),
  },
  "GET /api/cases/:caseId/records": {
    call: (c, s) => c.get(`/api/cases/${s.caseId}/records`),
    expect: disclosed(200),
  },
  "POST /api/cases/:caseId/records": {
    call: (c, s) =>
      c.post(`/api/cases/${s.caseId}/records`, { kind: "電話", date: "2025-06-02", text: "近況を確認（テスト）" }),
    expect: disclosed(201),
  },
  "GET /api/cases/:caseId/assessments": {
    call: (c, s) => c.get(`/api/cases/${s.caseId}/assessments`),
    expect: disclosed(200),
  },
  "GET /api/cases/:caseId/assessments/:version": {
    call: (c, s) => c.get(`/api/cases/${s.caseId}/assessments/1`),
    expect: disclosed(200),
  },
  "POST /api/cases/:caseId/assessments": {
    call: (c, s) =>
      c.post(`/api/cases/${s.caseId}/assessments`, { sections: { wishes: "家で暮らしたい" } }, ifMatch(999)),
    expect: disclosed(412),
  },
  "GET /api/cases/:caseId/plans": {
    call: (c, s) => c.get(`/api/cases/${s.caseId}/plans`),
    expect: disclosed(200),
  },
  // each case has its draft: a second one is refused (409) and nothing is created
  "POST /api/cases/:caseId/plans": {
    call: (c, s) => c.post(`/api/cases/${s.caseId}/plans`, { kind: "outreach" }),
    expect: planManagers(409),
  },
  "PUT /api/cases/:caseId/plans/:planId": {
    call: (c, s) => c.put(`/api/cases/${s.caseId}/plans/${s.planId}`, { wishes: "確認", goals: [] }, ifMatch(999)),
    expect: planManagers(412),
  },
  "POST /api/cases/:caseId/plans/:planId/approval": {
    call: (c, s) =>
      c.post(
        `/api/cases/${s.caseId}/plans/${s.planId}/approval`,
        { approvedOn: "2025-06-10", meetingId: s.caseId },
        ifMatch(999),
      ),
    expect: planManagers(412),
  },
  // the task is the team agency's: it answers while it may see the person; the managers see it but may not answer
  "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/response": {
    call: (c, s) =>
      c.post(`/api/cases/${s.caseId}/plans/${s.planId}/tasks/${s.taskId}/response`, { response: "accepted" }),
    expect: (state) => ({ ...needToKnow(403), team: state === "given" ? 200 : 404 }),
  },
  // a draft's task cannot be done yet: 409 for all who may record it
  "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/done": {
    call: (c, s) => c.post(`/api/cases/${s.caseId}/plans/${s.planId}/tasks/${s.taskId}/done`, { doneOn: "2025-07-01" }),
    expect: disclosed(409),
  },
  // no approved plan to monitor: 409
  "POST /api/cases/:caseId/monitorings": {
    call: (c, s) => c.post(`/api/cases/${s.caseId}/monitorings`, { heldOn: "2025-07-01", progress: [] }),
    expect: planManagers(409),
  },
  "POST /api/cases/:caseId/closure": {
    call: (c, s) =>
      c.post(
        `/api/cases/${s.caseId}/closure`,
        { closedOn: "2025-08-01", reason: "refused", evaluation: "確認" },
        ifMatch(999),
      ),
    expect: always(needToKnow(412, 403)),
  },
  // the meetings the caller may read that have the case on their agenda: no personal content, the team sees it
  "GET /api/cases/:caseId/meetings": {
    call: (c, s) => c.get(`/api/cases/${s.caseId}/meetings`),
    expect: always(needToKnow(200)),
  },
  // 参加支援: read where the person may be seen; proposed, moved and unmet needs recorded by the plan's managers
  "GET /api/cases/:caseId/placements": {
    call: (c, s) => c.get(`/api/cases/${s.caseId}/placements`),
    expect: disclosed(200),
  },
  // a resource that is not in the directory: the managers' 400, nothing written
  "POST /api/cases/:caseId/placements": {
    call: (c, s) =>
      c.post(`/api/cases/${s.caseId}/placements`, {
        resourceId: randomUUID(),
        wishes: "人と話せる場所がほしい",
        startedOn: "2025-07-01",
      }),
    expect: planManagers(400),
  },
  // a placement the case does not have: the managers' 404
  "POST /api/cases/:caseId/placements/:placementId/status": {
    call: (c, s) =>
      c.post(
        `/api/cases/${s.caseId}/placements/${randomUUID()}/status`,
        { status: "participating", on: "2025-07-10" },
        ifMatch(999),
      ),
    expect: planManagers(404),
  },
  // a 地区 the municipality does not have: the managers' 400, nothing written
  "POST /api/cases/:caseId/unmet-needs": {
    call: (c, s) => c.post(`/api/cases/${s.caseId}/unmet-needs`, { lookedFor: "夜の居場所", districtId: randomUUID() }),
    expect: planManagers(400),
  },
  // 支援決定 is the coordinators' to record (a future day: their 400, nothing written)
  "POST /api/cases/:caseId/support-decision": {
    call: (c, s) =>
      c.post(`/api/cases/${s.caseId}/support-decision`, { decidedOn: "2999-01-01", decidedBy: "福祉政策課長" }),
    expect: always({ ...needToKnow(400, 403), lead: 403 }),
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
      for (const state of CONSENT_STATES) {
        for (const caller of CALLERS) {
          const res = await call(w.as[caller], at[state]);
          expectAllowed(`${route} (consent ${state})`, caller, res, expected(state)[caller]);
          if (route.includes("/api/cases")) expect(res.headers.get("cache-control"), route).toBe("no-store");
        }
      }
    });
  }

  it("writes a committed denial for every hidden attempt on the case and the household", async () => {
    const { caseId, householdId } = at.given;
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
    { what: "a case only to its team and the coordinators", list: "cases", id: () => at.given.caseId },
    {
      what: "a household only to the coordinators, its registrar and its case teams",
      list: "households",
      id: () => at.given.householdId,
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

  it("lists an agency's tasks only from the cases it may see the person of", async () => {
    const listed = (await w.as.team.get("/api/support-tasks")).body.tasks as { id: string; caseId: string }[];
    expect(listed.map((t) => t.caseId).filter((id) => Object.values(at).some((s) => s.caseId === id))).toEqual([
      at.given.caseId,
    ]);
    for (const caller of ["coordinator", "lead", "otherStaff", "otherMunicipality"] as const) {
      const tasks = (await w.as[caller].get("/api/support-tasks")).body.tasks as { id: string }[];
      expect(
        tasks.filter((t) => CONSENT_STATES.some((s) => at[s].taskId === t.id)),
        caller,
      ).toEqual([]);
    }
    for (const caller of NOT_STAFF) expect((await w.as[caller].get("/api/support-tasks")).status, caller).toBe(403);
  });

  it("keeps the referral's outcome visible to the provider that sent it, without the case", async () => {
    const { referralId, caseId } = at.given;
    const referral = await w.as.senderProvider.get(`/api/referrals/${referralId}`);
    expect(referral.status).toBe(200);
    expect(referral.body.referral).toMatchObject({ id: referralId, access: "sender" });
    expect(JSON.stringify(referral.body)).not.toContain(caseId);
  });
});
