import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../helpers/api-client.js";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "../helpers/browser.js";

/** A date as the browser's own locale would write it ("2026/12/7"): never shown, 和暦 is. */
const WESTERN_DATE = /\d{4}\/\d{1,2}\/\d{1,2}|\d{4}-\d{2}-\d{2}/;

describe("presentation: 和暦, names, lists and printed tables in the browser", () => {
  let web: WebApp;
  let browser: Browser;
  let office: ApiClient;
  let planId: string;
  let sheetId: string;
  const LIST = '<ul style="list-style-type: none"> <li>・出張相談会の実施</li> <li>・リーフレットでの周知</li> </ul>';
  const INLINE = "【実績】 ・支援会議を12回開催 ・研修を2回実施";

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    office = await ApiClient.login(web.baseUrl, "keikaku");
    planId = (await office.get("/api/plans")).body.plans[0].id;
    // an approved 令和6年度 sheet, given the list text an imported document stores (the plan office may edit it)
    const sheet = (await office.get(`/api/plans/${planId}/evaluations/2024/sheets`)).body.sheets[0];
    sheetId = sheet.id;
    const saved = await office.put(
      `/api/sheets/${sheetId}`,
      { previousStatus: LIST, results: INLINE },
      ifMatch(sheet.version),
    );
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("shows dates in 和暦, people by name, and imported lists as lists; prints the laid-out text with 作成日 and state", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "iin");
    await page.goto(`${web.baseUrl}/sheets/${sheetId}`);
    await visible(page.getByRole("heading", { level: 1, name: "事業別評価表（令和6年度）" }));
    const meta = await visible(page.locator(".sheet-meta"));
    expect(await meta.textContent()).toMatch(/最終更新 令和\d+年\d+月\d+日 \d{1,2}:\d{2}/);

    // the stored list fragment and the bullets run into one line are shown as list items, the tags as nothing
    const previous = page.locator(".readonly-text").filter({ hasText: "出張相談会の実施" });
    expect(await previous.locator("ul.text-list > li").allTextContents()).toEqual([
      "・出張相談会の実施",
      "・リーフレットでの周知",
    ]);
    const results = page.locator(".readonly-text").filter({ hasText: "支援会議を12回開催" });
    expect(await results.locator("p").allTextContents()).toEqual(["【実績】"]);
    expect(await results.locator("ul.text-list > li").allTextContents()).toEqual([
      "・支援会議を12回開催",
      "・研修を2回実施",
    ]);
    expect(await page.locator("main").textContent()).not.toContain("<li>");

    // the history names the plan office's person, not its login id
    const history = page.getByRole("region", { name: "変更履歴" });
    await visible(history.getByText("計画 花子（福祉政策課）"));
    expect(await history.locator(".history-list > li > p").first().textContent()).toMatch(
      /^保存　令和\d+年\d+月\d+日 \d{1,2}:\d{2}　計画 花子（福祉政策課）$/,
    );
    expect(await history.textContent()).not.toContain("keikaku");
    expect(await page.locator("main").textContent()).not.toMatch(WESTERN_DATE);
    await context.close();

    // on paper (the plan office may still edit it): laid-out text instead of the text boxes, 作成日 and the state
    const editor = await newPage(browser);
    await login(editor.page, web.baseUrl, "keikaku");
    await editor.page.goto(`${web.baseUrl}/sheets/${sheetId}`);
    await visible(editor.page.getByLabel("前年度（令和5年度）実施状況"));
    await editor.page.emulateMedia({ media: "print" });
    expect(await editor.page.getByLabel("前年度（令和5年度）実施状況").isVisible()).toBe(false);
    const printed = editor.page.locator(".readonly-text.print-only").filter({ hasText: "出張相談会の実施" });
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.locator("li").count()).toBe(2);
    const printMeta = await visible(editor.page.locator(".print-meta"));
    expect(await printMeta.textContent()).toMatch(/^作成日 令和\d+年\d+月\d+日　状態: 承認済$/);
    await editor.page.emulateMedia({ media: "screen" });
    expect(await editor.page.locator(".print-meta").isVisible()).toBe(false);
    await editor.context.close();
  });

  it("prints the 総括表 with 作成日, what it counts and its state", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");
    await page.goto(`${web.baseUrl}/summary?planId=${planId}&fy=2024`);
    await visible(page.locator("table.summary"));
    await page.emulateMedia({ media: "print" });
    const meta = await visible(page.locator(".print-meta"));
    expect(await meta.textContent()).toMatch(
      /^作成日 令和\d+年\d+月\d+日　集計対象: 承認済みの評価表　状態: (集計中（承認済み \d+件／全\d+件|確定（全\d+件)/,
    );
    await context.close();
  });

  it("takes a birth date in 和暦, says how it was read, and refuses a day its era does not have", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "jigyosha");
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "つなぐシート", exact: true })
      .click();
    await page.getByRole("link", { name: "つなぐシートを作成" }).click();
    const form = page.getByRole("form", { name: "新しく登録する" });
    await form.getByLabel("氏名").fill("和暦 試子");
    await form.getByLabel(/^ふりがな/).fill("ワレキ タメシコ");
    const birth = form.getByLabel("生年月日");
    await birth.fill("平成31年5月1日");
    await form.getByRole("button", { name: "登録して次へ" }).click();
    await visible(form.getByText("平成31年5月1日はありません（その日は令和元年5月1日です）").first());
    expect(await birth.getAttribute("aria-invalid")).toBe("true");

    await birth.fill("Ｓ４０．１．２");
    // the hint, read with the field, says how the text was read
    const hintId = (await birth.getAttribute("aria-describedby"))?.split(" ")[0] ?? "";
    await expect
      .poll(() => page.locator(`[id="${hintId}"]`).textContent())
      .toBe("昭和40年1月2日（1965-01-02）と読み取りました");
    // the server is sent, and keeps, the ISO day
    const [registered] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/persons") && r.request().method() === "POST"),
      form.getByRole("button", { name: "登録して次へ" }).click(),
    ]);
    expect(registered.request().postDataJSON()).toMatchObject({ dateOfBirth: "1965-01-02" });
    expect(((await registered.json()) as { person: { dateOfBirth: string } }).person.dateOfBirth).toBe("1965-01-02");
    await visible(page.getByRole("heading", { name: "2. 内容" }));
    await context.close();
  });
});
