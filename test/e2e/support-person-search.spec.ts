import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../../src/server/db/schema/index.js";
import { closeBrowserApp, login, newPage, openBrowserApp, until, visible, type WebApp } from "../helpers/browser.js";
import { fillSheet } from "../helpers/referral-form.js";

// an invented person a provider registers, not in the demo data
const NAME = "再来 和子";
const KANA = "サイライ カズコ";

/** Fills step 2 of a つなぐシート (to the coordinators) and sends it. */
async function sendSheet(page: Page, observed: string) {
  await fillSheet(page, { concerns: ["生活困窮"], observed, urgency: "中", consent: "同意あり" });
  await page.getByRole("button", { name: "内容を確認" }).click();
  await page.getByRole("button", { name: "この内容で送付" }).click();
  await visible(page.getByRole("heading", { name: "送ったつなぐシートの状況" }));
}

describe("対象者の検索 in the browser (need-to-know)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("staff of another agency see only that others match and whom to ask; their own persons in full, by name too", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "houkatsu");
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "対象者の検索" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "対象者の検索" }));
    const form = page.getByRole("form", { name: "対象者の検索" });
    // the 見本 family (a minor among them) is known to other agencies only
    await form.getByLabel(/^ふりがな・氏名/).fill("ミ");
    await form.getByRole("button", { name: "検索" }).click();
    const notice = page.getByText(/ほかの機関が把握している方の中にも、条件に合う方がいます/);
    await visible(notice);
    await visible(page.getByRole("status").getByText("つなぐ市 多機関協働推進室"));
    await visible(page.getByText("あなたの機関が把握している方の中に、該当する人はいません。"));
    expect(await page.getByRole("table").count()).toBe(0);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const secret of ["見本", "ミホン", "平成22年", "2010"]) expect(text).not.toContain(secret);
    expect(page.url()).not.toContain(encodeURIComponent("ミ"));

    // by name (漢字): the persons it registered and those of the cases it leads (receiving a sheet alone is no
    // basis any more), each with why the agency knows them
    await form.getByLabel(/^ふりがな・氏名/).fill("架空");
    await form.getByRole("button", { name: "検索" }).click();
    const table = page.getByRole("table", { name: /検索結果（2件）/ });
    await visible(table);
    await visible(table.getByRole("row", { name: /架空 花子.*ケースの主担当/ }));
    await visible(table.getByRole("row", { name: /架空 健一.*自機関で登録/ }));
    expect(await page.getByText(/ほかの機関が把握している方/).count()).toBe(0);
    await context.close();
  });

  it("a provider finds the person it registered and sends a new sheet about that record instead of registering again", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "jigyosha");
    const menu = page.getByRole("navigation", { name: "メインメニュー" });

    // last week: the provider registered the person and sent a first sheet
    await menu.getByRole("link", { name: "つなぐシート", exact: true }).click();
    await page.getByRole("link", { name: "つなぐシートを作成" }).click();
    const register = page.getByRole("form", { name: "新しく登録する" });
    await register.getByLabel("氏名").fill(NAME);
    await register.getByLabel(/^ふりがな/).fill(KANA);
    await register.getByLabel("生年月日").fill("1948-08-08");
    await register.getByRole("button", { name: "登録して次へ" }).click();
    await visible(page.getByRole("heading", { name: "2. 内容" }));
    await sendSheet(page, "食事の準備が難しくなっていると話していた（テスト）。");

    // today: its search page lists only the persons it registered (the demo's 架空 花子 and this one)
    await menu.getByRole("link", { name: "対象者の検索" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "対象者の検索" }));
    const form = page.getByRole("form", { name: "対象者の検索" });
    await form.getByLabel(/^ふりがな・氏名/).fill("さ");
    await form.getByRole("button", { name: "検索" }).click();
    await visible(page.getByRole("table", { name: /検索結果（1件）/ }).getByRole("row", { name: new RegExp(NAME) }));
    // neither the links nor the households of other agencies' work, nor a hint of others' persons
    expect(await page.getByRole("checkbox").count()).toBe(0);
    expect(await page.getByText(/ほかの機関が把握している方/).count()).toBe(0);

    // a new sheet: the person step finds the record it registered, and that record is used
    await menu.getByRole("link", { name: "つなぐシート", exact: true }).click();
    await page.getByRole("link", { name: "つなぐシートを作成" }).click();
    const own = page.getByRole("form", { name: "この事業所で登録した人から選ぶ" });
    await own.getByLabel(/^ふりがな・氏名/).fill("再来");
    await own.getByRole("button", { name: "検索" }).click();
    const row = page.getByRole("table", { name: /検索結果/ }).getByRole("row", { name: new RegExp(NAME) });
    await visible(row);
    await row.getByRole("button", { name: /この人を選ぶ/ }).click();
    await visible(page.getByRole("heading", { name: "2. 内容" }));
    await visible(page.getByText(`${NAME}（${KANA}）`));

    await sendSheet(page, "再度の相談。食事を抜いていると話していた（テスト）。");

    // both sheets are about one record: the person was not registered twice
    const records = await web.app.database.db.select().from(persons).where(eq(persons.nameKanji, NAME));
    expect(records).toHaveLength(1);
    await menu.getByRole("link", { name: "つなぐシート", exact: true }).click();
    await until(
      async () => (await page.getByRole("row", { name: new RegExp(NAME) }).count()) === 2,
      "two sheets about the person",
    );
    await context.close();
  });
});
