import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "./support.js";

const seed = fileURLToPath(new URL("../../../shared/seeds/000_0609a957ecd4939b.txt", import.meta.url));

describe("import of an evaluation document in the browser", () => {
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

  it("previews the Meguro evaluation (counts and warnings), commits it and lists the plan", async () => {
    expect(existsSync(seed), `seed file missing: ${seed}`).toBe(true);
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");
    await page.getByRole("link", { name: "取込", exact: true }).click();
    await visible(page.getByRole("heading", { level: 1, name: "取込" }));
    await page.getByLabel("取り込むファイル").setInputFiles(seed);
    await page.getByRole("button", { name: "内容を確認" }).click();

    const preview = page.getByRole("heading", { name: "取込内容の確認" });
    const failure = page.getByRole("alert");
    await visible(preview.or(failure), 60_000);
    if (await failure.isVisible()) {
      throw new Error(
        `the import preview failed: ${await failure.textContent()} (is POST /api/imports/preview in place?)`,
      );
    }

    // counts read from the document: 基本目標 / 施策 / 事業 / 評価表
    const counts = page.getByRole("table", { name: "読み取った件数" });
    const cells = (await counts.locator("tbody td").allTextContents()).map((t) => Number(t.trim()));
    expect(cells[0]).toBeGreaterThan(0);
    expect(cells[1]).toBeGreaterThan(0);
    expect(cells[2]).toBeGreaterThanOrEqual(60);
    expect(cells[3]).toBeGreaterThan(0);
    await visible(page.getByRole("table", { name: "評価ごとの件数（評価表による）" }));
    // the hand-made summary disagrees with itself: at least one such warning is listed
    await visible(page.getByRole("cell", { name: /^(評価の不一致|合計行の見出しの誤り)$/ }));

    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await visible(page.getByText(/取り込みました。|既に取り込まれています/), 120_000);
    await page.getByRole("link", { name: "計画一覧", exact: true }).first().click();
    await visible(page.getByRole("heading", { level: 1, name: "計画一覧" }));
    await visible(page.getByRole("link", { name: /目黒区保健医療福祉計画/ }));
    await context.close();
  });
});
