import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * The mid-year report (中間報告) of 令和7年度, opened by the plan office: 高齢支援課 finds its sheets to fill on ホーム,
 * writes one (遅れ, its problem, the second half's plan) and submits it; the plan office sees it waiting on ホーム
 * and marks it 確認済; the 中間報告書 lists it among the late projects and under its place in the plan.
 */

describe("mid-year report", () => {
  let web: WebApp;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    planId = (await office.get<{ plans: { id: string }[] }>("/api/plans")).body.plans[0]?.id as string;
    const opened = await office.post(`/api/plans/${planId}/mid-year`, { fiscalYear: 2025 });
    expect(opened.status).toBe(201);
  });
  afterAll(async () => {
    await closeBrowserApp(web, browser);
  });

  const noSeriousViolations = async (page: Page) => {
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  };

  it("a department fills and submits, the plan office accepts, the report shows it", async () => {
    const korei = await newPage(browser);
    await login(korei.page, web.baseUrl, "korei");
    await korei.page.goto(`${web.baseUrl}/home`);
    const section = korei.page.getByRole("region", { name: /中間報告（令和7年度）/ });
    await visible(section);
    await section.getByRole("link", { name: /記入・提出する中間報告の進捗シート/ }).click();
    await visible(korei.page.getByRole("heading", { name: "中間報告", exact: true }));
    const list = korei.page.getByRole("table", { name: "進捗シートの一覧" });
    await visible(list);
    await noSeriousViolations(korei.page);
    const first = list.getByRole("link").first();
    const title = (await first.textContent()) ?? "";
    await first.click();

    await visible(korei.page.getByRole("group", { name: /進捗状況/ }));
    await korei.page.getByRole("radio", { name: "遅れ" }).check();
    await korei.page.getByLabel("課題").fill("担い手の募集が10月にずれた");
    await korei.page.getByLabel(/下半期の予定/).fill("下半期に説明会を2回開く");
    await noSeriousViolations(korei.page);
    await korei.page.getByRole("button", { name: "提出", exact: true }).click();
    await visible(korei.page.getByText("提出しました。"));
    await visible(korei.page.getByText(/状態: 提出済/));
    expect(await korei.page.getByRole("button", { name: "提出", exact: true }).count()).toBe(0);
    const sheetUrl = korei.page.url();
    await korei.context.close();

    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "keikaku");
    await office.page.goto(`${web.baseUrl}/home`);
    const waiting = office.page
      .getByRole("region", { name: /中間報告（令和7年度）/ })
      .getByRole("link", { name: /確認待ちの中間報告の進捗シート 1件/ });
    await visible(waiting);
    await office.page.goto(sheetUrl);
    await visible(office.page.getByText("担い手の募集が10月にずれた"));
    await office.page.getByRole("button", { name: "確認済にする" }).click();
    await visible(office.page.getByText("確認済にしました。"));
    await visible(office.page.getByText(/状態: 確認済/));

    await office.page.goto(`${web.baseUrl}/mid-year-report?planId=${planId}&fy=2025`);
    await visible(office.page.getByRole("heading", { name: /令和7年度 中間報告/ }));
    const late = office.page.getByRole("region", { name: "遅れ・未着手の事業（1件）" });
    await visible(late);
    await visible(late.getByText(new RegExp(title)));
    const row = office.page
      .getByRole("row", { name: new RegExp(title) })
      .filter({ hasText: "下半期に説明会を2回開く" });
    await visible(row);
    expect(await row.getByRole("cell", { name: "確認済" }).count()).toBe(1);
    expect(
      await office.page.getByRole("link", { name: "Excel形式（xlsx）でダウンロード" }).getAttribute("href"),
    ).toContain("/mid-year/2025/report.xlsx");
    await noSeriousViolations(office.page);
  });
});
