import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Principal, principalOf, type Role } from "../../src/domain/access/principals.js";
import { ROUTE_TABLE, type RouteKey, type RouteRule } from "../../src/domain/access/route-table.js";
import { registeredRouteKeys } from "../../src/server/platform/access/route-gate.js";
import { ApiClient, type ApiResponse, ifMatch } from "../helpers/api-client.js";
import { type AccessWorld, CALLERS, type Caller, HIDDEN_ADDRESS, startAccessWorld } from "./access-world.js";

/**
 * The access table, walked: every route the app registers × every kind of caller (each role, and on the support
 * side each relationship to the records: coordinator, lead, team, a former member of the case's 支援会議, another
 * agency, the sending provider, another provider, another municipality). A caller the table does not allow must get
 * exactly the table's refusal; an allowed one gets the route's answer, or the record-level refusal its relationship
 * calls for (`without`). The former member is staff of the team agency: it gets what `team` gets, except where a
 * probe names it (the meeting it left is hidden from it, even its existence).
 * Writes send a stale If-Match where the route takes one, so an allowed caller gets 412 and nothing changes.
 * A route registered in the app but missing from the table, or from this walk, fails the test.
 */

type Expected = number | { status: number; excludes: () => string };
interface Probe {
  call: (c: ApiClient) => Promise<ApiResponse>;
  /** what an allowed caller with the relationship gets */
  ok: number;
  /** what allowed callers without the relationship get instead (the former member: the team's, unless named) */
  without?: Partial<Record<Caller, Expected>>;
}

let w: AccessWorld;
beforeAll(async () => {
  w = await startAccessWorld();
}, 300_000);
afterAll(async () => {
  await w?.t.close();
});

const stale = ifMatch(9999);
const json = (o: unknown) => JSON.stringify(o);

/** The support side's records: only its own staff (by relationship) see them; the other municipality never. */
const teamOnly = (hidden: number): Partial<Record<Caller, Expected>> => ({
  otherStaff: hidden,
  otherMunicipality: 404,
});
const managersOnly: Partial<Record<Caller, Expected>> = { team: 403, otherStaff: 404, otherMunicipality: 404 };
/**
 * A meeting's changes: the coordinators and the secretariat; a member 403, a member before the pledge 404, and so a
 * former member: it is an outsider again.
 */
const meetingManagers: Partial<Record<Caller, Expected>> = {
  lead: 403,
  team: 404,
  formerMember: 404,
  otherStaff: 404,
  otherMunicipality: 404,
};

/** A hidden location: shown to the coordinators and the operator (the team agency), to nobody else on the support side. */
const withoutHiddenAddress = { status: 200, excludes: () => HIDDEN_ADDRESS };
const hiddenAddressFromOthers: Partial<Record<Caller, Expected>> = {
  supportAdmin: withoutHiddenAddress,
  systemAdmin: withoutHiddenAddress,
  lead: withoutHiddenAddress,
  otherStaff: withoutHiddenAddress,
  senderProvider: withoutHiddenAddress,
  otherProvider: withoutHiddenAddress,
  otherMunicipality: withoutHiddenAddress,
};
/** A proposal: the coordinators and the proposing provider only. */
const proposalHidden: Partial<Record<Caller, Expected>> = {
  supportAdmin: 404,
  systemAdmin: 404,
  lead: 404,
  team: 404,
  otherStaff: 404,
  otherProvider: 404,
  otherMunicipality: 404,
};
/** An export never carries a hidden location, whoever asks. */
const exportWithoutHiddenAddress = Object.fromEntries(CALLERS.map((c) => [c, withoutHiddenAddress])) as Partial<
  Record<Caller, Expected>
>;

/** A list that answers but does not name the world's committee. */
const notCommittee = (): Expected => ({ status: 200, excludes: () => w.ids.committeeId });

let unusedPlanAccount: string | undefined;
async function unusedPlanAccountId() {
  unusedPlanAccount ??= (await w.as.planOffice.get("/api/users")).body.users.find(
    (u: { loginId: string }) => u.loginId === "soudan",
  ).id as string;
  return unusedPlanAccount;
}

/** the version of the walk's municipality's settings, as the plan office reads it */
const settingsVersion = async () => (await w.as.planOffice.get("/api/settings/mfa")).body.policy.version as number;

