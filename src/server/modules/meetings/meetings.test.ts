import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../../platform/audit.js";

const w = worldForFile(startCaseWorld);
let caseId: string;
let mainId: string;
let strayId: string;
let teamUserId: string;
let kikanUserId: string;
let kinds: { art: string; consent: string };
let districtId: string;
let meetingA: string;

type Meeting = {
  id: string;
  version: number;
  restricted: boolean;
  members: { id: string; userId: string | null; kind: string; pledgedOn: string | null; leftAt: string | null }[];
  subjects: { id: string; caseId: string | null; person: { id: string } | null; removedAt: string | null }[];
};

const convene = async (kindId: string, heldOn: string, title: string) => {
  const res = await w.as.coordinator.post("/api/meetings", {
    kindId,
    heldOn,
    districtId,
    secretariatAgencyId: w.agencyId.coord,
    title,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.meeting as Meeting;
};
const meetingAs = (caller: "coordinator" | "team" | "otherStaff" | "lead", id: string) =>
  w.as[caller].get(`/api/meetings/${id}`);

beforeAll(async () => {
  mainId = await w.person(w.as.senderProvider, "カイギ ホンニン");
  strayId = await w.person(w.as.senderProvider, "カイギ ミドウイ");
  // no consent: the team agency has no basis for the person until a 支援会議 gives its member one
  const referralId = await w.referral(mainId, "unknown");
  const householdId = await w.household(mainId);
  ({ id: caseId } = await w.openCase({ referralIds: [referralId], householdId, mainPersonId: mainId }));
  const users = (await w.as.systemAdmin.get("/api/users")).body.users as { id: string; loginId: string }[];
  teamUserId = users.find((u) => u.loginId === "team-staff")?.id as string;
  kikanUserId = users.find((u) => u.loginId === "kikan")?.id as string;
});

describe("meeting kinds and 地区", () => {
  it("every municipality starts with 支援会議 (art. 106-6) and 重層的支援会議 (consent); the administrator renames them", async () => {
    const res = await w.as.coordinator.get("/api/meeting-kinds");
    expect(res.status).toBe(200);
    const list = res.body.kinds as { id: string; name: string; legalBasis: string; version: number }[];
    expect(list.map((k) => [k.name, k.legalBasis])).toEqual([
      ["支援会議", "art106_6"],
      ["重層的支援会議", "consent"],
    ]);
    const art = list[0] as (typeof list)[number];
    kinds = { art: art.id, consent: list[1]?.id as string };
    expect((await w.as.coordinator.patch(`/api/meeting-kinds/${art.id}`, { name: "x" }, ifMatch(1))).status).toBe(403);
    const office = await ApiClient.login(w.t.baseUrl, "shienkanri");
    expect((await office.patch(`/api/meeting-kinds/${art.id}`, { name: "包括的支援会議" })).status).toBe(428);
    const renamed = await office.patch(
      `/api/meeting-kinds/${art.id}`,
      { name: "包括的支援会議" },
      ifMatch(art.version),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.kind).toMatchObject({ name: "包括的支援会議", legalBasis: "art106_6" });
    // the legal basis is not a field a change may carry
    expect(
      (await office.patch(`/api/meeting-kinds/${art.id}`, { legalBasis: "consent" }, ifMatch(art.version + 1))).status,
    ).toBe(400);
    const taken = await office.post("/api/meeting-kinds", { name: "重層的支援会議", legalBasis: "art106_6" });
    expect(taken.status).toBe(400);
    expect(taken.body.fields[0].field).toBe("name");
  });

  it("the coordinators keep the list of 地区; agency staff and providers read it (the resource directory's places)", async () => {
    // the demo municipality has its 中央・北・南地区 already
    expect((await w.as.coordinator.post("/api/districts", { name: "北地区" })).status).toBe(400);
    const created = await w.as.coordinator.post("/api/districts", { name: "東地区" });
    expect(created.status).toBe(201);
    districtId = created.body.district.id;
    expect((await w.as.team.post("/api/districts", { name: "西地区" })).status).toBe(403);
    expect((await w.as.team.get("/api/districts")).body.districts.map((d: { name: string }) => d.name)).toEqual([
      "中央地区",
      "北地区",
      "南地区",
      "東地区",
    ]);
    expect((await w.as.senderProvider.get("/api/districts")).status).toBe(200);
    expect((await w.as.senderProvider.post("/api/districts", { name: "西地区" })).status).toBe(403);
    expect((await w.as.senderProvider.get("/api/meeting-kinds")).status).toBe(403);
  });
});

describe("a 支援会議: convening, the roster and the pledge", () => {
  it("is convened by the coordinators only; an agency outside it gets 404 and the attempt is logged", async () => {
    expect(
      (
        await w.as.team.post("/api/meetings", {
          kindId: kinds.art,
          heldOn: "2025-06-10",
          secretariatAgencyId: w.agencyId.coord,
          title: "x",
        })
      ).status,
    ).toBe(403);
    const m = await convene(kinds.art, "2025-06-10", "東地区 定例会（テスト）");
    meetingA = m.id;
    expect((await meetingAs("team", meetingA)).status).toBe(404);
    const denials = await auditRecords(w.t.database.db, {
      municipalityId: w.t.municipalityId,
      action: "denied",
      entityType: "meeting",
      entityId: meetingA,
    });
    expect(denials.map((d) => `${d.actorLabel} ${d.basis}`)).toContain("team-staff need_to_know:read");
  });

  it("puts a case and a person not yet consenting on the agenda; the roster has staff and an outside expert", async () => {
    const candidates = async () =>
      (
        (await w.as.coordinator.get(`/api/meetings/${meetingA}/candidates`)).body.candidates as { userId: string }[]
      ).map((c) => c.userId);
    expect(await candidates()).toContain(teamUserId);
    const add = (body: unknown) => w.as.coordinator.post(`/api/meetings/${meetingA}/members`, body);
    expect((await add({ userId: teamUserId })).status).toBe(201);
    expect((await add({ userId: teamUserId })).status).toBe(409);
    expect(await candidates()).not.toContain(teamUserId);
    const expert = await add({ expert: { name: "顧問 太郎", affiliation: "つなぐ法律事務所", role: "lawyer" } });
    expect(expert.status).toBe(201);
    expect((await add({ userId: teamUserId, expert: { name: "a", affiliation: "b", role: "doctor" } })).status).toBe(
      400,
    );
    const subject = await w.as.coordinator.post(`/api/meetings/${meetingA}/subjects`, { caseId });
    expect(subject.status, JSON.stringify(subject.body)).toBe(201);
    const person = await w.as.coordinator.post(`/api/meetings/${meetingA}/subjects`, { personId: strayId });
    expect(person.status).toBe(201);
    const m = person.body.meeting as Meeting;
    expect(m.subjects.map((s) => s.person?.id)).toEqual([mainId, strayId]);
    expect(m.members.map((x) => x.kind)).toEqual(["staff", "expert"]);
    // a member manages nothing
    expect((await w.as.team.post(`/api/meetings/${meetingA}/subjects`, { personId: strayId })).status).toBe(404);
  });

  it("before the pledge the member sees that the meeting exists and nothing of it; the case stays closed to them", async () => {
    const res = await meetingAs("team", meetingA);
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({ restricted: true, subjects: [], members: [], minutes: null });
    expect(res.body.meeting.own).toMatchObject({ pledgedOn: null });
    expect(JSON.stringify(res.body)).not.toContain("カイギ");
    expect((await w.as.team.get(`/api/cases/${caseId}/records`)).status).toBe(404);
    expect((await w.as.team.post(`/api/meetings/${meetingA}/decisions`, { text: "x" })).status).toBe(404);
  });

  it("the member signs their own pledge; the secretariat records the expert's; nobody pledges for another account", async () => {
    const { meeting } = (await meetingAs("coordinator", meetingA)).body as { meeting: Meeting };
    const own = meeting.members.find((x) => x.userId === teamUserId)?.id as string;
    const expert = meeting.members.find((x) => x.kind === "expert")?.id as string;
    const pledge = (caller: "team" | "coordinator", memberId: string, pledgedOn = "2025-06-01") =>
      w.as[caller].post(`/api/meetings/${meetingA}/members/${memberId}/pledge`, { pledgedOn });
    expect((await pledge("team", expert)).status).toBe(403);
    expect((await pledge("coordinator", own)).status).toBe(403);
    expect((await pledge("team", own, "2999-01-01")).status).toBe(400);
    const signed = await pledge("team", own);
    expect(signed.status).toBe(200);
    expect(signed.body.meeting.restricted).toBe(false);
    expect((await pledge("team", own)).status).toBe(409);
    expect((await pledge("coordinator", expert)).status).toBe(200);
    const after = (await meetingAs("team", meetingA)).body.meeting as Meeting;
    expect(after.members.map((x) => x.pledgedOn)).toEqual(["2025-06-01", "2025-06-01"]);
    expect(after.subjects.map((s) => s.person?.id)).toEqual([mainId, strayId]);
  });
});

describe("the 支援会議 as a basis (art. 106-6)", () => {
  it("opens the case's personal routes to the pledged member, naming the meeting in every read's audit record", async () => {
    const { case: c } = (await w.as.team.get(`/api/cases/${caseId}`)).body;
    expect(c.disclosure).toBe(`art106_6:meeting:${meetingA}`);
    expect(c.mainPerson.personId).toBe(mainId);
    const records = await w.as.team.get(`/api/cases/${caseId}/records`);
    expect(records.status).toBe(200);
    const reads = await auditRecords(w.t.database.db, {
      municipalityId: w.t.municipalityId,
      actorLabel: "team-staff",
      entityType: "case_records",
    });
    expect(reads.at(-1)?.basis).toBe(`art106_6:meeting:${meetingA}`);
    const personReads = await auditRecords(w.t.database.db, {
      municipalityId: w.t.municipalityId,
      actorLabel: "team-staff",
      entityType: "person",
      entityId: mainId,
    });
    expect(personReads.map((r) => r.basis)).toContain(`art106_6:meeting:${meetingA}`);
    // the support side's administrator reads it in words
    const office = await ApiClient.login(w.t.baseUrl, "shienkanri");
    const trail = (await office.get("/api/audit/entries?limit=200&entityType=case_records")).body.entries as {
      basis: string | null;
      basisLabel: string | null;
    }[];
    expect(trail.find((e) => e.basis === `art106_6:meeting:${meetingA}`)?.basisLabel).toBe(
      `支援会議 #${meetingA.slice(0, 8)} に基づく（社会福祉法第106条の6）`,
    );
  });

  it("the person search and the case list show the person to that member only, not to the agency's other staff", async () => {
    const found = await w.as.team.post("/api/persons/search", { query: "カイギ" });
    expect(found.body.persons.map((p: { id: string; access: string }) => [p.id, p.access]).sort()).toEqual(
      [
        [mainId, "meeting"],
        [strayId, "meeting"],
      ].sort(),
    );
    const listed = (await w.as.team.get("/api/cases")).body.cases.find((r: { id: string }) => r.id === caseId);
    expect(listed.mainPerson?.id).toBe(mainId);
    // kikan sits on no meeting with these persons
    const other = await w.as.otherStaff.post("/api/persons/search", { query: "カイギ" });
    expect(other.body.persons).toEqual([]);
  });

  it("a member of meeting B cannot read meeting A (404)", async () => {
    const b = await convene(kinds.art, "2025-06-20", "東地区 第2回 定例会（テスト）");
    expect((await w.as.coordinator.post(`/api/meetings/${b.id}/members`, { userId: kikanUserId })).status).toBe(201);
    expect((await meetingAs("otherStaff", b.id)).status).toBe(200);
    expect((await meetingAs("otherStaff", meetingA)).status).toBe(404);
    // the month of both meetings (kikan also sits on the demo's meetings of other months)
    const listed = (await w.as.otherStaff.get("/api/meetings?month=2025-06")).body.meetings.map(
      (m: { id: string }) => m.id,
    );
    expect(listed).toEqual([b.id]);
  });

  it("taking the person off the agenda ends that basis at the next request; the item stays as history", async () => {
    const { meeting } = (await meetingAs("coordinator", meetingA)).body as { meeting: Meeting };
    const stray = meeting.subjects.find((s) => s.person?.id === strayId)?.id as string;
    const removed = await w.as.coordinator.request("DELETE", `/api/meetings/${meetingA}/subjects/${stray}`);
    expect(removed.status).toBe(200);
    const after = removed.body.meeting as Meeting;
    expect(after.subjects.find((s) => s.id === stray)).toMatchObject({ person: null, removedAt: expect.any(String) });
    const found = await w.as.team.post("/api/persons/search", { query: "カイギ" });
    expect(found.body.persons.map((p: { id: string }) => p.id)).toEqual([mainId]);
  });

  it("leaving the meeting ends access to it and to the case's personal content at the next request", async () => {
    const { meeting } = (await meetingAs("coordinator", meetingA)).body as { meeting: Meeting };
    const own = meeting.members.find((x) => x.userId === teamUserId)?.id as string;
    expect((await w.as.coordinator.request("DELETE", `/api/meetings/${meetingA}/members/${own}`)).status).toBe(200);
    expect((await meetingAs("team", meetingA)).status).toBe(404);
    expect((await w.as.team.get(`/api/cases/${caseId}/records`)).status).toBe(404);
    expect((await w.as.team.get(`/api/cases/${caseId}`)).body.case.disclosure).toBeNull();
    const roster = ((await meetingAs("coordinator", meetingA)).body.meeting as Meeting).members;
    expect(roster.find((x) => x.id === own)?.leftAt).toEqual(expect.any(String));
    expect((await verifyAuditChain(w.t.database.db)).ok).toBe(true);
  });
});

describe("a 重層的支援会議 (consent)", () => {
  it("takes only a case with 支援決定 whose consent covers the meeting date (field-named 400s otherwise)", async () => {
    const m = await convene(kinds.consent, "2025-07-01", "重層的支援会議（テスト）");
    const add = (body: unknown) => w.as.coordinator.post(`/api/meetings/${m.id}/subjects`, body);
    const person = await add({ personId: strayId });
    expect(person.status).toBe(400);
    expect(person.body.fields[0].field).toBe("personId");
    const undecided = await add({ caseId });
    expect(undecided.status).toBe(400);
    expect(undecided.body.fields[0]).toMatchObject({ field: "caseId", message: expect.stringContaining("支援決定") });
    const decision = { decidedOn: "2025-06-15", decidedBy: "福祉政策課長" };
    expect((await w.as.team.post(`/api/cases/${caseId}/support-decision`, decision)).status).toBe(403);
    const decided = await w.as.coordinator.post(`/api/cases/${caseId}/support-decision`, decision);
    expect(decided.status).toBe(201);
    expect((await w.as.coordinator.post(`/api/cases/${caseId}/support-decision`, decision)).status).toBe(409);
    const noConsent = await add({ caseId });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.fields[0]).toMatchObject({ field: "caseId", message: expect.stringContaining("同意") });
    // a consent given after the meeting date does not cover it
    const version = (await w.as.coordinator.get(`/api/cases/${caseId}`)).body.case.version;
    const late = await w.as.lead.post(
      `/api/cases/${caseId}/consents`,
      { personId: mainId, scope: "team", givenOn: "2025-07-02", method: "written" },
      ifMatch(version),
    );
    expect(late.status).toBe(201);
    expect((await add({ caseId })).status).toBe(400);
    const earlier = await convene(kinds.consent, "2025-07-03", "重層的支援会議 7月（テスト）");
    const taken = await w.as.coordinator.post(`/api/meetings/${earlier.id}/subjects`, { caseId });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const meetings = (await w.as.lead.get(`/api/cases/${caseId}/meetings`)).body;
    expect(meetings.supportDecision).toMatchObject(decision);
    // the lead sits on none of the meetings: it learns nothing of them
    expect(meetings.meetings).toEqual([]);
    const mine = (await w.as.coordinator.get(`/api/cases/${caseId}/meetings`)).body.meetings;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([meetingA, earlier.id]);
  });
});
