import { describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { approvalMeeting, approvePlan, draftPlan } from "../../../../test/helpers/support-plans.js";

// ホーム on the support side: counts over hand-made records of a fresh agency (the test's "team" agency) and a fresh
// provider, so every count is known; another agency's referrals and tasks never reach them.
const w = worldForFile(startReferredHouseholdWorld);

const PAST = "2025-01-15";
const FUTURE = "2099-12-31";

interface Item {
  key: string;
  label: string;
  count: number;
  link: string;
  attention: boolean;
}
interface Section {
  key: string;
  title: string;
  items: Item[];
}

async function home(client: ApiClient) {
  const res = await client.get("/api/home");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.home.sections as Section[];
}

/** The counts by section and key (a provider's referrals by the status in their link). */
async function counts(client: ApiClient) {
  const out: Record<string, number> = {};
  for (const s of await home(client)) {
    for (const i of s.items) {
      const status = i.key === "referrals_sent" ? `:${new URL(i.link, "http://x").searchParams.get("status")}` : "";
      out[`${i.key}${status}`] = i.count;
    }
  }
  return out;
}

async function refer(from: ApiClient, toAgencyId: string | null, dueDate: string | null) {
  const personId = await w.person(from, "ホーム カクニン");
  const res = await from.post("/api/referrals", {
    personId,
    toAgencyId,
    concerns: ["介護"],
    observed: "ホームの件数の確認（テスト）",
    urgency: "中",
    consent: "given",
    consentDate: "2025-05-01",
    consentMethod: "口頭",
    dueDate,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.referral as { id: string; version: number };
}

const NOTHING = {
  referrals_received: 0,
  referrals_overdue: 0,
  tasks_overdue: 0,
  tasks_open: 0,
  reviews_overdue: 0,
  placement_follow_ups_due: 0,
  pledges_to_sign: 0,
  meetings_upcoming: 0,
};

describe("the support side's home page", () => {
  it("starts at zero for a new agency and a new provider", async () => {
    expect(await counts(w.as.team)).toEqual(NOTHING);
    expect(await counts(w.as.otherProvider)).toEqual({
      "referrals_sent:sent": 0,
      "referrals_sent:accepted": 0,
      "referrals_sent:in_progress": 0,
      "referrals_sent:completed": 0,
      "referrals_sent:declined": 0,
      "referrals_sent:forwarded": 0,
    });
  });

  it("counts the referrals an agency received and not yet accepted, and the overdue ones, and no one else's", async () => {
    const late = await refer(w.as.senderProvider, w.agencyId.team, PAST);
    await refer(w.as.senderProvider, w.agencyId.team, FUTURE);
    await refer(w.as.otherProvider, w.agencyId.team, null);
    // another agency's referral, overdue: not the team's
    await refer(w.as.senderProvider, w.agencyId.kikan, PAST);
    expect(await counts(w.as.team)).toEqual({ ...NOTHING, referrals_received: 3, referrals_overdue: 1 });

    const accepted = await w.as.team.post(
      `/api/referrals/${late.id}/transition`,
      { to: "accepted" },
      ifMatch(late.version),
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    // accepted is no longer waiting, but it is still open past its due date
    expect(await counts(w.as.team)).toEqual({ ...NOTHING, referrals_received: 2, referrals_overdue: 1 });

    const sections = await home(w.as.team);
    expect(sections.map((s) => s.title)).toEqual(["つなぐシート", "自機関のタスク", "ケース", "会議"]);
    expect(sections[0]?.items).toEqual([
      {
        key: "referrals_received",
        label: "受け付けていないつなぐシート",
        count: 2,
        link: "/support/referrals?box=received&status=sent",
        attention: true,
      },
      {
        key: "referrals_overdue",
        label: "期限を過ぎたつなぐシート",
        count: 1,
        link: "/support/referrals?box=received&status=overdue",
        attention: true,
      },
    ]);
  });

  it("gives a provider its own sent referrals by status only", async () => {
    const mine = await counts(w.as.otherProvider);
    expect(mine["referrals_sent:sent"]).toBe(1);
    const labels = (await home(w.as.otherProvider))[0]?.items.map((i) => i.label);
    expect(labels?.slice(0, 2)).toEqual(["送付したつなぐシート（送付）", "送付したつなぐシート（受付）"]);
    expect(Object.values(mine).reduce((a, b) => a + b, 0)).toBe(1);
    // the other provider's list agrees with its own counts: what the caller could list anyway
    const listed = (await w.as.senderProvider.get("/api/referrals")).body.referrals as { status: string }[];
    const theirs = await counts(w.as.senderProvider);
    for (const status of ["sent", "accepted", "in_progress", "completed", "declined", "forwarded"]) {
      expect(theirs[`referrals_sent:${status}`], status).toBe(listed.filter((r) => r.status === status).length);
    }
    expect(theirs["referrals_sent:accepted"]).toBeGreaterThanOrEqual(1);
  });

  it("counts the agency's open and overdue tasks, reviews past their day and the caller's meetings to come", async () => {
    const caseId = (
      await w.openCase({ referralIds: [w.referralId], householdId: w.householdId, mainPersonId: w.mainId })
    ).id;
    const plan = await draftPlan(w.as.lead, caseId, "support", [
      { agencyId: w.agencyId.team, dueOn: PAST },
      { agencyId: w.agencyId.team, dueOn: FUTURE },
      { agencyId: w.agencyId.houkatsu, dueOn: PAST },
    ]);
    expect(await counts(w.as.team)).toMatchObject({ tasks_open: 2, tasks_overdue: 1, reviews_overdue: 0 });

    await approvePlan(w, w.as.lead, caseId, plan);
    const monitoring = await w.as.lead.post(`/api/cases/${caseId}/monitorings`, {
      heldOn: "2025-08-01",
      progress: [],
      nextReviewOn: "2025-09-01",
    });
    expect(monitoring.status, JSON.stringify(monitoring.body)).toBe(201);
    // a 支援会議 to come with the team's staff on it (not yet pledged), and one already held: not counted
    await approvalMeeting(w, caseId, "outreach", FUTURE, [w.agencyId.team]);
    await approvalMeeting(w, caseId, "outreach", PAST, [w.agencyId.team]);
    expect(await counts(w.as.team)).toEqual({
      referrals_received: 2,
      referrals_overdue: 1,
      tasks_overdue: 1,
      tasks_open: 2,
      reviews_overdue: 1,
      placement_follow_ups_due: 0,
      pledges_to_sign: 1,
      meetings_upcoming: 1,
    });

    // an agency off the case: none of its tasks, reviews or seats; its counts agree with its own lists
    const other = await counts(w.as.otherStaff);
    const otherTasks = (await w.as.otherStaff.get("/api/support-tasks")).body.tasks as { overdue: boolean }[];
    expect(other.tasks_open).toBe(otherTasks.length);
    expect(other.tasks_overdue).toBe(otherTasks.filter((t) => t.overdue).length);
    expect(other.meetings_upcoming).toBe(0);

    // a newer monitoring sets the next review in the future: no longer overdue
    await w.as.lead.post(`/api/cases/${caseId}/monitorings`, {
      heldOn: "2025-09-02",
      progress: [],
      nextReviewOn: FUTURE,
    });
    expect((await counts(w.as.team)).reviews_overdue).toBe(0);
  });

  it("reads no person: the home page leaves no audit record", async () => {
    const before = (await auditRecords(w.t.database.db, {})).length;
    await home(w.as.team);
    await home(w.as.coordinator);
    await home(w.as.otherProvider);
    expect((await auditRecords(w.t.database.db, {})).length).toBe(before);
  });

  it("shows another municipality's coordinator none of this municipality's records", async () => {
    expect(await counts(w.as.otherMunicipality)).toEqual(NOTHING);
  });
});
