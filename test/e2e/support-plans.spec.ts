import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeBrowserApp,
  login,
  newPage,
  openBrowserApp,
  openTab,
  until,
  visible,
  type WebApp,
} from "../helpers/browser.js";
import { openCaseAsCoordinator } from "../helpers/case-setup.js";
import { approvalMeeting } from "../helpers/support-plans.js";

// an invented person, not in the demo data
const KANA = "シケン プラン";
const WISHES = "住み慣れた家で暮らし続けたい（テスト）";
const GOAL = "通院を再開する（テスト）";
const TASK = "受診に同行する（テスト）";
const MEETING_DAY = "2025-06-10";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

/** A case opened by the coordinator with the person's consent: 地域包括 leads, 基幹 is on the team. */
async function openCase(baseUrl: string) {
  const { coord, agency, caseId } = await openCaseAsCoordinator(baseUrl, {
    person: { nameKana: KANA, nameKanji: "試験 計画" },
    sheet: {
      concerns: ["介護"],
      observed: "通院が途絶えている（テスト）",
      consent: "given",
      consentDate: "2025-05-01",
    },
    address: "つなぐ市南町5-5（テスト）",
  });
  // the 重層的支援会議 that will approve the plan, with the case on its agenda (the meeting screens have their own test)
  await approvalMeeting(
    { as: { coordinator: coord }, agencyId: { coord: agency("多機関協働") } },
    caseId,
    "support",
    MEETING_DAY,
    [agency("地域包括")],
  );
  return caseId;
}

describe("支援プラン in the browser (draft, approval, print, an agency's tasks)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("the lead drafts and approves a plan and prints it; the team agency finds its task and declines it with a reason", async () => {
    const caseId = await openCase(web.baseUrl);
    const lead = await newPage(browser);
    const p = lead.page;
    await login(p, web.baseUrl, "houkatsu");
    await p.goto(`${web.baseUrl}/support/cases/${caseId}`);
    await openTab(p, "プラン");
    const plans = p.getByRole("region", { name: "支援プラン" });
    await visible(plans.getByText("プランはまだありません。"));
    await plans.getByRole("button", { name: "支援プランを作成" }).click();
    await visible(plans.getByRole("heading", { name: /支援プラン 第1版/ }));

    await plans.getByRole("button", { name: "第1版を編集" }).click();
    const editor = p.getByRole("form", { name: /第1版の編集/ });
    await editor.getByLabel(/^本人の思い/).fill(WISHES);
    await editor.getByRole("button", { name: "目標を追加" }).click();
    await editor.getByLabel(/^目標(必須)?$/).fill(GOAL);
    await editor.getByRole("button", { name: /^タスクを追加/ }).click();
    await editor.getByLabel("担当機関").selectOption({ label: "つなぐ市基幹相談支援センター" });
    await editor.getByLabel(/^役割（ポジショニング）/).fill("同行支援");
    await editor.getByLabel(/^タスク(必須)?$/).fill(TASK);
    await editor.getByLabel("期限（任意）").fill("令和7年1月15日");
    await editor.getByRole("button", { name: "保存" }).click();
    await visible(p.getByText("第1版を保存しました。"));
    const row = plans.getByRole("row", { name: new RegExp(TASK) });
    await visible(row.getByText("期限切れ"));
    await visible(row.getByText("回答待ち"));

    await plans.getByRole("button", { name: "第1版の承認を記録" }).click();
    const approval = p.getByRole("form", { name: "第1版の承認" });
    await approval.getByLabel("承認日").fill("令和7年6月10日");
    await approval
      .getByLabel(/^承認した会議/)
      .selectOption({ label: "令和7年6月10日 重層的支援会議「プランの承認（テスト 2025-06-10）」" });
    await approval.getByRole("button", { name: "承認を記録" }).click();
    await visible(plans.getByText("承認済み"));
    expect(await seriousViolations(p)).toEqual([]);

    await plans
      .getByRole("link", { name: /印刷用の表示/ })
      .first()
      .click();
    await visible(p.getByRole("heading", { level: 1, name: "支援プラン兼利用申込書" }));
    await visible(p.getByText(WISHES));
    await visible(p.getByRole("cell", { name: TASK }));
    expect(await p.evaluate(() => document.documentElement.dataset.paper)).toBe("a4-portrait");
    expect(await seriousViolations(p)).toEqual([]);

    // ---- the team agency (基幹) finds the task in its list and declines it on the case page
    const team = await newPage(browser);
    const t = team.page;
    await login(t, web.baseUrl, "kikan");
    await t.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "自機関のタスク" }).click();
    await visible(t.getByRole("heading", { level: 1, name: "自機関のタスク" }));
    const listed = t.getByRole("row", { name: new RegExp(TASK) });
    await visible(listed.getByText("期限切れ"));
    await visible(listed.getByRole("cell", { name: `試験 計画（${KANA}）` }));
    expect(await seriousViolations(t)).toEqual([]);
    await listed.getByRole("link", { name: /ケースを開く/ }).click();
    const teamPlans = t.getByRole("region", { name: "支援プラン" });
    const own = teamPlans.getByRole("row", { name: new RegExp(TASK) });
    await own.getByRole("button", { name: /^辞退する/ }).click();
    await own.getByRole("button", { name: "辞退する", exact: true }).click();
    await visible(own.getByText("辞退の理由を入力してください"));
    await own.getByLabel(/^辞退の理由/).fill("担当できる職員がいない（テスト）");
    await own.getByRole("button", { name: "辞退する", exact: true }).click();
    await visible(t.getByText("タスクを辞退しました。"));
    await visible(own.getByText(/辞退（担当できる職員がいない/));
    await t.goto(`${web.baseUrl}/support/tasks`);
    await until(async () => (await t.getByRole("row", { name: new RegExp(TASK) }).count()) === 0, "declined task gone");
  });
});
