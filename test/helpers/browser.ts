/**
 * Shared helpers of the browser tests: the app (server + built web app on a fresh in-memory database with the
 * demo municipality), a headless Chromium, and login as a demo user. The specs build nothing: dist/web must
 * exist (`npm run build:web`, which the test script runs first).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { freshCode, knownSecret, rememberSecret } from "./second-factor.js";
import { startTestApp, type TestApp } from "./test-app.js";

/** TSUNAGU_WEB_ROOT lets a build in another folder be tested (two builds at once must not share dist/web). */
export const webRoot = process.env.TSUNAGU_WEB_ROOT ?? fileURLToPath(new URL("../../dist/web", import.meta.url));
export const DEMO_PASSWORD = "tsunagu-demo-2024";
export const DEMO_MUNICIPALITY_CODE = "999001";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function assertWebBuilt() {
  if (!existsSync(join(webRoot, "index.html"))) {
    throw new Error(
      `The web app is not built: ${webRoot}/index.html is missing. Run \`npm run build:web\` (vite build) before the e2e tests.`,
    );
  }
}

export interface WebApp {
  baseUrl: string;
  app: TestApp;
  close(): Promise<void>;
}

/** The server with the built web app, on a fresh in-memory database. */
/** The built app on a fresh database; `demoBaseline`: the demo plan with its 第1版 approved, as `npm start` has it. */
export async function startWebApp(opts: { demoBaseline?: boolean; demoIndicators?: boolean } = {}): Promise<WebApp> {
  assertWebBuilt();
  const app = await startTestApp({ webRoot, ...opts });
  return { baseUrl: app.baseUrl, app, close: () => app.close() };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A spec file's app and Chromium, opened before its tests (closeBrowserApp after them). */
export async function openBrowserApp(opts: Parameters<typeof startWebApp>[0] = {}) {
  return { web: await startWebApp(opts), browser: await launchBrowser() };
}

export async function closeBrowserApp(web: WebApp | undefined, browser: Browser | undefined) {
  await browser?.close();
  await web?.close();
}

/** A fresh browser context (own cookies) with a Japanese locale and an A4-ish desktop viewport. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Logs in through the login page as a demo user and waits for the app's navigation. */
export async function login(page: Page, baseUrl: string, loginId: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await finishSignIn(page, baseUrl, loginId);
  await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
}

/**
 * The sign-in's second step as a user does it, once the password was accepted: the 確認コード from the account's
 * known secret, or, for an account that must enrol, enrolment by the key shown for manual entry.
 */
export async function finishSignIn(
  page: Page,
  baseUrl: string,
  loginId: string,
  municipalityCode = DEMO_MUNICIPALITY_CODE,
) {
  const menu = page.getByRole("navigation", { name: "メインメニュー" });
  const code = page.getByLabel("確認コード");
  const enrol = page.getByRole("button", { name: "登録を始める" });
  await menu.or(code).or(enrol).first().waitFor();
  if (await enrol.isVisible()) {
    await enrol.click();
    const secret = ((await page.locator(".manual-key").textContent()) ?? "").replace(/\s/g, "");
    rememberSecret(baseUrl, municipalityCode, loginId, secret);
    await code.fill(await freshCode(baseUrl, municipalityCode, loginId, secret));
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByRole("button", { name: "保存しました" }).click();
  } else if (await code.isVisible()) {
    const secret = knownSecret(baseUrl, municipalityCode, loginId);
    await code.fill(await freshCode(baseUrl, municipalityCode, loginId, secret));
    await page.getByRole("button", { name: "確認する" }).click();
  }
}

export async function visible(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: "visible", timeout });
  return locator.first();
}

/** Waits until fn() returns true (polling), failing with the message after the timeout. */
export async function until(fn: () => Promise<boolean>, message: string, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out: ${message}`);
}

/** Opens a tab of a page with tabs (the case page) as a user does, and waits until it is the selected one. */
export async function openTab(page: Page, name: string) {
  const tab = page.getByRole("tab", { name: new RegExp(`^${name}`) });
  await tab.click();
  await until(async () => (await tab.getAttribute("aria-selected")) === "true", `tab ${name} selected`);
}

/** Unfolds a folded history (<details> whose summary starts with the table's caption) unless it is open. */
export async function unfold(page: Page, caption: string) {
  // a folded table is outside the accessibility tree: found by its caption's text instead of its role
  const fold = page.locator("details", { has: page.locator("caption", { hasText: new RegExp(`^${caption}$`) }) });
  if ((await fold.getAttribute("open")) === null) await fold.locator("summary").click();
  await visible(page.getByRole("table", { name: caption }));
}
