import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { type CaseWorld, startCaseWorld } from "../../../../test/helpers/case-world.js";
import { verifyAuditChain } from "../../platform/audit.js";

let w: CaseWorld;
let caseId: string;
let mainId: string;
let childId: string;
const recordIds = { leadTeam: "", leadOwn: "", coordTeam: "" };

const caseAs = async (caller: "coordinator" | "lead" | "team") => (await w.as[caller].get(`/api/cases/${caseId}`)).body;
const version = async () => (await caseAs("coordinator")).case.version as number;
const idsSeen = async (caller: "coordinator" | "lead" | "team") => {
  const res = await w.as[caller].get(`/api/cases/${caseId}/records`);
  if (res.status !== 200) return res.status;
  return new Set((res.body.records as { id: string }[]).map((r) => r.id));
};
const teamReads = async () =>
  auditRecords(w.t.database.db, { municipalityId: w.t.municipalityId, action: "read", actorLabel: "team-staff" });

beforeAll(async () => {
  w = await startCaseWorld();
  mainId = await w.person(w.as.senderProvider, "ドウイ ホンニン");
  childId = await w.person(w.as.senderProvider, "ドウイ コドモ");
  // the referral records no consent, so the case starts without one
  const referralId = await w.referral(mainId, "unknown");
  const householdId = await w.household(mainId, [childId]);
  ({ id: caseId } = await w.openCase({ referralIds: [referralId], householdId, mainPersonId: mainId }));
  const write = async (key: keyof typeof recordIds, caller: "lead" | "coordinator", visibility: "team" | "agency") => {
    const res = await w.as[caller].post(`/api/cases/${caseId}/records`, {
      kind: "訪問",
      date: "2025-06-10",
      text: `${key} の記録（テスト）`,
      visibility,
    });
    expect(res.status).toBe(201);
    recordIds[key] = res.body.record.id;
  };
  await write("leadTeam", "lead", "team");
  await write("leadOwn", "lead", "agency");
  await write("coordTeam", "coordinator", "team");
});
afterAll(async () => {
  await w?.t.close();
});

