import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, until, visible } from "../helpers/browser.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

/**
 * The API reference page for IT staff, in Chromium: it renders the description from /api/openapi.json with the
 * server's own headers (Content-Security-Policy included), without a console error, a refused resource or a
 * request leaving the server (the LGWAN has no internet).
 */
describe("the API reference page", () => {
  let server: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestApp({ demo: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows every module's operations, with the access table's words, and nothing goes wrong", async () => {
    const { context, page } = await newPage(browser);
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    page.on("request", (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith("data:"))
        problems.push(`left the server: ${request.url()}`);
    });
    // a refused script, style or image is reported to the page as a securitypolicyviolation event
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP refused ${e.blockedURI} (${e.violatedDirective})`),
      );
    });

    const answer = await page.goto(`${server.baseUrl}/api-docs`);
    expect(answer?.status()).toBe(200);
    // the app's own policy, unchanged: nothing inline runs, scripts and styles only from this server
    const policy = answer?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    await expect(page.title()).resolves.toBe("tsunagu API リファレンス");
    await visible(page.getByRole("heading", { name: /tsunagu API/ }));
    // with this many modules, Swagger UI renders the later ones as they scroll into view
    const scrollTo = async (locator: Locator, what: string) => {
      await until(async () => {
        if (await locator.count()) return true;
        await page.mouse.wheel(0, 1000);
        return false;
      }, `${what} rendered while scrolling`);
      await locator.first().scrollIntoViewIfNeeded();
    };
    const referrals = page.locator("#operations-tag-referrals");
    await scrollTo(referrals, "the つなぐシート module");
    await visible(referrals.getByText("つなぐシート", { exact: true }));

    // an operation opens with its summary, its callers and its answers
    const transition = page.locator("#operations-referrals-postReferralsByReferralIdTransition");
    await scrollTo(transition, "the transition operation");
    await transition.getByRole("button").first().click();
    await visible(transition.getByText("つなぐシートの受付・転送・完了"));
    await visible(transition.getByText(/呼び出せる利用者: 支援機関職員（多機関協働）/));
    await visible(transition.getByText("If-Match"));
    await visible(transition.getByText("他の人が先に更新した（If-Match の版が古い）"));

    expect(problems).toEqual([]);
    await context.close();
  });
});
