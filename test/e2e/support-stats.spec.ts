import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentFiscalYear, formatFiscalYear } from "../../src/domain/fiscal-year.js";
import { ApiClient } from "../helpers/api-client.js";
import { launchBrowser, login, newPage, startWebApp, until, visible, type WebApp } from "../helpers/browser.js";

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** 重層的支援の統計 in the browser: the coordinators' raw counts and the plan office's suppressed ones, as the API says. */
describe("statistics (重層的支援の統計)", () => {
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

  for (const loginId of ["coord", "keikaku"]) {
    it(`shows ${loginId} the year's tables with the numbers the API gives it`, async () => {
      const fy = currentFiscalYear();
      const client = await ApiClient.login(web.baseUrl, loginId);
      const answer = (await client.get(`/api/stats?fiscalYear=${fy}`)).body as {
        suppressed: boolean;
        measures: { key: string; label: string; total: { display: string } | null }[];
      };
      const { context, page } = await newPage(browser);
      await login(page, web.baseUrl, loginId);
      await page
        .getByRole("navigation", { name: "メインメニュー" })
        .getByRole("link", { name: "重層的支援の統計" })
        .click();
      await visible(page.getByRole("heading", { level: 1, name: "重層的支援の統計" }));
      await visible(page.getByRole("table", { name: `つなぐシート（${formatFiscalYear(fy)}）` }));
      for (const m of answer.measures.filter((x) => x.total)) {
        const row = page.getByRole("row", { name: new RegExp(`^${m.label}`) });
        expect(await row.getByRole("cell").first().textContent(), m.key).toContain(m.total?.display);
      }
      expect(await page.getByText("と表示し、合計から逆算できる欄は「秘匿」とします").count()).toBe(
        answer.suppressed ? 1 : 0,
      );
      await page.getByLabel("年度").selectOption({ label: formatFiscalYear(fy - 1) });
      await visible(page.getByRole("table", { name: `つなぐシート（${formatFiscalYear(fy - 1)}）` }));
      expect(await seriousViolations(page, `/stats as ${loginId}`)).toEqual([]);
      await context.close();
    });
  }

  it("lets the support-side administrator set the threshold, which the plan office's answer then follows", async () => {
    const admin = await ApiClient.login(web.baseUrl, "shienkanri");
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "shienkanri");
    await page.goto(`${web.baseUrl}/stats`);
    const select = page.getByLabel("秘匿の基準");
    await visible(select);
    expect(await seriousViolations(page, "/stats as shienkanri")).toEqual([]);
    await select.selectOption({ label: "6未満を秘匿" });
    await until(
      async () => (await admin.get("/api/settings/stats")).body.setting.threshold === 6,
      "the threshold saved",
    );
    expect((await office.get(`/api/stats?fiscalYear=${currentFiscalYear()}`)).body.threshold).toBe(6);
    await select.selectOption({ label: "5未満を秘匿" });
    await until(
      async () => (await admin.get("/api/settings/stats")).body.setting.threshold === 5,
      "the threshold saved back",
    );
    await context.close();
  });
});
