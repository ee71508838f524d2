import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { approvePlan, draftPlan, finalMonitoring } from "../../../../test/helpers/support-plans.js";
import { auditLog } from "../../db/schema/index.js";

// A case from opening to closing: referrals, team, phases, consent, assessments, issues and lead.
const w = worldForFile(startReferredHouseholdWorld);

describe("cases", () => {
  let caseId: string;
  let version: number;

  it("is opened by a coordinator from referrals, with the lead on the team and the referrals' concerns", async () => {
    const notMember = await w.person(w.as.senderProvider, "ケース ベツセタイ");
    const foreign = await w.referral(notMember);
    const body = { householdId: w.householdId, mainPersonId: w.mainId, leadAgencyId: w.agencyId.houkatsu };
    const wrong = await w.as.coordinator.post("/api/cases", { ...body, referralIds: [foreign] });
    expect(wrong.body.fields).toEqual([
      { field: "referralIds.0", message: "このつなぐシートの対象者はこの世帯の世帯員ではありません" },
    ]);
    const provider = (await w.as.systemAdmin.get("/api/agencies")).body.agencies.find(
      (a: { kind: string }) => a.kind === "provider",
    );
    const toProvider = await w.as.coordinator.post("/api/cases", {
      ...body,
      referralIds: [w.referralId],
      teamAgencyIds: [provider.id],
    });
    expect(toProvider.body.fields).toEqual([
      { field: "teamAgencyIds.0", message: "登録事業者はケースのチームに加えられません" },
    ]);
    const opened = await w.as.coordinator.post("/api/cases", {
      ...body,
      referralIds: [w.referralId],
      teamAgencyIds: [w.agencyId.team, w.agencyId.houkatsu],
    });
    expect(opened.status).toBe(201);
    const c = opened.body.case;
    expect(c).toMatchObject({
      phase: "intake",
      phaseLabel: "受付",
      issues: ["介護", "8050"],
      consent: "given",
      consentDate: "2025-05-01",
      consentMethod: "口頭",
      leadAgency: { id: w.agencyId.houkatsu },
      mainPerson: { personId: w.mainId, relationship: "本人" },
      access: "coordinator",
    });
    expect(c.team.map((m: { agency: { id: string }; isLead: boolean }) => [m.agency.id, m.isLead])).toEqual([
      [w.agencyId.houkatsu, true],
      [w.agencyId.team, false],
    ]);
    expect(c.referrals.map((r: { id: string }) => r.id)).toEqual([w.referralId]);
    expect(c.phaseHistory).toHaveLength(1);
    caseId = c.id;
    version = c.version;
    // a referral belongs to one case
    expect((await w.as.coordinator.post("/api/cases", { ...body, referralIds: [w.referralId] })).status).toBe(409);
  });

  it("names the case on its referral to those who may open the case, never to the provider who sent it", async () => {
    const asCoordinator = await w.as.coordinator.get(`/api/referrals/${w.referralId}`);
    expect(asCoordinator.body.referral.case).toMatchObject({ id: caseId, phase: "intake", phaseLabel: "受付" });
    const asSender = await w.as.senderProvider.get(`/api/referrals/${w.referralId}`);
    expect(asSender.status).toBe(200);
    expect(asSender.body.referral.case).toBeNull();
  });

  it("moves through the phases with If-Match and a history of who, when and why", async () => {
    const url = `/api/cases/${caseId}/phase`;
    expect((await w.as.lead.post(url, { to: "assessment" })).status).toBe(428);
    expect((await w.as.lead.post(url, { to: "assessment" }, ifMatch(version + 1))).status).toBe(412);
    const jump = await w.as.lead.post(url, { to: "support" }, ifMatch(version));
    expect(jump.body.fields).toEqual([{ field: "to", message: "「受付」から「支援」には進められません" }]);
    const step = await w.as.lead.post(url, { to: "assessment" }, ifMatch(version));
    expect(step.status).toBe(200);
    expect(step.headers.get("etag")).toBe(`"${version + 1}"`);
    const planning = await w.as.coordinator.post(url, { to: "planning" }, ifMatch(version + 1));
    const back = await w.as.lead.post(url, { to: "assessment" }, ifMatch(planning.body.case.version));
    expect(back.body.fields.map((f: { field: string }) => f.field)).toEqual(["reason"]);
    const backWithReason = await w.as.lead.post(
      url,
      { to: "assessment", reason: "世帯の状況が変わったため再アセスメント" },
      ifMatch(planning.body.case.version),
    );
    expect(backWithReason.status).toBe(200);
    const history = backWithReason.body.case.phaseHistory;
    expect(history.map((h: { phaseLabel: string }) => h.phaseLabel)).toEqual([
      "受付",
      "アセスメント",
      "プラン",
      "アセスメント",
    ]);
    expect(history[3]).toMatchObject({
      byAgency: { id: w.agencyId.houkatsu },
      reason: "世帯の状況が変わったため再アセスメント",
    });
    expect(history[2].byAgency.id).toBe(w.agencyId.coord);
    version = backWithReason.body.case.version;
    expect((await w.as.team.post(url, { to: "planning" }, ifMatch(version))).status).toBe(403);
  });

  it("filters the list by phase", async () => {
    const inAssessment = (await w.as.lead.get("/api/cases?phase=assessment")).body.cases as { id: string }[];
    expect(inAssessment.map((c) => c.id)).toContain(caseId);
    const intake = (await w.as.lead.get("/api/cases?phase=intake")).body.cases as { id: string; phase: string }[];
    expect(intake.map((c) => c.id)).not.toContain(caseId);
    expect((await w.as.lead.get("/api/cases?phase=受付")).status).toBe(400);
  });

  it("pages the list with its total; only the cases shown are audited reads", async () => {
    const all = (await w.as.coordinator.get("/api/cases")).body;
    expect(all).toMatchObject({ offset: 0, limit: 50 });
    expect(all.total).toBe(all.cases.length);
    expect(all.total).toBeGreaterThanOrEqual(1);
    const ids: string[] = [];
    for (let offset = 0; offset < all.total; offset++) {
      const seen = new Set((await w.t.database.db.select().from(auditLog)).map((r) => `${r.municipalityId}:${r.id}`));
      const page = (await w.as.coordinator.get(`/api/cases?offset=${offset}&limit=1`)).body;
      expect(page).toMatchObject({ total: all.total, offset, limit: 1 });
      expect(page.cases).toHaveLength(1);
      ids.push(page.cases[0].id);
      const reads = (await w.t.database.db.select().from(auditLog)).filter(
        (r) => !seen.has(`${r.municipalityId}:${r.id}`),
      );
      expect(reads.filter((r) => r.action === "read").map((r) => r.basis)).toEqual([`case:${page.cases[0].id}`]);
    }
    expect(ids).toEqual(all.cases.map((c: { id: string }) => c.id));
    const fields = async (q: string) =>
      ((await w.as.coordinator.get(`/api/cases?${q}`)).body.fields ?? []).map((f: { field: string }) => f.field);
    expect(await fields("limit=0")).toEqual(["limit"]);
    expect(await fields("limit=201")).toEqual(["limit"]);
    expect(await fields("offset=-1")).toEqual(["offset"]);
    expect(await fields("limit=１")).toEqual([]);
  });

  it("changes the team; a removed agency loses the case on its next request", async () => {
    const url = `/api/cases/${caseId}/team`;
    expect((await w.as.otherStaff.get(`/api/cases/${caseId}`)).status).toBe(404);
    const added = await w.as.lead.post(url, { agencyId: w.agencyId.kikan, reason: "障害福祉の相談" }, ifMatch(version));
    expect(added.status).toBe(201);
    version = added.body.case.version;
    const seen = await w.as.otherStaff.get(`/api/cases/${caseId}`);
    expect(seen.body.case.access).toBe("team");
    expect((await w.as.otherStaff.get(`/api/households/${w.householdId}`)).body.household.access).toBe("case_team");
    expect((await w.as.lead.post(url, { agencyId: w.agencyId.kikan }, ifMatch(version))).status).toBe(409);
    const lead = await w.as.coordinator.request("DELETE", `${url}/${w.agencyId.houkatsu}`, undefined, ifMatch(version));
    expect(lead.status).toBe(409);
    const removed = await w.as.coordinator.request(
      "DELETE",
      `${url}/${w.agencyId.kikan}`,
      { reason: "役割を終えた" },
      ifMatch(version),
    );
    expect(removed.status).toBe(200);
    expect(removed.body.case.teamHistory.at(-1)).toMatchObject({
      kind: "team_removed",
      agency: { id: w.agencyId.kikan },
      reason: "役割を終えた",
    });
    version = removed.body.case.version;
    expect((await w.as.otherStaff.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await w.as.otherStaff.get(`/api/cases/${caseId}/records`)).status).toBe(404);
    expect((await w.as.otherStaff.get(`/api/households/${w.householdId}`)).status).toBe(404);
    const list = (await w.as.otherStaff.get("/api/cases")).body.cases as { id: string }[];
    expect(list.map((c) => c.id)).not.toContain(caseId);
  });

  it("refuses to remove the main person from the household while the case exists", async () => {
    const hh = (await w.as.coordinator.get(`/api/households/${w.householdId}`)).body.household;
    expect(hh.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const res = await w.as.coordinator.request(
      "DELETE",
      `/api/households/${w.householdId}/members/${w.mainId}`,
      undefined,
      ifMatch(hh.version),
    );
    expect(res.status).toBe(409);
  });

  it("keeps assessment versions: every save is a new version, earlier ones stay readable", async () => {
    const url = `/api/cases/${caseId}/assessments`;
    const first = await w.as.lead.post(url, { sections: { person: "初回", view: "見立て1" } }, ifMatch(0));
    expect(first.status).toBe(201);
    expect(first.body.assessment.sections.map((s: { label: string }) => s.label)).toEqual([
      "本人の状況",
      "世帯の状況",
      "健康・障害",
      "経済状況",
      "住まい",
      "社会参加・つながり",
      "本人の希望",
      "支援者の見立て",
    ]);
    expect((await w.as.team.post(url, { sections: { person: "x" } }, ifMatch(0))).status).toBe(412);
    expect((await w.as.team.post(url, { sections: { person: "x" } })).status).toBe(428);
    const empty = await w.as.team.post(url, { sections: {} }, ifMatch(1));
    expect(empty.body.fields.map((f: { field: string }) => f.field)).toEqual(["sections"]);
    const unknown = await w.as.team.post(url, { sections: { mood: "x" } }, ifMatch(1));
    expect(unknown.status).toBe(400);
    const second = await w.as.team.post(url, { sections: { person: "二回目" }, note: "訪問後に更新" }, ifMatch(1));
    expect(second.status).toBe(201);
    expect(second.body.assessment.version).toBe(2);
    const list = (await w.as.coordinator.get(url)).body;
    expect(list.latestVersion).toBe(2);
    expect(list.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = (await w.as.team.get(`${url}/1`)).body.assessment;
    expect(v1.sections.find((s: { key: string }) => s.key === "person").text).toBe("初回");
    expect((await w.as.team.get(`${url}/3`)).status).toBe(404);
    expect((await w.as.team.get(`${url}/abc`)).status).toBe(400);
  });

  it("changes the issues (lead or coordinators) and the lead agency (coordinators only)", async () => {
    const url = `/api/cases/${caseId}`;
    expect((await w.as.lead.patch(url, {}, ifMatch(version))).status).toBe(400);
    expect((await w.as.lead.patch(url, { issues: ["生活困窮"] })).status).toBe(428);
    expect((await w.as.lead.patch(url, { leadAgencyId: w.agencyId.team }, ifMatch(version))).status).toBe(403);
    const issues = await w.as.lead.patch(
      url,
      { issues: ["生活困窮", "ひきこもり"], reason: "面談で就労の困りごとが分かった" },
      ifMatch(version),
    );
    expect(issues.status).toBe(200);
    expect(issues.body.case.issues).toEqual(["生活困窮", "ひきこもり"]);
    expect(issues.body.case.version).toBe(version + 1);
    // the history keeps the issues at the opening and each change, with who and why
    const history = issues.body.case.issuesHistory;
    expect(history.map((h: { kind: string; issues: string[] }) => [h.kind, h.issues])).toEqual([
      ["opened", ["介護", "8050"]],
      ["issues_changed", ["生活困窮", "ひきこもり"]],
    ]);
    expect(history[1]).toMatchObject({
      byAgency: { id: w.agencyId.houkatsu },
      reason: "面談で就労の困りごとが分かった",
    });
    // the same issues in another order change nothing: no new version, no event
    const same = await w.as.lead.patch(url, { issues: ["ひきこもり", "生活困窮"] }, ifMatch(issues.body.case.version));
    expect(same.status).toBe(200);
    expect(same.body.case.version).toBe(issues.body.case.version);
    expect(same.body.case.issuesHistory).toHaveLength(2);
    const lead = await w.as.coordinator.patch(
      url,
      { leadAgencyId: w.agencyId.kodomo, reason: "子どもの支援が中心になったため" },
      ifMatch(issues.body.case.version),
    );
    expect(lead.status).toBe(200);
    expect(lead.body.case.leadAgency.id).toBe(w.agencyId.kodomo);
    expect(lead.body.case.team[0]).toMatchObject({ agency: { id: w.agencyId.kodomo }, isLead: true });
    expect(lead.body.case.teamHistory.slice(-2).map((h: { kind: string }) => h.kind)).toEqual([
      "team_added",
      "lead_changed",
    ]);
    // the former lead stays on the team, now without the right to manage the case
    const former = await w.as.lead.get(url);
    expect(former.body.case.access).toBe("team");
    expect((await w.as.lead.patch(url, { issues: ["介護"] }, ifMatch(lead.body.case.version))).status).toBe(403);
    const back = await w.as.coordinator.patch(
      url,
      { leadAgencyId: w.agencyId.houkatsu },
      ifMatch(lead.body.case.version),
    );
    version = back.body.case.version;
  });

  it("finds the households of a person for the staff who need to know them", async () => {
    const mine = (await w.as.coordinator.get(`/api/households?personId=${w.mainId}`)).body.households;
    expect(mine.map((h: { id: string }) => h.id)).toEqual([w.householdId]);
    expect(mine[0].members.map((m: { relationship: string }) => m.relationship)).toEqual(["本人", "子"]);
    expect((await w.as.coordinator.get("/api/households?personId=x")).status).toBe(400);
    expect((await w.as.otherStaff.get(`/api/households?personId=${w.mainId}`)).body.households).toEqual([]);
  });

  it("closes only through the closure record after a final monitoring, and then stays closed", async () => {
    const url = `/api/cases/${caseId}/phase`;
    const direct = await w.as.lead.post(url, { to: "closed", reason: "転居のため" }, ifMatch(version));
    expect(direct.status).toBe(400);
    expect(direct.body.fields).toEqual([
      { field: "to", message: "終結は「終結の記録」から行ってください（最終のモニタリングを記録した後）" },
    ]);
    const plan = await draftPlan(w.as.lead, caseId, "support", [{ agencyId: w.agencyId.team }]);
    await approvePlan(w, w.as.coordinator, caseId, plan);
    await finalMonitoring(w.as.lead, caseId);
    const closure = { closedOn: "2025-09-30", reason: "moved", evaluation: "転居先の包括に引き継いだ（テスト）" };
    const closed = await w.as.lead.post(`/api/cases/${caseId}/closure`, closure, ifMatch(version));
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.case.phaseLabel).toBe("終結");
    const again = await w.as.lead.post(url, { to: "intake", reason: "x" }, ifMatch(closed.body.case.version));
    expect(again.status).toBe(400);
  });
});