function probes(): Record<RouteKey, Probe> {
  const id = w.ids;
  const plan = `/api/plans/${id.planId}`;
  return {
    "GET /api/municipalities": { call: (c) => c.get("/api/municipalities"), ok: 200 },
    // a login with a wrong password: everyone may try (401), nobody is refused by role
    "POST /api/auth/login": {
      call: (c) =>
        c.post("/api/auth/login", { municipalityCode: "999001", loginId: `nobody-${Math.random()}`, password: "x" }),
      ok: 401,
    },
    // logging out is open to anyone; a separate client, so that the caller's own session stays for the walk
    "POST /api/auth/logout": { call: () => new ApiClient(w.t.baseUrl).post("/api/auth/logout"), ok: 200 },
    "GET /api/auth/session": { call: (c) => c.get("/api/auth/session"), ok: 200 },
    "GET /api/openapi.json": { call: (c) => c.get("/api/openapi.json"), ok: 200 },
    // a signed-in account with no password to set is told so (the pending-step walk is in the onboarding test)
    "POST /api/auth/password": {
      call: (c) => c.post("/api/auth/password", { password: "a-new-pass-phrase-42" }),
      ok: 409,
    },

    // one's own second factor: the bodies are incomplete (400), so no session of the walk changes
    "GET /api/mfa": { call: (c) => c.get("/api/mfa"), ok: 200 },
    // the accounts that must use a second factor have one (409); the plan side's may start enrolling
    "POST /api/mfa/enrolment": {
      call: (c) => c.post("/api/mfa/enrolment"),
      ok: 409,
      without: { planOffice: 200, editor: 200, otherEditor: 200, viewer: 200 },
    },
    "POST /api/mfa/enrolment/confirm": { call: (c) => c.post("/api/mfa/enrolment/confirm", {}), ok: 400 },
    "POST /api/mfa/verify": { call: (c) => c.post("/api/mfa/verify", {}), ok: 400 },
    "POST /api/mfa/recovery-codes": { call: (c) => c.post("/api/mfa/recovery-codes", {}), ok: 400 },
    "DELETE /api/mfa": { call: (c) => c.request("DELETE", "/api/mfa", {}), ok: 400 },
    // a plan-side account no caller of the walk uses: the support-side administrator does not find it
    "POST /api/users/:userId/mfa-reset": {
      call: async (c) => c.post(`/api/users/${await unusedPlanAccountId()}/mfa-reset`),
      ok: 200,
      without: { supportAdmin: 404 },
    },
    "GET /api/settings/mfa": { call: (c) => c.get("/api/settings/mfa"), ok: 200 },
    "PUT /api/settings/mfa": {
      call: async (c) => c.put("/api/settings/mfa", { planSide: "optional" }, ifMatch(await settingsVersion())),
      ok: 200,
    },

    // the walk's municipality has no mail settings: version 0 names them, a stale version is refused unchanged
    "GET /api/municipality/mail-settings": { call: (c) => c.get("/api/municipality/mail-settings"), ok: 200 },
    "PUT /api/municipality/mail-settings": {
      call: (c) =>
        c.put(
          "/api/municipality/mail-settings",
          {
            enabled: false,
            host: "smtp.example.lg.jp",
            port: 587,
            security: "starttls",
            fromAddress: "a@example.lg.jp",
          },
          stale,
        ),
      ok: 412,
    },
    // nothing configured yet: refused with the reason, nothing sent
    "POST /api/municipality/mail-settings/test": {
      call: (c) => c.post("/api/municipality/mail-settings/test"),
      ok: 409,
    },
    "GET /api/account/email": { call: (c) => c.get("/api/account/email"), ok: 200 },
    "PUT /api/account/email": { call: (c) => c.put("/api/account/email", { email: "not an address" }), ok: 400 },

    "GET /api/users": {
      call: (c) => c.get("/api/users"),
      ok: 200,
      // each administrator sees the accounts of its own side only
      without: {
        planOffice: { status: 200, excludes: () => id.coordUserId },
        supportAdmin: { status: 200, excludes: () => id.editorUserId },
      },
    },
    "POST /api/users": {
      // a support-side account in the coordinators' agency: the plan office may not make one
      call: (c) =>
        c.post("/api/users", {
          loginId: `probe-${Math.random().toString(36).slice(2, 10)}`,
          displayName: "確認用",
          role: "support_staff",
          agencyId: id.coordAgencyId,
          password: "a-long-enough-passphrase",
        }),
      ok: 201,
      without: { planOffice: 403 },
    },
    "PATCH /api/users/:userId": {
      call: (c) => c.patch(`/api/users/${id.coordUserId}`, { password: "a-long-enough-passphrase" }, stale),
      ok: 412,
      without: { planOffice: 404 },
    },
    "GET /api/account-changes": { call: (c) => c.get("/api/account-changes"), ok: 200 },
    // counts only: nothing in it names a record (what each count holds is checked against the lists below)
    "GET /api/home": { call: (c) => c.get("/api/home"), ok: 200 },
    // each caller's own notices; a notice id that is not the caller's is not found, whoever asks
    "GET /api/notices": { call: (c) => c.get("/api/notices"), ok: 200 },
    "POST /api/notices/read-all": { call: (c) => c.post("/api/notices/read-all"), ok: 200 },
    "POST /api/notices/:noticeId/read": {
      call: (c) => c.post("/api/notices/00000000-0000-4000-8000-000000000000/read"),
      ok: 404,
    },
    "GET /api/audit/entries": {
      call: (c) => c.get("/api/audit/entries?limit=200&entityType=case"),
      ok: 200,
      // each administrator reads its own side's records: the plan office nothing of cases
      without: { planOffice: { status: 200, excludes: () => id.caseId } },
    },

    "GET /api/departments": { call: (c) => c.get("/api/departments"), ok: 200 },
    "POST /api/departments": { call: (c) => c.post("/api/departments", { name: "" }), ok: 400 },
    "POST /api/departments/:id/rename": {
      call: (c) =>
        c.post(
          `/api/departments/${id.departmentId}/rename`,
          { name: "高齢支援課", effectiveFrom: "2026-04-01" },
          stale,
        ),
      ok: 412,
    },
    "POST /api/departments/:id/merge": {
      call: (c) =>
        c.post(
          `/api/departments/${id.departmentId}/merge`,
          { intoDepartmentId: id.otherDepartmentId, effectiveFrom: "2026-04-01" },
          stale,
        ),
      ok: 412,
    },
    "GET /api/plans": { call: (c) => c.get("/api/plans"), ok: 200 },
    "POST /api/plans": { call: (c) => c.post("/api/plans", {}), ok: 400 },
    "GET /api/plans/:planId": { call: (c) => c.get(plan), ok: 200 },
    "PUT /api/plans/:planId": { call: (c) => c.put(plan, {}, stale), ok: 400 },
    "POST /api/plans/:planId/items": { call: (c) => c.post(`${plan}/items`, {}), ok: 400 },
    "PATCH /api/plans/:planId/items/:itemId": {
      call: (c) => c.patch(`${plan}/items/${id.itemId}`, { title: "確認" }, stale),
      ok: 412,
    },
    "POST /api/plans/:planId/items/:itemId/relistings": {
      call: (c) => c.post(`${plan}/items/${id.itemId}/relistings`, {}),
      ok: 400,
    },
    "DELETE /api/plans/:planId/items/:itemId/relistings/:parentItemId": {
      call: (c) => c.request("DELETE", `${plan}/items/${id.itemId}/relistings/${id.unrelatedItemId}`),
      ok: 404,
    },

    // committees: the viewer sits on the world's 推進委員会; the department editors on none
    "GET /api/plans/:planId/committees": {
      call: (c) => c.get(`${plan}/committees`),
      ok: 200,
      without: { editor: notCommittee(), otherEditor: notCommittee() },
    },
    "POST /api/plans/:planId/committees": { call: (c) => c.post(`${plan}/committees`, {}), ok: 400 },
    "PUT /api/committees/:committeeId": {
      call: (c) => c.put(`/api/committees/${id.committeeId}`, { kind: "committee", name: "確認" }, stale),
      ok: 412,
    },
    // the world's 2025 is open: the committee's members and the plan office are told so, others do not learn of it
    "GET /api/committees/:committeeId/years/:fiscalYear": {
      call: (c) => c.get(`/api/committees/${id.committeeId}/years/2025`),
      ok: 409,
      without: { editor: 404, otherEditor: 404 },
    },
    // only a member in term writes: the plan office reads the committee but does not sit on it
    "POST /api/committees/:committeeId/years/:fiscalYear/opinions": {
      call: (c) => c.post(`/api/committees/${id.committeeId}/years/2025/opinions`, { body: "確認" }),
      ok: 409,
      without: { planOffice: 403, systemAdmin: 403, editor: 404, otherEditor: 404 },
    },
    // the world's opinion is submitted: its writer may no longer change it, the plan office never could
    "PUT /api/opinions/:opinionId": {
      call: (c) => c.put(`/api/opinions/${id.opinionId}`, { body: "確認" }, stale),
      ok: 409,
      without: { planOffice: 403, systemAdmin: 403, editor: 404, otherEditor: 404 },
    },
    "POST /api/opinions/:opinionId/submit": {
      call: (c) => c.post(`/api/opinions/${id.opinionId}/submit`, undefined, stale),
      ok: 409,
      without: { planOffice: 403, systemAdmin: 403, editor: 404, otherEditor: 404 },
    },
    "POST /api/opinions/:opinionId/answer": {
      call: (c) => c.post(`/api/opinions/${id.opinionId}/answer`, { response: "確認", responseStatus: "other" }, stale),
      ok: 412,
    },
    // the opinion is on 高齢支援課's item: that department reads it, another does not
    "GET /api/plans/:planId/items/:itemId/opinions": {
      call: (c) => c.get(`${plan}/items/${id.itemId}/opinions`),
      ok: 200,
      without: { otherEditor: { status: 200, excludes: () => id.opinionId } },
    },
    // the roadmap of the 高齢支援課 item: the plan side reads it; its department and the plan office write
    // (a stale If-Match: 412), another department's editor is refused (403)
    "GET /api/plans/:planId/roadmaps": { call: (c) => c.get(`${plan}/roadmaps`), ok: 200 },
    "GET /api/roadmaps/:roadmapId": { call: (c) => c.get(`/api/roadmaps/${id.roadmapId}`), ok: 200 },
    "PATCH /api/roadmaps/:roadmapId/months/:month": {
      call: (c) =>
        c.patch(`/api/roadmaps/${id.roadmapId}/months/2022-04`, { actual: [], slipped: true, slipNote: null }, stale),
      ok: 412,
      without: { otherEditor: 403 },
    },

    "GET /api/plans/:planId/evaluations": { call: (c) => c.get(`${plan}/evaluations`), ok: 200 },
    "POST /api/plans/:planId/evaluations": { call: (c) => c.post(`${plan}/evaluations`, {}), ok: 400 },
    "GET /api/plans/:planId/evaluations/:fiscalYear/sheets": {
      call: (c) => c.get(`${plan}/evaluations/2025/sheets`),
      ok: 200,
      // another department's editor sees its own sheets only
      without: { otherEditor: { status: 200, excludes: () => id.sheetId } },
    },
    "GET /api/plans/:planId/evaluations/:fiscalYear/export.xlsx": {
      call: (c) => c.get(`${plan}/evaluations/2025/export.xlsx`),
      ok: 200,
    },
    // the world's 2025 is open with sheets not yet accepted: closing is refused with the list, and nothing changes
    "POST /api/plans/:planId/evaluations/:fiscalYear/close": {
      call: (c) => c.post(`${plan}/evaluations/2025/close`, {}),
      ok: 409,
    },
    // a stale If-Match: the plan office gets 412 and the deadlines stay as they were
    "PUT /api/plans/:planId/evaluations/:fiscalYear/deadlines": {
      call: (c) => c.put(`${plan}/evaluations/2025/deadlines`, { submissionDue: "2026-06-30" }, stale),
      ok: 412,
    },
    "POST /api/plans/:planId/evaluations/:fiscalYear/reopen": {
      call: (c) => c.post(`${plan}/evaluations/2025/reopen`, { reason: "確認" }),
      ok: 409,
    },
    // only a closed year has a report
    "GET /api/plans/:planId/evaluations/:fiscalYear/report": {
      call: (c) => c.get(`${plan}/evaluations/2025/report`),
      ok: 409,
    },
    "GET /api/plans/:planId/evaluations/:fiscalYear/report.xlsx": {
      call: (c) => c.get(`${plan}/evaluations/2025/report.xlsx`),
      ok: 409,
    },
    "POST /api/sheets/:sheetId/not-evaluated": {
      call: (c) => c.post(`/api/sheets/${id.sheetId}/not-evaluated`, { reason: "確認" }, stale),
      ok: 412,
    },
    "GET /api/sheets/:sheetId": {
      call: (c) => c.get(`/api/sheets/${id.sheetId}`),
      ok: 200,
      without: { otherEditor: 404 },
    },
    "PUT /api/sheets/:sheetId": {
      call: (c) => c.put(`/api/sheets/${id.sheetId}`, { results: "確認" }, stale),
      ok: 412,
      without: { otherEditor: 404 },
    },
    "POST /api/sheets/:sheetId/submit": {
      call: (c) => c.post(`/api/sheets/${id.sheetId}/submit`, {}, stale),
      ok: 412,
      without: { otherEditor: 404 },
    },
    "POST /api/sheets/:sheetId/accept": { call: (c) => c.post(`/api/sheets/${id.sheetId}/accept`, {}, stale), ok: 412 },
    "POST /api/sheets/:sheetId/return": {
      call: (c) => c.post(`/api/sheets/${id.sheetId}/return`, { comment: "確認" }, stale),
      ok: 412,
    },
    "GET /api/sheets/:sheetId/history": {
      call: (c) => c.get(`/api/sheets/${id.sheetId}/history`),
      ok: 200,
      without: { otherEditor: 404 },
    },
    "GET /api/sheets/:sheetId/suggested-actuals": {
      call: (c) => c.get(`/api/sheets/${id.sheetId}/suggested-actuals`),
      ok: 200,
      without: { otherEditor: 404 },
    },
    "GET /api/plans/:planId/summary": { call: (c) => c.get(`${plan}/summary?fiscalYear=2024`), ok: 200 },
    "GET /api/plans/:planId/mid-year": { call: (c) => c.get(`${plan}/mid-year`), ok: 200 },
    "POST /api/plans/:planId/mid-year": { call: (c) => c.post(`${plan}/mid-year`, {}), ok: 400 },
    // a year without a mid-year round: nothing to close, and the world's 2025 stays open
    "POST /api/plans/:planId/mid-year/:fiscalYear/close": {
      call: (c) => c.post(`${plan}/mid-year/2026/close`, {}),
      ok: 404,
    },
    "GET /api/plans/:planId/mid-year/:fiscalYear/sheets": {
      call: (c) => c.get(`${plan}/mid-year/2025/sheets`),
      ok: 200,
      without: { otherEditor: { status: 200, excludes: () => id.midYearSheetId } },
    },
    "GET /api/plans/:planId/mid-year/:fiscalYear/report": {
      call: (c) => c.get(`${plan}/mid-year/2025/report`),
      ok: 200,
      without: { otherEditor: { status: 200, excludes: () => id.midYearSheetId } },
    },
    "GET /api/plans/:planId/mid-year/:fiscalYear/report.xlsx": {
      call: (c) => c.get(`${plan}/mid-year/2025/report.xlsx`),
      ok: 200,
    },
    "GET /api/mid-year-sheets/:sheetId": {
      call: (c) => c.get(`/api/mid-year-sheets/${id.midYearSheetId}`),
      ok: 200,
      without: { otherEditor: 404 },
    },
    "PUT /api/mid-year-sheets/:sheetId": {
      call: (c) => c.put(`/api/mid-year-sheets/${id.midYearSheetId}`, { issues: "確認" }, stale),
      ok: 412,
      without: { otherEditor: 404 },
    },
    "POST /api/mid-year-sheets/:sheetId/submit": {
      call: (c) => c.post(`/api/mid-year-sheets/${id.midYearSheetId}/submit`, {}, stale),
      ok: 412,
      without: { otherEditor: 404 },
    },
    "POST /api/mid-year-sheets/:sheetId/accept": {
      call: (c) => c.post(`/api/mid-year-sheets/${id.midYearSheetId}/accept`, {}, stale),
      ok: 412,
    },
    "POST /api/mid-year-sheets/:sheetId/return": {
      call: (c) => c.post(`/api/mid-year-sheets/${id.midYearSheetId}/return`, { comment: "確認" }, stale),
      ok: 412,
    },
    // a text document: the plan office's to import; a department editor may bring back only its own xlsx
    "POST /api/imports/preview": {
      call: (c) => c.post("/api/imports/preview", new TextEncoder().encode("確認用の文書ではない文字列")),
      ok: 400,
      without: { editor: 403, otherEditor: 403 },
    },
    "POST /api/imports": {
      call: (c) => c.post("/api/imports", new TextEncoder().encode("確認用の文書ではない文字列")),
      ok: 400,
      without: { editor: 403, otherEditor: 403 },
    },

    "GET /api/plans/:planId/indicators": {
      call: (c) => c.get(`${plan}/indicators?fiscalYear=2025`),
      ok: 200,
      without: { otherEditor: { status: 200, excludes: () => id.indicatorId } },
    },
    "POST /api/plans/:planId/indicators": { call: (c) => c.post(`${plan}/indicators`, {}), ok: 400 },
    "GET /api/plans/:planId/indicators/export.csv": {
      call: (c) => c.get(`${plan}/indicators/export.csv?fiscalYear=2025`),
      ok: 200,
      without: { otherEditor: { status: 200, excludes: () => "アクセス確認の指標" } },
    },
    "GET /api/plans/:planId/implementation-plan/export.xlsx": {
      call: (c) => c.get(`${plan}/implementation-plan/export.xlsx`),
      ok: 200,
    },
    "GET /api/plans/:planId/targets/unclassified": { call: (c) => c.get(`${plan}/targets/unclassified`), ok: 200 },
    "GET /api/plans/:planId/milestone-ladder": { call: (c) => c.get(`${plan}/milestone-ladder`), ok: 200 },
    "PUT /api/plans/:planId/milestone-ladder": {
      call: (c) => c.put(`${plan}/milestone-ladder`, { steps: null }, stale),
      ok: 412,
    },
    "GET /api/plans/:planId/attainment-share": {
      call: (c) => c.get(`${plan}/attainment-share?fiscalYear=2025`),
      ok: 200,
    },
    "GET /api/plans/:planId/department-matrix": { call: (c) => c.get(`${plan}/department-matrix`), ok: 200 },
    "GET /api/plans/:planId/my-department": {
      call: (c) => c.get(`${plan}/my-department?fiscalYear=2025`),
      ok: 200,
      without: { otherEditor: { status: 200, excludes: () => id.indicatorId } },
    },
    "GET /api/indicators/:indicatorId": {
      call: (c) => c.get(`/api/indicators/${id.indicatorId}?fiscalYear=2025`),
      ok: 200,
      without: { otherEditor: 404 },
    },
    "PATCH /api/indicators/:indicatorId": {
      call: (c) => c.patch(`/api/indicators/${id.indicatorId}`, { name: "確認" }, stale),
      ok: 412,
    },
    "DELETE /api/indicators/:indicatorId": {
      call: (c) => c.request("DELETE", `/api/indicators/${id.indicatorId}`, undefined, stale),
      ok: 412,
    },
    "PUT /api/indicators/:indicatorId/targets/:fiscalYear": {
      call: (c) => c.put(`/api/indicators/${id.indicatorId}/targets/2026`, { source: "10人" }, stale),
      ok: 412,
    },
    "PUT /api/indicators/:indicatorId/actuals/:fiscalYear": {
      call: (c) => c.put(`/api/indicators/${id.indicatorId}/actuals/2024`, { kind: "number", value: 3 }, stale),
      ok: 412,
      without: { otherEditor: 404 },
    },
    "DELETE /api/indicators/:indicatorId/actuals/:fiscalYear": {
      call: (c) => c.request("DELETE", `/api/indicators/${id.indicatorId}/actuals/2025`, undefined, stale),
      ok: 412,
      without: { otherEditor: 404 },
    },
    "GET /api/indicators/:indicatorId/series": {
      call: (c) => c.get(`/api/indicators/${id.indicatorId}/series`),
      ok: 200,
      without: { otherEditor: 404 },
    },
    "GET /api/indicators/:indicatorId/feed": {
      call: (c) => c.get(`/api/indicators/${id.indicatorId}/feed`),
      ok: 200,
      without: { otherEditor: 404 },
    },
    "PUT /api/indicators/:indicatorId/measure-link": {
      call: (c) => c.put(`/api/indicators/${id.indicatorId}/measure-link`, { measureKey: "referrals_sent" }, stale),
      ok: 412,
    },
    // the walk's indicator is not linked: nothing to remove
    "DELETE /api/indicators/:indicatorId/measure-link": {
      call: (c) => c.request("DELETE", `/api/indicators/${id.indicatorId}/measure-link`, undefined, stale),
      ok: 404,
    },
    // not linked: no suggestion to accept (409); hidden from another department (404)
    "POST /api/indicators/:indicatorId/actuals/:fiscalYear/accept-suggestion": {
      call: (c) => c.post(`/api/indicators/${id.indicatorId}/actuals/2024/accept-suggestion`, undefined, stale),
      ok: 409,
      without: { otherEditor: 404 },
    },

    "GET /api/plans/:planId/revisions": {
      call: (c) => c.get(`${plan}/revisions`),
      ok: 200,
      // the revision being drafted is seen only where it is drafted
      without: {
        editor: { status: 200, excludes: () => id.draftRevisionId },
        otherEditor: { status: 200, excludes: () => id.draftRevisionId },
        viewer: { status: 200, excludes: () => id.draftRevisionId },
      },
    },
    "POST /api/plans/:planId/revisions": { call: (c) => c.post(`${plan}/revisions`, {}), ok: 409 },
    "POST /api/plans/:planId/revisions/:number/approve": {
      call: (c) => c.post(`${plan}/revisions/${id.draftNumber}/approve`, {}, stale),
      ok: 412,
    },
    // publication to residents: the demo's plan is published at load; a stale version changes nothing (412), the
    // open 令和7年度 cannot be published (409) and 令和6年度 was never published (404)
    "GET /api/plans/:planId/publications": { call: (c) => c.get(`${plan}/publications`), ok: 200 },
    "PUT /api/plans/:planId/publication": {
      call: (c) => c.put(`${plan}/publication`, { sheetFields: ["results"] }, stale),
      ok: 412,
    },
    "DELETE /api/plans/:planId/publication": {
      call: (c) => c.request("DELETE", `${plan}/publication`, undefined, stale),
      ok: 412,
    },
    "PUT /api/plans/:planId/publications/:fiscalYear": {
      call: (c) => c.put(`${plan}/publications/2025`, undefined, stale),
      ok: 409,
    },
    "DELETE /api/plans/:planId/publications/:fiscalYear": {
      call: (c) => c.request("DELETE", `${plan}/publications/2024`, undefined, stale),
      ok: 404,
    },
    // the public site answers everyone alike, signed in or not, from what is published only
    "GET /p/site.css": { call: (c) => c.get("/p/site.css"), ok: 200 },
    "GET /p/:code/": { call: (c) => c.get("/p/999001/"), ok: 200 },
    "GET /p/:code/plans/:planId/": { call: (c) => c.get(`/p/999001/plans/${id.planId}/`), ok: 200 },
    "GET /p/:code/plans/:planId/items/:itemId": {
      call: (c) => c.get(`/p/999001/plans/${id.planId}/items/${id.itemId}`),
      ok: 200,
    },
    "GET /p/:code/plans/:planId/indicators/:indicatorId": {
      call: (c) => c.get(`/p/999001/plans/${id.planId}/indicators/${id.indicatorId}`),
      ok: 200,
    },
    "GET /p/:code/plans/:planId/years/:fiscalYear": {
      // the world has no closed year to publish (the leak walk reads published years): a year that is no year
      call: (c) => c.get(`/p/999001/plans/${id.planId}/years/abc`),
      ok: 400,
    },
    "GET /p/:code/plans/:planId/search": {
      call: (c) => c.get(`/p/999001/plans/${id.planId}/search?q=${encodeURIComponent("支援")}`),
      ok: 200,
    },
    "GET /p/:code/opendata/": { call: (c) => c.get("/p/999001/opendata/"), ok: 200 },
    "GET /p/:code/opendata/catalog.json": { call: (c) => c.get("/p/999001/opendata/catalog.json"), ok: 200 },
    "GET /p/:code/opendata/:planId/:file": {
      call: (c) => c.get(`/p/999001/opendata/${id.planId}/items.csv`),
      ok: 200,
    },
    "DELETE /api/plans/:planId/revisions/:number": {
      call: (c) => c.request("DELETE", `${plan}/revisions/${id.draftNumber}`, undefined, stale),
      ok: 412,
    },
    "GET /api/plans/:planId/diff": {
      call: (c) => c.get(`${plan}/diff?from=1&to=draft`),
      ok: 200,
      without: { editor: 404, otherEditor: 404, viewer: 404 },
    },
    "GET /api/plans/:planId/diff.xlsx": {
      call: (c) => c.get(`${plan}/diff.xlsx?from=1&to=draft`),
      ok: 200,
      without: { editor: 404, otherEditor: 404, viewer: 404 },
    },
    "GET /api/plans/:planId/diff.csv": {
      call: (c) => c.get(`${plan}/diff.csv?from=1&to=draft`),
      ok: 200,
      without: { editor: 404, otherEditor: 404, viewer: 404 },
    },

    // the registry holds no person: another municipality's coordinator reads its own (empty) one
    "GET /api/programme": { call: (c) => c.get("/api/programme"), ok: 200 },
    "PATCH /api/programme/projects/:projectId": {
      call: (c) => c.patch(`/api/programme/projects/${id.programmeProjectId}`, { name: "変更" }, stale),
      ok: 412,
    },
    "GET /api/agencies": { call: (c) => c.get("/api/agencies"), ok: 200 },
    "POST /api/agencies": { call: (c) => c.post("/api/agencies", { name: "", category: "" }), ok: 400 },
    "GET /api/concerns": { call: (c) => c.get("/api/concerns"), ok: 200 },
    "PUT /api/concerns": { call: (c) => c.put("/api/concerns", { categories: [{ label: "介護" }] }, stale), ok: 412 },

    "POST /api/persons": { call: (c) => c.post("/api/persons", {}), ok: 400 },
    "POST /api/persons/search": {
      call: (c) => c.post("/api/persons/search", { query: "アクセス" }),
      ok: 200,
      // a provider finds only the persons its agency registered; another agency's staff no details
      without: {
        otherStaff: { status: 200, excludes: () => "アクセス ホンニン" },
        otherProvider: { status: 200, excludes: () => "アクセス ホンニン" },
        otherMunicipality: { status: 200, excludes: () => "アクセス ホンニン" },
      },
    },
    "POST /api/persons/:personId/links": {
      call: (c) => c.post(`/api/persons/${id.personId}/links`, {}),
      ok: 400,
    },
    "POST /api/referrals": { call: (c) => c.post("/api/referrals", {}), ok: 400 },
    "GET /api/referrals": {
      call: (c) => c.get("/api/referrals"),
      ok: 200,
      without: {
        team: { status: 200, excludes: () => id.referralId },
        otherStaff: { status: 200, excludes: () => id.referralId },
        otherProvider: { status: 200, excludes: () => id.referralId },
        otherMunicipality: { status: 200, excludes: () => id.referralId },
      },
    },
    "GET /api/referrals/:referralId": {
      call: (c) => c.get(`/api/referrals/${id.referralId}`),
      ok: 200,
      without: { team: 404, otherStaff: 404, otherProvider: 404, otherMunicipality: 404 },
    },
    "POST /api/referrals/:referralId/transition": {
      call: (c) => c.post(`/api/referrals/${id.referralId}/transition`, { to: "accepted" }, stale),
      ok: 412,
      without: { senderProvider: 403, team: 404, otherStaff: 404, otherProvider: 404, otherMunicipality: 404 },
    },

    "POST /api/households": { call: (c) => c.post("/api/households", {}), ok: 400 },
    "GET /api/households": {
      call: (c) => c.get("/api/households"),
      ok: 200,
      without: {
        otherStaff: { status: 200, excludes: () => id.householdId },
        otherMunicipality: { status: 200, excludes: () => id.householdId },
      },
    },
    "GET /api/households/:householdId": {
      call: (c) => c.get(`/api/households/${id.householdId}`),
      ok: 200,
      without: teamOnly(404),
    },
    "POST /api/households/:householdId/members": {
      call: (c) =>
        c.post(`/api/households/${id.householdId}/members`, { personId: id.otherPersonId, relationship: "孫" }, stale),
      ok: 412,
      without: teamOnly(404),
    },
    "DELETE /api/households/:householdId/members/:personId": {
      call: (c) =>
        c.request("DELETE", `/api/households/${id.householdId}/members/${id.otherPersonId}`, undefined, stale),
      ok: 412,
      without: teamOnly(404),
    },
    "POST /api/cases": { call: (c) => c.post("/api/cases", {}), ok: 400 },
    "GET /api/cases": {
      call: (c) => c.get("/api/cases"),
      ok: 200,
      without: {
        otherStaff: { status: 200, excludes: () => id.caseId },
        otherMunicipality: { status: 200, excludes: () => id.caseId },
      },
    },
    "GET /api/cases/:caseId": { call: (c) => c.get(`/api/cases/${id.caseId}`), ok: 200, without: teamOnly(404) },
    "PATCH /api/cases/:caseId": {
      call: (c) => c.patch(`/api/cases/${id.caseId}`, { issues: ["介護"] }, stale),
      ok: 412,
      without: managersOnly,
    },
    "POST /api/cases/:caseId/phase": {
      call: (c) => c.post(`/api/cases/${id.caseId}/phase`, { to: "assessment" }, stale),
      ok: 412,
      without: managersOnly,
    },
    "POST /api/cases/:caseId/consents": {
      call: (c) =>
        c.post(
          `/api/cases/${id.caseId}/consents`,
          { personId: id.personId, scope: "team", givenOn: "2025-06-01", method: "written" },
          stale,
        ),
      ok: 412,
      without: managersOnly,
    },
    "POST /api/cases/:caseId/consents/:consentId/withdrawal": {
      call: (c) =>
        c.post(`/api/cases/${id.caseId}/consents/${id.caseId}/withdrawal`, { withdrawnOn: "2025-06-02" }, stale),
      ok: 412,
      without: managersOnly,
    },
    "POST /api/cases/:caseId/team": {
      call: (c) => c.post(`/api/cases/${id.caseId}/team`, { agencyId: id.otherAgencyId }, stale),
      ok: 412,
      without: managersOnly,
    },
    "DELETE /api/cases/:caseId/team/:agencyId": {
      call: (c) => c.request("DELETE", `/api/cases/${id.caseId}/team/${id.teamAgencyId}`, undefined, stale),
      ok: 412,
      without: managersOnly,
    },
    "GET /api/cases/:caseId/records": {
      call: (c) => c.get(`/api/cases/${id.caseId}/records`),
      ok: 200,
      without: teamOnly(404),
    },
    "POST /api/cases/:caseId/records": {
      call: (c) =>
        c.post(`/api/cases/${id.caseId}/records`, { kind: "電話", date: "2025-06-02", text: "確認（テスト）" }),
      ok: 201,
      without: teamOnly(404),
    },
    "GET /api/cases/:caseId/assessments": {
      call: (c) => c.get(`/api/cases/${id.caseId}/assessments`),
      ok: 200,
      without: teamOnly(404),
    },
    "GET /api/cases/:caseId/assessments/:version": {
      call: (c) => c.get(`/api/cases/${id.caseId}/assessments/1`),
      ok: 200,
      without: teamOnly(404),
    },
    "POST /api/cases/:caseId/assessments": {
      call: (c) => c.post(`/api/cases/${id.caseId}/assessments`, { sections: { wishes: "確認" } }, stale),
      ok: 412,
      without: teamOnly(404),
    },
    "GET /api/cases/:caseId/plans": {
      call: (c) => c.get(`/api/cases/${id.caseId}/plans`),
      ok: 200,
      without: teamOnly(404),
    },
    // the case has a draft already: a second one is refused (409), nothing is created
    "POST /api/cases/:caseId/plans": {
      call: (c) => c.post(`/api/cases/${id.caseId}/plans`, { kind: "support" }),
      ok: 409,
      without: managersOnly,
    },
    "PUT /api/cases/:caseId/plans/:planId": {
      call: (c) => c.put(`/api/cases/${id.caseId}/plans/${id.supportPlanId}`, { wishes: "確認", goals: [] }, stale),
      ok: 412,
      without: managersOnly,
    },
    "POST /api/cases/:caseId/plans/:planId/approval": {
      call: (c) =>
        c.post(
          `/api/cases/${id.caseId}/plans/${id.supportPlanId}/approval`,
          { approvedOn: "2025-06-10", meetingId: id.caseId },
          stale,
        ),
      ok: 412,
      without: managersOnly,
    },
    // the task is the team agency's: only it answers (again and again: accepting is idempotent)
    "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/response": {
      call: (c) =>
        c.post(`/api/cases/${id.caseId}/plans/${id.supportPlanId}/tasks/${id.taskId}/response`, {
          response: "accepted",
        }),
      ok: 403,
      without: { team: 200, otherStaff: 404, otherMunicipality: 404 },
    },
    // a draft's task cannot be done yet (409) for anyone who may record it
    "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/done": {
      call: (c) =>
        c.post(`/api/cases/${id.caseId}/plans/${id.supportPlanId}/tasks/${id.taskId}/done`, { doneOn: "2025-06-20" }),
      ok: 409,
      without: teamOnly(404),
    },
    // no approved plan yet: nothing to monitor (409)
    "POST /api/cases/:caseId/monitorings": {
      call: (c) => c.post(`/api/cases/${id.caseId}/monitorings`, { heldOn: "2025-07-01", progress: [] }),
      ok: 409,
      without: managersOnly,
    },
    "POST /api/cases/:caseId/closure": {
      call: (c) =>
        c.post(
          `/api/cases/${id.caseId}/closure`,
          { closedOn: "2025-08-01", reason: "goals_met", evaluation: "確認" },
          stale,
        ),
      ok: 412,
      without: managersOnly,
    },
    "GET /api/support-tasks": {
      call: (c) => c.get("/api/support-tasks"),
      ok: 200,
      without: {
        otherStaff: { status: 200, excludes: () => id.taskId },
        otherMunicipality: { status: 200, excludes: () => id.taskId },
      },
    },
    // the former member still reads the case (its agency is on the team), but not the meeting it left
    "GET /api/cases/:caseId/meetings": {
      call: (c) => c.get(`/api/cases/${id.caseId}/meetings`),
      ok: 200,
      without: { ...teamOnly(404), formerMember: { status: 200, excludes: () => id.meetingId } },
    },
    // a future day: the coordinators get the field's 400, nothing is recorded
    "POST /api/cases/:caseId/support-decision": {
      call: (c) => c.post(`/api/cases/${id.caseId}/support-decision`, { decidedOn: "2999-01-01", decidedBy: "確認" }),
      ok: 400,
      without: { ...managersOnly, lead: 403 },
    },

    // computed measures: counts only, the same for every allowed caller (suppression is the module's test)
    "GET /api/stats": { call: (c) => c.get("/api/stats?fiscalYear=2025"), ok: 200 },
    "GET /api/stats/export.xlsx": { call: (c) => c.get("/api/stats/export.xlsx?fiscalYear=2025"), ok: 200 },
    "GET /api/stats/export.csv": { call: (c) => c.get("/api/stats/export.csv?fiscalYear=2025"), ok: 200 },
    "GET /api/settings/stats": { call: (c) => c.get("/api/settings/stats"), ok: 200 },
    // a stale version: the administrators get the 412, nothing changes
    "PUT /api/settings/stats": { call: (c) => c.put("/api/settings/stats", { threshold: 5 }, stale), ok: 412 },

    // meetings: the lead is a pledged member of the 支援会議, the team agency's staff a member who has not pledged,
    // the former member one who pledged and left
    "GET /api/meeting-kinds": { call: (c) => c.get("/api/meeting-kinds"), ok: 200 },
    "POST /api/meeting-kinds": { call: (c) => c.post("/api/meeting-kinds", { name: "" }), ok: 400 },
    "PATCH /api/meeting-kinds/:kindId": {
      call: (c) => c.patch(`/api/meeting-kinds/${id.meetingKindId}`, { name: "確認" }, stale),
      ok: 412,
    },
    "GET /api/districts": { call: (c) => c.get("/api/districts"), ok: 200 },
    "POST /api/districts": { call: (c) => c.post("/api/districts", { name: "" }), ok: 400 },
    "PATCH /api/districts/:districtId": {
      call: (c) => c.patch(`/api/districts/${id.districtId}`, { name: "確認" }, stale),
      ok: 412,
      without: { otherMunicipality: 404 },
    },
    "GET /api/meetings": {
      call: (c) => c.get("/api/meetings"),
      ok: 200,
      without: {
        formerMember: { status: 200, excludes: () => id.meetingId },
        otherStaff: { status: 200, excludes: () => id.meetingId },
        otherMunicipality: { status: 200, excludes: () => id.meetingId },
      },
    },
    "POST /api/meetings": { call: (c) => c.post("/api/meetings", {}), ok: 400 },
    "GET /api/meetings/:meetingId": {
      call: (c) => c.get(`/api/meetings/${id.meetingId}`),
      ok: 200,
      without: { ...teamOnly(404), formerMember: 404 },
    },
    "PATCH /api/meetings/:meetingId": {
      call: (c) => c.patch(`/api/meetings/${id.meetingId}`, { title: "確認" }, stale),
      ok: 412,
      without: meetingManagers,
    },
    "PUT /api/meetings/:meetingId/minutes": {
      call: (c) => c.put(`/api/meetings/${id.meetingId}/minutes`, { minutes: "確認" }, stale),
      ok: 412,
      without: meetingManagers,
    },
    "GET /api/meetings/:meetingId/candidates": {
      call: (c) => c.get(`/api/meetings/${id.meetingId}/candidates`),
      ok: 200,
      without: meetingManagers,
    },
    // an outside expert joins once per walk (the coordinator's), nobody else may add one
    "POST /api/meetings/:meetingId/members": {
      call: (c) =>
        c.post(`/api/meetings/${id.meetingId}/members`, {
          expert: { name: "確認 用", affiliation: "確認", role: "other" },
        }),
      ok: 201,
      without: meetingManagers,
    },
    "DELETE /api/meetings/:meetingId/members/:memberId": {
      call: (c) => c.request("DELETE", `/api/meetings/${id.meetingId}/members/${id.caseId}`),
      ok: 404,
      without: meetingManagers,
    },
    // the lead's own pledge is recorded already; nobody else pledges for the lead's account
    "POST /api/meetings/:meetingId/members/:memberId/pledge": {
      call: (c) =>
        c.post(`/api/meetings/${id.meetingId}/members/${id.leadMemberId}/pledge`, { pledgedOn: "2025-06-02" }),
      ok: 409,
      without: { coordinator: 403, team: 403, formerMember: 404, otherStaff: 404, otherMunicipality: 404 },
    },
    "POST /api/meetings/:meetingId/subjects": {
      call: (c) => c.post(`/api/meetings/${id.meetingId}/subjects`, { caseId: id.caseId }),
      ok: 409,
      without: meetingManagers,
    },
    "DELETE /api/meetings/:meetingId/subjects/:subjectId": {
      call: (c) => c.request("DELETE", `/api/meetings/${id.meetingId}/subjects/${id.caseId}`),
      ok: 404,
      without: meetingManagers,
    },
    "POST /api/meetings/:meetingId/decisions": {
      call: (c) => c.post(`/api/meetings/${id.meetingId}/decisions`, { text: "確認", subjectId: id.caseId }),
      ok: 400,
      without: meetingManagers,
    },

    // the resource directory: the hidden resource is run by the team agency; the proposal is the sending provider's
    "GET /api/resources": { call: (c) => c.get("/api/resources"), ok: 200, without: hiddenAddressFromOthers },
    "POST /api/resources": { call: (c) => c.post("/api/resources", {}), ok: 400 },
    "GET /api/resources/export.json": {
      call: (c) => c.get("/api/resources/export.json"),
      ok: 200,
      without: exportWithoutHiddenAddress,
    },
    "GET /api/resources/export.csv": {
      call: (c) => c.get("/api/resources/export.csv"),
      ok: 200,
      without: exportWithoutHiddenAddress,
    },
    "GET /api/resources/:resourceId": {
      call: (c) => c.get(`/api/resources/${id.proposedResourceId}`),
      ok: 200,
      without: proposalHidden,
    },
    "GET /api/resources/:resourceId/activity": {
      call: (c) => c.get(`/api/resources/${id.proposedResourceId}/activity`),
      ok: 200,
      without: proposalHidden,
    },
    // a month not recorded yet, with a stale If-Match: every caller who may record gets 412, nothing is written
    "PUT /api/resources/:resourceId/activity/:month": {
      call: (c) => c.put(`/api/resources/${id.hiddenResourceId}/activity/2025-06`, { participants: 1 }, stale),
      ok: 412,
      without: { otherMunicipality: 404 },
    },
    "PUT /api/resources/:resourceId": {
      call: (c) =>
        c.put(
          `/api/resources/${id.hiddenResourceId}`,
          {
            name: "確認",
            category: "ibasho",
            operatorAgencyId: id.teamAgencyId,
            address: "確認",
            locationHidden: true,
            status: "active",
          },
          stale,
        ),
      ok: 412,
      without: { lead: 403, otherStaff: 403, otherMunicipality: 404 },
    },
    "POST /api/resources/:resourceId/review": {
      call: (c) => c.post(`/api/resources/${id.proposedResourceId}/review`, { decision: "accept" }, stale),
      ok: 412,
      without: { otherMunicipality: 404 },
    },
    // a proposal (not in the directory yet) cannot be proposed to a person: 400 for those who may propose
    "POST /api/cases/:caseId/placements": {
      call: (c) =>
        c.post(`/api/cases/${id.caseId}/placements`, {
          resourceId: id.proposedResourceId,
          wishes: "確認",
          startedOn: "2025-06-01",
        }),
      ok: 400,
      without: managersOnly,
    },
    "GET /api/cases/:caseId/placements": {
      call: (c) => c.get(`/api/cases/${id.caseId}/placements`),
      ok: 200,
      without: teamOnly(404),
    },
    // no such placement on the case: 404 for those who may move one, after the case's own check
    "POST /api/cases/:caseId/placements/:placementId/status": {
      call: (c) =>
        c.post(
          `/api/cases/${id.caseId}/placements/${id.caseId}/status`,
          { status: "participating", on: "2025-06-10" },
          stale,
        ),
      ok: 404,
      without: managersOnly,
    },
    // a 地区 that is not the municipality's: 400 for those who may record, nothing written
    "POST /api/cases/:caseId/unmet-needs": {
      call: (c) => c.post(`/api/cases/${id.caseId}/unmet-needs`, { lookedFor: "確認", districtId: id.caseId }),
      ok: 400,
      without: managersOnly,
    },
    "GET /api/unmet-needs": { call: (c) => c.get("/api/unmet-needs"), ok: 200 },
    "GET /api/placements/follow-ups": { call: (c) => c.get("/api/placements/follow-ups"), ok: 200 },
    // the shelter is run by the team agency: it and the coordinators read its placements, nobody else learns of them
    "GET /api/resources/:resourceId/placements": {
      call: (c) => c.get(`/api/resources/${id.hiddenResourceId}/placements`),
      ok: 200,
      without: { lead: 404, otherStaff: 404, otherMunicipality: 404 },
    },
  };
}

