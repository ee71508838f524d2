import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

interface Sheet {
  id: string;
  version: number;
  status: string;
  item: { title: string };
}

describe("ホーム in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("a department lands on ホーム, sees its returned sheet counted and opens it from there", async () => {
    // the plan office returns one of 高齢支援課's sheets of the year its home page is about
    const korei = await ApiClient.login(web.baseUrl, "korei");
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const section = ((await korei.get("/api/home")).body.home.sections as { key: string; fiscalYear: number }[])[0];
    const [, planId, fy] = (section?.key ?? "").split(":");
    const sheets = (await korei.get(`/api/plans/${planId}/evaluations/${fy}/sheets`)).body.sheets as Sheet[];
    const before = sheets.filter((s) => s.status === "returned").length;
    const sheet = sheets.find((s) => s.status === "not_started") as Sheet;
    const submitted = await korei.post(
      `/api/sheets/${sheet.id}/submit`,
      { results: "見守り訪問を実施した（確認）", grade: "A", reason: "予定どおり（確認）" },
      ifMatch(sheet.version),
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const returned = await office.post(
      `/api/sheets/${sheet.id}/return`,
      { comment: "実績の件数を書いてください" },
      ifMatch(submitted.body.sheet.version),
    );
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);

    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "korei");
    await page.waitForURL((url) => url.pathname === "/home", { timeout: 15_000 });
    await visible(page.getByRole("heading", { level: 1, name: "ホーム" }));
    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    expect((await nav.getByRole("link").first().textContent())?.trim()).toBe("ホーム");
    // the plan's year in 和暦, and the count in the link's name
    await visible(page.getByRole("heading", { level: 2, name: /令和\d+年度/ }));
    const link = page.getByRole("link", { name: new RegExp(`差戻しの評価表 ${before + 1}件`) });
    await visible(link);
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page.waitForURL((url) => url.pathname === "/evaluations" && url.searchParams.get("status") === "returned");
    await visible(page.locator("tbody tr").first());
    expect(await page.locator("tbody tr").count()).toBe(before + 1);
    await page.getByRole("row", { name: sheet.item.title }).getByRole("link").first().click();
    await visible(page.getByRole("heading", { level: 1, name: /事業別評価表/ }));
    await visible(page.getByText("実績の件数を書いてください"));
    await context.close();
  });

  it("a coordinator lands on ホーム with its referrals, tasks, reviews and meetings, each a link with its count", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "coord");
    await page.waitForURL((url) => url.pathname === "/home", { timeout: 15_000 });
    for (const heading of ["つなぐシート", "自機関のタスク", "ケース", "会議"]) {
      await visible(page.getByRole("heading", { level: 2, name: heading, exact: true }));
    }
    await visible(page.getByRole("link", { name: /期限を過ぎたつなぐシート \d+件/ }));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: /期限を過ぎたつなぐシート \d+件/ }).click();
    await page.waitForURL(
      (url) => url.pathname === "/support/referrals" && url.searchParams.get("status") === "overdue",
    );
    await visible(page.getByRole("heading", { level: 1, name: "つなぐシート" }));
    await context.close();
  });

  it("ホーム's overdue reviews open the case list filtered to exactly those, a filter the worker sees and removes", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "coord");
    await page.waitForURL((url) => url.pathname === "/home", { timeout: 15_000 });
    const link = page.getByRole("link", { name: /見直し日を過ぎた支援プラン \d+件/ });
    await visible(link);
    const count = Number((await link.textContent())?.match(/(\d+)件/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL((url) => url.pathname === "/support/cases" && url.searchParams.get("review") === "overdue");
    const filter = page.getByLabel("見直し");
    await expect.poll(() => filter.inputValue()).toBe("overdue");
    await visible(page.getByText(`ケースの一覧（${count}件`));
    expect(await seriousViolations(page)).toEqual([]);
    await filter.selectOption("");
    await page.waitForURL((url) => url.pathname === "/support/cases" && !url.searchParams.has("review"));
    await context.close();
  });
});
