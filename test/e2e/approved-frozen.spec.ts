import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * Approved is frozen. The plan office starts next year's revision and, in its draft, renames 1-1-3, gives it a
 * second department and changes a 令和8年度 target. While 第2版 is still 案 nobody else sees any of it: not the
 * approved 令和6年度 総括表 (plan office and committee member alike), not the department's list of sheets, not the
 * 指標 page. After approval the plan in force shows the changes, and the years evaluated under 第1版 still do not.
 */
const ITEM = "相談支援職員の研修"; // 1-1-3 of the demo plan (福祉政策課)
const RENAMED = "相談支援職員の分野横断研修";
const INDICATOR = "支援会議の開催回数"; // 令和8年度: 10回以上

describe("approved is frozen: a revision being drafted shows only where it is drafted", () => {
  let web: WebApp;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    web = await startWebApp({ demoBaseline: true, demoIndicators: true });
    browser = await launchBrowser();
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    planId = (await office.get<{ plans: { id: string }[] }>("/api/plans")).body.plans[0]?.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** What a user sees of 1-1-3 and of the target: on the 総括表 of 令和6年度, the 指標 page of 令和8年度, the plan. */
  async function seenBy(page: Page) {
    await page.goto(`${web.baseUrl}/summary?planId=${planId}&fy=2024`);
    const summary = page.getByRole("table", { name: /総括表/ });
    await visible(summary.getByRole("row", { name: /1-1-3/ }));
    const summaryRow = (await summary.getByRole("row", { name: /1-1-3/ }).first().textContent()) ?? "";
    await page.goto(`${web.baseUrl}/indicators?planId=${planId}&fy=2026`);
    const indicatorRow = page.locator("table.indicator-table tr", { hasText: INDICATOR });
    await visible(indicatorRow);
    const target = (await indicatorRow.first().textContent()) ?? "";
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    const structure = page.getByRole("table", { name: /の構成/ });
    await visible(structure.getByRole("row", { name: /1-1-3/ }));
    const planRow = (await structure.getByRole("row", { name: /1-1-3/ }).first().textContent()) ?? "";
    return { summaryRow, target, planRow };
  }

  it("keeps the approved 総括表, sheets, indicators and plan as approved while 第2版 is 案", async () => {
    const office = await newPage(browser);
    const page = office.page;
    await login(page, web.baseUrl, "keikaku");
    await page.getByRole("link", { name: "改定", exact: true }).click();
    await page.getByLabel("改定の名称（任意）").fill("令和8年度改定（確認）");
    await page.getByRole("button", { name: "次年度の改定を開始" }).click();
    await visible(page.getByText(/第2版「令和8年度改定（確認）」の改定を開始しました/));

    // in the draft: rename 1-1-3 and give it a second department
    await page.getByRole("link", { name: "計画の構成を開いて変更する" }).click();
    await visible(page.getByRole("note", { name: "改定案を表示中" }));
    await page.getByRole("button", { name: new RegExp(`^編集.*${ITEM}$`) }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("名称").fill(RENAMED);
    await dialog.getByRole("group", { name: "担当課" }).getByLabel("高齢支援課").check();
    await dialog.getByRole("button", { name: "保存" }).click();
    await visible(page.getByText(`「${RENAMED}」を保存しました。`));

    // in the draft: the 令和8年度 target
    await page.goto(`${web.baseUrl}/indicators?planId=${planId}&fy=2026&revision=draft`);
    await visible(page.getByRole("note", { name: "改定案を表示中" }));
    await page.getByRole("button", { name: new RegExp(`目標を編集.*${INDICATOR}`) }).click();
    const targetForm = page.getByRole("form", { name: new RegExp(`「${INDICATOR}」の目標`) });
    await targetForm.getByLabel("目標（令和8年度）").fill("15回以上");
    await targetForm.getByRole("button", { name: "目標を保存" }).click();
    await visible(page.getByText(`「${INDICATOR}」の令和8年度の目標を保存しました。`, { exact: false }));
    await visible(page.locator("table.indicator-table tr", { hasText: INDICATOR }).getByText("15回以上"));

    // while 第2版 is 案: the plan office's own screens outside the draft show what is in force …
    const asOffice = await seenBy(page);
    expect(asOffice.summaryRow).toContain(ITEM);
    expect(asOffice.summaryRow).not.toContain(RENAMED);
    expect(asOffice.target).toContain("10回以上");
    expect(asOffice.target).not.toContain("15回以上");
    expect(asOffice.planRow).toContain(ITEM);
    expect(asOffice.planRow).not.toContain("高齢支援課");
    await visible(page.getByRole("link", { name: "改定案（第2版）を表示・編集する" }));

    // … and so do a committee member's
    const member = await newPage(browser);
    await login(member.page, web.baseUrl, "iin");
    const asMember = await seenBy(member.page);
    expect(asMember.summaryRow).toContain(ITEM);
    expect(asMember.summaryRow).not.toContain(RENAMED);
    expect(asMember.target).toContain("10回以上");
    expect(asMember.planRow).not.toContain(RENAMED);
    expect(await member.page.getByRole("link", { name: /改定案/ }).count()).toBe(0);
    await member.page.goto(`${web.baseUrl}/revisions?planId=${planId}`);
    await visible(member.page.getByRole("table", { name: "改定の版の一覧" }).getByRole("row", { name: /第1版/ }));
    expect(await member.page.getByRole("row", { name: /第2版/ }).count()).toBe(0);

    // … and the department that the draft adds does not get the sheet
    const korei = await newPage(browser);
    await login(korei.page, web.baseUrl, "korei");
    await korei.page.goto(`${web.baseUrl}/evaluations?planId=${planId}&fy=2025`);
    await visible(korei.page.getByRole("link", { name: "生活支援コーディネーターの配置" }));
    expect(await korei.page.getByRole("link", { name: new RegExp(`${ITEM}|${RENAMED}`) }).count()).toBe(0);

    // approved: the plan in force and next year's targets show the changes; the years evaluated under 第1版 do not
    await page.goto(`${web.baseUrl}/revisions?planId=${planId}`);
    await page.getByRole("button", { name: /この改定を承認/ }).click();
    await page
      .getByRole("dialog", { name: /第2版「令和8年度改定（確認）」の承認/ })
      .getByRole("button", { name: "承認する" })
      .click();
    await visible(page.getByText("第2版「令和8年度改定（確認）」を承認しました。"));
    const afterApproval = await seenBy(member.page);
    expect(afterApproval.planRow).toContain(RENAMED);
    expect(afterApproval.planRow).toContain("高齢支援課");
    expect(afterApproval.target).toContain("15回以上");
    expect(afterApproval.summaryRow).toContain(ITEM);
    expect(afterApproval.summaryRow).not.toContain(RENAMED);
    await korei.page.goto(`${web.baseUrl}/evaluations?planId=${planId}&fy=2025`);
    await visible(korei.page.getByRole("link", { name: "生活支援コーディネーターの配置" }));
    expect(await korei.page.getByRole("link", { name: new RegExp(`${ITEM}|${RENAMED}`) }).count()).toBe(0);

    await korei.context.close();
    await member.context.close();
    await office.context.close();
  });
});
