import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { type CaseWorld, startCaseWorld } from "../../../../test/helpers/case-world.js";
import { verifyAuditChain } from "../../platform/audit.js";

let w: CaseWorld;
let caseId: string;
let version: number;
const recordIds = { leadTeam: "", leadOwn: "", teamTeam: "", coordTeam: "" };

const idsSeen = async (caller: "coordinator" | "lead" | "team") => {
  const res = await w.as[caller].get(`/api/cases/${caseId}/records`);
  expect(res.status).toBe(200);
  return new Set((res.body.records as { id: string }[]).map((r) => r.id));
};
const readsOf = async (login: string) =>
  auditRecords(w.t.database.db, {
    municipalityId: w.t.municipalityId,
    action: "read",
    entityType: "case_records",
    entityId: caseId,
    actorLabel: login,
  });

beforeAll(async () => {
  w = await startCaseWorld();
  const personId = await w.person(w.as.senderProvider, "ドウイ テスト");
  // the referral records no consent, so the case starts without it
  const referralId = await w.referral(personId, "unknown");
  const householdId = await w.household(personId);
  ({ id: caseId, version } = await w.openCase({ referralIds: [referralId], householdId, mainPersonId: personId }));
  const write = async (
    key: keyof typeof recordIds,
    caller: "lead" | "team" | "coordinator",
    visibility: "team" | "agency",
  ) => {
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
  await write("teamTeam", "team", "team");
  await write("coordTeam", "coordinator", "team");
});
afterAll(async () => {
  await w?.t.close();
});

describe("consent and activity records", () => {
  it("without consent, shows records only to the recording agency and the coordinators", async () => {
    const c = (await w.as.lead.get(`/api/cases/${caseId}`)).body.case;
    expect(c.consent).toBe("unknown");
    expect(await idsSeen("coordinator")).toEqual(new Set(Object.values(recordIds)));
    expect(await idsSeen("lead")).toEqual(new Set([recordIds.leadTeam, recordIds.leadOwn]));
    expect(await idsSeen("team")).toEqual(new Set([recordIds.teamTeam]));
    const res = await w.as.team.get(`/api/cases/${caseId}/records`);
    expect(res.body).toMatchObject({ consent: "unknown", sharedWithTeam: false });
  });

  it("with consent, shares the team records with the whole team (agency-only records stay with their agency)", async () => {
    const url = `/api/cases/${caseId}/consent`;
    const noMethod = await w.as.lead.post(url, { consent: "given", consentDate: "2025-06-12" }, ifMatch(version));
    expect(noMethod.body.fields.map((f: { field: string }) => f.field)).toEqual(["consentMethod"]);
    const byTeam = await w.as.team.post(
      url,
      { consent: "given", consentDate: "2025-06-12", consentMethod: "書面" },
      ifMatch(version),
    );
    expect(byTeam.status).toBe(403);
    const given = await w.as.lead.post(
      url,
      { consent: "given", consentDate: "2025-06-12", consentMethod: "書面", reason: "重層的支援会議の前に確認" },
      ifMatch(version),
    );
    expect(given.status).toBe(200);
    version = given.body.case.version;
    expect(await idsSeen("team")).toEqual(new Set([recordIds.teamTeam, recordIds.leadTeam, recordIds.coordTeam]));
    expect(await idsSeen("lead")).toEqual(
      new Set([recordIds.leadTeam, recordIds.leadOwn, recordIds.teamTeam, recordIds.coordTeam]),
    );
  });

  it("after withdrawal, ends other agencies' access on the next request; the audit of earlier reads stays", async () => {
    const before = await readsOf("team-staff");
    const sharedRead = before.find((r) => (r.after as { recordIds: string[] }).recordIds.includes(recordIds.leadTeam));
    expect(sharedRead?.basis).toBe("case:team;consent:given");

    const withdrawn = await w.as.coordinator.post(
      `/api/cases/${caseId}/consent`,
      { consent: "withdrawn", consentDate: "2025-07-01", consentMethod: "電話", reason: "本人から撤回の申し出" },
      ifMatch(version),
    );
    expect(withdrawn.status).toBe(200);
    expect(
      withdrawn.body.case.consentHistory.map((h: { consent: string; consentDate: string | null }) => [
        h.consent,
        h.consentDate,
      ]),
    ).toEqual([
      ["unknown", null],
      ["given", "2025-06-12"],
      ["withdrawn", "2025-07-01"],
    ]);
    version = withdrawn.body.case.version;

    expect(await idsSeen("team")).toEqual(new Set([recordIds.teamTeam]));
    expect(await idsSeen("lead")).toEqual(new Set([recordIds.leadTeam, recordIds.leadOwn]));
    expect(await idsSeen("coordinator")).toEqual(new Set(Object.values(recordIds)));

    const after = await readsOf("team-staff");
    expect(after.slice(0, before.length)).toEqual(before);
    const last = after.at(-1);
    expect(last?.basis).toBe("case:team;consent:withdrawn");
    expect((last?.after as { recordIds: string[] } | undefined)?.recordIds).toEqual([recordIds.teamTeam]);
    expect((await verifyAuditChain(w.t.database.db)).ok).toBe(true);
  });

  it("applies the same rule to assessment versions", async () => {
    const url = `/api/cases/${caseId}/assessments`;
    const mine = await w.as.lead.post(url, { sections: { person: "主担当の見立て" } }, ifMatch(0));
    expect(mine.status).toBe(201);
    // consent is withdrawn: the team agency sees that a version exists (to save the next one) but cannot read it
    const list = (await w.as.team.get(url)).body;
    expect(list).toMatchObject({ latestVersion: 1, versions: [] });
    expect((await w.as.team.get(`${url}/1`)).status).toBe(404);
    expect((await w.as.coordinator.get(`${url}/1`)).status).toBe(200);
    const denied = await auditRecords(w.t.database.db, { action: "denied", entityType: "case_assessment" });
    expect(denied.map((d) => `${d.actorLabel} ${d.basis}`)).toEqual(["team-staff consent:withdrawn;version:1"]);

    const given = await w.as.lead.post(
      `/api/cases/${caseId}/consent`,
      { consent: "given", consentDate: "2025-08-01", consentMethod: "書面" },
      ifMatch(version),
    );
    expect(given.status).toBe(200);
    expect((await w.as.team.get(`${url}/1`)).body.assessment.sections[0].text).toBe("主担当の見立て");
  });
});
