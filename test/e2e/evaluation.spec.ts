import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

/** The grand-total row of the 総括表 as {grade code: count}. */
async function summaryTotals(page: Page, baseUrl: string, fiscalYearLabel: string) {
  await page.goto(`${baseUrl}/summary`);
  await page.getByLabel("年度").selectOption({ label: fiscalYearLabel });
  await visible(page.getByRole("table").filter({ hasText: `${fiscalYearLabel}　事業別評価総括表` }));
  const table = page.locator("table.summary");
  const codes = (await table.locator("thead tr").nth(1).locator("th").allTextContents()).map((t) => t.trim());
  const totals = (await table.locator("tfoot tr.total td").allTextContents()).map((t) => Number(t.trim()));
  return Object.fromEntries(codes.map((c, i) => [c, totals[i] ?? Number.NaN]));
}

describe("evaluation workflow in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("a department fills and submits its sheet, the plan office accepts it, and the 総括表 counts it", async () => {
    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "keikaku");
    const before = await summaryTotals(office.page, web.baseUrl, "令和7年度");
    expect(before.A).toBeTypeOf("number");

    const dept = await newPage(browser);
    const page = dept.page;
    await login(page, web.baseUrl, "korei");
    await page.getByRole("link", { name: "評価（自分の担当）" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "評価（自分の担当）" }));
    await page.getByLabel("年度").selectOption({ label: "令和7年度" });
    await page.getByLabel("状態").selectOption({ label: "未着手" });
    await visible(page.getByRole("heading", { name: "令和7年度の評価表" }));
    // every row is the department's own (the rows of the chosen filter arrive after the heading)
    await visible(page.locator("tbody tr td:nth-child(3)"));
    const depts = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(depts.length).toBeGreaterThan(0);
    for (const d of depts) expect(d).toContain("高齢支援課");

    await page.locator("tbody tr").first().getByRole("link").click();
    await visible(page.getByRole("heading", { level: 1, name: "事業別評価表（令和7年度）" }));
    const sheetUrl = page.url();
    await page
      .getByLabel("計画事業の実績等（令和7年度）")
      .fill("地域ケア会議を12回開催し、生活支援コーディネーターを全圏域に配置した。");
    await page.getByLabel("A 達成した・おおむね達成した").check();
    await page.getByLabel("効果又は評価の理由").fill("予定した取組をすべて実施できたため。");
    await page.getByRole("button", { name: "一時保存" }).click();
    await visible(page.getByText("一時保存しました。"));
    await page.getByRole("button", { name: "提出", exact: true }).click();
    await visible(page.getByText("提出しました。"));
    await visible(page.locator(".sheet-meta .status", { hasText: "提出済" }));
    // the history shows the change with before → after
    await visible(
      page.getByRole("cell", { name: "地域ケア会議を12回開催し、生活支援コーディネーターを全圏域に配置した。" }),
    );

    await office.page.goto(sheetUrl);
    await visible(office.page.getByRole("heading", { level: 1, name: "事業別評価表（令和7年度）" }));
    await office.page.getByRole("button", { name: "承認", exact: true }).click();
    await visible(office.page.getByText("承認しました。"));
    await visible(office.page.locator(".sheet-meta .status", { hasText: "承認済" }));

    const after = await summaryTotals(office.page, web.baseUrl, "令和7年度");
    expect(after.A).toBe((before.A ?? 0) + 1);
    await visible(office.page.getByText("評価済 1件中"));
    await office.context.close();
    await dept.context.close();
  });

  it("a refused submission changes nothing; the error summary takes the focus and links to the fields; text fields count their characters", async () => {
    const dept = await newPage(browser);
    const page = dept.page;
    await login(page, web.baseUrl, "shogai");
    const planId = ((await (await page.request.get(`${web.baseUrl}/api/plans`)).json()) as { plans: { id: string }[] })
      .plans[0]?.id;
    const list = (await (
      await page.request.get(`${web.baseUrl}/api/plans/${planId}/evaluations/2025/sheets?status=not_started`)
    ).json()) as { sheets: { id: string; version: number }[] };
    const sheet = list.sheets[0];
    expect(sheet).toBeTruthy();
    await page.goto(`${web.baseUrl}/sheets/${sheet?.id}`);
    await visible(page.getByRole("heading", { level: 1, name: "事業別評価表（令和7年度）" }));
    const history = async () => (await page.request.get(`${web.baseUrl}/api/sheets/${sheet?.id}/history`)).json();
    const historyBefore = await history();

    // the counter: what is typed against the schema's limit, read with the field (aria-describedby)
    const results = page.getByLabel("計画事業の実績等（令和7年度）");
    await results.fill("途中まで書いた実績");
    const countId = `${await results.getAttribute("id")}-count`;
    expect((await results.getAttribute("aria-describedby"))?.split(" ")).toContain(countId);
    await expect.poll(() => page.locator(`[id="${countId}"]`).textContent()).toBe("9／20,000文字");
    // the spoken part is a polite live region, silent far from the limit
    const live = page.locator(`[id="${countId}"] + [aria-live="polite"]`);
    expect(await live.count()).toBe(1);
    await page.waitForTimeout(1200);
    expect(await live.textContent()).toBe("");

    await page.getByRole("button", { name: "提出", exact: true }).click();
    const summary = await visible(page.locator(".error-summary"));
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain("保存または提出できませんでした");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    // each message links to its field
    await summary.getByRole("link", { name: "効果又は評価の理由を入力してください" }).click();
    await expect
      .poll(() => page.getByLabel("効果又は評価の理由").evaluate((el) => el === document.activeElement))
      .toBe(true);
    await summary.getByRole("link", { name: "評価を選んでください" }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe("radio");

    // nothing was saved: still 未着手, same version, no history entry, the text only on screen
    const stored = (await (await page.request.get(`${web.baseUrl}/api/sheets/${sheet?.id}`)).json()) as {
      sheet: { status: string; version: number; results: string | null };
    };
    expect(stored.sheet).toMatchObject({ status: "not_started", version: sheet?.version, results: null });
    expect(await history()).toEqual(historyBefore);
    await visible(page.locator(".sheet-meta .status", { hasText: "未着手" }));
    expect(await results.inputValue()).toBe("途中まで書いた実績");

    // near the limit the count is spoken once typing pauses; over it the counter says by how much
    const issues = page.getByLabel("今後の課題及び事業推進の方策");
    const issuesCountId = `${await issues.getAttribute("id")}-count`;
    const issuesCount = page.locator(`[id="${issuesCountId}"]`);
    await issues.fill("あ".repeat(18_500));
    await expect
      .poll(() => page.locator(`[id="${issuesCountId}"] + [aria-live]`).textContent())
      .toBe("あと1,500文字入力できます。");
    await issues.fill("あ".repeat(20_003));
    await expect.poll(() => issuesCount.textContent()).toBe("20,003／20,000文字（3文字多すぎます）");
    expect(await issuesCount.getAttribute("class")).toContain("over");
    await dept.context.close();
  });

  it("a department cannot open a sheet of another department (見つかりません)", async () => {
    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "keikaku");
    const plans = (await (await office.page.request.get(`${web.baseUrl}/api/plans`)).json()) as {
      plans: { id: string }[];
    };
    const planId = plans.plans[0]?.id;
    expect(planId).toBeTruthy();
    const list = (await (
      await office.page.request.get(`${web.baseUrl}/api/plans/${planId}/evaluations/2025/sheets`)
    ).json()) as { sheets: { id: string; departmentNames: string[] }[] };
    const other = list.sheets.find((s) => !s.departmentNames.includes("高齢支援課"));
    expect(other).toBeTruthy();
    await office.context.close();

    const dept = await newPage(browser);
    await login(dept.page, web.baseUrl, "korei");
    await dept.page.goto(`${web.baseUrl}/sheets/${other?.id}`);
    await visible(dept.page.getByRole("heading", { level: 1, name: "見つかりません" }));
    expect(await dept.page.getByRole("textbox").count()).toBe(0);
    await dept.context.close();
  });
});
