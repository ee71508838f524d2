import type { Browser } from "playwright-core";
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
import { fillSheet, registerPerson } from "../helpers/referral-form.js";

// invented persons, not in the demo data
const NAME = "試験 夏男";
const KANA = "シケン ナツオ";
const BIRTH = "1960-07-07";
const ADDRESS = "つなぐ市北町3-3（テスト）";
const SPOUSE = "試験 秋子";
const SPOUSE_KANA = "シケン アキコ";
const SPOUSE_BIRTH = "1962-09-09";
const CHILD = "試験 冬実";
const CHILD_KANA = "シケン フユミ";
const CHILD_BIRTH = "1990-01-20";
const OBSERVED = "訪問時、家賃の滞納があり、夫婦とも外出が減っていると話していた（テスト）。";
const RECORD = "本人と面談。障害福祉サービスの利用について説明した（テスト）。";
const OUTCOME = "多機関協働のケースとして支援を開始した（テスト）";
const COORD_AGENCY = "つなぐ市 多機関協働推進室";
const KIKAN_AGENCY = "つなぐ市基幹相談支援センター";
const KODOMO_AGENCY = "つなぐ市子ども家庭センター";

describe("ケース in the browser (a referral becomes a case: household, team, consent, assessment, records)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("a provider refers a new person; the coordinator opens a case with a household and a team; a team agency writes 支援経過; an outsider gets 見つかりません; the provider sees the outcome", async () => {
    // the spouse is already registered by another agency (the coordinator will be offered this record)
    const houkatsuApi = await ApiClient.login(web.baseUrl, "houkatsu");
    const spouse = await houkatsuApi.post("/api/persons", {
      nameKanji: SPOUSE,
      nameKana: SPOUSE_KANA,
      dateOfBirth: SPOUSE_BIRTH,
    });
    expect(spouse.status).toBe(201);
    // and the coordinators have accepted a sheet about her: it may join the same case
    const spouseSheet = await houkatsuApi.post("/api/referrals", {
      personId: spouse.body.person.id,
      toAgencyId: null,
      concerns: ["介護"],
      observed: "夫の介護の負担が大きいと話していた（テスト）。",
      urgency: "低",
      consent: "unknown",
    });
    expect(spouseSheet.status).toBe(201);
    const coordApi = await ApiClient.login(web.baseUrl, "coord");
    const acceptedSpouseSheet = await coordApi.post(
      `/api/referrals/${spouseSheet.body.referral.id}/transition`,
      { to: "accepted", reason: null },
      { "if-match": `"${spouseSheet.body.referral.version}"` },
    );
    expect(acceptedSpouseSheet.status).toBe(200);

    // ---- the provider lands on ホーム, opens its referrals and sends a sheet about a new person to the coordinators
    const provider = await newPage(browser);
    const p = provider.page;
    await login(p, web.baseUrl, "jigyosha");
    await until(async () => new URL(p.url()).pathname === "/home", "provider lands on ホーム");
    await p.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "つなぐシート" }).click();
    await visible(p.getByRole("heading", { level: 1, name: "つなぐシート" }));
    await p.getByRole("link", { name: "つなぐシートを作成" }).click();
    await registerPerson(p, { name: NAME, kana: KANA, birth: BIRTH, address: ADDRESS });
    await visible(p.getByRole("heading", { name: "2. 内容" }));
    await fillSheet(p, { concerns: ["生活困窮", "障害"], observed: OBSERVED, urgency: "中", consent: "同意あり" });
    await p.getByRole("button", { name: "内容を確認" }).click();
    await p.getByRole("button", { name: "この内容で送付" }).click();
    await visible(p.getByRole("heading", { name: "送ったつなぐシートの状況" }));
    await until(async () => /\/support\/referrals\/[0-9a-f-]{36}$/.test(p.url()), "on the detail page");
    const referralUrl = p.url();

    // ---- the coordinator lands on ホーム, opens the received sheets not yet accepted, opens it and accepts it
    const coord = await newPage(browser);
    const c = coord.page;
    await login(c, web.baseUrl, "coord");
    await until(async () => new URL(c.url()).pathname === "/home", "coordinator lands on ホーム");
    await c.getByRole("link", { name: /受け付けていないつなぐシート \d+件/ }).click();
    await until(async () => new URL(c.url()).pathname === "/support/referrals", "the count opens つなぐシート");
    await c
      .getByRole("row", { name: new RegExp(NAME) })
      .getByRole("link")
      .first()
      .click();
    await visible(c.getByText(OBSERVED));
    // a case is opened from an accepted sheet only
    await visible(c.getByText("受付すると、このつなぐシートからケースを開始できます。"));
    await c.getByRole("button", { name: "受付", exact: true }).click();
    await c.getByRole("dialog").getByRole("button", { name: "「受付」にする" }).click();
    await visible(c.getByText("「受付」にしました。"));
    await c.getByRole("link", { name: "このつなぐシートからケースを開始" }).click();
    await visible(c.getByRole("heading", { level: 1, name: "ケースの開始" }));
    expect(c.url()).not.toContain(encodeURIComponent(NAME));

    // the person has no household yet: a new one, at the person's address, with the person as 本人
    const householdChoice = c.getByRole("group", { name: /^世帯/ });
    expect(await householdChoice.getByLabel("新しく世帯を登録する").isChecked()).toBe(true);
    expect(await c.getByLabel(/^住所/).inputValue()).toBe(ADDRESS);
    const members = c.getByRole("table", { name: /世帯員/ });
    await visible(members.getByRole("row", { name: new RegExp(NAME) }));
    expect(await members.getByLabel(new RegExp(`続柄：${NAME}`)).inputValue()).toBe("本人");

    // adding the spouse: registering a near-identical record offers the one already registered
    await c.getByRole("button", { name: "世帯員を加える" }).click();
    await registerPerson(c, { name: SPOUSE, kana: "しけん あきこ", birth: SPOUSE_BIRTH });
    await visible(c.getByRole("heading", { name: "似ている人が既に登録されています" }));
    const candidate = c.getByRole("table", { name: /似ている記録/ }).getByRole("row", { name: new RegExp(SPOUSE) });
    await visible(candidate.getByText(/生年月日が一致/));
    await candidate.getByRole("button", { name: /この人を世帯員に加える/ }).click();
    await visible(c.getByText(`「${SPOUSE}（${SPOUSE_KANA}）」を世帯員に加えました。続柄を選んでください。`));
    await members.getByLabel(new RegExp(`続柄：${SPOUSE}`)).selectOption("配偶者");
    // the spouse's accepted sheet is offered to join the case
    await c
      .getByRole("group", { name: /同じケースにまとめるつなぐシート/ })
      .getByLabel(new RegExp(`${SPOUSE}.*介護`))
      .check();

    // the issues and the consent start from the sheet; the lead agency must be chosen
    const issues = c.getByRole("group", { name: /^課題/ });
    expect(await issues.getByLabel("生活困窮", { exact: true }).isChecked()).toBe(true);
    expect(await issues.getByLabel("障害", { exact: true }).isChecked()).toBe(true);
    expect(
      await c
        .getByRole("group", { name: /^本人同意/ })
        .getByLabel("同意あり")
        .isChecked(),
    ).toBe(true);
    expect(await c.getByLabel(/^同意を得た日/).inputValue()).toBe("2025-06-01");
    await c.getByRole("button", { name: "世帯を登録してケースを開始" }).click();
    await visible(c.getByText("主担当機関を選んでください").first());
    expect(await c.getByLabel(/^主担当機関/).getAttribute("aria-invalid")).toBe("true");

    await c.getByLabel(/^主担当機関/).selectOption({ label: COORD_AGENCY });
    await c
      .getByRole("group", { name: /チームに加える機関/ })
      .getByLabel(KIKAN_AGENCY)
      .check();
    expect(await c.getByLabel(/^主たる対象者/).inputValue()).not.toBe("");
    await c.getByRole("button", { name: "世帯を登録してケースを開始" }).click();

    // ---- the case page
    await visible(c.getByRole("heading", { level: 1, name: new RegExp(`ケース: ${NAME}`) }));
    await until(async () => /\/support\/cases\/[0-9a-f-]{36}$/.test(c.url()), "on the case page");
    const caseUrl = c.url();
    expect(caseUrl).not.toContain(encodeURIComponent(NAME));
    await visible(c.getByText(`主担当機関: ${COORD_AGENCY}`, { exact: false }));
    // the current state comes first, above the tabs
    const now = c.getByRole("region", { name: "現在の状況" });
    await visible(now.getByText(/多機関協働の調整役として/));
    await openTab(c, "本人・世帯");
    const household = c.getByRole("region", { name: /^世帯/ });
    await visible(household.getByText(`住所: ${ADDRESS}`));
    await visible(household.getByRole("row", { name: new RegExp(`配偶者 ${SPOUSE}`) }));
    // both sheets are linked to the case
    await visible(household.getByRole("link", { name: /つなぐ中央地域包括支援センターから（介護）/ }));
    await visible(
      household.getByRole("link", { name: /架空ケアサービス株式会社（登録事業者）から（生活困窮、障害）/ }),
    );
    await openTab(c, "同意・チーム");
    await unfold(c, "チームの変更履歴");
    const teamHistory = c.getByRole("table", { name: "チームの変更履歴" });
    await visible(teamHistory.getByRole("row", { name: new RegExp(`チームに加入 ${KIKAN_AGENCY}`) }));
    await openTab(c, "本人・世帯");

    // household: a member moves in (registered here, with the 続柄) and out again; the main person stays
    await household.getByRole("button", { name: "世帯員を加える" }).click();
    await registerPerson(c, { name: CHILD, kana: CHILD_KANA, birth: CHILD_BIRTH });
    const relation = household.getByRole("form", { name: "世帯員の続柄" });
    await relation.getByLabel(/^続柄/).selectOption("子");
    await relation.getByRole("button", { name: "世帯員に加える" }).click();
    await visible(c.getByText(new RegExp(`「${CHILD}（.*）」を世帯員（子）に加えました。`)));
    await visible(household.getByRole("row", { name: new RegExp(`子 ${CHILD}`) }));
    expect(await household.getByRole("button", { name: new RegExp(`世帯から外す.*${NAME}`) }).count()).toBe(0);
    await household.getByRole("button", { name: new RegExp(`世帯から外す.*${CHILD}`) }).click();
    await c.getByRole("dialog").getByRole("button", { name: "世帯から外す" }).click();
    await visible(c.getByText(new RegExp(`「${CHILD}（.*）」を世帯から外しました。`)));
    await until(async () => (await household.getByRole("row", { name: new RegExp(CHILD) }).count()) === 0, "gone");
    await visible(household.getByRole("row", { name: new RegExp(`配偶者 ${SPOUSE}`) }));

    await openTab(c, "同意・チーム");
    // team: add an agency with a reason, then remove it with a reason; both stay in the history
    const addForm = c.getByRole("form", { name: "チームに機関を加える" });
    await addForm.getByLabel("加える機関").selectOption({ label: KODOMO_AGENCY });
    await addForm.getByLabel(/^理由/).fill("子育ての相談があるため（テスト）");
    await addForm.getByRole("button", { name: "チームに加える" }).click();
    await visible(c.getByText(`「${KODOMO_AGENCY}」をチームに加えました。`));
    await c.getByRole("button", { name: new RegExp(`チームから外す.*${KODOMO_AGENCY}`) }).click();
    const remove = c.getByRole("dialog");
    await remove.getByLabel(/^理由/).fill("子育ての相談は不要と分かった（テスト）");
    await remove.getByRole("button", { name: "チームから外す" }).click();
    await visible(c.getByText(`「${KODOMO_AGENCY}」をチームから外しました。`));
    await visible(
      teamHistory.getByRole("row", { name: new RegExp(`チームから外れた ${KODOMO_AGENCY} .*不要と分かった`) }),
    );
    // the focus does not get lost with the removed agency's button
    expect(await c.evaluate(() => document.activeElement?.textContent ?? "")).toContain("チーム");

    // consent: the meaning in one sentence; each consent a record with its day and method, a withdrawal kept
    await visible(c.getByText(/本人の同意が及ぶ機関だけが/));
    await c.getByRole("button", { name: "同意を記録" }).click();
    const consentForm = c.getByRole("form", { name: "本人同意の記録" });
    await consentForm.getByRole("button", { name: "同意を記録" }).click();
    await visible(consentForm.getByText("同意を得た日は YYYY-MM-DD で入力してください").first());
    await consentForm.getByLabel(/^同意を得た日/).fill("2025-06-10");
    await consentForm.getByLabel("書面").check();
    await consentForm.getByRole("button", { name: "同意を記録" }).click();
    await visible(c.getByText("本人同意を記録しました。"));
    const consents = c.getByRole("table", { name: "同意の記録" });
    await visible(consents.getByRole("row", { name: /令和7年6月10日・書面 .*同意中/ }));
    await visible(consents.getByRole("row", { name: /令和7年6月1日・口頭/ }));
    await consents
      .getByRole("button", { name: /撤回を記録/ })
      .first()
      .click();
    const withdrawal = c.getByRole("form", { name: /同意の撤回/ });
    await withdrawal.getByLabel(/^撤回の申し出があった日/).fill("2025-06-20");
    await withdrawal.getByRole("button", { name: "撤回を記録" }).click();
    await visible(c.getByText(/の同意の撤回を記録しました。/));
    await visible(consents.getByRole("row", { name: /令和7年6月20日 撤回/ }));

    // issues and lead: nothing new is said so; a change keeps its reason in the history
    await openTab(c, "段階・課題");
    const issuesSection = c.getByRole("region", { name: "課題と主担当機関" });
    await issuesSection.getByRole("button", { name: "課題・主担当機関を変更" }).click();
    const issuesForm = c.getByRole("form", { name: "課題・主担当機関の変更" });
    await issuesForm.getByRole("button", { name: "変更を保存" }).click();
    await visible(issuesForm.getByText("課題も主担当機関も変わっていません。"));
    await issuesForm.getByLabel("ひきこもり", { exact: true }).check();
    await issuesForm.getByLabel(/^理由/).fill("長く外出していないと分かった（テスト）");
    await issuesForm.getByRole("button", { name: "変更を保存" }).click();
    await visible(c.getByText("課題を変更しました。"));
    await unfold(c, "課題の変更履歴");
    const issuesHistory = c.getByRole("table", { name: "課題の変更履歴" });
    await visible(issuesHistory.getByRole("row", { name: /（開始時）/ }));
    await visible(issuesHistory.getByRole("row", { name: /ひきこもり .*長く外出していないと分かった/ }));
    await visible(c.getByText(/課題: .*ひきこもり/));
    // the coordinators hand the lead to an agency that is not on the team: it joins the team
    await issuesSection.getByRole("button", { name: "課題・主担当機関を変更" }).click();
    await issuesForm.getByLabel("主担当機関").selectOption({ label: KODOMO_AGENCY });
    await visible(issuesForm.getByText(/まだチームにいません/));
    await issuesForm.getByRole("button", { name: "変更を保存" }).click();
    await visible(c.getByText(`主担当機関を「${KODOMO_AGENCY}」にしました。`));
    await openTab(c, "同意・チーム");
    await visible(teamHistory.getByRole("row", { name: new RegExp(`主担当に変更 ${KODOMO_AGENCY}`) }));
    await visible(c.getByText(`主担当機関: ${KODOMO_AGENCY}`, { exact: false }));

    // assessment: an empty version is refused with the server's message; then the first version
    await openTab(c, "アセスメント");
    await c.getByRole("button", { name: "アセスメントの新しい版を作成" }).click();
    const assessmentForm = c.getByRole("form", { name: /アセスメントの新しい版（第1版）/ });
    await assessmentForm.getByRole("button", { name: "新しい版として保存" }).click();
    await visible(assessmentForm.getByText("少なくとも1つの項目を入力してください").first());
    await assessmentForm.getByLabel("本人の状況").fill("60代。仕事を辞めてから外出が減った（テスト）。");
    await assessmentForm.getByLabel("経済状況").fill("家賃を2か月滞納（テスト）。");
    await assessmentForm.getByLabel(/^更新メモ/).fill("初回アセスメント");
    await assessmentForm.getByRole("button", { name: "新しい版として保存" }).click();
    await visible(c.getByText("アセスメントの第1版を保存しました。"));
    await visible(c.getByRole("heading", { name: "アセスメント 第1版" }));

    // the sheet links to its case now
    await c.goto(referralUrl);
    await c.getByRole("link", { name: /ケースを開く/ }).click();
    await visible(c.getByRole("heading", { level: 1, name: new RegExp(`ケース: ${NAME}`) }));
    // and the loop is closed for the provider
    await c.goto(referralUrl);
    await c.getByRole("button", { name: "対応開始" }).click();
    await c.getByRole("dialog").getByRole("button", { name: "「対応開始」にする" }).click();
    await visible(c.getByText("「対応開始」にしました。"));
    await c.getByRole("button", { name: "つなぎ完了" }).click();
    await c.getByRole("dialog").getByLabel(/メモ/).fill(OUTCOME);
    await c.getByRole("dialog").getByRole("button", { name: "「つなぎ完了」にする" }).click();
    await visible(c.getByText("「つなぎ完了」にしました。"));
    await coord.context.close();

    // ---- staff of the team agency open their cases, write 支援経過 and a second assessment version
    const member = await newPage(browser);
    const m = member.page;
    await login(m, web.baseUrl, "kikan");
    await until(async () => new URL(m.url()).pathname === "/home", "team staff land on ホーム");
    await m.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "ケース" }).click();
    await m
      .getByRole("table", { name: /ケースの一覧/ })
      .getByRole("link", { name: new RegExp(NAME) })
      .click();
    await visible(m.getByText("あなたの立場: チームの機関", { exact: false }));
    expect(m.url()).toBe(caseUrl);
    // not the lead: no team or consent management
    expect(await m.getByRole("button", { name: "本人同意を更新" }).count()).toBe(0);
    expect(await m.getByRole("form", { name: "チームに機関を加える" }).count()).toBe(0);
    await openTab(m, "支援経過");
    const record = m.getByRole("form", { name: "支援経過を記録する" });
    await record.getByLabel("種別").selectOption("面談");
    await record.getByLabel(/^実施日/).fill("2025-06-12");
    await record.getByLabel(/^内容/).fill(RECORD);
    await record.getByRole("button", { name: "記録する" }).click();
    await visible(m.getByText("支援経過を記録しました。"));
    await visible(m.getByRole("cell", { name: RECORD }));

    // consent is given: the team reads the coordinator's version and saves the next one, then compares the two
    await openTab(m, "アセスメント");
    await m.getByRole("button", { name: "アセスメントの新しい版を作成" }).click();
    const next = m.getByRole("form", { name: /アセスメントの新しい版（第2版）/ });
    expect(await next.getByLabel("経済状況").inputValue()).toBe("家賃を2か月滞納（テスト）。");
    await next.getByLabel("健康・障害").fill("精神障害者保健福祉手帳の申請を検討（テスト）。");
    await next.getByRole("button", { name: "新しい版として保存" }).click();
    await visible(m.getByText("アセスメントの第2版を保存しました。"));
    await m.getByLabel("前の版（第1版）と並べて比べる").check();
    const compare = m.getByRole("table", { name: "第1版と第2版の比較" });
    await visible(compare.getByRole("row", { name: /健康・障害 変更あり/ }));
    expect(await compare.getByRole("row", { name: /経済状況 変更あり/ }).count()).toBe(0);
    // the team agency finds the case again from the person: 対象者の検索 shows the households and their cases
    await m.getByRole("link", { name: "対象者の検索" }).click();
    await m.getByLabel(/^ふりがな/).fill("しけん なつお");
    await m.getByRole("form", { name: "対象者の検索" }).getByRole("button", { name: "検索" }).click();
    await m.getByRole("button", { name: new RegExp(`表示.*${NAME}.*世帯・ケース`) }).click();
    await m.getByRole("link", { name: /ケースを開く（/ }).click();
    await until(async () => m.url() === caseUrl, "back on the case page");
    await member.context.close();

    // ---- staff of an agency not on the team: 見つかりません, nothing of the person shown
    const outsider = await newPage(browser);
    await login(outsider.page, web.baseUrl, "houkatsu");
    await outsider.page.goto(caseUrl);
    await visible(outsider.page.getByRole("heading", { level: 1, name: "見つかりません" }));
    expect(await outsider.page.getByText(NAME).count()).toBe(0);
    expect(await outsider.page.getByText(RECORD).count()).toBe(0);
    await outsider.context.close();

    // ---- the provider sees the outcome of its sheet, and no case
    await p.reload();
    await visible(p.getByText("現在の状況: つなぎ完了", { exact: false }));
    await visible(p.getByText(`支援につながりました。内容: ${OUTCOME}`));
    expect(await p.getByRole("link", { name: /ケースを開く/ }).count()).toBe(0);
    await p.goto(caseUrl);
    await visible(p.getByRole("heading", { level: 1, name: "見つかりません" }));
    await provider.context.close();
  });
});
