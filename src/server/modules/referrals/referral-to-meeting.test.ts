import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../../platform/audit.js";

/**
 * A つなぐシート sent to a 支援会議: without the person's consent it reaches the coordinators, who put it on a 支援会議's
 * agenda; the meeting's pledged members then read it under the meeting's basis (art. 106-6), nobody else does, and
 * leaving the meeting ends it.
 */
const w = worldForFile(startCaseWorld);
let personId: string;
let referralId: string;
let teamUserId: string;
let kinds: { art: string; consent: string };
let meetingId: string;
let teamMemberId: string;

const sheet = (over: Record<string, unknown>) => ({
  personId,
  toAgencyId: null,
  concerns: ["ひきこもり"],
  observed: "訪問しても会えない。家族は相談をためらっている（テスト）",
  urgency: "中",
  consent: "not_given",
  ...over,
});

beforeAll(async () => {
  personId = await w.person(w.as.senderProvider, "カイギオクリ ホンニン");
  const users = (await w.as.systemAdmin.get("/api/users")).body.users as { id: string; loginId: string }[];
  teamUserId = users.find((u) => u.loginId === "team-staff")?.id as string;
  const list = (await w.as.coordinator.get("/api/meeting-kinds")).body.kinds as { id: string; legalBasis: string }[];
  kinds = {
    art: list.find((k) => k.legalBasis === "art106_6")?.id as string,
    consent: list.find((k) => k.legalBasis === "consent")?.id as string,
  };
});

describe("a つなぐシート sent to a 支援会議", () => {
  it("goes to the coordinators without consent and names no agency; naming one as well is refused by field", async () => {
    const both = await w.as.senderProvider.post(
      "/api/referrals",
      sheet({ toSupportMeeting: true, toAgencyId: w.agencyId.team }),
    );
    expect(both.status).toBe(400);
    expect(both.body.fields.map((f: { field: string }) => f.field)).toContain("toAgencyId");

    const sent = await w.as.senderProvider.post("/api/referrals", sheet({ toSupportMeeting: true }));
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.referral).toMatchObject({ toAgency: null, toSupportMeeting: true, status: "sent" });
    expect(sent.body.referral.toLabel).toMatch(/^支援会議/);
    referralId = sent.body.referral.id;

    const inBox = (await w.as.coordinator.get("/api/referrals")).body.referrals as { id: string }[];
    expect(inBox.map((r) => r.id)).toContain(referralId);
    expect((await w.as.team.get(`/api/referrals/${referralId}`)).status).toBe(404);
  });

  it("the coordinators put it on a 支援会議's agenda; a consent-kind meeting refuses it by field", async () => {
    const convene = async (kindId: string) => {
      const res = await w.as.coordinator.post("/api/meetings", {
        kindId,
        heldOn: "2025-07-10",
        secretariatAgencyId: w.agencyId.coord,
        title: "つなぐシートの検討",
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.meeting.id as string;
    };
    const consentMeeting = await convene(kinds.consent);
    const refused = await w.as.coordinator.post(`/api/meetings/${consentMeeting}/subjects`, { referralId });
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0].field).toBe("referralId");

    meetingId = await convene(kinds.art);
    const added = await w.as.coordinator.post(`/api/meetings/${meetingId}/members`, { userId: teamUserId });
    expect(added.status).toBe(201);
    teamMemberId = (added.body.meeting.members as { id: string; userId: string }[]).find((m) => m.userId === teamUserId)
      ?.id as string;
    const taken = await w.as.coordinator.post(`/api/meetings/${meetingId}/subjects`, { referralId });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body.meeting.subjects).toEqual([
      expect.objectContaining({ referralId, caseId: null, person: expect.objectContaining({ id: personId }) }),
    ]);
    expect((await w.as.coordinator.post(`/api/meetings/${meetingId}/subjects`, { referralId })).status).toBe(409);

    // the coordinators see where it went; the sender does not learn the meeting's agenda
    const asCoordinator = (await w.as.coordinator.get(`/api/referrals/${referralId}`)).body.referral;
    expect(asCoordinator.meetings.map((m: { id: string }) => m.id)).toEqual([meetingId]);
    expect((await w.as.senderProvider.get(`/api/referrals/${referralId}`)).body.referral.meetings).toEqual([]);
  });

  it("a member reads it only after the pledge, names the meeting in the audit record, and cannot move it", async () => {
    expect((await w.as.team.get(`/api/referrals/${referralId}`)).status).toBe(404);
    const pledged = await w.as.team.post(`/api/meetings/${meetingId}/members/${teamMemberId}/pledge`, {
      pledgedOn: "2025-07-01",
    });
    expect(pledged.status).toBe(200);

    const read = await w.as.team.get(`/api/referrals/${referralId}`);
    expect(read.status).toBe(200);
    expect(read.body.referral).toMatchObject({
      access: "meeting_member",
      personHidden: false,
      observed: expect.stringContaining("訪問しても会えない"),
      person: expect.objectContaining({ id: personId }),
      meetings: [expect.objectContaining({ id: meetingId, legalBasis: "art106_6" })],
    });
    const reads = await auditRecords(w.t.database.db, { action: "read", entityType: "person", entityId: personId });
    expect(reads.map((r) => r.basis)).toContain(`art106_6:meeting:${meetingId}`);

    const moved = await w.as.team.post(
      `/api/referrals/${referralId}/transition`,
      { to: "accepted" },
      ifMatch(read.body.referral.version),
    );
    expect(moved.status).toBe(403);
    // another agency's staff, not a member, still gets 404
    expect((await w.as.otherStaff.get(`/api/referrals/${referralId}`)).status).toBe(404);
  });

  it("leaving the meeting ends it at the next request, and the refusal is logged", async () => {
    const left = await w.as.coordinator.request("DELETE", `/api/meetings/${meetingId}/members/${teamMemberId}`);
    expect(left.status).toBe(200);
    expect((await w.as.team.get(`/api/referrals/${referralId}`)).status).toBe(404);
    const denials = await auditRecords(w.t.database.db, {
      action: "denied",
      entityType: "referral",
      entityId: referralId,
    });
    expect(denials.length).toBeGreaterThanOrEqual(3);
    expect((await verifyAuditChain(w.t.database.db)).ok).toBe(true);
  });
});
