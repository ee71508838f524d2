import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
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

// an invented person, not in the demo data
const NAME = "流れ 試子";
const KANA = "ナガレ タメシコ";
const EXPERT = "顧問 流子";
const WISHES = "誰にも会いたくないが、食事には困っている（テスト）";
const OUTREACH_TASK = "週に1回訪ねて声をかける（テスト）";
const LEAD_TASK = "配食サービスの利用を手配する（テスト）";
const TEAM_TASK = "就労の相談に同行する（テスト）";
const DECLINE_REASON = "担当できる職員がいない（テスト）";
const EVALUATION = "食事と通院が安定し、本人が自ら相談できるようになった（テスト）";

/** The case this story is about: opened by the coordinator without consent, 地域包括 leads, 基幹 is on the team. */
async function caseWithoutConsent(baseUrl: string) {
  const { caseId } = await openCaseAsCoordinator(baseUrl, {
    person: { nameKana: KANA, nameKanji: NAME },
    sheet: { concerns: ["生活困窮"], observed: "訪ねても応答がない（テスト）", consent: "unknown" },
    address: "つなぐ市北町7-7（テスト）",
  });
  return caseId;
}

/** Convenes a meeting on the 会議 screen and returns its id (the page opens the new meeting). */
async function convene(page: Page, baseUrl: string, kind: string, title: string, heldOn: string) {
  await page.goto(`${baseUrl}/support/meetings`);
  const form = page.getByRole("region", { name: "会議を登録する" });
  await form.getByLabel(/^会議の種類/).selectOption({ label: kind });
  await form.getByLabel(/^会議の名前/).fill(title);
  await form.getByLabel(/^開催日/).fill(heldOn);
  await form.getByLabel(/^事務局/).selectOption({ label: await optionLabel(form.getByLabel(/^事務局/), "多機関協働") });
  await form.getByRole("button", { name: "会議を登録" }).click();
  await visible(page.getByRole("heading", { level: 1, name: title }));
  return new URL(page.url()).pathname.split("/").pop() as string;
}

/** The full label of the option of a select that contains `part` (names of demo staff and agencies vary). */
async function optionLabel(select: ReturnType<Page["getByLabel"]>, part: string) {
  const text = await select.locator("option", { hasText: part }).first().textContent();
  expect(text, `an option with ${part}`).toBeTruthy();
  return text as string;
}

async function addStaff(page: Page, part: string) {
  const form = page.getByRole("form", { name: "支援機関の職員を構成員に加える" });
  const select = form.getByLabel(/^支援機関の職員/);
  const label = await optionLabel(select, part);
  await select.selectOption({ label });
  await form.getByRole("button", { name: "職員を加える" }).click();
  await visible(page.getByRole("row", { name: new RegExp(part) }));
}

async function putCaseOnAgenda(page: Page) {
  const form = page.getByRole("form", { name: "ケースを議題に加える" });
  const select = form.getByLabel(/^ケース/);
  await select.selectOption({ label: await optionLabel(select, `${NAME}（${KANA}）`) });
  await form.getByRole("button", { name: "ケースを加える" }).click();
  await visible(
    page
      .getByRole("region", { name: "議題" })
      .getByRole("link", { name: new RegExp(`ケース: .*${KANA}|ケース: .*${NAME}`) }),
  );
}

