import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../test/helpers/api-client.js";
import { demoPlanId, testAppForFile } from "../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../platform/audit.js";

const app = testAppForFile({ demoIndicators: true, demoBaseline: true, demoCommittees: true });

describe("the demo's committee review (as the first start loads it)", () => {
  it("shows 委員 四季 the 推進委員会 on the closed 令和6年度 with an answered opinion", async () => {
    const iin = await ApiClient.login(app.t.baseUrl, "iin");
    const planId = await demoPlanId(iin);
    const committees = (await iin.get(`/api/plans/${planId}/committees`)).body.committees;
    expect(committees.map((c: { name: string }) => c.name)).toEqual(["市民福祉推進委員会"]);
    const res = await iin.get(`/api/committees/${committees[0].id}/years/2024`);
    expect(res.status).toBe(200);
    const review = res.body.review;
    expect(review).toMatchObject({ fiscalYearLabel: "令和6年度", canWrite: true });
    expect(review.items.length).toBe(13);
    expect(review.opinions).toEqual([
      expect.objectContaining({
        itemTitle: "生活支援コーディネーターの配置",
        authorName: "委員 四季（推進委員会）",
        responseStatusLabel: "反映済",
      }),
    ]);
    // asked for an opinion on the closed year, on the bell: the link opens the committee on that year
    const notices = (await iin.get("/api/notices")).body.notices as { kind: string; text: string; link: string }[];
    expect(notices.map((n) => [n.kind, n.text, n.link])).toEqual([
      [
        "opinion_requested",
        "意見の提出が依頼されました（令和6年度 市民福祉推進委員会）",
        `/committees?planId=${planId}&fy=2024&committee=${committees[0].id}`,
      ],
    ]);
    const report = (await iin.get(`/api/plans/${planId}/evaluations/2024/report`)).body.report;
    expect(report.round.status).toBe("closed");
    expect(report.committees[0].opinions).toHaveLength(1);
  });

  it("gives the plan office the 推進会議, the 推進委員会 and a 高齢小委員会 routed by the measures' 高 mark", async () => {
    const office = await ApiClient.login(app.t.baseUrl, "keikaku");
    const planId = await demoPlanId(office);
    const committees = (await office.get(`/api/plans/${planId}/committees`)).body.committees as {
      id: string;
      name: string;
      kindLabel: string;
    }[];
    expect(committees.map((c) => [c.name, c.kindLabel])).toEqual([
      ["地域共生社会推進会議", "推進会議（庁内）"],
      ["市民福祉推進委員会", "推進委員会"],
      ["高齢小委員会", "小委員会"],
    ]);
    const elderly = committees[2] as { id: string };
    const items = (await office.get(`/api/committees/${elderly.id}/years/2024`)).body.review.items as {
      title: string;
    }[];
    expect(items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        "生活支援コーディネーターの配置",
        "認知症の早期発見と支援",
        "介護予防と保健事業の一体的実施",
      ]),
    );
    expect(items.map((i) => i.title)).not.toContain("福祉の総合相談窓口の運営");
    expect((await verifyAuditChain(app.t.database.db)).ok).toBe(true);
  });

  it("publishes the closed 令和6年度 to residents with the plan; the open 令和7年度 stays off the public site", async () => {
    const office = await ApiClient.login(app.t.baseUrl, "keikaku");
    const planId = await demoPlanId(office);
    const published = (await office.get(`/api/plans/${planId}/publications`)).body.publications as {
      kind: string;
      fiscalYear: number | null;
      status: string;
    }[];
    expect(published.map((p) => [p.kind, p.fiscalYear, p.status])).toEqual(
      expect.arrayContaining([["year", 2024, "published"]]),
    );
    const year = await fetch(`${app.t.baseUrl}/p/999001/plans/${planId}/years/2024`);
    expect(year.status).toBe(200);
    expect(await year.text()).toContain("生活支援コーディネーターの配置");
    expect((await fetch(`${app.t.baseUrl}/p/999001/plans/${planId}/years/2025`)).status).toBe(404);
  });
});
