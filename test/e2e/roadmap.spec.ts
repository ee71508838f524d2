import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";
import { importRoadmap } from "../helpers/roadmap.js";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

describe("a monthly roadmap in the browser", () => {
  let web: WebApp;
  let browser: Browser;
  let planId = "";

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    planId = (await office.get("/api/plans")).body.plans[0].id;
    const items = (await office.get(`/api/plans/${planId}`)).body.items as { id: string; code: string }[];
    // the Meguro roadmap (seed 004) for the demo's 障害福祉課 item 地域生活支援拠点の機能充実
    await importRoadmap(web.app, { itemId: items.find((i) => i.code === "2-2-1")?.id as string });
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("the department opens it from the plan, enters a month's actual with a slip, and prints it on A4 landscape", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "shogai");
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    await page.getByRole("link", { name: "年間ロードマップ（令和4年度）" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "年間ロードマップ（令和4年度）" }));
    const indicators = page.getByRole("table", { name: "課題解決の達成度を測る指標" });
    expect(await indicators.locator("tbody tr").count()).toBe(4);
    const grid = page.getByRole("table", { name: "月ごとの取組と実績（令和4年度）" });
    expect(await grid.locator("tbody tr").count()).toBe(12);
    expect(await grid.getByRole("rowheader").first().textContent()).toBe("令和4年4月");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "令和5年2月の実績を記入" }).click();
    await page.getByLabel("実際の取組状況・成果等（普及啓発）").fill("・講師との打合せは3月に延期");
    await page.getByLabel("遅れがある").check();
    await page.getByLabel("遅れの理由・対応").fill("講師の都合で日程を変更");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "保存" }).click();
    await visible(page.getByText("令和5年2月の実績を保存しました。"));
    const february = grid.locator("tbody tr").nth(10);
    await visible(february.getByText("遅れ", { exact: true }));
    await visible(february.getByText("講師の都合で日程を変更"));
    await visible(february.getByText("・講師との打合せは3月に延期"));
    expect(await february.getAttribute("class")).toContain("roadmap-slipped");
    expect(await seriousViolations(page)).toEqual([]);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator("html").getAttribute("data-paper")).toBe("a4-landscape");
    expect(await page.getByRole("navigation", { name: "メインメニュー" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "令和4年4月の実績を記入" }).isVisible()).toBe(false);
    expect(await grid.isVisible()).toBe(true);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    // every page is A4 landscape: 842 × 595 points
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    expect(new Set(boxes.map((b) => `${Math.round(Number(b[1]))}×${Math.round(Number(b[2]))}`))).toEqual(
      new Set(["842×595"]),
    );
    await page.emulateMedia({ media: "screen" });
    await context.close();
  });

  it("shows another department's editor the roadmap without the means to write in it", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "korei");
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    await page.getByRole("link", { name: "年間ロードマップ（令和4年度）" }).click();
    await visible(page.getByRole("table", { name: "月ごとの取組と実績（令和4年度）" }));
    expect(await page.getByRole("button", { name: /の実績を記入$/ }).count()).toBe(0);
    await context.close();
  });
});
