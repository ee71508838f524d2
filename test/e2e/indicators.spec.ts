import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, until, visible, type WebApp } from "../helpers/browser.js";

const PROJECT = "生活支援コーディネーターの配置"; // 1-2-1, 高齢支援課 only in the demo plan

interface Seeded {
  planId: string;
  itemId: string;
  indicatorId: string;
}

/** As the plan office (through the API): an indicator with a numeric target for FY2025 on a 高齢支援課 project. */
async function seedIndicator(baseUrl: string, name: string, target: string): Promise<Seeded> {
  const office = await ApiClient.login(baseUrl, "keikaku");
  const plans = await office.get<{ plans: { id: string }[] }>("/api/plans");
  const planId = plans.body.plans[0]?.id as string;
  const plan = await office.get<{ items: { id: string; title: string }[] }>(`/api/plans/${planId}`);
  const itemId = plan.body.items.find((i) => i.title === PROJECT)?.id as string;
  expect(itemId, `demo project ${PROJECT}`).toBeTruthy();
  const created = await office.post(`/api/plans/${planId}/indicators`, {
    itemId,
    kind: "activity",
    name,
    baselineSource: "60人",
    baselineFiscalYear: 2023,
    targets: [
      { fiscalYear: 2024, source: "80人以上" },
      { fiscalYear: 2025, source: target },
      { fiscalYear: 2026, source: "120人以上" },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { planId, itemId, indicatorId: created.body.indicator.id };
}

async function openIndicators(page: Page, baseUrl: string) {
  await page.getByRole("link", { name: "指標", exact: true }).click();
  await visible(page.getByRole("heading", { level: 1, name: "指標" }));
  await page.getByLabel("年度").selectOption({ label: "令和7年度" });
  await visible(page.getByRole("heading", { name: "令和7年度の指標" }));
  expect(page.url()).toContain(baseUrl);
}

describe("indicators in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("a department enters an actual, sees the attainment and the rate, and the 評価表 suggests a grade", async () => {
    const seeded = await seedIndicator(web.baseUrl, "サロンの参加者数", "100人以上");
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "korei");
    await openIndicators(page, web.baseUrl);

    // the department sees its own project's indicators only
    const table = page.locator("table.indicator-table");
    await visible(table.locator("tr.group-row", { hasText: PROJECT }));
    const groups = await table.locator("tr.group-row th").allTextContents();
    for (const g of groups) expect(g).toContain("高齢支援課");

    // a number typed with full-width digits: 80 of 100 → 未達成, 80.0%
    const row = table.locator("tr", { hasText: "サロンの参加者数" });
    await row.getByRole("button", { name: /実績を入力/ }).click();
    const form = page.getByRole("form", { name: /「サロンの参加者数」の実績/ });
    await visible(form);
    await form.getByLabel("実績値").fill("８０");
    await form.getByLabel("コメント（任意）").fill("上半期の集計");
    await form.getByRole("button", { name: "実績を保存" }).click();
    await visible(page.getByText("「サロンの参加者数」の令和7年度の実績を保存しました（未達成、達成率 80.0%）。"));
    await visible(row.getByText("未達成", { exact: true }));
    await visible(row.getByRole("cell", { name: "80.0%" }));

    // corrected: 110 → 達成, 110.0%
    await row.getByRole("button", { name: /実績を修正/ }).click();
    await form.getByLabel("実績値").fill("110");
    await form.getByRole("button", { name: "実績を保存" }).click();
    await visible(page.getByText(/実績を保存しました（達成、達成率 110.0%）/));
    await visible(row.getByText("達成", { exact: true }));
    await visible(row.getByRole("cell", { name: "110.0%" }));

    // the 推移 of the indicator: chart (an image with a summary) and the same numbers in a table
    await row.getByRole("link", { name: "サロンの参加者数" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "指標の推移: サロンの参加者数" }));
    await visible(page.getByRole("img", { name: /サロンの参加者数」の推移のグラフ/ }));
    const fy2025 = page.getByRole("row", { name: /令和7年度/ });
    await visible(fy2025.getByRole("cell", { name: "110人" }));
    await visible(fy2025.getByRole("cell", { name: "110.0%" }));

    // the 評価表 of the project shows the indicator and the suggestion
    await page.goto(`${web.baseUrl}/evaluations?planId=${seeded.planId}&fy=2025`);
    await page.getByRole("link", { name: PROJECT }).click();
    await visible(page.getByRole("heading", { level: 1, name: "事業別評価表（令和7年度）" }));
    const section = page.getByRole("region", { name: "この事業の指標" });
    await visible(section.getByRole("link", { name: "サロンの参加者数" }));
    await visible(section.getByText("指標からの評価の目安: A"));

    // another grade without a reason: the server's field error next to the reason box
    await page.getByLabel("計画事業の実績等（令和7年度）").fill("サロンを月2回開催した。");
    await page.getByLabel(/^B /).check();
    const reason = page.getByLabel("目安と異なる評価とする理由");
    await visible(reason);
    await page.getByRole("button", { name: "一時保存" }).click();
    await visible(
      page.getByText("指標から提案された評価（A）と異なる評価（B）にする場合は、その理由を入力してください").first(),
    );
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await reason.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(messages.join(" ")).toContain("理由を入力してください");

    // with a reason it saves
    await reason.fill("参加者は目標を上回ったが、男性の参加が少ないため。");
    await page.getByRole("button", { name: "一時保存" }).click();
    await visible(page.getByText("一時保存しました。"));
    await visible(page.getByRole("cell", { name: "参加者は目標を上回ったが、男性の参加が少ないため。" }));
    await context.close();
  });

  it("a stale actual (412) keeps what the user typed and loads the latest", async () => {
    const seeded = await seedIndicator(web.baseUrl, "見守り訪問の件数", "50件以上");
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "korei");
    await page.goto(`${web.baseUrl}/indicators?planId=${seeded.planId}&fy=2025`);
    const row = page.locator("table.indicator-table tr", { hasText: "見守り訪問の件数" });
    const open = row.getByRole("button", { name: /実績を入力/ });
    const form = page.getByRole("form", { name: /「見守り訪問の件数」の実績/ });
    const isFocused = (l: ReturnType<Page["locator"]>) => l.evaluate((el) => el === document.activeElement);

    // keyboard: Enter opens the form with the focus in it, Esc closes it and the focus returns to the button
    await open.focus();
    await page.keyboard.press("Enter");
    await visible(form);
    expect(await open.getAttribute("aria-expanded")).toBe("true");
    expect(await isFocused(form.getByLabel("実績値"))).toBe(true);
    await page.keyboard.press("Escape");
    expect(await form.count()).toBe(0);
    expect(await isFocused(open)).toBe(true);
    await page.keyboard.press("Enter");
    await form.getByLabel("実績値").fill("45");

    // meanwhile the plan office enters the actual
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const put = await office.put(`/api/indicators/${seeded.indicatorId}/actuals/2025`, { kind: "number", value: 52 });
    expect(put.status).toBe(200);

    await form.getByRole("button", { name: "実績を保存" }).click();
    await visible(page.getByText("他の人が先に更新しました"));
    await page.getByRole("button", { name: "最新の内容を読み込む" }).click();
    await visible(page.getByRole("heading", { name: "あなたが入力していた内容（保存されていません）" }));
    // the field now holds the latest value; what the user typed is kept, read-only, to copy back
    expect(await form.locator('input[inputmode="decimal"]').inputValue()).toBe("52");
    expect(await form.locator(".copy-box textarea").inputValue()).toBe("45");
    await form.getByRole("button", { name: "実績を保存" }).click();
    await visible(page.getByText(/「見守り訪問の件数」の令和7年度の実績を保存しました（達成/));
    await context.close();
  });

  it("the plan office rewrites a target, sees how it was read, and a stale target (412) keeps the typed text", async () => {
    const seeded = await seedIndicator(web.baseUrl, "認知症サポーター養成講座の受講者数", "要検討");
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");
    await page.goto(`${web.baseUrl}/indicators?planId=${seeded.planId}&fy=2025`);
    const name = "認知症サポーター養成講座の受講者数";
    const form = page.getByRole("form", { name: new RegExp(`「${name}」の目標`) });
    const field = form.getByLabel("目標（令和7年度）");

    // a blank target: the server's message next to the field
    await page.getByRole("button", { name: new RegExp(`目標を編集.*${name}`) }).click();
    await visible(form);
    expect(await field.inputValue()).toBe("要検討");
    await field.fill(" ");
    await form.getByRole("button", { name: "目標を保存" }).click();
    await visible(form.getByText("目標を入力してください（目標がない年度は「—」と入力できます）").first());
    expect(await field.getAttribute("aria-invalid")).toBe("true");

    // meanwhile the target is changed elsewhere: 412, the latest is loaded and the typed text kept
    await field.fill("150人以上");
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const detail = await office.get(`/api/indicators/${seeded.indicatorId}`);
    const version = detail.body.indicator.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2025).target
      .version as number;
    const put = await office.put(
      `/api/indicators/${seeded.indicatorId}/targets/2025`,
      { source: "試行実施" },
      { "if-match": `"${version}"` },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await form.getByRole("button", { name: "目標を保存" }).click();
    await visible(page.getByText("他の人が先に更新しました"));
    await page.getByRole("button", { name: "最新の内容を読み込む" }).click();
    await visible(form.getByRole("heading", { name: "あなたが入力していた内容（保存されていません）" }));
    expect(await field.inputValue()).toBe("試行実施");
    expect(await form.locator(".copy-box textarea").inputValue()).toBe("150人以上");
    await field.fill("150人以上");
    await form.getByRole("button", { name: "目標を保存" }).click();
    await visible(page.getByText(`「${name}」の令和7年度の目標を保存しました。読み取り: 150人以上（数値）`));
    await context.close();
  });

  it("a long list is read a page of 100 at a time, and the pager moves between pages", async () => {
    const seeded = await seedIndicator(web.baseUrl, "ページ送りの確認 000", "10人以上");
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    for (let i = 1; i <= 100; i++) {
      const res = await office.post(`/api/plans/${seeded.planId}/indicators`, {
        itemId: seeded.itemId,
        kind: "activity",
        name: `ページ送りの確認 ${String(i).padStart(3, "0")}`,
      });
      expect(res.status).toBe(201);
    }
    const all = await office.get(`/api/plans/${seeded.planId}/indicators?fiscalYear=2025`);
    const total = all.body.total as number;
    expect(total).toBeGreaterThan(100);

    const { page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");
    await openIndicators(page, web.baseUrl);
    const pager = page.getByRole("navigation", { name: "指標の一覧のページ" });
    await visible(pager.getByText(`全${total.toLocaleString("ja-JP")}件中 1〜100件を表示（1/2ページ）`));
    const rows = page.locator('table.indicator-table tbody a[href^="/indicators/"]');
    expect(await rows.count()).toBe(100);
    await pager.getByRole("button", { name: "次のページ" }).click();
    await visible(pager.getByText(`全${total.toLocaleString("ja-JP")}件中 101〜${total}件を表示（2/2ページ）`));
    expect(page.url()).toContain("page=2");
    await until(async () => (await rows.count()) === total - 100, "the second page holds the rest");
    expect(await pager.getByRole("button", { name: "次のページ" }).isDisabled()).toBe(true);
    await pager.getByLabel("ページ").selectOption("1");
    await visible(pager.getByText("1〜100件を表示（1/2ページ）"));
  });
});
