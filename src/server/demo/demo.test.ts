import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../test/helpers/api-client.js";
import { testAppForFile } from "../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../platform/audit.js";

const app = testAppForFile({ demoIndicators: true });

describe("the built-in demo municipality", () => {
  it("has a plan with two fiscal years of sheets, a 総括表 and indicators with attainment", async () => {
    const office = await ApiClient.login(app.t.baseUrl, "keikaku");
    const plan = (await office.get("/api/plans")).body.plans[0];
    expect(plan).toMatchObject({ title: "つなぐ市地域福祉総合計画", periodLabel: "令和6～10年度" });
    const summary = (await office.get(`/api/plans/${plan.id}/summary?fiscalYear=2024`)).body.summary;
    expect(summary.total).toMatchObject({ projects: 13, graded: 12, ungraded: 1 });
    const list = (await office.get(`/api/plans/${plan.id}/indicators?fiscalYear=2024`)).body.indicators;
    expect(list).toHaveLength(6);
    const byName = Object.fromEntries(
      list.map((i: { name: string; attainment: { status: string } }) => [i.name, i.attainment.status]),
    );
    expect(byName).toMatchObject({
      支援会議の開催回数: "met",
      新たに開設された居場所の数: "notMet",
      小規模多機能型居宅介護の整備: "notMet",
      個別避難計画の作成: "noActual",
    });
    expect((await verifyAuditChain(app.t.database.db)).ok).toBe(true);
  });
});
