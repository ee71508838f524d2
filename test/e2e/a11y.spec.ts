import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "./support.js";

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) {
    console.error(
      `axe: ${name}\n${bad
        .map(
          (v) =>
            `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary ?? ""}`).join("\n")}`,
        )
        .join("\n")}`,
    );
  }
  return bad.map((v) => `${name}: ${v.id}`);
}

describe("accessibility (axe: no serious or critical violations)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("main pages", async () => {
    const { context, page } = await newPage(browser);
    const found: string[] = [];

    await page.goto(`${web.baseUrl}/login`);
    await visible(page.getByRole("heading", { level: 1, name: "ログイン" }));
    found.push(...(await seriousViolations(page, "ログイン")));

    await login(page, web.baseUrl, "keikaku");
    await page.goto(`${web.baseUrl}/plans`);
    await visible(page.getByRole("heading", { level: 1, name: "計画一覧" }));
    await visible(page.getByRole("table"));
    found.push(...(await seriousViolations(page, "計画一覧")));

    await page.getByRole("link", { name: "つなぐ市地域福祉総合計画" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "つなぐ市地域福祉総合計画" }));
    await visible(page.getByRole("table"));
    found.push(...(await seriousViolations(page, "計画の構成")));

    await page.getByRole("button", { name: /^編集/ }).first().click();
    await visible(page.getByRole("dialog"));
    found.push(...(await seriousViolations(page, "項目の編集ダイアログ")));
    await page.keyboard.press("Escape");

    await page.goto(`${web.baseUrl}/evaluations`);
    await visible(page.getByRole("heading", { name: /の評価表$/ }));
    await visible(page.locator("tbody tr").first());
    found.push(...(await seriousViolations(page, "評価一覧")));

    await page.locator("tbody tr").first().getByRole("link").click();
    await visible(page.getByRole("heading", { level: 1, name: /事業別評価表/ }));
    await visible(page.getByRole("heading", { name: "変更履歴" }));
    found.push(...(await seriousViolations(page, "評価表")));

    await page.goto(`${web.baseUrl}/summary`);
    await visible(page.locator("table.summary"));
    found.push(...(await seriousViolations(page, "総括表")));

    await page.goto(`${web.baseUrl}/imports`);
    await visible(page.getByRole("heading", { level: 1, name: "取込" }));
    found.push(...(await seriousViolations(page, "取込")));

    await page.goto(`${web.baseUrl}/departments`);
    await visible(page.getByRole("heading", { level: 1, name: "課の管理" }));
    await visible(page.getByRole("table"));
    found.push(...(await seriousViolations(page, "課の管理")));

    await context.close();
    expect(found).toEqual([]);
  });
});
