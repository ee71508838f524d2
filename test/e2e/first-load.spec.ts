/**
 * What the first visit costs and what the policy allows, as Chromium sees them: the login page within its budget
 * (everything transferred, compressed, headers included), no chart code before a chart is shown, assets cached for
 * good, and no Content-Security-Policy violation on the main screens.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

/** The budget for the login page's first load. */
const LOGIN_BUDGET = 250 * 1024;
const CHART_CODE = /\/assets\/(EChart|echarts)[^/]*\.js$/;

/** Every request's bytes on the wire (encodedDataLength: compressed body and headers), by URL path. */
async function wireBytes(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  await cdp.send("Network.enable");
  return () => [...sizes].map(([id, bytes]) => ({ path: urls.get(id) ?? "", bytes }));
}

async function openLogin(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/login`);
  await visible(page.getByLabel("ログインID"));
  await page.waitForLoadState("networkidle");
}

/** Content-Security-Policy violations the page reports, from the event and from Chromium's console message. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
  return violations;
}

describe("first load and security policy in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp({ demoBaseline: true, demoIndicators: true }));
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("loads the login page within 250 KB, without chart code, from compressed assets cached for good", async () => {
    const { context, page } = await newPage(browser);
    const cdp = await context.newCDPSession(page);
    const transfers = await wireBytes(cdp);
    const assets: { path: string; encoding?: string; cache?: string }[] = [];
    page.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      const headers = response.headers();
      if (path.startsWith("/assets/"))
        assets.push({ path, encoding: headers["content-encoding"], cache: headers["cache-control"] });
    });
    await openLogin(page, web.baseUrl);

    const first = transfers();
    const total = first.reduce((sum, t) => sum + t.bytes, 0);
    expect(total, JSON.stringify(first)).toBeLessThan(LOGIN_BUDGET);
    expect(first.filter((t) => CHART_CODE.test(t.path))).toEqual([]);
    expect(assets.some((a) => a.path.endsWith(".js"))).toBe(true);
    for (const a of assets) {
      expect(a.encoding, a.path).toBe("br");
      expect(a.cache, a.path).toBe("public, max-age=31536000, immutable");
    }

    // the second visit asks the server for the page and the session only: every asset comes from the cache
    const before = first.length;
    await openLogin(page, web.baseUrl);
    const again = transfers().slice(before);
    expect(again.filter((t) => t.path.startsWith("/assets/") && t.bytes > 0)).toEqual([]);
    await context.close();
  });

  it("fetches the chart code only on a page that draws a chart; the 総括表 prints landscape", async () => {
    const { context, page } = await newPage(browser);
    const fetched: string[] = [];
    page.on("request", (request) => void fetched.push(new URL(request.url()).pathname));
    await login(page, web.baseUrl, "keikaku");
    const planId = await firstPlanId(web.baseUrl);
    await page.goto(`${web.baseUrl}/summary?planId=${planId}&fy=2024`);
    await visible(page.locator("table.summary"));
    expect(fetched.filter((p) => CHART_CODE.test(p))).toEqual([]);
    // the 総括表 prints on landscape A4 (a named page in print.css, since the policy allows no inline <style>)
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const [width, height] = (/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf) ?? []).slice(1).map(Number);
    expect(width).toBeGreaterThan(height as number);
    await page.goto(`${web.baseUrl}/indicators/attainment?planId=${planId}&fy=2024`);
    await visible(page.locator(".chart svg"));
    expect(fetched.filter((p) => CHART_CODE.test(p)).length).toBeGreaterThan(0);
    await context.close();
  });

  it("raises no Content-Security-Policy violation on the main screens, and would notice one", async () => {
    const planId = await firstPlanId(web.baseUrl);
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const indicators = await office.get<{ indicators: { id: string }[] }>(
      `/api/plans/${planId}/indicators?fiscalYear=2024`,
    );
    const indicatorId = indicators.body.indicators[0]?.id;
    const sheets = await office.get<{ sheets: { id: string }[] }>(`/api/plans/${planId}/evaluations/2024/sheets`);
    const sheetId = sheets.body.sheets[0]?.id;
    const cases = await (await ApiClient.login(web.baseUrl, "coord")).get<{ cases: { id: string }[] }>("/api/cases");
    const caseId = cases.body.cases[0]?.id;
    expect(indicatorId && sheetId && caseId, "demo data").toBeTruthy();

    const plan = await newPage(browser);
    const violations = await watchViolations(plan.page);
    const policy = (await plan.page.goto(`${web.baseUrl}/login`))?.headers()["content-security-policy"];
    expect(policy).toContain("script-src 'self'");
    await login(plan.page, web.baseUrl, "keikaku");
    const planScreens: [string, string][] = [
      [`/plans/${planId}`, "h1"],
      [`/summary?planId=${planId}&fy=2024`, "table.summary"],
      [`/evaluations?planId=${planId}&fy=2024`, "table"],
      [`/sheets/${sheetId}`, "form, .sheet"],
      [`/indicators?planId=${planId}&fy=2024`, "table"],
      [`/indicators/${indicatorId}`, ".chart svg"],
      [`/indicators/attainment?planId=${planId}&fy=2024`, ".chart svg"],
    ];
    for (const [path, shown] of planScreens) {
      await plan.page.goto(`${web.baseUrl}${path}`);
      await visible(plan.page.locator(shown));
    }
    // a chart's tooltip is drawn when pointed at
    await plan.page.locator(".chart svg").first().hover();
    await plan.page.mouse.move(640, 400);
    await plan.page.waitForTimeout(300);

    const support = await newPage(browser);
    const supportViolations = await watchViolations(support.page);
    await login(support.page, web.baseUrl, "coord");
    for (const [path, shown] of [
      ["/support/referrals", "table"],
      [`/support/cases/${caseId}`, "h1"],
    ] as const) {
      await support.page.goto(`${web.baseUrl}${path}`);
      await visible(support.page.locator(shown));
    }
    expect([...violations, ...supportViolations]).toEqual([]);

    // the watch itself works: an inline script is refused and reported
    await plan.page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
    });
    await plan.page.waitForTimeout(200);
    expect(await plan.page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
    await plan.context.close();
    await support.context.close();
  });
});

async function firstPlanId(baseUrl: string) {
  const office = await ApiClient.login(baseUrl, "keikaku");
  return (await office.get<{ plans: { id: string }[] }>("/api/plans")).body.plans[0]?.id as string;
}
