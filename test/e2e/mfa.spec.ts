import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeBrowserApp,
  finishSignIn,
  login,
  newPage,
  openBrowserApp,
  visible,
  type WebApp,
} from "../helpers/browser.js";
import { freshCode, knownSecret, rememberSecret } from "../helpers/second-factor.js";

const MUNICIPALITY = "999001";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

async function typePassword(page: Page, baseUrl: string, loginId: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード").fill("tsunagu-demo-2024");
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

describe("two-step sign-in (二段階認証) in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("a support worker signs in with the authenticator's code; a wrong code is refused in Japanese", async () => {
    const { context, page } = await newPage(browser);
    await typePassword(page, web.baseUrl, "coord");
    const code = await visible(page.getByLabel("確認コード"));
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await code.getAttribute("inputmode")).toBe("numeric");
    expect(await seriousViolations(page)).toEqual([]);
    // nothing of the app answers before the second step
    const early = await page.evaluate(async () => (await fetch("/api/referrals")).status);
    expect(early).toBe(403);

    await code.fill("000000");
    await page.getByRole("button", { name: "確認する" }).click();
    await visible(page.getByText("確認コードが正しくないか、期限が切れています").first());

    // full-width digits are read as digits
    const good = await freshCode(web.baseUrl, MUNICIPALITY, "coord", knownSecret(web.baseUrl, MUNICIPALITY, "coord"));
    await page.getByLabel("確認コード").fill(good.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    await page.getByRole("button", { name: "確認する" }).click();
    await visible(page.getByRole("navigation", { name: "メインメニュー" }));
    await visible(page.getByRole("heading", { level: 1, name: "ホーム" }));
    await context.close();
  });

  it("a user enrols by the QR code's key, saves the recovery codes, then signs in with a recovery code", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "korei");
    await page.getByRole("link", { name: "アカウント" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "アカウント" }));
    await page.getByRole("button", { name: "二段階認証を登録する" }).click();
    await page.getByRole("button", { name: "登録を始める" }).click();
    await visible(page.getByRole("img", { name: /二段階認証の登録用QRコード/ }));
    expect(await seriousViolations(page)).toEqual([]);
    const secret = ((await page.locator(".manual-key").textContent()) ?? "").replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    rememberSecret(web.baseUrl, MUNICIPALITY, "korei", secret);

    await page.getByLabel("確認コード").fill("123");
    await page.getByRole("button", { name: "登録する" }).click();
    await visible(page.getByText("確認コードが正しくないか、期限が切れています").first());
    await page.getByLabel("確認コード").fill(await freshCode(web.baseUrl, MUNICIPALITY, "korei", secret));
    await page.getByRole("button", { name: "登録する" }).click();
    const list = await visible(page.getByRole("list", { name: "回復コードの一覧" }));
    const codes = (await list.locator("code").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await visible(page.getByRole("button", { name: "印刷する" }));
    await page.getByRole("button", { name: "保存しました" }).click();
    await visible(page.getByText("二段階認証を登録しました。"));
    await visible(page.getByText("登録済み").first());

    await page.getByRole("button", { name: "ログアウト" }).click();
    await typePassword(page, web.baseUrl, "korei");
    await visible(page.getByLabel("確認コード"));
    await page.getByRole("button", { name: "回復コードを使う" }).click();
    await page.getByLabel("回復コード").fill(codes[0]?.toLowerCase() ?? "");
    await page.getByRole("button", { name: "確認する" }).click();
    await visible(page.getByRole("navigation", { name: "メインメニュー" }));

    // the same recovery code is refused the second time
    await page.getByRole("button", { name: "ログアウト" }).click();
    await typePassword(page, web.baseUrl, "korei");
    await page.getByRole("button", { name: "回復コードを使う" }).click();
    await page.getByLabel("回復コード").fill(codes[0] ?? "");
    await page.getByRole("button", { name: "確認する" }).click();
    await visible(page.getByText("回復コードが正しくないか、すでに使われています").first());
    await context.close();
  });

  it("an administrator resets a support worker's second factor; the worker enrols again at the next sign-in", async () => {
    const worker = await newPage(browser);
    await login(worker.page, web.baseUrl, "kikan");

    const admin = await newPage(browser);
    await login(admin.page, web.baseUrl, "shienkanri");
    await admin.page.getByRole("link", { name: "利用者管理" }).click();
    const row = admin.page.getByRole("table", { name: "利用者の一覧" }).getByRole("row", { name: /kikan/ });
    await visible(row);
    expect(await row.textContent()).toContain("登録済み");
    await row.getByRole("button", { name: /二段階認証をリセット/ }).click();
    const dialog = await visible(admin.page.getByRole("dialog"));
    expect(await dialog.textContent()).toContain("監査ログに記録されます");
    await dialog.getByRole("button", { name: "リセットする" }).click();
    await visible(admin.page.getByText("二段階認証をリセットしました。"));
    expect(await row.textContent()).toContain("未登録");

    // the worker's open session has ended
    expect(await worker.page.evaluate(async () => (await fetch("/api/auth/session")).status)).toBe(401);

    // at the next sign-in the worker must enrol before anything else
    await typePassword(worker.page, web.baseUrl, "kikan");
    await visible(worker.page.getByRole("heading", { level: 1, name: "二段階認証の登録" }));
    await finishSignIn(worker.page, web.baseUrl, "kikan");
    await visible(worker.page.getByRole("navigation", { name: "メインメニュー" }));
    await worker.context.close();
    await admin.context.close();
  });
});
