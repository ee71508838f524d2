import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * お知らせ in the browser: the plan office returns one of 高齢支援課's accepted sheets on its page; 高齢支援課 sees the
 * bell's unread count, opens お知らせ, follows the notice to the sheet (the notice is then read), and the bell's
 * count goes. Every page visited is clean for axe.
 */
type Row = { id: string; version: number; item: { title: string } };

describe("notices", () => {
  let web: WebApp;
  let browser: Browser;
  let planId: string;
  let sheet: Row;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
    const korei = await ApiClient.login(web.baseUrl, "korei");
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    planId = (await office.get<{ plans: { id: string }[] }>("/api/plans")).body.plans[0]?.id as string;
    const year = `/api/plans/${planId}/evaluations/2024/sheets?status=accepted`;
    sheet = (await korei.get<{ sheets: Row[] }>(year)).body.sheets[0] as Row;
  });
  afterAll(() => closeBrowserApp(web, browser));

  const noSeriousViolations = async (page: Page) => {
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  };

  it("the plan office returns a sheet; the department follows the bell's notice to it", async () => {
    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "keikaku");
    await office.page.goto(`${web.baseUrl}/sheets/${sheet.id}`);
    await (await visible(office.page.getByRole("button", { name: "差し戻し", exact: true }))).click();
    await office.page.getByLabel("差し戻しの理由").fill("実績の記載を補ってください");
    await office.page.getByRole("button", { name: "差し戻す", exact: true }).click();
    await visible(office.page.getByText("実績の記載を補ってください"));
    // the plan office made the change: its own bell says nothing new
    await visible(office.page.getByRole("link", { name: "お知らせ", exact: true }));
    await office.context.close();

    const { page } = await newPage(browser);
    await login(page, web.baseUrl, "korei");
    const bell = await visible(page.getByRole("link", { name: "お知らせ（未読1件）" }));
    await noSeriousViolations(page);
    await bell.click();
    await visible(page.getByRole("heading", { name: "お知らせ", level: 1 }));
    const notice = await visible(page.getByRole("link", { name: /^評価表が差し戻されました（令和6年度/ }));
    expect(await notice.getAttribute("href")).toBe(`/sheets/${sheet.id}`);
    await visible(page.getByRole("button", { name: /を既読にする$/ }));
    await noSeriousViolations(page);

    await notice.click();
    await page.waitForURL(`${web.baseUrl}/sheets/${sheet.id}`);
    await visible(page.getByText(sheet.item.title));
    await visible(page.getByText("実績の記載を補ってください"));
    await visible(page.getByRole("link", { name: "お知らせ", exact: true }));
    await noSeriousViolations(page);

    // the list now shows it read, and すべて既読 has nothing left to do
    await page.getByRole("link", { name: "お知らせ", exact: true }).click();
    await visible(page.getByText("1件（未読0件）"));
    expect(await page.getByRole("button", { name: "すべて既読にする" }).isDisabled()).toBe(true);
  });
});
