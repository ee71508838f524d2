import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import {
  closeBrowserApp,
  login,
  newPage,
  openBrowserApp,
  openTab,
  unfold,
  until,
  visible,
  type WebApp,
} from "../helpers/browser.js";

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
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

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

    await page.goto(`${web.baseUrl}/users`);
    await visible(page.getByRole("heading", { level: 1, name: "利用者管理" }));
    await visible(page.getByRole("table", { name: "利用者の一覧" }));
    // the form with the server's field messages, then the edit dialog with the agency field
    await page.getByRole("button", { name: "利用者を登録" }).click();
    await visible(page.getByRole("form", { name: "利用者の登録" }).getByRole("alert"));
    found.push(...(await seriousViolations(page, "利用者管理")));
    await page.getByRole("button", { name: /^変更.*korei/ }).click();
    await visible(page.getByRole("dialog"));
    found.push(...(await seriousViolations(page, "利用者の変更ダイアログ")));
    await page.keyboard.press("Escape");

    await page.goto(`${web.baseUrl}/audit?action=change`);
    await visible(page.getByRole("heading", { level: 1, name: "監査ログ" }));
    await visible(page.getByRole("table", { name: /監査ログの記録/ }));
    await page.getByLabel("開始日").fill("令和7年2月30日");
    await page.getByRole("button", { name: "検索" }).click();
    await visible(page.getByRole("alert"));
    found.push(...(await seriousViolations(page, "監査ログ")));

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
    // targets and indicators change in the draft of the revision: the same page on the draft
    await page.goto(`${web.baseUrl}/indicators?planId=${planId}&fy=2025&revision=draft`);
    await visible(page.getByRole("note", { name: "改定案を表示中" }));
    found.push(...(await seriousViolations(page, "指標（改定案）")));
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
    await page.getByRole("button", { name: /改定案を削除/ }).click();
    const deleteDialog = page.getByRole("dialog", { name: /改定案の削除/ });
    await visible(deleteDialog);
    found.push(...(await seriousViolations(page, "改定案の削除ダイアログ")));
    // confirming deletes the draft: the list keeps only the approved baseline
    await deleteDialog.getByRole("button", { name: "改定案を削除する" }).click();
    await visible(page.getByText(/第2版「.+」の改定案を削除しました。/));
    await visible(page.getByRole("button", { name: "次年度の改定を開始" }));
    expect(await page.getByRole("button", { name: "次年度の改定を開始" }).isEnabled()).toBe(true);
    expect(await page.getByRole("row", { name: /第2版/ }).count()).toBe(0);

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
    // the sheet's error summary takes the focus (a focused region, not an alert read twice)
    await visible(dept.page.getByRole("region", { name: "保存または提出できませんでした" }));
    found.push(...(await seriousViolations(dept.page, "評価表（指標と評価の目安）")));
    await dept.context.close();

    expect(found).toEqual([]);
  });

  it("multi-layered support pages (つなぐシート, 対象者, 支援機関)", async () => {
    const found: string[] = [];
    // the support side's settings are its administrator's
    const office = await newPage(browser);
    await login(office.page, web.baseUrl, "shienkanri");
    await office.page.goto(`${web.baseUrl}/support/agencies`);
    await visible(office.page.getByRole("table", { name: /支援機関・登録事業者の一覧/ }));
    // an empty registration: the server's field message next to the name
    await office.page.getByRole("button", { name: "登録する" }).click();
    await visible(office.page.getByText("機関名を入力してください").first());
    found.push(...(await seriousViolations(office.page, "支援機関")));
    await office.page.goto(`${web.baseUrl}/support/concerns`);
    await visible(office.page.getByRole("table", { name: /分類の一覧/ }));
    // an empty name: the message next to the field
    await office.page.getByRole("button", { name: "一覧に追加" }).click();
    await visible(office.page.getByText("分類名を入力してください").first());
    found.push(...(await seriousViolations(office.page, "相談の分類")));
    await office.context.close();

    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "coord");
    await page.goto(`${web.baseUrl}/support/referrals?box=all`);
    await visible(page.getByRole("table", { name: /すべてのつなぐシート/ }));
    found.push(...(await seriousViolations(page, "つなぐシートの一覧")));

    await page.getByRole("link", { name: /架空 花子/ }).click();
    await visible(page.getByRole("heading", { name: "状態の履歴" }));
    found.push(...(await seriousViolations(page, "つなぐシートの詳細")));
    await page.getByRole("button", { name: "転送" }).click();
    await visible(page.getByRole("dialog"));
    found.push(...(await seriousViolations(page, "つなぐシートの転送ダイアログ")));
    await page.keyboard.press("Escape");

    await page.goto(`${web.baseUrl}/support/referrals/new`);
    await visible(page.getByRole("heading", { level: 1, name: "つなぐシートの作成" }));
    const register = page.getByRole("form", { name: "新しく登録する" });
    await register.getByRole("button", { name: "登録して次へ" }).click();
    await visible(register.getByRole("alert"));
    found.push(...(await seriousViolations(page, "つなぐシートの作成（対象者）")));
    await register.getByLabel("氏名").fill("架空 花子");
    await register.getByLabel(/^ふりがな/).fill("カクウ ハナコ");
    await register.getByLabel("生年月日").fill("1943-10-10");
    await register.getByRole("button", { name: "登録して次へ" }).click();
    await visible(page.getByRole("table", { name: /似ている記録/ }));
    found.push(...(await seriousViolations(page, "つなぐシートの作成（似ている人）")));
    await page.getByRole("button", { name: "今登録した記録で進む" }).click();
    await page.getByRole("button", { name: "内容を確認" }).click();
    await visible(page.getByText("困りごとを1つ以上選んでください").first());
    found.push(...(await seriousViolations(page, "つなぐシートの作成（内容）")));

    await page.goto(`${web.baseUrl}/support/persons`);
    await page.getByLabel("ふりがな・氏名（先頭から）").fill("かくう");
    await page.getByRole("button", { name: "検索" }).click();
    await visible(page.getByRole("table", { name: /検索結果/ }));
    await page.getByRole("checkbox").nth(0).check();
    await page.getByRole("checkbox").nth(1).check();
    await visible(page.getByRole("heading", { name: "同じ人として関連付ける" }));
    await page
      .getByRole("button", { name: /^表示.*世帯・ケース/ })
      .first()
      .click();
    await visible(page.getByRole("button", { name: /^閉じる.*世帯・ケース/ }));
    found.push(...(await seriousViolations(page, "対象者の検索（世帯・ケースを表示）")));

    await page.goto(`${web.baseUrl}/support/cases`);
    await visible(page.getByRole("table", { name: /ケースの一覧/ }));
    found.push(...(await seriousViolations(page, "ケースの一覧")));
    await page.getByRole("link", { name: /つなぐ 太郎/ }).click();
    await visible(page.getByRole("region", { name: "現在の状況" }));
    await unfold(page, "段階の履歴");
    found.push(...(await seriousViolations(page, "ケースの詳細（段階・課題）")));
    await openTab(page, "支援経過");
    await visible(page.getByRole("heading", { name: "支援経過" }));
    await openTab(page, "アセスメント");
    await page.getByRole("button", { name: /^表示/ }).first().click();
    await visible(page.getByRole("heading", { name: /アセスメント 第\d+版/ }));
    found.push(...(await seriousViolations(page, "ケースの詳細（アセスメント）")));
    await openTab(page, "同意・チーム");
    await page.getByRole("button", { name: "同意を記録" }).click();
    await visible(page.getByRole("form", { name: "本人同意の記録" }));
    found.push(...(await seriousViolations(page, "ケースの詳細（同意・チーム）")));
    await openTab(page, "段階・課題");
    await page.getByRole("button", { name: /^次へ/ }).click();
    await visible(page.getByRole("dialog"));
    found.push(...(await seriousViolations(page, "ケースの段階ダイアログ")));
    await page.keyboard.press("Escape");
    await context.close();

    const outsider = await newPage(browser);
    await login(outsider.page, web.baseUrl, "kikan");
    await outsider.page.goto(`${web.baseUrl}/support/referrals`);
    await visible(outsider.page.getByRole("heading", { level: 1, name: "つなぐシート" }));
    found.push(...(await seriousViolations(outsider.page, "つなぐシートの一覧（受信）")));
    await outsider.context.close();

    expect(found).toEqual([]);
  });

  it("case pages (opening a case from a referral, team, consent, assessment versions)", async () => {
    // a sheet about a demo household member, sent to and accepted by the coordinators
    const staff = await ApiClient.login(web.baseUrl, "houkatsu");
    const person = (await staff.post("/api/persons/search", { query: "カクウ ケンイチ" })).body.persons[0] as {
      id: string;
    };
    const sent = await staff.post("/api/referrals", {
      personId: person.id,
      toAgencyId: null,
      concerns: ["8050"],
      observed: "母の介護で仕事を休みがちと話していた（テスト）。",
      urgency: "中",
      consent: "unknown",
    });
    expect(sent.status).toBe(201);
    const coordApi = await ApiClient.login(web.baseUrl, "coord");
    const accepted = await coordApi.post(
      `/api/referrals/${sent.body.referral.id}/transition`,
      { to: "accepted", reason: null },
      { "if-match": `"${sent.body.referral.version}"` },
    );
    expect(accepted.status).toBe(200);

    const found: string[] = [];
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "coord");
    await page.goto(`${web.baseUrl}/support/referrals/${sent.body.referral.id}`);
    await visible(page.getByRole("link", { name: "このつなぐシートからケースを開始" }));
    found.push(...(await seriousViolations(page, "つなぐシートの詳細（ケースの開始へ）")));
    await page.getByRole("link", { name: "このつなぐシートからケースを開始" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "ケースの開始" }));
    await visible(page.getByRole("table", { name: /世帯員/ }));
    found.push(...(await seriousViolations(page, "ケースの開始")));
    await page.getByRole("button", { name: /ケースを開始$/ }).click();
    await visible(page.getByText("主担当機関を選んでください").first());
    found.push(...(await seriousViolations(page, "ケースの開始（入力の誤り）")));
    await page.getByRole("button", { name: "世帯員を加える" }).click();
    const register = page.getByRole("form", { name: "新しく登録する" });
    await register.getByRole("button", { name: /^登録して/ }).click();
    await visible(register.getByRole("alert"));
    found.push(...(await seriousViolations(page, "ケースの開始（世帯員の追加）")));
    await register.getByLabel("氏名").fill("架空 健一");
    await register.getByLabel(/^ふりがな/).fill("かくう けんいち");
    await register.getByLabel("生年月日").fill("1970-12-01");
    await register.getByRole("button", { name: /^登録して/ }).click();
    await visible(page.getByRole("table", { name: /似ている記録/ }));
    found.push(...(await seriousViolations(page, "ケースの開始（似ている人）")));

    await page.goto(`${web.baseUrl}/support/cases`);
    await page.getByRole("link", { name: /つなぐ 太郎/ }).click();
    await openTab(page, "会議");
    // the tabs by keyboard: an arrow key moves to the next tab and selects it; the URL keeps it over a reload
    await page.getByRole("tab", { name: /^会議/ }).press("ArrowRight");
    const records = page.getByRole("tab", { name: /^支援経過/ });
    await until(async () => (await records.getAttribute("aria-selected")) === "true", "ArrowRight selects 支援経過");
    expect(await records.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get("tab")).toBe("records");
    await page.reload();
    await visible(page.getByRole("tabpanel", { name: /^支援経過/ }).getByRole("heading", { name: "支援経過" }));
    await openTab(page, "同意・チーム");
    await unfold(page, "チームの変更履歴");
    await visible(page.getByRole("region", { name: /本人同意/ }));
    await openTab(page, "アセスメント");
    await page.getByRole("button", { name: "アセスメントの新しい版を作成" }).click();
    await visible(page.getByRole("form", { name: /アセスメントの新しい版/ }));
    found.push(...(await seriousViolations(page, "ケースの詳細（アセスメントの新しい版）")));
    await page.getByRole("button", { name: "キャンセル" }).click();
    await page.getByRole("button", { name: /^表示.*第2版/ }).click();
    await page.getByLabel(/前の版（第1版）と並べて比べる/).check();
    await visible(page.getByRole("table", { name: "第1版と第2版の比較" }));
    found.push(...(await seriousViolations(page, "ケースの詳細（アセスメントの比較）")));
    await openTab(page, "段階・課題");
    await page.getByRole("button", { name: "課題・主担当機関を変更" }).click();
    await visible(page.getByRole("form", { name: "課題・主担当機関の変更" }));
    await unfold(page, "課題の変更履歴");
    found.push(...(await seriousViolations(page, "ケースの詳細（課題・主担当機関の変更）")));
    await page
      .getByRole("form", { name: "課題・主担当機関の変更" })
      .getByRole("button", { name: "キャンセル" })
      .click();
    await openTab(page, "本人・世帯");
    await page.getByRole("button", { name: "世帯員を加える" }).click();
    await visible(page.getByRole("heading", { name: "世帯員を加える" }));
    found.push(...(await seriousViolations(page, "ケースの詳細（世帯員を加える）")));
    await page.getByRole("button", { name: "世帯員の追加をやめる" }).click();
    await openTab(page, "同意・チーム");
    await page
      .getByRole("button", { name: /チームから外す/ })
      .first()
      .click();
    await visible(page.getByRole("dialog"));
    found.push(...(await seriousViolations(page, "チームから外すダイアログ")));
    await page.keyboard.press("Escape");
    await context.close();

    expect(found).toEqual([]);
  });
});
