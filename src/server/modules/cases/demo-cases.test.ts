import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { testAppForFile } from "../../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../../platform/audit.js";

const app = testAppForFile();

type Summary = { id: string; phaseLabel: string; household: { name: string }; team: { name: string }[] };

describe("the demo municipality's households and cases", () => {
  it("has four cases in different phases, each seen by its team and the coordinators only", async () => {
    const coord = await ApiClient.login(app.t.baseUrl, "coord");
    const all = (await coord.get("/api/cases")).body.cases as Summary[];
    const byHousehold = Object.fromEntries(all.map((c) => [c.household.name, c.phaseLabel]));
    expect(byHousehold).toEqual({ つなぐ家: "支援", 見本家: "アセスメント", 架空家: "受付", 仮名家: "終結" });
    const houkatsu = await ApiClient.login(app.t.baseUrl, "houkatsu");
    const kikan = await ApiClient.login(app.t.baseUrl, "kikan");
    const names = async (c: ApiClient) =>
      ((await c.get("/api/cases")).body.cases as Summary[]).map((x) => x.household.name).sort();
    expect(await names(houkatsu)).toEqual(["架空家", "つなぐ家", "仮名家"].sort());
    expect(await names(kikan)).toEqual(["つなぐ家", "見本家"].sort());
    const provider = await ApiClient.login(app.t.baseUrl, "jigyosha");
    expect((await provider.get("/api/cases")).status).toBe(403);

    const tsunagu = all.find((c) => c.household.name === "つなぐ家") as Summary;
    const detail = (await kikan.get(`/api/cases/${tsunagu.id}`)).body.case;
    expect(detail.phaseHistory.map((h: { phaseLabel: string }) => h.phaseLabel)).toEqual([
      "受付",
      "アセスメント",
      "プラン",
      "支援",
    ]);
    expect(detail.household.members.map((m: { relationship: string }) => m.relationship)).toEqual(["本人", "母"]);
    // consent given: the team records of every agency, but not another agency's own notes
    const records = (await kikan.get(`/api/cases/${tsunagu.id}/records`)).body.records as { visibility: string }[];
    expect(records).toHaveLength(3);
    expect(records.every((r) => r.visibility === "team")).toBe(true);
    expect((await houkatsu.get(`/api/cases/${tsunagu.id}/records`)).body.records).toHaveLength(4);
    const assessments = (await kikan.get(`/api/cases/${tsunagu.id}/assessments`)).body;
    expect(assessments.latestVersion).toBe(2);
    const v2 = (await kikan.get(`/api/cases/${tsunagu.id}/assessments/2`)).body.assessment;
    expect(v2.sections.find((s: { key: string }) => s.key === "view").text).toContain("居場所");
    expect((await verifyAuditChain(app.t.database.db)).ok).toBe(true);
  });
});
