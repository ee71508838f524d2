import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api-client.js";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "./support.js";

const implementationPlan = fileURLToPath(new URL("../../../shared/seeds/002_d34aff6a9cbdb26d.txt", import.meta.url));

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) {
    console.error(
      `axe: ${name}\n${bad
        .map(
          (v) =>
            `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary ?? ""}`).join("\n")}`,
        )
        .join("\n")}`,
    );
  }
  return bad.map((v) => `${name}: ${v.id}`);
}

describe("accessibility (axe: no serious or critical violations)", () => {
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

  it("main pages", async () => {
    const { context, page } = await newPage(browser);
    const found: string[] = [];

    await page.goto(`${web.baseUrl}/login`);
    await visible(page.getByRole("heading", { level: 1, name: "ログイン" }));
    found.push(...(await seriousViolations(page, "ログイン")));

    await login(page, web.baseUrl, "keikaku");
    await page.goto(`${web.baseUrl}/plans`);
    await visible(page.getByRole("heading", { level: 1, name: "計画一覧" }));
    await visible(page.getByRole("table"));
    found.push(...(await seriousViolations(page, "計画一覧")));

    await page.getByRole("link", { name: "つなぐ市地域福祉総合計画" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "つなぐ市地域福祉総合計画" }));
    await visible(page.getByRole("table"));
    found.push(...(await seriousViolations(page, "計画の構成")));

    await page.getByRole("button", { name: /^編集/ }).first().click();
    await visible(page.getByRole("dialog"));
    found.push(...(await seriousViolations(page, "項目の編集ダイアログ")));
    await page.keyboard.press("Escape");

    await page.goto(`${web.baseUrl}/evaluations`);
    await visible(page.getByRole("heading", { name: /の評価表$/ }));
    await visible(page.locator("tbody tr").first());
    found.push(...(await seriousViolations(page, "評価一覧")));

    await page.locator("tbody tr").first().getByRole("link").click();
    await visible(page.getByRole("heading", { level: 1, name: /事業別評価表/ }));
    await visible(page.getByRole("heading", { name: "変更履歴" }));
    found.push(...(await seriousViolations(page, "評価表")));

    await page.goto(`${web.baseUrl}/summary`);
    await visible(page.locator("table.summary"));
    found.push(...(await seriousViolations(page, "総括表")));

    await page.goto(`${web.baseUrl}/imports`);
    await visible(page.getByRole("heading", { level: 1, name: "取込" }));
    found.push(...(await seriousViolations(page, "取込")));

    await page.goto(`${web.baseUrl}/departments`);
    await visible(page.getByRole("heading", { level: 1, name: "課の管理" }));
    await visible(page.getByRole("table"));
    found.push(...(await seriousViolations(page, "課の管理")));

    await context.close();
    expect(found).toEqual([]);
  });

  it("indicator, revision and department pages", async () => {
    // data: two indicators (a number and a stage) with actuals on a 高齢支援課 project, a revision with a change
    const api = await ApiClient.login(web.baseUrl, "keikaku");
    const planId = (await api.get("/api/plans")).body.plans[0].id as string;
    const plan = (await api.get(`/api/plans/${planId}`)).body as {
      items: { id: string; title: string; code: string; version: number }[];
    };
    const item = plan.items.find((i) => i.title === "生活支援コーディネーターの配置");
    expect(item).toBeTruthy();
    const create = async (name: string, targets: [number, string][]) =>
      (
        await api.post(`/api/plans/${planId}/indicators`, {
          itemId: item?.id,
          kind: "activity",
          name,
          baselineSource: targets[0]?.[1].includes("か所") ? "20か所" : null,
          baselineFiscalYear: 2023,
          targets: targets.map(([fiscalYear, source]) => ({ fiscalYear, source })),
        })
      ).body.indicator.id as string;
    const numeric = await create("通いの場の数", [
      [2024, "24か所以上"],
      [2025, "28か所以上"],
      [2026, "32か所以上"],
    ]);
    const stage = await create("生活支援体制の整備", [
      [2024, "検討"],
      [2025, "試行実施"],
      [2026, "実施"],
    ]);
    await api.put(`/api/indicators/${numeric}/actuals/2024`, { kind: "number", value: 22 });
    await api.put(`/api/indicators/${numeric}/actuals/2025`, { kind: "number", value: 29, comment: "新たに5か所" });
    await api.put(`/api/indicators/${stage}/actuals/2025`, { kind: "milestone", step: "調整" });
    expect((await api.post(`/api/plans/${planId}/revisions`, {})).status).toBe(201);
    const other = plan.items.find((i) => i.code === "1-1-2");
    await api.patch(
      `/api/plans/${planId}/items/${other?.id}`,
      { title: `${other?.title}（改）` },
      { "if-match": `"${other?.version}"` },
    );

    const { context, page } = await newPage(browser);
    const found: string[] = [];
    await login(page, web.baseUrl, "keikaku");

    await page.goto(`${web.baseUrl}/indicators?planId=${planId}&fy=2025`);
    await visible(page.getByRole("heading", { name: "令和7年度の指標" }));
    await page.getByRole("button", { name: /実績を修正.*通いの場の数/ }).click();
    await visible(page.getByRole("form", { name: /「通いの場の数」の実績/ }));
    found.push(...(await seriousViolations(page, "指標（実績の入力）")));
    await page.getByRole("button", { name: /目標を編集.*通いの場の数/ }).click();
    await visible(page.getByRole("form", { name: /「通いの場の数」の目標/ }));
    found.push(...(await seriousViolations(page, "指標（目標の編集）")));
    await page.getByRole("button", { name: "指標を追加" }).click();
    const addForm = page.getByRole("form", { name: "指標を追加" });
    await visible(addForm);
    // an empty form: the server's field messages next to the fields
    await addForm.getByRole("button", { name: "指標を追加する" }).click();
    await visible(addForm.getByRole("alert"));
    found.push(...(await seriousViolations(page, "指標の追加")));

    await page.goto(`${web.baseUrl}/indicators/ladder?planId=${planId}`);
    await visible(page.getByRole("heading", { level: 1, name: "段階（マイルストーン）の設定" }));
    await visible(page.getByRole("button", { name: "段階を保存" }));
    found.push(...(await seriousViolations(page, "段階（マイルストーン）の設定")));

    await page.goto(`${web.baseUrl}/indicators/${numeric}`);
    await visible(page.getByRole("img", { name: /推移のグラフ/ }));
    found.push(...(await seriousViolations(page, "指標の推移（数値）")));

    await page.goto(`${web.baseUrl}/indicators/${stage}`);
    await visible(page.getByRole("img", { name: /推移のグラフ/ }));
    found.push(...(await seriousViolations(page, "指標の推移（段階）")));

    await page.goto(`${web.baseUrl}/indicators/attainment?planId=${planId}&fy=2025`);
    await visible(page.getByRole("img", { name: /担当課別の達成の割合/ }));
    found.push(...(await seriousViolations(page, "指標の達成状況")));

    await page.goto(`${web.baseUrl}/revisions?planId=${planId}`);
    await visible(page.getByRole("table", { name: /変更の一覧/ }));
    found.push(...(await seriousViolations(page, "改定")));
    await page.getByRole("button", { name: /この改定を承認/ }).click();
    await visible(page.getByRole("dialog"));
    found.push(...(await seriousViolations(page, "改定の承認ダイアログ")));
    await page.keyboard.press("Escape");

    await page.goto(`${web.baseUrl}/matrix?planId=${planId}`);
    await visible(page.getByRole("table", { name: /担当課×事業/ }));
    found.push(...(await seriousViolations(page, "担当課一覧")));

    if (existsSync(implementationPlan)) {
      await page.goto(`${web.baseUrl}/imports`);
      await page.getByLabel("取り込むファイル").setInputFiles(implementationPlan);
      await page.getByRole("button", { name: "内容を確認" }).click();
      await visible(page.getByRole("table", { name: /目標の種類ごとの件数/ }), 60_000);
      found.push(...(await seriousViolations(page, "取込（実施計画の確認）")));
    }
    await context.close();

    const dept = await newPage(browser);
    await login(dept.page, web.baseUrl, "korei");
    await dept.page.goto(`${web.baseUrl}/my-department?planId=${planId}&fy=2025`);
    await visible(dept.page.getByRole("heading", { name: /生活支援コーディネーターの配置/ }));
    found.push(...(await seriousViolations(dept.page, "自分の課の取組")));

    await dept.page.goto(`${web.baseUrl}/evaluations?planId=${planId}&fy=2025`);
    await dept.page.getByRole("link", { name: "生活支援コーディネーターの配置" }).click();
    await visible(dept.page.getByRole("region", { name: "この事業の指標" }));
    await dept.page.getByLabel(/^AA /).check();
    await dept.page.getByRole("button", { name: "一時保存" }).click();
    await visible(dept.page.getByLabel("目安と異なる評価とする理由"));
    await visible(dept.page.getByRole("alert"));
    found.push(...(await seriousViolations(dept.page, "評価表（指標と評価の目安）")));
    await dept.context.close();

    expect(found).toEqual([]);
  });
});