/** A probe's answer for the caller: the former member is team agency staff, so the team's unless named. */
const relationshipAnswer = (probe: Probe, caller: Caller): Expected =>
  probe.without?.[caller] ?? (caller === "formerMember" ? probe.without?.team : undefined) ?? probe.ok;

function expectedOf(rule: RouteRule, probe: Probe, caller: Caller, principal: Principal | null): Expected {
  if (rule.allow === "public") return relationshipAnswer(probe, caller);
  if (principal === null && caller === "anonymous") return 401;
  const allowed = rule.allow === "signed_in" || (principal !== null && rule.allow.includes(principal));
  if (!allowed) return rule.denied ?? 403;
  return relationshipAnswer(probe, caller);
}

describe("the access table", () => {
  it("names every route the app registers, and nothing it does not", () => {
    const registered = registeredRouteKeys(w.t.app);
    expect(registered.length).toBeGreaterThan(80);
    expect(registered.filter((k) => !(k in ROUTE_TABLE))).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it("walks every registered route: a route without a probe here fails", () => {
    const walked = Object.keys(probes());
    expect(registeredRouteKeys(w.t.app).filter((k) => !walked.includes(k))).toEqual([]);
  });

  it("gives a record-level rule a caller without the relationship on every route that has one", () => {
    const all = probes();
    const untested = (Object.keys(ROUTE_TABLE) as RouteKey[]).filter((k) => {
      const rule: RouteRule = ROUTE_TABLE[k];
      return rule.need && rule.need !== "in_force" && !all[k].without;
    });
    // the routes whose record-level rule only filters what is shown (lists) are walked through their list probes
    expect(untested).toEqual([
      "GET /api/plans/:planId/evaluations/:fiscalYear/report",
      "GET /api/plans/:planId/evaluations/:fiscalYear/report.xlsx",
      "GET /api/plans/:planId/evaluations/:fiscalYear/export.xlsx",
      "GET /api/plans/:planId/mid-year/:fiscalYear/report.xlsx",
      "GET /api/plans/:planId/implementation-plan/export.xlsx",
      "GET /api/plans/:planId/attainment-share",
    ]);
  });

  it("counts on the home page only the referrals each agency could list: another agency's are not in it", async () => {
    const received = async (caller: Caller) => {
      const home = (await w.as[caller].get("/api/home")).body.home.sections as {
        items: { key: string; count: number }[];
      }[];
      return home.flatMap((s) => s.items).find((i) => i.key === "referrals_received")?.count;
    };
    const listed = async (caller: Caller) => {
      const session = (await w.as[caller].get("/api/auth/session")).body.user as { agencyId: string };
      const rows = (await w.as[caller].get("/api/referrals?status=sent")).body.referrals as {
        id: string;
        toAgency: { id: string } | null;
      }[];
      return rows.filter((r) => (r.toAgency ? r.toAgency.id === session.agencyId : caller === "coordinator"));
    };
    // the world's referral went from the provider to the lead agency: in the lead's count, not in the others'
    expect((await listed("lead")).map((r) => r.id)).toContain(w.ids.referralId);
    expect((await listed("otherStaff")).map((r) => r.id)).not.toContain(w.ids.referralId);
    for (const caller of ["coordinator", "lead", "team", "otherStaff"] as const) {
      expect(await received(caller), caller).toBe((await listed(caller)).length);
    }
    expect(await received("otherMunicipality")).toBe(0);
  });

  describe.each(CALLERS)("as %s", (caller) => {
    it("answers every route as the table says", async () => {
      const client = w.as[caller];
      const session = caller === "anonymous" ? null : (await client.get("/api/auth/session")).body.user;
      const principal = session ? principalOf(session as { role: Role }) : null;
      const mismatches: string[] = [];
      for (const [key, probe] of Object.entries(probes()) as [RouteKey, Probe][]) {
        const want = expectedOf(ROUTE_TABLE[key], probe, caller, principal);
        const res = await probe.call(client);
        const status = typeof want === "number" ? want : want.status;
        if (res.status !== status) {
          mismatches.push(`${key}: ${res.status} (want ${status}) ${json(res.body).slice(0, 200)}`);
        } else if (typeof want !== "number" && json(res.body).includes(want.excludes())) {
          mismatches.push(`${key}: shows what ${caller} may not see`);
        } else if (res.status >= 400 && typeof res.body?.message !== "string") {
          mismatches.push(`${key}: ${res.status} without a message`);
        }
      }
      expect(mismatches.join("\n")).toBe("");
    });
  });
});
