import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

const ota = fileURLToPath(new URL("../../../shared/seeds/003_85eef98ea598c221.txt", import.meta.url));

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

describe("the programme registry in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("previews the 13 projects of seed 003 on 取込, commits them, and edits one on the registry", async () => {
    expect(existsSync(ota), `seed file missing: ${ota}`).toBe(true);
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");
    await page.goto(`${web.baseUrl}/imports`);
    await page.getByLabel("取り込むファイル").setInputFiles(ota);
    await page.getByRole("button", { name: "内容を確認" }).click();
    await visible(page.getByRole("heading", { name: "取込内容の確認" }).or(page.getByRole("alert")), 60_000);
    await visible(page.getByText("重層的支援体制整備事業の実施計画（事業一覧）"));
    const read = page.getByRole("table", { name: "読み取った事業（13件）" });
    expect(await read.locator("tbody tr").count()).toBe(13);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "未選択の課をすべて新しい課として登録" }).click();
    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await visible(page.getByText("取り込みました。"), 120_000);
    await page.getByRole("link", { name: "事業一覧を開く" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "重層的支援体制整備事業の事業一覧" }));
    const registry = page.getByRole("table", { name: /重層的支援体制整備事業の事業一覧（13事業）/ });
    await visible(registry);
    expect(await seriousViolations(page)).toEqual([]);

    // project 8 also under 地域づくり支援事業: it is then listed under both
    await page.getByRole("button", { name: /^事業8を\s*編集$/ }).click();
    await page.getByRole("checkbox", { name: "地域づくり支援事業", exact: true }).check();
    await page.getByRole("button", { name: "保存" }).click();
    await visible(page.getByText("「大田区若者サポートセンターフラットおおた」を保存しました。"));
    await expect
      .poll(() => registry.getByRole("rowheader", { name: /大田区若者サポートセンターフラットおおた/ }).count())
      .toBe(2);
    await context.close();
  });
});
