import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

const ITEM = "福祉の総合相談窓口の運営"; // 1-1-2 of the demo plan
const RENAMED = "福祉の総合相談窓口の運営（断らない相談窓口）";
const PROJECT = "生活支援コーディネーターの配置"; // 1-2-1 of the demo plan
const INDICATOR = "協議体の開催回数";

describe("plan revisions (ローリング) in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("the plan office starts a revision, renames an item, changes a target, approves it and sees the changes in the diff", async () => {
    // the demo plan has no indicators: one with targets, in the version in force before the revision starts
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const planId = (await office.get<{ plans: { id: string }[] }>("/api/plans")).body.plans[0]?.id as string;
    const plan = await office.get<{ items: { id: string; title: string }[] }>(`/api/plans/${planId}`);
    const itemId = plan.body.items.find((i) => i.title === PROJECT)?.id;
    expect(itemId, `demo project ${PROJECT}`).toBeTruthy();
    const created = await office.post(`/api/plans/${planId}/indicators`, {
      itemId,
      kind: "activity",
      name: INDICATOR,
      targets: [
        { fiscalYear: 2024, source: "4回以上" },
        { fiscalYear: 2025, source: "6回以上" },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

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

    // change a target on the 指標 page of the draft: the server says how it read the new text
    await page.goto(`${web.baseUrl}/indicators?planId=${planId}&fy=2025&revision=draft`);
    await visible(page.getByRole("heading", { name: "令和7年度の指標" }));
    await page.getByRole("button", { name: new RegExp(`目標を編集.*${INDICATOR}`) }).click();
    const targetForm = page.getByRole("form", { name: new RegExp(`「${INDICATOR}」の目標`) });
    await visible(targetForm);
    expect(await targetForm.getByLabel("目標（令和7年度）").inputValue()).toBe("6回以上");
    await targetForm.getByLabel("目標（令和7年度）").fill("8回以上");
    await targetForm.getByRole("button", { name: "目標を保存" }).click();
    await visible(page.getByText(`「${INDICATOR}」の令和7年度の目標を保存しました。読み取り: 8回以上（数値）`));
    await visible(
      page.locator("table.indicator-table tr", { hasText: INDICATOR }).getByRole("cell", { name: "8回以上" }),
    );

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
    expect(counts[headers.indexOf("目標値変更")]).toBe(1);
    const change = page.getByRole("table", { name: /変更の一覧/ }).getByRole("row", { name: /名称変更/ });
    await visible(change.getByRole("cell", { name: ITEM, exact: true }));
    await visible(change.getByRole("cell", { name: RENAMED }));
    const targetChange = page
      .getByRole("table", { name: /変更の一覧/ })
      .getByRole("row", { name: new RegExp(`目標値変更.*${INDICATOR}`) });
    await visible(targetChange.getByRole("cell", { name: /^6回以上/ }));
    await visible(targetChange.getByRole("cell", { name: /8回以上/ }));
    const xlsx = await page.getByRole("link", { name: /Excel形式（xlsx）でダウンロード/ }).getAttribute("href");
    expect(xlsx).toContain("from=1");
    expect(xlsx).toContain("to=2");
    const response = await page.request.get(`${web.baseUrl}${xlsx}`);
    expect(response.status()).toBe(200);
    await context.close();
  });
});