describe("consent records and what a team agency sees", () => {
  it("without consent, the team agency sees that the case exists, its lead and phase: nothing personal", async () => {
    const { case: c } = await caseAs("team");
    expect(c).toMatchObject({ disclosure: null, household: null, mainPerson: null, issues: [], consents: [] });
    expect(c.leadAgency.id).toBe(w.agencyId.houkatsu);
    expect(c.phase).toBe("intake");
    const raw = JSON.stringify(c);
    for (const secret of ["ドウイ", "本町9-9", "介護"]) expect(raw).not.toContain(secret);
    expect(await idsSeen("team")).toBe(404);
    expect((await w.as.team.get(`/api/cases/${caseId}/assessments`)).status).toBe(404);
    // the list names the case, not the person
    const listed = (await w.as.team.get("/api/cases")).body.cases.find((r: { id: string }) => r.id === caseId);
    expect(listed).toMatchObject({ mainPerson: null, issues: [], household: { name: null } });
    const denied = await auditRecords(w.t.database.db, {
      action: "denied",
      entityId: caseId,
      actorLabel: "team-staff",
    });
    expect(denied.map((d) => d.basis).sort()).toEqual(["need_to_know:assessments", "need_to_know:records"]);
    // the lead keeps the case: the person's data, and its own records (the others' need the person's consent)
    expect((await caseAs("lead")).case.disclosure).toBe("case:lead");
    expect(await idsSeen("lead")).toEqual(new Set([recordIds.leadTeam, recordIds.leadOwn]));
  });

  it("refuses an incomplete or impossible consent with field-named 400s; the team agency may not record one", async () => {
    const url = `/api/cases/${caseId}/consents`;
    const v = await version();
    const fields = async (body: object) =>
      ((await w.as.lead.post(url, body, ifMatch(v))).body.fields ?? []).map((f: { field: string }) => f.field);
    const base = { personId: mainId, scope: "team", givenOn: "2025-06-12", method: "written" };
    expect(await fields({ ...base, scope: "agencies" })).toEqual(["agencyIds"]);
    expect(await fields({ ...base, method: "other" })).toEqual(["methodNote"]);
    expect(await fields({ ...base, givenOn: "2999-01-01" })).toEqual(["givenOn"]);
    expect(await fields({ ...base, personId: w.agencyId.team })).toEqual(["personId"]);
    expect(await fields({ ...base, scope: "agencies", agencyIds: [mainId] })).toEqual(["agencyIds.0"]);
    expect((await w.as.team.post(url, base, ifMatch(v))).status).toBe(403);
    expect((await w.as.lead.post(url, base, ifMatch(v - 1))).status).toBe(412);
  });

  it("a consent for the team opens the main person's data and the team's records at the next request", async () => {
    const before = (await teamReads()).length;
    const res = await w.as.lead.post(
      `/api/cases/${caseId}/consents`,
      { personId: mainId, scope: "team", givenOn: "2025-06-12", method: "written", note: "面談で説明し署名を得た" },
      ifMatch(await version()),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const consent = res.body.case.consents.at(-1);
    expect(consent).toMatchObject({
      personId: mainId,
      scope: "team",
      givenOn: "2025-06-12",
      method: "written",
      methodLabel: "書面",
      recordedByAgency: { id: w.agencyId.houkatsu },
      withdrawal: null,
    });
    expect(res.body.case).toMatchObject({ consent: "given", consentDate: "2025-06-12" });

    const { case: c } = await caseAs("team");
    expect(c.disclosure).toBe(`consent:${consent.id}`);
    expect(c.mainPerson.nameKana).toBe("ドウイ ホンニン");
    // the child gave no consent: the team sees that a member is there, not who
    const child = c.household.members.find((m: { personId: string }) => m.personId === childId);
    expect(child).toMatchObject({ hidden: true, nameKana: null, dateOfBirth: null });
    expect(await idsSeen("team")).toEqual(new Set([recordIds.leadTeam, recordIds.coordTeam]));
    // every read names the consent it was made on
    const reads = (await teamReads()).slice(before);
    expect(reads.some((r) => r.entityType === "person" && r.entityId === mainId)).toBe(true);
    expect(reads.some((r) => r.entityId === childId)).toBe(false);
    for (const r of reads.filter((r) => r.entityType === "person" || r.entityType === "case_records"))
      expect(r.basis).toBe(`consent:${consent.id}`);
  });

  it("a consent naming agencies covers those agencies only", async () => {
    const res = await w.as.coordinator.post(
      `/api/cases/${caseId}/consents`,
      {
        personId: childId,
        scope: "agencies",
        agencyIds: [w.agencyId.kodomo],
        givenOn: "2025-06-13",
        method: "other",
        methodNote: "親権者の署名",
      },
      ifMatch(await version()),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.case.consents.at(-1)).toMatchObject({
      scope: "agencies",
      agencies: [{ id: w.agencyId.kodomo }],
      methodLabel: "その他（親権者の署名）",
    });
    const { case: c } = await caseAs("team");
    expect(c.household.members.find((m: { personId: string }) => m.personId === childId)?.hidden).toBe(true);
  });

  it("a withdrawal ends the access at the next request; the consent, the withdrawal and earlier reads stay", async () => {
    const before = await teamReads();
    const consent = (await caseAs("coordinator")).case.consents.find(
      (k: { personId: string; scope: string }) => k.personId === mainId && k.scope === "team",
    );
    const url = `/api/cases/${caseId}/consents/${consent.id}/withdrawal`;
    const early = await w.as.lead.post(url, { withdrawnOn: "2025-06-01" }, ifMatch(await version()));
    expect(early.body.fields.map((f: { field: string }) => f.field)).toEqual(["withdrawnOn"]);
    const res = await w.as.lead.post(
      url,
      { withdrawnOn: "2025-07-01", reason: "本人から撤回の申し出" },
      ifMatch(await version()),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.case).toMatchObject({ consent: "withdrawn", consentDate: "2025-07-01" });
    expect(res.body.case.consents.find((k: { id: string }) => k.id === consent.id)).toMatchObject({
      givenOn: "2025-06-12",
      withdrawal: { withdrawnOn: "2025-07-01", reason: "本人から撤回の申し出" },
    });
    expect(res.body.case.consentHistory.map((h: { consent: string }) => h.consent)).toEqual([
      "unknown",
      "given",
      "withdrawn",
    ]);
    expect((await w.as.lead.post(url, { withdrawnOn: "2025-07-02" }, ifMatch(await version()))).status).toBe(409);

    expect((await caseAs("team")).case).toMatchObject({ disclosure: null, mainPerson: null });
    expect(await idsSeen("team")).toBe(404);
    expect(await idsSeen("coordinator")).toEqual(new Set(Object.values(recordIds)));
    const after = await teamReads();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).some((r) => r.entityType === "person")).toBe(false);
    expect((await verifyAuditChain(w.t.database.db)).ok).toBe(true);
  });

  it("leaving the team ends a team consent's cover; joining again restores it", async () => {
    const given = await w.as.lead.post(
      `/api/cases/${caseId}/consents`,
      { personId: mainId, scope: "team", givenOn: "2025-07-10", method: "oral" },
      ifMatch(await version()),
    );
    expect(given.status).toBe(201);
    expect((await caseAs("team")).case.disclosure).toMatch(/^consent:/);
    const removed = await w.as.lead.request(
      "DELETE",
      `/api/cases/${caseId}/team/${w.agencyId.team}`,
      undefined,
      ifMatch(await version()),
    );
    expect(removed.status).toBe(200);
    expect((await w.as.team.get(`/api/cases/${caseId}`)).status).toBe(404);
    const back = await w.as.lead.post(
      `/api/cases/${caseId}/team`,
      { agencyId: w.agencyId.team },
      ifMatch(await version()),
    );
    expect(back.status).toBe(201);
    expect((await caseAs("team")).case.disclosure).toMatch(/^consent:/);
  });
});

