import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../helpers/api-client.js";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * Closing 令和6年度. The demo's 2024 has one sheet never written, which the plan office leaves 未評価 with a reason,
 * and one of 高齢支援課's sheets that was sent back and submitted again. On screen the plan office tries to close
 * the year (refused, the submitted sheet listed), accepts that last sheet, closes the year, opens its 評価結果報告書,
 * and finds the sheet's edit controls gone.
 */
type Row = { id: string; version: number; status: string; item: { code: string; title: string } };

describe("closing a year", () => {
  let web: WebApp;
  let browser: Browser;
  let planId: string;
  let last: Row;

  beforeAll(async () => {
    web = await startWebApp({ demoIndicators: true });
    browser = await launchBrowser();
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const korei = await ApiClient.login(web.baseUrl, "korei");
    planId = (await office.get<{ plans: { id: string }[] }>("/api/plans")).body.plans[0]?.id as string;
    const year = `/api/plans/${planId}/evaluations/2024/sheets`;
    const sheets = (await office.get<{ sheets: Row[] }>(year)).body.sheets;
    for (const s of sheets.filter((r) => r.status === "not_started")) {
      const res = await office.post(
        `/api/sheets/${s.id}/not-evaluated`,
        { reason: "事業を休止した" },
        ifMatch(s.version),
      );
      expect(res.status).toBe(200);
    }
    const own = (await korei.get<{ sheets: Row[] }>(`${year}?status=accepted`)).body.sheets[0] as Row;
    const returned = await office.post(`/api/sheets/${own.id}/return`, { comment: "補足を" }, ifMatch(own.version));
    expect(returned.status).toBe(200);
    const submitted = await korei.post(
      `/api/sheets/${own.id}/submit`,
      { results: "補足した実績" },
      ifMatch(returned.body.sheet.version),
    );
    expect(submitted.status).toBe(200);
    last = own;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const noSeriousViolations = async (page: Page) => {
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  };

  it("accepts the last sheet, closes the year, opens the report and finds the sheet frozen", async () => {
    const { page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");
    const list = `${web.baseUrl}/evaluations?planId=${planId}&fy=2024`;

    // refused while the submitted sheet waits, which is listed with a link
    await page.goto(list);
    await page.getByRole("button", { name: "令和6年度を締める" }).click();
    const waiting = page.getByRole("list", { name: "まだ締められない評価表" });
    await visible(waiting);
    expect(await waiting.getByRole("listitem").count()).toBe(1);
    await waiting.getByRole("link", { name: new RegExp(last.item.title) }).click();

    // the plan office accepts it
    await visible(page.getByRole("button", { name: "承認", exact: true }));
    await page.getByRole("button", { name: "承認", exact: true }).click();
    await visible(page.getByText("承認しました。総括表に集計されます。"));

    // and closes the year
    await page.goto(list);
    await page.getByRole("button", { name: "令和6年度を締める" }).click();
    await visible(page.getByText("この年度は締め切られています。"));
    expect(await page.getByRole("button", { name: "令和6年度を締める" }).count()).toBe(0);

    // the report: the 総括表, the sheets, the indicators; clean for axe
    await page.getByRole("link", { name: "令和6年度 評価結果報告書を開く" }).click();
    await visible(page.getByRole("heading", { name: /令和6年度 評価結果報告書/ }));
    await visible(page.getByRole("table", { name: /事業別評価総括表/ }));
    await visible(page.getByRole("heading", { name: /^評価表（\d+件）$/ }));
    await visible(page.getByRole("heading", { name: "指標と達成状況" }));
    await visible(page.getByText("事業を休止した").first());
    expect(await page.getByRole("link", { name: "Excel形式（xlsx）でダウンロード" }).getAttribute("href")).toContain(
      "/evaluations/2024/report.xlsx",
    );
    await noSeriousViolations(page);

    // the sheet: said to be closed, no edit controls left
    await page.goto(`${web.baseUrl}/sheets/${last.id}`);
    await visible(page.getByText(/この年度は締め切られています。この評価表は締めたときの内容のまま/));
    for (const name of ["一時保存", "提出", "承認", "差し戻し", "未評価とする"]) {
      expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByRole("button", { name: "印刷", exact: true }).count()).toBe(1);
  });
});
