import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalOf, type Role } from "../../src/domain/access/principals.js";
import { landingOf, menuOf } from "../../src/domain/access/screens.js";
import { ApiClient, ifMatch } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * Deny by default, as a user meets it: each demo account lands where the access table says, its menu holds exactly
 * the screens the table gives it, and a screen of the other side is not found, in the browser as on the API.
 */
const ACCOUNTS = ["keikaku", "korei", "iin", "admin", "shienkanri", "coord", "houkatsu", "jigyosha"];

describe("menus and landing pages come from the access table", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("gives every account its own menu and landing page", async () => {
    for (const loginId of ACCOUNTS) {
      const { context, page } = await newPage(browser);
      await login(page, web.baseUrl, loginId);
      // the account as the browser's own session reads it (a second sign-in would spend another one-time code)
      const session = await page.evaluate(async () => (await (await fetch("/api/auth/session")).json()).user);
      const principal = principalOf(session as { role: Role; agencyId: string | null; isCoordinator: boolean });
      await page.waitForURL((url) => url.pathname === landingOf(principal), { timeout: 15_000 });
      const nav = page.getByRole("navigation", { name: "メインメニュー" });
      await visible(nav.getByRole("link").first());
      const labels = (await nav.getByRole("link").allTextContents()).map((t) => t.trim());
      expect(labels, loginId).toEqual(menuOf(principal).map((m) => m.label));
      await context.close();
    }
  });

  it("a registered provider sees nothing of the city's evaluation: no menu, no screen, no API", async () => {
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const planId = (await office.get("/api/plans")).body.plans[0].id as string;
    const sheet = (await office.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets[0] as {
      id: string;
      version: number;
    };
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "jigyosha");
    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    await visible(nav.getByRole("link", { name: "つなぐシート" }));
    for (const name of ["評価", "取込", "改定", "担当課一覧", "総括表", "計画一覧"]) {
      expect(await nav.getByRole("link", { name, exact: true }).count(), name).toBe(0);
    }
    await page.goto(`${web.baseUrl}/sheets/${sheet.id}`);
    await visible(page.getByRole("heading", { level: 1, name: "見つかりません" }));
    await page.goto(`${web.baseUrl}/evaluations?planId=${planId}&fy=2025`);
    await visible(page.getByRole("heading", { level: 1, name: "見つかりません" }));
    await context.close();

    const provider = await ApiClient.login(web.baseUrl, "jigyosha");
    expect((await provider.get(`/api/sheets/${sheet.id}`)).status).toBe(403);
    expect(
      (await provider.put(`/api/sheets/${sheet.id}`, { results: "書き換え" }, ifMatch(sheet.version))).status,
    ).toBe(403);
    const coord = await ApiClient.login(web.baseUrl, "coord");
    expect((await coord.put(`/api/sheets/${sheet.id}`, { results: "書き換え" }, ifMatch(sheet.version))).status).toBe(
      403,
    );
    expect((await office.get(`/api/sheets/${sheet.id}`)).body.sheet.results).not.toBe("書き換え");
  });
});
