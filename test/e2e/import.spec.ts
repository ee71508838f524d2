import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowserApp, login, newPage, openBrowserApp, visible, type WebApp } from "../helpers/browser.js";

const seed = fileURLToPath(new URL("../../../shared/seeds/000_0609a957ecd4939b.txt", import.meta.url));

describe("import of an evaluation document in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("previews the Meguro evaluation (counts, warnings by kind, CSV, departments), commits it with the plan office's department choices", async () => {
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

    // warnings narrowed to one kind: the ○ shifted in the extracted text are one notice
    const kind = page.getByLabel("警告の種類");
    await kind.selectOption({ label: "○の列ずれ（抽出テキスト）（1件）" });
    const warnings = page.getByRole("table", { name: "警告の一覧" });
    expect(await warnings.locator("tbody tr").count()).toBe(1);
    await visible(warnings.getByRole("cell", { name: /事業26（54行目/ }));
    await kind.selectOption("");
    expect(await warnings.locator("tbody tr").count()).toBeGreaterThan(20);

    // every finding downloaded as CSV (UTF-8 with BOM) with the document's text on its line
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "警告と読み取れなかった行をCSVで保存" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(csv.startsWith("\uFEFF行,種類,内容,原文\r\n")).toBe(true);
    const row54 = csv.split("\r\n").find((l) => l.startsWith("54,"));
    expect(row54).toContain("○の列ずれ（抽出テキスト）");
    expect(row54).toContain("成年後見制度の中核機関の整備");

    // the departments the document names: matched, collective (never registered) or new (the plan office decides)
    const departments = page.getByRole("table", { name: "文書に書かれた課と取込での扱い" });
    await visible(departments.getByRole("row", { name: /^防災課 .*登録済みの「防災課」/ }));
    await visible(departments.getByRole("row", { name: /^各課 .*課の名前ではないため登録しません/ }));
    await page.getByLabel("「健康福祉計画課」の扱い").selectOption({ label: "福祉政策課" });
    await page.getByLabel("「国保年金課」の扱い").selectOption({ label: "登録しない（原文だけ残す）" });

    // importing with names still undecided: told so, and the focus moves to the first of them
    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await visible(page.getByRole("alert").filter({ hasText: /扱いが選ばれていません: 福祉総合課、/ }));
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-department-choice"))).toBe(
      "福祉総合課",
    );
    await page.getByRole("button", { name: "未選択の課をすべて新しい課として登録" }).click();
    await visible(page.getByText("すべて選びました"));

    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await visible(page.getByText(/取り込みました。|既に取り込まれています/), 120_000);
    await visible(departments.getByRole("row", { name: /^健康福祉計画課 .*「福祉政策課」に対応付けました/ }));
    await visible(departments.getByRole("row", { name: /^福祉総合課 .*新しい課として登録しました/ }));

    const registered = (await (await page.request.get(`${web.baseUrl}/api/departments`)).json()).departments.map(
      (d: { name: string }) => d.name,
    );
    expect(registered).toContain("福祉総合課");
    for (const name of ["各課", "関係各課", "健康福祉計画課", "国保年金課"]) expect(registered).not.toContain(name);

    await page.getByRole("link", { name: "計画一覧", exact: true }).first().click();
    await visible(page.getByRole("heading", { level: 1, name: "計画一覧" }));
    await visible(page.getByRole("link", { name: /目黒区保健医療福祉計画/ }));
    await context.close();
  });
});
