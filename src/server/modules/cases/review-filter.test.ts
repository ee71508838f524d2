import { describe, expect, it } from "vitest";
import type { ApiClient } from "../../../../test/helpers/api-client.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { approvePlan, draftPlan } from "../../../../test/helpers/support-plans.js";
import { auditLog } from "../../db/schema/index.js";

// The case list's review filter (?review=overdue) lists exactly the cases ホーム counts as 見直しの時期を過ぎたケース,
// within each caller's list scope: the lead agency's, the coordinators' (all), and never another agency's.
const w = worldForFile(startReferredHouseholdWorld);

const PAST = "2025-09-01";
const FUTURE = "2099-12-31";

/** A case led by `leadAgencyId` (opened by the coordinators) with an approved plan and one monitoring. */
async function caseReviewedOn(lead: ApiClient, leadAgencyId: string, nextReviewOn: string) {
  const personId = await w.person(w.as.senderProvider, "ミナオシ テスト");
  const referralId = await w.referral(personId);
  const householdId = await w.household(personId);
  const opened = await w.as.coordinator.post("/api/cases", {
    referralIds: [referralId],
    householdId,
    mainPersonId: personId,
    leadAgencyId,
    teamAgencyIds: [],
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const caseId = opened.body.case.id as string;
  const plan = await draftPlan(lead, caseId, "support", [{ agencyId: leadAgencyId }]);
  await approvePlan(w, lead, caseId, plan);
  const monitoring = await lead.post(`/api/cases/${caseId}/monitorings`, {
    heldOn: "2025-08-01",
    progress: [],
    nextReviewOn,
  });
  expect(monitoring.status, JSON.stringify(monitoring.body)).toBe(201);
  return caseId;
}

async function homeCount(client: ApiClient) {
  const res = await client.get("/api/home");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const items = (res.body.home.sections as { items: { key: string; count: number; link: string }[] }[]).flatMap(
    (s) => s.items,
  );
  return items.find((i) => i.key === "reviews_overdue");
}

async function overdueList(client: ApiClient) {
  const res = await client.get("/api/cases?review=overdue&limit=200");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { total: res.body.total as number, ids: (res.body.cases as { id: string }[]).map((c) => c.id) };
}

describe("the case list's review filter", () => {
  it("lists exactly ホーム's overdue reviews for the lead agency and the coordinators, never another agency's", async () => {
    const leadOverdue = await caseReviewedOn(w.as.lead, w.agencyId.houkatsu, PAST);
    const leadLater = await caseReviewedOn(w.as.lead, w.agencyId.houkatsu, FUTURE);
    const otherOverdue = await caseReviewedOn(w.as.otherStaff, w.agencyId.kikan, PAST);

    const lead = await overdueList(w.as.lead);
    expect(lead.ids).toContain(leadOverdue);
    expect(lead.ids).not.toContain(leadLater);
    expect(lead.ids).not.toContain(otherOverdue);
    const leadHome = await homeCount(w.as.lead);
    expect(lead.total).toBe(leadHome?.count);
    expect(lead.ids).toHaveLength(lead.total);
    expect(leadHome?.link).toBe("/support/cases?review=overdue");

    const other = await overdueList(w.as.otherStaff);
    expect(other.ids).toContain(otherOverdue);
    expect(other.ids).not.toContain(leadOverdue);
    expect(other.total).toBe((await homeCount(w.as.otherStaff))?.count);

    const coordinators = await overdueList(w.as.coordinator);
    expect(coordinators.ids).toEqual(expect.arrayContaining([leadOverdue, otherOverdue]));
    expect(coordinators.ids).not.toContain(leadLater);
    expect(coordinators.total).toBe((await homeCount(w.as.coordinator))?.count);

    // a newer monitoring moves the review ahead: the case leaves the list and ホーム's count together
    const later = await w.as.lead.post(`/api/cases/${leadOverdue}/monitorings`, {
      heldOn: "2025-09-02",
      progress: [],
      nextReviewOn: FUTURE,
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const after = await overdueList(w.as.lead);
    expect(after.ids).not.toContain(leadOverdue);
    expect(after.total).toBe(lead.total - 1);
    expect(after.total).toBe((await homeCount(w.as.lead))?.count);
  });

  it("keeps the list's access and audit: the team agency sees its own, the page's persons are audited reads", async () => {
    const seen = new Set((await w.t.database.db.select().from(auditLog)).map((r) => `${r.municipalityId}:${r.id}`));
    const page = (await w.as.coordinator.get("/api/cases?review=overdue&limit=1")).body;
    expect(page.cases).toHaveLength(1);
    const reads = (await w.t.database.db.select().from(auditLog)).filter(
      (r) => !seen.has(`${r.municipalityId}:${r.id}`) && r.action === "read",
    );
    expect(reads.map((r) => r.basis)).toEqual([`case:${page.cases[0].id}`]);

    expect((await w.as.senderProvider.get("/api/cases?review=overdue")).status).toBe(403);
    const bad = await w.as.lead.get("/api/cases?review=late");
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(["review"]);
  });
});
