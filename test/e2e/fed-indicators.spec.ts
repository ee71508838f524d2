import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPRESSED_NOT_ACCEPTABLE } from "../../src/domain/labels/fed-indicators.js";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "../helpers/browser.js";

/**
 * An indicator fed by a computed measure, end to end on the demo: the plan office links 相談支援の延べ件数 to the
 * count of 支援経過 (7 in the demo's 令和7年度, enough to be shown to the plan side), sees the suggested actual, and
 * 福祉相談課 accepts it on its 評価表, then replaces it with another value and the reason it differs.
 */
const INDICATOR = "相談支援の延べ件数";

async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

describe("indicators fed by computed measures in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp({ demoIndicators: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("the plan office links an indicator to a measure, sees the suggested actual, the department accepts it on the sheet, then enters another value with its reason", async () => {
    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "keikaku");
    const planId = (await getJson<{ plans: { id: string }[] }>(office.page, `${web.baseUrl}/api/plans`)).plans[0]?.id;
    const list = await getJson<{ indicators: { id: string; name: string }[] }>(
      office.page,
      `${web.baseUrl}/api/plans/${planId}/indicators?fiscalYear=2025`,
    );
    const indicatorId = list.indicators.find((i) => i.name === INDICATOR)?.id;
    expect(indicatorId).toBeTruthy();

    // the plan office chooses the measure; its definition is shown before saving
    await office.page.goto(`${web.baseUrl}/indicators/${indicatorId}`);
    await visible(office.page.getByRole("heading", { level: 1, name: `指標の推移: ${INDICATOR}` }));
    const section = office.page.getByRole("region", { name: "集計値とつなぐ" });
    await visible(section.getByText("この指標は集計値とつながっていません。"));
    const form = section.getByRole("form", { name: "集計値とつなぐ" });
    await form.getByLabel("集計値").selectOption({ label: "支援経過の延べ件数" });
    await visible(form.getByText(/定義: 記録日が年度内の支援経過の延べ件数/));
    await form.getByLabel("内訳").selectOption({ label: "合計" });
    await form.getByRole("button", { name: "集計値とつなぐ" }).click();
    await visible(section.getByText("集計値とつなぎました。"));

    // the suggested actual of each year: 令和7年度 counts 7, 令和6年度's 2 is suppressed for the plan side
    const table = section.getByRole("table", { name: /年度ごとの提案値/ });
    await visible(table.getByRole("row", { name: /令和7年度 7件 現在の集計/ }));
    await visible(table.getByRole("row", { name: /令和6年度 5未満/ }));
    await visible(section.getByText("絞り込みなし（市全体）"));
    await expectAxeClean(office.page);
    await office.context.close();

    // the department opens its 評価表 of 令和7年度 and accepts the suggestion
    const dept = await newPage(browser);
    await login(dept.page, web.baseUrl, "soudan");
    const sheets = await getJson<{ sheets: { id: string; item: { code: string } | null }[] }>(
      dept.page,
      `${web.baseUrl}/api/plans/${planId}/evaluations/2025/sheets`,
    );
    const sheet = sheets.sheets.find((s) => s.item?.code === "1-1-2");
    await dept.page.goto(`${web.baseUrl}/sheets/${sheet?.id}`);
    await visible(dept.page.getByRole("heading", { level: 1, name: "事業別評価表（令和7年度）" }));
    const suggestions = dept.page.getByRole("region", { name: "集計値からの提案値" });
    await visible(suggestions.getByRole("heading", { name: INDICATOR }));
    // a suppressed suggestion says why it cannot be taken as a number, and offers no button to take it
    await visible(suggestions.getByText(SUPPRESSED_NOT_ACCEPTABLE));
    expect(await suggestions.getByRole("button", { name: /「関係機関へのつなぎ件数」の提案値/ }).count()).toBe(0);
    await expectAxeClean(dept.page);

    await suggestions.getByRole("button", { name: `「${INDICATOR}」の提案値（7）を実績として採用` }).click();
    await visible(suggestions.getByText("提案値を実績として保存しました。"));
    await visible(suggestions.locator("dd").getByText("提案値を採用", { exact: true }));
    // the sheet's indicator table shows the actual taken from the suggestion
    const indicators = dept.page.getByRole("table", { name: /この事業の指標/ });
    await visible(indicators.getByRole("row", { name: new RegExp(`${INDICATOR}.*7件`) }));
    // another value than the suggestion: refused without the reason it differs, saved with it
    await suggestions.getByRole("button", { name: `「${INDICATOR}」に提案値と異なる実績を入力` }).click();
    const other = suggestions.getByRole("form", { name: `「${INDICATOR}」の実績（令和7年度）` });
    await other.getByLabel("実績値").fill("9");
    await other.getByRole("button", { name: "実績を保存" }).click();
    await visible(other.getByText("提案値（7）と異なる実績とするときは、その理由を入力してください"));
    await expectAxeClean(dept.page);
    await other.getByLabel("提案値と異なる理由").fill("窓口の手書き記録2件を加算");
    await other.getByRole("button", { name: "実績を保存" }).click();
    await visible(suggestions.getByText("実績を保存しました。"));
    await visible(suggestions.getByText("提案値と異なる値（理由あり）（理由: 窓口の手書き記録2件を加算）"));
    await visible(indicators.getByRole("row", { name: new RegExp(`${INDICATOR}.*9件`) }));

    const series = await getJson<{
      points: {
        fiscalYear: number;
        actual: {
          value: number;
          fed: { decision: string; reason: string | null; suggested: { value: number | null } };
        } | null;
      }[];
    }>(dept.page, `${web.baseUrl}/api/indicators/${indicatorId}/series`);
    expect(series.points.find((p) => p.fiscalYear === 2025)?.actual).toMatchObject({
      value: 9,
      fed: { decision: "other", reason: "窓口の手書き記録2件を加算", suggested: { value: 7 } },
    });
    await expectAxeClean(dept.page);
    await dept.context.close();
  });
});
