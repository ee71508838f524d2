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

// an invented person, not in the demo data
const NAME = "試験 春子";
const KANA = "シケン ハルコ";
const BIRTH = "1950-05-05";
const OUTCOME = "生活困窮者の就労準備支援につないだ（テスト）";

describe("つなぐシート in the browser (closed loop, duplicates, need-to-know)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("a provider refers a new person; the coordinator is offered the duplicate, accepts and completes it; the provider sees the outcome; another agency gets 見つかりません", async () => {
    // ---- the provider registers a person and sends a sheet to the coordinators
    const provider = await newPage(browser);
    const p = provider.page;
    await login(p, web.baseUrl, "jigyosha");
    const menu = p.getByRole("navigation", { name: "メインメニュー" });
    // a provider has no received box (it searches only the persons it registered: support-person-search.spec)
    await menu.getByRole("link", { name: "つなぐシート", exact: true }).click();
    await visible(p.getByRole("heading", { level: 1, name: "つなぐシート" }));
    expect(await p.getByRole("navigation", { name: "受信・送信の切り替え" }).count()).toBe(0);

    // the demo sheet this provider sent (due 2025-04-30, still being handled) is overdue: highlighted and found by the filter
    const demoRow = p.getByRole("row", { name: /架空 花子/ });
    await visible(demoRow);
    await visible(demoRow.getByText("期限超過"));
    await p.getByLabel("状態").selectOption("overdue");
    await until(async () => (await p.locator("tbody tr").count()) === 1, "only the overdue sheet listed");
    expect(p.url()).toContain("status=overdue");

    await p.getByRole("link", { name: "つなぐシートを作成" }).click();
    await visible(p.getByRole("heading", { level: 1, name: "つなぐシートの作成" }));
    // providers do not search the persons of the municipality, only those they registered
    expect(await p.getByRole("form", { name: "登録済みの人から選ぶ" }).count()).toBe(0);
    await visible(p.getByRole("form", { name: "この事業所で登録した人から選ぶ" }));

    // a reading in latin letters: the server's message appears next to the field
    await registerPerson(p, { name: NAME, kana: "shiken haruko", birth: BIRTH });
    await visible(p.getByText("ふりがなは ひらがな・カタカナ で入力してください").first());
    expect(
      await p
        .getByRole("form", { name: "新しく登録する" })
        .getByLabel(/^ふりがな/)
        .getAttribute("aria-invalid"),
    ).toBe("true");

    await registerPerson(p, { name: NAME, kana: KANA, birth: BIRTH, address: "つなぐ市中央1-2-3（テスト）" });
    await visible(p.getByRole("heading", { name: "2. 内容" }));
    await visible(p.getByText(`${NAME}（${KANA}）`));

    // nothing chosen yet: the form says what is missing, in Japanese, before anything is sent
    await p.getByRole("button", { name: "内容を確認" }).click();
    await visible(p.getByText("困りごとを1つ以上選んでください").first());
    await visible(p.getByText("気づいたことを入力してください").first());

    await fillSheet(p, {
      concerns: ["生活困窮", "ひきこもり"],
      observed: "訪問時、家計が苦しく外出もほとんどないと話していた（テスト）。",
      urgency: "高",
      consent: "同意あり",
    });
    expect(await p.getByLabel(/^送付先/).inputValue()).toBe(""); // the coordinators by default
    await p.getByRole("button", { name: "内容を確認" }).click();

    await visible(p.getByRole("heading", { name: "3. 確認・送付" }));
    await visible(p.getByText("生活困窮、ひきこもり"));
    await visible(p.getByText("同意あり（令和7年6月1日・口頭）"));
    await visible(p.getByText("多機関協働（調整役）"));
    await p.getByRole("button", { name: "この内容で送付" }).click();

    // the sender's view: status and where it stands, no transition buttons
    await visible(p.getByRole("heading", { name: "送ったつなぐシートの状況" }));
    await until(async () => /\/support\/referrals\/[0-9a-f-]{36}$/.test(p.url()), "on the detail page");
    const referralUrl = p.url();
    expect(referralUrl).not.toContain(encodeURIComponent(NAME));
    await visible(p.getByText("現在の状況: 送付"));
    expect(await p.getByRole("button", { name: "受付" }).count()).toBe(0);

    // ---- the coordinator sees it in the received box
    const coord = await newPage(browser);
    const c = coord.page;
    await login(c, web.baseUrl, "coord");
    await c.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "つなぐシート" }).click();
    const tabs = c.getByRole("navigation", { name: "受信・送信の切り替え" });
    expect(await tabs.getByRole("link", { name: "受信" }).getAttribute("aria-current")).toBe("page");
    const row = c.getByRole("row", { name: new RegExp(NAME) });
    await visible(row);
    await visible(row.getByText("送付", { exact: true }));
    await visible(row.getByText("架空ケアサービス株式会社（登録事業者）"));
    // not in the sent box: the coordinators did not send it
    await tabs.getByRole("link", { name: "送信" }).click();
    await until(
      async () => (await tabs.getByRole("link", { name: "送信" }).getAttribute("aria-current")) === "page",
      "the sent box is open",
    );
    // the demo coordinators have sent nothing
    await visible(c.getByText("該当するつなぐシートはありません。"));
    expect(await c.getByRole("row", { name: new RegExp(NAME) }).count()).toBe(0);

    // ---- registering a near-identical person offers the existing record
    await c.getByRole("link", { name: "つなぐシートを作成" }).click();
    await visible(c.getByRole("heading", { level: 1, name: "つなぐシートの作成" }));
    await registerPerson(c, { name: "試験 春子", kana: "しけん はるこ", birth: BIRTH });
    await visible(c.getByRole("heading", { name: "似ている人が既に登録されています" }));
    const candidates = c.getByRole("table", { name: /似ている記録/ });
    const candidate = candidates.getByRole("row", { name: new RegExp(NAME) });
    await visible(candidate);
    await visible(candidate.getByText(/ふりがなが一致/));
    await visible(candidate.getByText(/生年月日が一致/));
    await candidate.getByRole("button", { name: /この人を対象者にする/ }).click();
    await visible(c.getByRole("heading", { name: "2. 内容" }));
    await visible(c.getByText(`${NAME}（${KANA}）`));

    // ---- the coordinator accepts the provider's sheet
    await c.goto(referralUrl);
    await visible(c.getByRole("heading", { level: 1, name: /つなぐシート/ }));
    await visible(c.getByText("訪問時、家計が苦しく外出もほとんどないと話していた（テスト）。"));
    await c.getByRole("button", { name: "受付", exact: true }).click();
    const accept = c.getByRole("dialog");
    await visible(accept);
    await accept.getByRole("button", { name: "「受付」にする" }).click();
    await visible(c.getByText("「受付」にしました。"));
    const history = c.getByRole("table", { name: /状態の履歴/ });
    await visible(history.getByRole("row", { name: /受付 つなぐ市 多機関協働推進室/ }));

    // someone else moves it on in the meantime: the stale click is refused in Japanese and the page reloads
    const other = await ApiClient.login(web.baseUrl, "coord");
    const id = referralUrl.split("/").at(-1) as string;
    const current = await other.get(`/api/referrals/${id}`);
    const moved = await other.post(
      `/api/referrals/${id}/transition`,
      { to: "in_progress", reason: "支援会議で検討（テスト）" },
      { "if-match": `"${current.body.referral.version}"` },
    );
    expect(moved.status).toBe(200);
    await c.getByRole("button", { name: "つなぎ完了" }).click();
    await c.getByRole("dialog").getByLabel(/メモ/).fill(OUTCOME);
    await c.getByRole("dialog").getByRole("button", { name: "「つなぎ完了」にする" }).click();
    await visible(c.getByText(/他の人が先にこのつなぐシートの状態を変更しました/));
    await visible(history.getByRole("row", { name: /対応中 .*支援会議で検討（テスト）/ }));

    // declining needs a reason: the server's message is shown next to the field
    await c.getByRole("button", { name: "辞退" }).click();
    await c.getByRole("dialog").getByRole("button", { name: "「辞退」にする" }).click();
    await visible(c.getByRole("dialog").getByText("辞退・転送の理由を入力してください").first());
    await c.getByRole("dialog").getByRole("button", { name: "キャンセル" }).click();

    await c.getByRole("button", { name: "つなぎ完了" }).click();
    await c.getByRole("dialog").getByLabel(/メモ/).fill(OUTCOME);
    await c.getByRole("dialog").getByRole("button", { name: "「つなぎ完了」にする" }).click();
    await visible(c.getByText("「つなぎ完了」にしました。"));
    await visible(history.getByRole("row", { name: new RegExp(`つなぎ完了 .*${OUTCOME}`) }));
    // a completed sheet goes nowhere
    expect(await c.getByRole("button", { name: "辞退" }).count()).toBe(0);
    await coord.context.close();

    // ---- the provider sees the outcome
    await p.reload();
    await visible(p.getByText("現在の状況: つなぎ完了", { exact: false }));
    await visible(p.getByText(`支援につながりました。内容: ${OUTCOME}`));
    await visible(p.getByRole("table", { name: /状態の履歴/ }).getByRole("row", { name: /受付/ }));
    await provider.context.close();

    // ---- staff of an agency that neither sent nor received it: 見つかりません
    const outsider = await newPage(browser);
    await login(outsider.page, web.baseUrl, "kikan");
    await outsider.page.goto(referralUrl);
    await visible(outsider.page.getByRole("heading", { level: 1, name: "見つかりません" }));
    expect(await outsider.page.getByText(NAME).count()).toBe(0);
    expect(await outsider.page.getByText("訪問時、家計が苦しく").count()).toBe(0);
    await outsider.context.close();
  });

  it("cases: the lead moves a demo case on and records 支援経過; a team member reads it without the management buttons; a provider gets 見つかりません", async () => {
    const lead = await newPage(browser);
    const l = lead.page;
    await login(l, web.baseUrl, "houkatsu");
    await l.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "ケース" }).click();
    const list = l.getByRole("table", { name: /ケースの一覧/ });
    await visible(list);
    await list.getByRole("link", { name: /つなぐ 太郎/ }).click();
    await visible(l.getByRole("heading", { level: 1, name: /ケース: つなぐ 太郎/ }));
    await visible(l.getByText("あなたの立場: 主担当機関", { exact: false }));
    const caseUrl = l.url();

    // one step forward needs no reason
    await l.getByRole("button", { name: "次へ: モニタリング" }).click();
    await l.getByRole("dialog").getByRole("button", { name: "「モニタリング」にする" }).click();
    await visible(l.getByText("段階を「モニタリング」にしました。"));
    await unfold(l, "段階の履歴");
    await visible(
      l
        .getByRole("table", { name: "段階の履歴" })
        .getByRole("row", { name: /モニタリング つなぐ中央地域包括支援センター/ }),
    );
    // going back needs a reason: the server's message next to the field
    await l.getByRole("button", { name: "戻す: プラン" }).click();
    await l.getByRole("dialog").getByRole("button", { name: "「プラン」にする" }).click();
    await visible(l.getByRole("dialog").getByText("段階を戻す・終結する理由を入力してください").first());
    await l.getByRole("dialog").getByRole("button", { name: "キャンセル" }).click();

    await openTab(l, "支援経過");
    const record = l.getByRole("form", { name: "支援経過を記録する" });
    await record.getByLabel("種別").selectOption("訪問");
    await record.getByLabel(/^実施日/).fill("2025-07-01");
    await record.getByLabel(/^内容/).fill("居場所への参加が続いていることを確認した（テスト）。");
    await record.getByRole("button", { name: "記録する" }).click();
    await visible(l.getByText("支援経過を記録しました。"));
    await visible(l.getByRole("cell", { name: "居場所への参加が続いていることを確認した（テスト）。" }));
    await lead.context.close();

    // a team member (not the lead) reads the case and the shared record, and cannot change the phase
    const member = await newPage(browser);
    await login(member.page, web.baseUrl, "kikan");
    await member.page.goto(caseUrl);
    await visible(member.page.getByText("あなたの立場: チームの機関", { exact: false }));
    await openTab(member.page, "支援経過");
    await visible(member.page.getByRole("cell", { name: "居場所への参加が続いていることを確認した（テスト）。" }));
    expect(await member.page.getByRole("button", { name: /^次へ/ }).count()).toBe(0);
    expect(await member.page.getByRole("button", { name: "本人同意を更新" }).count()).toBe(0);
    await member.context.close();

    const provider = await newPage(browser);
    await login(provider.page, web.baseUrl, "jigyosha");
    await provider.page.goto(caseUrl);
    await visible(provider.page.getByRole("heading", { level: 1, name: "見つかりません" }));
    expect(await provider.page.getByText("つなぐ 太郎").count()).toBe(0);
    await provider.context.close();
  });
  it("相談の分類: the support-side administrator adds, reorders and deactivates categories (412 when someone saved first); the つなぐシート offers the active ones", async () => {
    const office = await newPage(browser);
    const o = office.page;
    await login(o, web.baseUrl, "shienkanri");
    await o.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "相談の分類" }).click();
    await visible(o.getByRole("heading", { level: 1, name: "相談の分類" }));
    const labels = () => o.locator("tbody th").allTextContents();
    await until(async () => (await labels()).length === 12, "the default list shown");

    await o.getByLabel("追加する分類名").fill("　就労支援 ");
    await o.getByRole("button", { name: "一覧に追加" }).click();
    await until(async () => (await labels()).at(-1) === "就労支援", "the new category at the end");
    await o.getByRole("button", { name: "「就労支援」を上へ" }).click();
    expect((await labels()).slice(-2)).toEqual(["就労支援", "その他"]);
    // the keyboard stays on the moved row
    expect(await o.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("「就労支援」を上へ");
    await o.getByRole("button", { name: "「外国籍」を無効にする" }).click();
    await o.getByRole("button", { name: "この内容で保存する" }).click();
    await visible(o.getByText("相談の分類を保存しました。"));
    await visible(o.getByRole("row", { name: /外国籍.*無効/ }));

    // someone else saves first: the page says so in Japanese and offers the latest list
    const other = await ApiClient.login(web.baseUrl, "admin");
    const current = (await other.get("/api/concerns")).body;
    const put = await other.put(
      "/api/concerns",
      { categories: [...current.categories, { label: "別の人の追加" }] },
      { "if-match": `"${current.version}"` },
    );
    expect(put.status).toBe(200);
    await o.getByRole("button", { name: "「8050」を無効にする" }).click();
    await o.getByRole("button", { name: "この内容で保存する" }).click();
    await visible(o.getByRole("alert").getByText("他の人が先に更新しました", { exact: false }));
    await o.getByRole("button", { name: "最新の内容を読み込む" }).click();
    await visible(o.getByText("最新の内容を読み込みました。"));
    await until(async () => (await labels()).includes("別の人の追加"), "the latest list shown");
    await office.context.close();

    // a provider's sheet offers the active categories only
    const provider = await newPage(browser);
    const p = provider.page;
    await login(p, web.baseUrl, "jigyosha");
    await p.goto(`${web.baseUrl}/support/referrals/new`);
    await registerPerson(p, { name: "分類 確認子", kana: "ブンルイ カクニンコ", birth: "1981-02-03" });
    await visible(p.getByRole("heading", { name: "2. 内容" }));
    const concerns = p.getByRole("group", { name: /困りごと/ });
    await visible(concerns.getByLabel("就労支援", { exact: true }));
    expect(await concerns.getByLabel("外国籍", { exact: true }).count()).toBe(0);
    await provider.context.close();
  });
});