describe("referrals without consent", () => {
  it("go to the coordinators only; a receiver without consent sees that a sheet exists, not whom it is about", async () => {
    const personId = await w.person(w.as.senderProvider, "ドウイ ナシ");
    const body = {
      personId,
      concerns: ["介護"],
      observed: "同意なしの気づき（テスト）",
      urgency: "中",
      consent: "not_given",
    };
    const direct = await w.as.senderProvider.post("/api/referrals", { ...body, toAgencyId: w.agencyId.team });
    expect(direct.status).toBe(400);
    expect(direct.body.fields.map((f: { field: string }) => f.field)).toEqual(["toAgencyId"]);
    const toCoordinators = await w.as.senderProvider.post("/api/referrals", {
      ...body,
      toAgencyId: w.agencyId.coord,
    });
    expect(toCoordinators.status).toBe(201);
    const id = toCoordinators.body.referral.id;
    // the coordinators may not pass it on to one agency either, only with the person's consent
    const forwarded = await w.as.coordinator.post(
      `/api/referrals/${id}/transition`,
      { to: "forwarded", toAgencyId: w.agencyId.team, reason: "担当が適切" },
      ifMatch(1),
    );
    expect(forwarded.status).toBe(400);
    expect(forwarded.body.fields.map((f: { field: string }) => f.field)).toEqual(["toAgencyId"]);
  });

  it("a receiving agency hands a referral to the coordinators in one step", async () => {
    const personId = await w.person(w.as.senderProvider, "ドウイ ヒキツギ");
    const sent = await w.as.senderProvider.post("/api/referrals", {
      personId,
      toAgencyId: w.agencyId.team,
      concerns: ["介護", "8050"],
      observed: "複数の機関が必要（テスト）",
      urgency: "高",
      consent: "given",
      consentDate: "2025-06-01",
      consentMethod: "口頭",
    });
    expect(sent.status).toBe(201);
    const id = sent.body.referral.id;
    const read = await w.as.team.get(`/api/referrals/${id}`);
    expect(read.body.referral).toMatchObject({ personHidden: false, person: { id: personId } });
    const handed = await w.as.team.post(
      `/api/referrals/${id}/transition`,
      { to: "forwarded", toCoordinators: true, reason: "複数の機関の支援が必要なため" },
      ifMatch(read.body.referral.version),
    );
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body.referral).toMatchObject({ status: "forwarded", toAgency: null });
    const box = (await w.as.coordinator.get("/api/referrals")).body.referrals.map((r: { id: string }) => r.id);
    expect(box).toContain(id);
  });
});
