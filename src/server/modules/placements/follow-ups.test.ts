import { describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { todayInJapan } from "../../../domain/japanese-date.js";

// 参加支援 follow-ups that are due: listed for the lead agency and the coordinators, counted on ホーム.
const w = worldForFile(startReferredHouseholdWorld);

/** Japan's day `offset` days from today. */
const day = (offset: number) => todayInJapan(new Date(Date.now() + offset * 86_400_000));

const dueList = async (client: ApiClient) => {
  const res = await client.get("/api/placements/follow-ups");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.followUps as { id: string; caseId: string; followUpOn: string; resource: { name: string } }[];
};

const homeItem = async (client: ApiClient) => {
  const sections = (await client.get("/api/home")).body.home.sections as {
    items: { key: string; count: number; link: string; attention: boolean }[];
  }[];
  return sections.flatMap((s) => s.items).find((i) => i.key === "placement_follow_ups_due");
};

describe("placement follow-ups due", () => {
  it("lists the running placements whose follow-up day is today or past, for the lead agency and the coordinators", async () => {
    const caseId = (
      await w.openCase({ referralIds: [w.referralId], householdId: w.householdId, mainPersonId: w.mainId })
    ).id;
    const created = await w.as.coordinator.post("/api/resources", {
      name: "ふれあい農園",
      category: "work_experience",
      operatorName: "農園の会",
      days: ["WE"],
      audiences: ["anyone"],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const resourceId = created.body.resource.id as string;
    const propose = async (followUpOn: string | null) => {
      const res = await w.as.lead.post(`/api/cases/${caseId}/placements`, {
        resourceId,
        wishes: "土に触れたい",
        startedOn: day(-10),
        followUpOn,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.placement as { id: string; version: number };
    };
    const dueToday = await propose(day(0));
    const overdue = await propose(day(-1));
    await propose(day(1));
    await propose(null);

    const lead = await dueList(w.as.lead);
    expect(lead.map((p) => [p.id, p.followUpOn])).toEqual([
      [overdue.id, day(-1)],
      [dueToday.id, day(0)],
    ]);
    expect(lead[0]).toMatchObject({
      caseId,
      household: { id: w.householdId, name: "テスト家" },
      resource: { id: resourceId, name: "ふれあい農園" },
      statusLabel: "見学・体験",
    });
    expect((await dueList(w.as.coordinator)).map((p) => p.id)).toEqual([overdue.id, dueToday.id]);
    // the rest of the team reads the placements on the person's consent but does not move them: not its follow-up
    expect(await dueList(w.as.team)).toEqual([]);
    expect(await dueList(w.as.otherStaff)).toEqual([]);
    expect((await w.as.senderProvider.get("/api/placements/follow-ups")).status).toBe(403);
    expect((await w.as.planOffice.get("/api/placements/follow-ups")).status).toBe(403);
    const reads = await auditRecords(w.t.database.db, { action: "read", entityId: w.mainId });
    expect(reads.map((r) => `${r.actorLabel} ${r.basis}`)).toContain(`houkatsu case:${caseId}`);

    // ホーム counts the same placements and links to the list
    expect(await homeItem(w.as.lead)).toMatchObject({
      count: 2,
      link: "/support/placements/follow-ups",
      attention: true,
    });
    expect(await homeItem(w.as.team)).toMatchObject({ count: 0, attention: false });

    // an interrupted placement has nothing to follow up; moving one on with a later follow-up clears it
    const stop = await w.as.lead.post(
      `/api/cases/${caseId}/placements/${overdue.id}/status`,
      { status: "interrupted", on: day(0), reason: "health" },
      ifMatch(overdue.version),
    );
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
    const joined = await w.as.lead.post(
      `/api/cases/${caseId}/placements/${dueToday.id}/status`,
      { status: "participating", on: day(0), followUpOn: day(30) },
      ifMatch(dueToday.version),
    );
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(await dueList(w.as.lead)).toEqual([]);
    expect((await homeItem(w.as.lead))?.count).toBe(0);
  });
});
