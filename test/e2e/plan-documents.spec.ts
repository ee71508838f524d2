import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

const implementationPlan = fileURLToPath(new URL("../../../shared/seeds/002_d34aff6a9cbdb26d.txt", import.meta.url));

describe("import of an implementation plan (実施計画) in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("previews counts, targets by kind, free texts and warnings with lines, commits, and lists the indicators", async () => {
    expect(existsSync(implementationPlan), `seed file missing: ${implementationPlan}`).toBe(true);
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "keikaku");
    await page.goto(`${web.baseUrl}/imports`);
    await page.getByLabel("取り込むファイル").setInputFiles(implementationPlan);
    await page.getByRole("button", { name: "内容を確認" }).click();
    await visible(page.getByRole("heading", { name: "取込内容の確認" }).or(page.getByRole("alert")), 60_000);
    await visible(page.getByText("実施計画（重点取組の個別シート）"));

    const counts = page.getByRole("table", { name: "読み取った件数" });
    const headers = (await counts.locator("thead th").allTextContents()).map((t) => t.trim());
    const cells = (await counts.locator("tbody td").allTextContents()).map((t) => t.trim());
    const count = (h: string) => Number(cells[headers.indexOf(h)]);
    expect(count("重点取組")).toBeGreaterThan(50);
    expect(count("取組内容")).toBeGreaterThan(50);
    expect(count("指標")).toBeGreaterThan(50);

    const kinds = page.getByRole("table", { name: /目標の種類ごとの件数/ });
    const kindHeaders = (await kinds.locator("thead th").allTextContents()).map((t) => t.trim());
    const kindCells = (await kinds.locator("tbody td").allTextContents()).map((t) => Number(t.trim()));
    expect(kindCells[kindHeaders.indexOf("数値")]).toBeGreaterThan(0);
    expect(kindCells[kindHeaders.indexOf("段階")]).toBeGreaterThan(0);
    await visible(page.getByRole("heading", { name: /分類が必要な文章の目標（\d+種類）/ }));
    // warnings name their line
    const warnings = page.getByRole("table", { name: "警告の一覧" });
    const firstLine = Number((await warnings.locator("tbody tr td:nth-child(2)").first().textContent())?.trim());
    expect(firstLine).toBeGreaterThan(0);

    // the plan's 担当課 not registered yet are registered only because the plan office says so
    await visible(page.getByRole("table", { name: "文書に書かれた課と取込での扱い" }));
    await page.getByRole("button", { name: "未選択の課をすべて新しい課として登録" }).click();
    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await visible(page.getByText(/取り込みました。|既に取り込まれています/), 120_000);
    await page.getByRole("link", { name: "取り込んだ計画を開く" }).click();
    await visible(page.getByRole("heading", { level: 1, name: /実施計画/ }));
    const planId = new URL(page.url()).pathname.split("/").pop() ?? "";

    await page.goto(`${web.baseUrl}/indicators?planId=${planId}&fy=2024`);
    await visible(page.getByRole("heading", { name: "令和6年度の指標" }));
    expect(await page.locator("table.indicator-table tbody tr:not(.group-row)").count()).toBeGreaterThan(20);

    await page.goto(`${web.baseUrl}/matrix?planId=${planId}`);
    await visible(page.getByRole("table", { name: /担当課×/ }));
    expect(await page.locator("td.matrix-mark.own").count()).toBeGreaterThan(20);
    await context.close();
  });
});
