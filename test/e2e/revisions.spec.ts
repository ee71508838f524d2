import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "./support.js";

const ITEM = "福祉の総合相談窓口の運営"; // 1-1-2 of the demo plan
const RENAMED = "福祉の総合相談窓口の運営（断らない相談窓口）";

describe("plan revisions (ローリング) in the browser", () => {
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

  it("the plan office starts a revision, renames an item, approves it and sees the change in the diff", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");

    await page.getByRole("link", { name: "改定", exact: true }).click();
    await visible(page.getByRole("heading", { level: 1, name: "改定（ローリング）" }));
    await visible(page.getByText("まだ改定の記録はありません。"));
    await page.getByLabel("改定の名称（任意）").fill("令和8年度改定（テスト）");
    await page.getByRole("button", { name: "次年度の改定を開始" }).click();
    await visible(page.getByText(/第1版「策定時」として記録し、第2版「令和8年度改定（テスト）」の改定を開始しました/));
    const list = page.getByRole("table", { name: "改定の版の一覧" });
    await visible(list.getByRole("row", { name: /第1版 策定時 承認済/ }));
    await visible(list.getByRole("row", { name: /第2版 令和8年度改定（テスト） 案/ }));
    // only one draft at a time
    expect(await page.getByRole("button", { name: "次年度の改定を開始" }).isDisabled()).toBe(true);

    // rename an item on the plan structure page (existing screen)
    await page.getByRole("link", { name: "計画の構成を開いて変更する" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "つなぐ市地域福祉総合計画" }));
    await page.getByRole("button", { name: new RegExp(`^編集.*${ITEM}$`) }).click();
    const dialog = page.getByRole("dialog");
    await visible(dialog);
    await dialog.getByLabel("名称").fill(RENAMED);
    await dialog.getByRole("button", { name: "保存" }).click();
    await visible(page.getByText(`「${RENAMED}」を保存しました。`));

    // the diff of the draft against the version in force already shows it
    await page.getByRole("link", { name: "改定", exact: true }).click();
    await visible(page.getByRole("heading", { name: "差分（新旧対照）" }));
    await visible(page.getByRole("table", { name: /変更の一覧/ }).getByRole("cell", { name: RENAMED }));

    // approve, with a confirm step
    await page.getByRole("button", { name: /この改定を承認/ }).click();
    const confirm = page.getByRole("dialog", { name: /第2版「令和8年度改定（テスト）」の承認/ });
    await visible(confirm);
    await confirm.getByRole("button", { name: "承認する" }).click();
    await visible(page.getByText("第2版「令和8年度改定（テスト）」を承認しました。"));
    await visible(list.getByRole("row", { name: /第2版 令和8年度改定（テスト） 承認済/ }));
    expect(await page.getByRole("button", { name: /この改定を承認/ }).count()).toBe(0);

    // 第1版 → 第2版: the rename is listed with before → after, and the downloads follow the choice
    await page.getByLabel("比較元（変更前）").selectOption({ label: "第1版 策定時" });
    await page.getByLabel("比較先（変更後）").selectOption({ label: "第2版 令和8年度改定（テスト）" });
    const summary = page.getByRole("table", { name: "変更の件数" });
    await visible(summary);
    const headers = (await summary.locator("thead th").allTextContents()).map((t) => t.trim());
    const counts = (await summary.locator("tbody td").allTextContents()).map((t) => Number(t.trim()));
    expect(counts[headers.indexOf("名称変更")]).toBe(1);
    expect(counts[headers.indexOf("追加")]).toBe(0);
    const change = page.getByRole("table", { name: /変更の一覧/ }).getByRole("row", { name: /名称変更/ });
    await visible(change.getByRole("cell", { name: ITEM, exact: true }));
    await visible(change.getByRole("cell", { name: RENAMED }));
    const xlsx = await page.getByRole("link", { name: /Excel形式（xlsx）でダウンロード/ }).getAttribute("href");
    expect(xlsx).toContain("from=1");
    expect(xlsx).toContain("to=2");
    const response = await page.request.get(`${web.baseUrl}${xlsx}`);
    expect(response.status()).toBe(200);
    await context.close();
  });
});
