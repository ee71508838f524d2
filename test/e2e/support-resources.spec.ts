import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * 地域資源 in the browser: staff find one by 地区 and tag and record a month of it as a community hub, a provider
 * proposes one, a coordinator accepts it.
 */
describe("the resource directory (地域資源)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("finds a resource by 地区 and tag and records a hub's month; a provider's proposal is accepted by a coordinator; no serious axe violation", async () => {
    const found: string[] = [];
    const staff = await newPage(browser);
    await login(staff.page, web.baseUrl, "kikan");
    await staff.page.goto(`${web.baseUrl}/support/resources`);
    await visible(staff.page.getByRole("link", { name: "なかよし子ども食堂" }));
    await staff.page.getByLabel("地区").selectOption({ label: "南地区" });
    await staff.page.getByLabel("タグ").fill("畑");
    await visible(staff.page.getByRole("caption").filter({ hasText: "地域資源（1件）" }));
    await visible(staff.page.getByRole("link", { name: "みなみ畑の居場所" }));
    expect(await staff.page.getByRole("link", { name: "なかよし子ども食堂" }).count()).toBe(0);
    expect(await staff.page.evaluate(() => document.documentElement.dataset.paper)).toBe("a4-landscape");
    found.push(...(await seriousViolations(staff.page, "地域資源の一覧")));
    await staff.page.getByRole("link", { name: "みなみ畑の居場所" }).click();
    await visible(staff.page.getByRole("heading", { level: 1, name: "みなみ畑の居場所" }));
    // as a community hub, the month's participation: a number and the organisations that joined
    await staff.page.getByLabel(/^月/).fill("2025-06");
    await staff.page.getByLabel(/^参加者数/).fill("14");
    await staff.page.getByLabel("参加した団体・機関").fill("南地区まちづくり協議会\n南地区民生委員協議会");
    await staff.page.getByRole("button", { name: "記録する" }).click();
    await visible(staff.page.getByRole("cell", { name: "令和7年6月" }));
    await visible(staff.page.getByRole("cell", { name: "南地区まちづくり協議会・南地区民生委員協議会" }));
    found.push(...(await seriousViolations(staff.page, "地域資源")));
    await staff.context.close();

    const provider = await newPage(browser);
    await login(provider.page, web.baseUrl, "jigyosha");
    await provider.page.goto(`${web.baseUrl}/support/resources`);
    await provider.page.getByRole("link", { name: "地域資源を提案する" }).click();
    await visible(provider.page.getByRole("heading", { level: 1, name: "地域資源の提案" }));
    // the form says what is missing, field by field
    await provider.page.getByRole("button", { name: "提案する" }).click();
    await visible(provider.page.getByText("名称を入力してください"));
    found.push(...(await seriousViolations(provider.page, "地域資源の提案")));
    await provider.page.getByLabel(/^名称/).fill("ひだまり将棋の会");
    await provider.page.getByLabel("種別").selectOption({ label: "サロン" });
    await provider.page.getByLabel("運営団体の名前").fill("ひだまり将棋クラブ（架空）");
    await provider.page.getByLabel("地区").selectOption({ label: "北地区" });
    await provider.page.getByLabel("土曜日").check();
    await provider.page.getByLabel("高齢者").check();
    await provider.page.getByLabel("タグ").fill("将棋 室内");
    await provider.page.getByRole("button", { name: "提案する" }).click();
    await visible(provider.page.getByRole("heading", { level: 1, name: "ひだまり将棋の会" }));
    await visible(provider.page.getByText("提案中"));
    await provider.context.close();

    const coord = await newPage(browser);
    await login(coord.page, web.baseUrl, "coord");
    await coord.page.goto(`${web.baseUrl}/support/resources`);
    await coord.page.getByLabel("状態").selectOption({ label: "提案中" });
    await coord.page.getByRole("link", { name: "ひだまり将棋の会" }).click();
    await visible(coord.page.getByRole("heading", { level: 2, name: "提案への対応" }));
    found.push(...(await seriousViolations(coord.page, "提案への対応")));
    await coord.page.getByLabel("受け入れて公開する").check();
    await coord.page.getByRole("button", { name: "決定する" }).click();
    await visible(coord.page.getByRole("link", { name: "この地域資源を編集する" }));
    await visible(coord.page.getByText("公開中"));
    expect(found).toEqual([]);
    await coord.context.close();
  });
});
