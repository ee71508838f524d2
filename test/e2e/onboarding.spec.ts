import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMunicipality } from "../../src/server/modules/municipalities/service.js";
import { launchBrowser, newPage, startWebApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * A new city's first administrator in the browser: signs in with the setup secret the operator's command printed,
 * is held on 「パスワードの設定」 whatever address is asked for, sets a password and lands in the app.
 */
describe("the first sign-in of a new municipality's administrator", () => {
  let web: WebApp;
  let browser: Browser;
  let secret: string;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    // what `npm run cli -- municipality create` does (its own test runs the command)
    const made = await createMunicipality(
      web.app.database.db,
      { loginId: "cli:operator" },
      {
        code: "271004",
        name: "大阪市",
        admin: "kanri",
      },
    );
    secret = made.admin.setupSecret;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("sets a password first, then lands in the app", async () => {
    const { page } = await newPage(browser);
    // an address of the app before signing in: the login page, then 「パスワードの設定」 instead of the page asked for
    await page.goto(`${web.baseUrl}/users`);
    await page.getByLabel("自治体").selectOption({ label: "大阪市（271004）" });
    await page.getByLabel("ログインID").fill("kanri");
    await page.getByLabel("パスワード").fill(secret);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();

    await visible(page.getByRole("heading", { level: 1, name: "パスワードの設定" }));
    // the first field's label, not the confirmation's
    const newPassword = () => page.getByLabel(/^新しいパスワード(?!（確認）)/);
    expect(await page.getByRole("navigation", { name: "メインメニュー" }).count()).toBe(0);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
      [],
    );

    // the two entries must agree before anything is sent
    await newPassword().fill("osaka-river-bridge-2026");
    await page.getByLabel("新しいパスワード（確認）").fill("osaka-river-bridge-2025");
    await page.getByRole("button", { name: "パスワードを設定する" }).click();
    await visible(page.getByText("確認のため、同じパスワードをもう一度入力してください"));

    // the server's rule, by field: the secret itself is refused
    await newPassword().fill(secret);
    await page.getByLabel("新しいパスワード（確認）").fill(secret);
    await page.getByRole("button", { name: "パスワードを設定する" }).click();
    await visible(page.getByText("ログインに使ったものとは別のパスワードにしてください"));

    await newPassword().fill("osaka-river-bridge-2026");
    await page.getByLabel("新しいパスワード（確認）").fill("osaka-river-bridge-2026");
    await page.getByRole("button", { name: "パスワードを設定する" }).click();
    await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
    await visible(page.getByRole("heading", { level: 1, name: "利用者管理" }));
  });
});