describe("支援会議 → プラン → 終結 in the browser (issue 12's story)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("a 支援会議 without consent, an outreach plan, consent, a 重層的支援会議 approving the plan, a declined task, monitoring and closure; an outsider gets 見つかりません", async () => {
    const caseId = await caseWithoutConsent(web.baseUrl);

    // ---- the coordinator convenes a 支援会議 with the lead's and the team's staff and an outside expert
    const coordinator = await newPage(browser);
    const co = coordinator.page;
    await login(co, web.baseUrl, "coord");
    const art106 = await convene(co, web.baseUrl, "支援会議", "北町 支援会議（流れの確認）", "2025-06-10");
    await visible(co.getByText("支援会議（社会福祉法第106条の6"));
    await addStaff(co, "包括 六花");
    await addStaff(co, "基幹 七海");
    await co.getByLabel("専門職の氏名").fill(EXPERT);
    await co.getByLabel("所属").fill("つなぐ法律事務所（架空）");
    await co.getByLabel("役割").selectOption({ label: "弁護士" });
    await co.getByRole("button", { name: "専門職を加える" }).click();
    const expertRow = co.getByRole("row", { name: new RegExp(EXPERT) });
    await visible(expertRow.getByRole("cell", { name: "誓約前" }));
    await putCaseOnAgenda(co);
    // the secretariat records the expert's pledge (an outside expert has no account)
    await expertRow.getByRole("button", { name: `${EXPERT}さんの誓約を本日付で記録` }).click();
    await visible(co.getByText(`${EXPERT}さんの誓約を記録しました。`));
    await visible(expertRow.getByRole("cell", { name: /令和\d+年\d+月\d+日 誓約/ }));
    await visible(co.getByRole("row", { name: /基幹 七海/ }).getByRole("cell", { name: "誓約前" }));

    // ---- the lead's member sees only the pledge request until she signs it
    const leadPage = await newPage(browser);
    const lp = leadPage.page;
    await login(lp, web.baseUrl, "houkatsu");
    await lp.goto(`${web.baseUrl}/support/meetings/${art106}`);
    await visible(lp.getByRole("heading", { level: 2, name: "守秘義務の誓約" }));
    expect(await lp.getByRole("heading", { name: "議題" }).count()).toBe(0);
    expect(await lp.getByText(KANA).count()).toBe(0);
    await lp.getByRole("button", { name: "守秘義務を守ることを誓約する" }).click();
    const agenda = lp.getByRole("region", { name: "議題" });
    await visible(agenda.getByRole("link", { name: /ケース:/ }));
    await visible(lp.getByRole("row", { name: /包括 六花/ }).getByRole("cell", { name: /誓約$/ }));

    // ---- the lead drafts an アウトリーチ支援プラン and records its approval at that 支援会議
    await agenda.getByRole("link", { name: /ケース:/ }).click();
    await openTab(lp, "プラン");
    const plans = lp.getByRole("region", { name: "支援プラン" });
    await visible(plans.getByText(/本人の同意がまだありません/));
    await plans.getByRole("button", { name: "アウトリーチ支援プランを作成" }).click();
    await plans.getByRole("button", { name: "第1版を編集" }).click();
    let editor = lp.getByRole("form", { name: /第1版の編集/ });
    await editor.getByLabel(/^本人の思い/).fill(WISHES);
    await editor.getByRole("button", { name: "目標を追加" }).click();
    await editor.getByLabel(/^目標(必須)?$/).fill("食事をとれるようにする（テスト）");
    await editor.getByRole("button", { name: /^タスクを追加/ }).click();
    const outreachTask = editor.getByRole("group", { name: "目標 1 のタスク 1" });
    await outreachTask
      .getByLabel("担当機関")
      .selectOption({ label: await optionLabel(outreachTask.getByLabel("担当機関"), "地域包括") });
    await outreachTask.getByLabel(/^役割（ポジショニング）/).fill("見守り");
    await outreachTask.getByLabel(/^タスク(必須)?$/).fill(OUTREACH_TASK);
    await editor.getByRole("button", { name: "保存" }).click();
    await visible(lp.getByText("第1版を保存しました。"));
    await plans.getByRole("button", { name: "第1版の承認を記録" }).click();
    let approval = lp.getByRole("form", { name: "第1版の承認" });
    await approval.getByLabel("承認日").fill("令和7年6月10日");
    await approval
      .getByLabel(/^承認した会議/)
      .selectOption({ label: "令和7年6月10日 支援会議「北町 支援会議（流れの確認）」" });
    await approval.getByRole("button", { name: "承認を記録" }).click();
    await visible(plans.getByText("承認済み"));
    await visible(plans.getByRole("heading", { name: /アウトリーチ支援プラン 第1版/ }));
    await visible(plans.getByRole("row", { name: new RegExp(OUTREACH_TASK) }));

    // ---- consent is obtained: the lead records it on the 同意・チーム tab
    await openTab(lp, "同意・チーム");
    await lp.getByRole("button", { name: "同意を記録" }).click();
    const consentForm = lp.getByRole("form", { name: "本人同意の記録" });
    await consentForm.getByLabel(/^同意を得た日/).fill("2025-07-01");
    await consentForm.getByLabel("書面").check();
    await consentForm.getByRole("button", { name: "同意を記録" }).click();
    await visible(lp.getByText("本人同意を記録しました。"));
    await visible(
      lp.getByRole("table", { name: "同意の記録" }).getByRole("row", { name: /令和7年7月1日・書面 .*同意中/ }),
    );

    // ---- the coordinator records the 支援決定 and convenes a 重層的支援会議 with the case on its agenda
    await co.goto(`${web.baseUrl}/support/cases/${caseId}`);
    await openTab(co, "会議");
    const decision = co.getByRole("form", { name: "支援決定を記録する" });
    await decision.getByLabel(/^支援決定の日/).fill("2025-07-05");
    await decision.getByLabel(/^決定した人（職名）/).fill("福祉政策課長（テスト）");
    await decision.getByRole("button", { name: "支援決定を記録" }).click();
    await visible(co.getByText("支援決定: 令和7年7月5日（福祉政策課長（テスト））"));
    await visible(co.getByRole("link", { name: /支援会議「北町 支援会議（流れの確認）」/ }));
    const consentMeeting = await convene(
      co,
      web.baseUrl,
      "重層的支援会議",
      "北町 重層的支援会議（流れの確認）",
      "2025-07-10",
    );
    await addStaff(co, "包括 六花");
    await addStaff(co, "基幹 七海");
    await putCaseOnAgenda(co);
    // a meeting based on consent asks no pledge
    await visible(co.getByRole("row", { name: /包括 六花/ }).getByRole("cell", { name: "（不要）" }));

    // ---- the lead drafts the 支援プラン from the outreach plan, with a task for 基幹, and approves it there
    await lp.goto(`${web.baseUrl}/support/cases/${caseId}?tab=plan`);
    await visible(plans.getByText(/本人の同意: /));
    await plans.getByRole("button", { name: "支援プランの新しい版を作成（第1版を写して始める）" }).click();
    await plans.getByRole("button", { name: "第2版を編集" }).click();
    editor = lp.getByRole("form", { name: /第2版の編集/ });
    const leadTask = editor.getByRole("group", { name: "目標 1 のタスク 1" });
    await leadTask.getByLabel(/^タスク(必須)?$/).fill(LEAD_TASK);
    await editor.getByRole("button", { name: /^タスクを追加/ }).click();
    const teamTask = editor.getByRole("group", { name: "目標 1 のタスク 2" });
    await teamTask
      .getByLabel("担当機関")
      .selectOption({ label: await optionLabel(teamTask.getByLabel("担当機関"), "基幹") });
    await teamTask.getByLabel(/^役割（ポジショニング）/).fill("就労支援");
    await teamTask.getByLabel(/^タスク(必須)?$/).fill(TEAM_TASK);
    await editor.getByRole("button", { name: "保存" }).click();
    await visible(lp.getByText("第2版を保存しました。"));
    await plans.getByRole("button", { name: "第2版の承認を記録" }).click();
    approval = lp.getByRole("form", { name: "第2版の承認" });
    await approval.getByLabel("承認日").fill("令和7年7月10日");
    await approval
      .getByLabel(/^承認した会議/)
      .selectOption({ label: "令和7年7月10日 重層的支援会議「北町 重層的支援会議（流れの確認）」" });
    await approval.getByRole("button", { name: "承認を記録" }).click();
    await visible(lp.getByText("第2版を承認済みにしました。以後この版は変更できません。"));
    await visible(plans.getByRole("heading", { name: /^支援プラン 第2版/ }));
    // the outreach plan stays on record as the earlier version
    await visible(plans.getByText("過去の版（1件）"));
    await visible(plans.getByRole("row", { name: new RegExp(TEAM_TASK) }).getByText("回答待ち"));

    // ---- 基幹 declines its task with a reason on the case page
    const team = await newPage(browser);
    const t = team.page;
    await login(t, web.baseUrl, "kikan");
    await t.goto(`${web.baseUrl}/support/cases/${caseId}?tab=plan`);
    const own = t.getByRole("region", { name: "支援プラン" }).getByRole("row", { name: new RegExp(TEAM_TASK) });
    await own.getByRole("button", { name: /^辞退する/ }).click();
    await own.getByLabel(/^辞退の理由/).fill(DECLINE_REASON);
    await own.getByRole("button", { name: "辞退する", exact: true }).click();
    await visible(t.getByText("タスクを辞退しました。"));
    await visible(own.getByText(new RegExp(`辞退（${DECLINE_REASON.slice(0, 8)}`)));
    // 基幹 is a member of the 重層的支援会議: no pledge asked, the agenda is there at once
    await t.goto(`${web.baseUrl}/support/meetings/${consentMeeting}`);
    await visible(t.getByRole("region", { name: "議題" }).getByRole("link", { name: new RegExp(KANA) }));
    expect(await t.getByRole("heading", { name: "守秘義務の誓約" }).count()).toBe(0);
    // the lead sees the answer
    await lp.reload();
    await visible(
      plans
        .getByRole("row", { name: new RegExp(TEAM_TASK) })
        .getByText(new RegExp(`辞退（${DECLINE_REASON.slice(0, 8)}`)),
    );

    // ---- the lead records a monitoring, the final one, then the closure
    await plans.getByRole("button", { name: "モニタリングを記録" }).click();
    let monitoring = lp.getByRole("form", { name: "モニタリングの記録" });
    await monitoring.getByLabel("実施日").fill("令和7年8月1日");
    await monitoring.getByLabel(/^進み具合/).fill("配食が始まった（テスト）");
    await monitoring.getByLabel(/^次回の見直し日/).fill("令和7年9月1日");
    await monitoring.getByRole("button", { name: "記録" }).click();
    await visible(lp.getByText("モニタリングを記録しました。"));
    const records = plans.getByRole("table", { name: "モニタリングの記録" });
    await visible(records.getByRole("row", { name: /令和7年8月1日 .*配食が始まった/ }));
    await visible(plans.getByText("終結は、最終のモニタリングを記録した後に記録できます。"));

    await plans.getByRole("button", { name: "モニタリングを記録" }).click();
    monitoring = lp.getByRole("form", { name: "モニタリングの記録" });
    await monitoring.getByLabel("実施日").fill("令和7年9月1日");
    await monitoring.getByLabel(/^進み具合/).fill("目標に届いた（テスト）");
    await monitoring.getByLabel(/^最終のモニタリング/).check();
    await monitoring.getByRole("button", { name: "記録" }).click();
    await visible(lp.getByText("最終のモニタリングを記録しました。"));
    await visible(records.getByRole("row", { name: /令和7年9月1日\s*最終 .*目標に届いた/ }));

    await plans.getByRole("button", { name: "終結を記録" }).click();
    const closure = lp.getByRole("form", { name: "終結の記録" });
    await closure.getByLabel("終結日").fill("令和7年9月10日");
    await closure.getByLabel(/^終結の理由/).selectOption({ label: "目標達成" });
    await closure.getByLabel(/^最終評価/).fill(EVALUATION);
    await closure.getByRole("button", { name: "終結を記録" }).click();
    await visible(lp.getByText("終結を記録し、ケースを「終結」にしました。"));
    await visible(lp.getByRole("heading", { level: 1, name: /終結$/ }));
    await visible(plans.getByText(EVALUATION));
    await visible(plans.getByText("令和7年9月10日"));

    // ---- a provider's staff, on neither meeting, opens the 支援会議's address: 見つかりません, nothing of the person
    const outsider = await newPage(browser);
    const o = outsider.page;
    await login(o, web.baseUrl, "jigyosha");
    await o.goto(`${web.baseUrl}/support/meetings/${art106}`);
    await until(async () => (await o.title()).includes("見つかりません"), "the outsider's page says 見つかりません");
    await visible(o.getByText(/見つかりません/));
    const body = (await o.locator("body").textContent()) ?? "";
    expect(body).not.toContain(KANA);
    expect(body).not.toContain(NAME);
    expect(body).not.toContain("北町 支援会議");
    expect(body).not.toContain(EXPERT);

    // the server's answer, not only the screen's: the meeting is hidden (404), not refused (403)
    const asOutsider = await ApiClient.login(web.baseUrl, "jigyosha");
    expect((await asOutsider.get(`/api/meetings/${art106}`)).status).toBe(404);
    expect((await asOutsider.get(`/api/meetings/${consentMeeting}`)).status).toBe(404);

    for (const c of [coordinator, leadPage, team, outsider]) await c.context.close();
  });
});
