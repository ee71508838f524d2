import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

const LOGIN = "kaigo-hoken";
const NAME = "介護 九郎（介護保険課）";
const PASSWORD = "kaigo-initial-pass-01";
const OWN_PROJECT = "地域密着型サービスの整備"; // 介護保険課 only
const OTHER_PROJECT = "生活支援コーディネーターの配置"; // 高齢支援課 only

/** axe's serious and critical findings on the page as it is now (their ids). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

describe("user management (利用者管理) in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("the administrator creates a department editor who sees only its department's sheets, then disables it", async () => {
    const admin = await newPage(browser);
    await login(admin.page, web.baseUrl, "admin");
    await admin.page.getByRole("link", { name: "利用者管理" }).click();
    await visible(admin.page.getByRole("heading", { level: 1, name: "利用者管理" }));
    const table = admin.page.getByRole("table", { name: "利用者の一覧" });
    await visible(table.getByRole("row", { name: /korei/ }));

    // an empty form: the server's field messages, in Japanese, next to the fields
    const form = admin.page.getByRole("form", { name: "利用者の登録" });
    await form.getByRole("button", { name: "利用者を登録" }).click();
    await visible(form.getByRole("alert"));
    await visible(form.getByText("ログインIDを入力してください").first());

    await form.getByLabel("ログインID").fill(LOGIN);
    await form.getByLabel("氏名").fill(NAME);
    await form.getByLabel("役割").selectOption({ label: "担当課" });
    // no agency for a department editor
    expect(await form.getByLabel("所属機関").count()).toBe(0);
    await form.getByRole("checkbox", { name: "介護保険課" }).check();
    await form.getByLabel("初期パスワード").fill(PASSWORD);
    await form.getByRole("button", { name: "利用者を登録" }).click();
    await visible(admin.page.getByText(`「${NAME}」（${LOGIN}）を登録しました。`));
    const row = table.getByRole("row", { name: new RegExp(LOGIN) });
    await visible(row);
    expect(await row.textContent()).toContain("介護保険課");
    expect(await row.textContent()).toContain("有効");

    // the new user logs in and sees only its department's sheets
    const user = await newPage(browser);
    await login(user.page, web.baseUrl, LOGIN, PASSWORD);
    await user.page.getByRole("link", { name: "評価（自分の担当）" }).click();
    await visible(user.page.getByRole("heading", { level: 1, name: "評価（自分の担当）" }));
    await user.page.getByLabel("年度").selectOption({ label: "令和7年度" });
    await visible(user.page.getByRole("heading", { name: "令和7年度の評価表" }));
    await visible(user.page.getByRole("link", { name: OWN_PROJECT }));
    const depts = await user.page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(depts.length).toBeGreaterThan(0);
    for (const d of depts) expect(d).toContain("介護保険課");
    expect(await user.page.getByRole("link", { name: OTHER_PROJECT }).count()).toBe(0);
    // and no user management for it
    expect(await user.page.getByRole("link", { name: "利用者管理" }).count()).toBe(0);

    // the administrator disables the account, after a confirmation
    await row.getByRole("button", { name: new RegExp(`^無効にする.*${LOGIN}`) }).click();
    const dialog = admin.page.getByRole("dialog", { name: `「${NAME}」を無効にする` });
    await visible(dialog);
    await dialog.getByRole("button", { name: "無効にする" }).click();
    await visible(admin.page.getByText(`「${NAME}」（${LOGIN}）を無効にしました。`));
    await visible(row.getByText("無効", { exact: true }));

    // the user's next request ends on the login page
    await user.page.getByRole("link", { name: "総括表" }).click();
    await visible(user.page.getByRole("heading", { level: 1, name: "ログイン" }));
    expect(new URL(user.page.url()).pathname).toBe("/login");
    // and logging in again is refused
    await user.page.getByLabel("ログインID").fill(LOGIN);
    await user.page.getByLabel("パスワード").fill(PASSWORD);
    await user.page.getByRole("button", { name: "ログイン", exact: true }).click();
    await visible(user.page.getByRole("alert"));
    expect(new URL(user.page.url()).pathname).toBe("/login");

    await user.context.close();
    await admin.context.close();
  });

  it("the plan office administers the plan side only: no support roles to grant, no support accounts listed", async () => {
    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "keikaku");
    await office.page.goto(`${web.baseUrl}/users`);
    const form = office.page.getByRole("form", { name: "利用者の登録" });
    await visible(form);
    const roles = (await form.getByLabel("役割").locator("option").allTextContents()).map((t) => t.trim());
    expect(roles.filter((r) => r !== "" && !r.startsWith("選"))).toEqual(["計画所管課", "担当課", "閲覧者"]);
    const table = office.page.getByRole("table", { name: "利用者の一覧" });
    await visible(table.getByRole("row", { name: /korei/ }));
    expect(await table.getByRole("row", { name: /houkatsu|coord|jigyosha/ }).count()).toBe(0);
    await office.context.close();
  });

  it("a support staff account needs an agency: the field appears for that role and the server checks it", async () => {
    // the support side's accounts are its own administrator's (separation of duties)
    const admin = await newPage(browser);
    await login(admin.page, web.baseUrl, "shienkanri");
    await admin.page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "利用者管理" })
      .click();
    const form = admin.page.getByRole("form", { name: "利用者の登録" });
    await visible(form);
    // the support-side administrator cannot grant the system administrator role, nor a plan-side one
    expect(await form.getByLabel("役割").locator("option", { hasText: "システム管理者" }).count()).toBe(0);
    expect(await form.getByLabel("役割").locator("option", { hasText: "計画所管課" }).count()).toBe(0);
    await form.getByLabel("ログインID").fill("houkatsu2");
    await form.getByLabel("氏名").fill("包括 十子");
    await form.getByLabel("役割").selectOption({ label: "支援機関職員" });
    await form.getByLabel("初期パスワード").fill("houkatsu-pass-0002");
    await form.getByRole("button", { name: "利用者を登録" }).click();
    await visible(form.getByText("支援機関職員・登録事業者の利用者には所属機関を指定してください").first());
    // only public agencies are offered to a support staff account
    const agency = form.getByLabel("所属機関");
    expect(await agency.locator("option", { hasText: "架空ケアサービス" }).count()).toBe(0);
    await agency.selectOption({ label: "つなぐ中央地域包括支援センター" });
    await form.getByRole("button", { name: "利用者を登録" }).click();
    await visible(admin.page.getByText("「包括 十子」（houkatsu2）を登録しました。"));
    const row = admin.page.getByRole("table", { name: "利用者の一覧" }).getByRole("row", { name: /houkatsu2/ });
    expect(await row.textContent()).toContain("つなぐ中央地域包括支援センター");

    // move it to another agency in the edit dialog
    await row.getByRole("button", { name: /^変更.*houkatsu2/ }).click();
    const dialog = admin.page.getByRole("dialog");
    await visible(dialog);
    await dialog.getByLabel("所属機関").selectOption({ label: "つなぐ市基幹相談支援センター" });
    await dialog.getByRole("button", { name: "変更を保存" }).click();
    await visible(admin.page.getByText("「包括 十子」（houkatsu2）を変更しました。"));
    await visible(row.getByText("つなぐ市基幹相談支援センター"));
    await admin.context.close();

    // the coordinators see every change to a support-side account
    const coord = await newPage(browser);
    await login(coord.page, web.baseUrl, "coord");
    await coord.page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "利用者の変更履歴" })
      .click();
    const changes = coord.page.getByRole("table", { name: "支援側の利用者の変更履歴" });
    await visible(
      changes.getByRole("row", {
        name: /変更.*包括 十子.*所属機関: つなぐ中央地域包括支援センター → つなぐ市基幹相談支援センター/,
      }),
    );
    await visible(changes.getByRole("row", { name: /登録.*包括 十子.*支援 管理/ }));
    await coord.context.close();
  });

  it("the system administrator sets its own address and the municipality's mail server", async () => {
    const admin = await newPage(browser);
    await login(admin.page, web.baseUrl, "admin");
    await admin.page.goto(`${web.baseUrl}/account`);
    const own = admin.page.getByRole("form", { name: "通知メールの送り先" });
    await own.getByLabel("メールアドレス（任意）").fill("ｋａｎｒｉ＠Example.LG.JP");
    await own.getByRole("button", { name: "保存" }).click();
    await visible(admin.page.getByText("通知メールを kanri@example.lg.jp に送ります。"));
    expect(await seriousViolations(admin.page)).toEqual([]);

    await admin.page.goto(`${web.baseUrl}/users`);
    const form = admin.page.getByRole("form", { name: "通知メールの設定" });
    await visible(form);
    await visible(form.getByText("未設定"));
    await form.getByLabel("メールサーバー").fill("smtp.example.lg.jp");
    await form.getByLabel("送信元のメールアドレス").fill("tsunagu@example.lg.jp");
    await form.getByRole("button", { name: "設定を保存" }).click();
    await visible(admin.page.getByText("メールの設定を保存しました。"));
    expect(await seriousViolations(admin.page)).toEqual([]);
    await admin.context.close();
  });
});
