import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * The committee review of issue 15 where it touches committees: the plan office seats the 推進委員会 and closes
 * 令和6年度 on screen, 委員
 * 四季 (a member of the 推進委員会 in term) writes an opinion on a project and submits it, the plan office answers it
 * with 市の対応方針, and the 評価結果報告書 shows both. Every page visited is checked with axe.
 */
type Row = { id: string; version: number; status: string };
const OPINION = "通いの場を立ち上げた後も続けられているか、確かめてほしい。";
const ANSWER = "立ち上げ後1年間、生活支援コーディネーターが訪問して継続を支えます。";

describe("committee review of a closed year", () => {
  let web: WebApp;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp({ demoIndicators: true }));
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    planId = (await office.get<{ plans: { id: string }[] }>("/api/plans")).body.plans[0]?.id as string;
    // the demo's one unwritten 2024 sheet is left 未評価, so that the year can be closed on screen
    const sheets = (await office.get<{ sheets: Row[] }>(`/api/plans/${planId}/evaluations/2024/sheets`)).body.sheets;
    for (const s of sheets.filter((r) => r.status === "not_started")) {
      const res = await office.post(`/api/sheets/${s.id}/not-evaluated`, { reason: "休止した" }, ifMatch(s.version));
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await closeBrowserApp(web, browser);
  });

  const noSeriousViolations = async (page: Page) => {
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  };

  it("closes the year, takes a member's opinion, answers it, and reports both", async () => {
    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "keikaku");
    // the plan office seats the committee on screen: 委員 四季 from 令和6年4月, no end set
    await office.page.goto(`${web.baseUrl}/committees?planId=${planId}&fy=2024`);
    await office.page.getByRole("button", { name: "委員会を追加する" }).click();
    const setup = office.page.getByRole("form", { name: "委員会の追加" });
    await setup.getByLabel("種類").selectOption({ label: "推進委員会" });
    await setup.getByLabel(/^委員会の名称/).fill("市民福祉推進委員会");
    await setup.getByRole("checkbox", { name: /委員 四季/ }).check();
    await setup.getByLabel(/委員 四季.*の任期（開始）/).fill("2024-04-01");
    await noSeriousViolations(office.page);
    await setup.getByRole("button", { name: "保存する" }).click();
    const seated = office.page.getByRole("table", { name: "この計画の委員会" });
    await visible(seated.getByRole("row", { name: /市民福祉推進委員会 推進委員会 すべての項目 委員 四季/ }));

    await office.page.goto(`${web.baseUrl}/evaluations?planId=${planId}&fy=2024`);
    await office.page.getByRole("button", { name: "令和6年度を締める" }).click();
    await visible(office.page.getByText("この年度は締め切られています。"));

    // the member writes a draft on a project routed to the committee, then submits it
    const member = await newPage(browser);
    await login(member.page, web.baseUrl, "iin");
    await member.page.goto(`${web.baseUrl}/committees?planId=${planId}&fy=2024`);
    await visible(member.page.getByRole("heading", { name: /市民福祉推進委員会（推進委員会）\s*令和6年度/ }));
    await visible(member.page.getByRole("heading", { name: /この委員会に回された項目の結果/ }));
    await noSeriousViolations(member.page);
    const form = member.page.getByRole("form", { name: "意見を書く" });
    await form.getByLabel("意見の対象").selectOption({ label: "1-2-1 生活支援コーディネーターの配置" });
    await form.getByRole("textbox", { name: /^意見/ }).fill(OPINION);
    await form.getByRole("button", { name: "下書きを保存する" }).click();
    const draft = member.page.getByRole("region", { name: /1-2-1 生活支援コーディネーターの配置への意見/ });
    await visible(draft.getByText("下書き"));
    await draft.getByRole("button", { name: "この意見を提出する" }).click();
    await visible(draft.getByText("提出済"));

    // the plan office answers it
    await office.page.goto(`${web.baseUrl}/committees?planId=${planId}&fy=2024`);
    const answer = office.page.getByRole("form", { name: /の意見への回答/ });
    await visible(answer);
    await noSeriousViolations(office.page);
    await answer.getByRole("textbox", { name: /市の対応方針/ }).fill(ANSWER);
    await answer.getByLabel("対応の状況").selectOption({ label: "反映済" });
    await answer.getByRole("button", { name: "回答する" }).click();
    await visible(office.page.getByText("市の対応方針（反映済）"));

    // the report shows the opinion beside the answer
    await office.page.goto(`${web.baseUrl}/evaluation-report?planId=${planId}&fy=2024`);
    await visible(office.page.getByRole("heading", { name: "委員会の意見と市の対応方針" }));
    const table = office.page.getByRole("table", { name: "市民福祉推進委員会の意見と市の対応方針" });
    await visible(table.getByText(OPINION));
    await visible(table.getByText(ANSWER));
    await noSeriousViolations(office.page);

    // the next year's sheet of the same project carries the opinion and the answer to the department writing it
    const api = await ApiClient.login(web.baseUrl, "keikaku");
    const next = (
      await api.get<{ sheets: { id: string; item: { code: string } | null }[] }>(
        `/api/plans/${planId}/evaluations/2025/sheets`,
      )
    ).body.sheets.find((s) => s.item?.code === "1-2-1");
    const department = await newPage(browser);
    await login(department.page, web.baseUrl, "korei");
    await department.page.goto(`${web.baseUrl}/sheets/${next?.id}`);
    const carried = department.page.getByRole("table", { name: "この事業への委員会の意見と市の対応方針" });
    await visible(carried.getByRole("row", { name: /令和6年度 市民福祉推進委員会/ }));
    await visible(carried.getByText(ANSWER));
    await noSeriousViolations(department.page);
  });
});
