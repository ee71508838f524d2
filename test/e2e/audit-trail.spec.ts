import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, until, visible, type WebApp } from "../helpers/browser.js";

/** today in Japan, written the way an office worker types it: 令和7年11月24日 */
function todayInReiwa() {
  const iso = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
  const [y, m, d] = iso.split("-").map(Number);
  return { iso, typed: `令和${(y ?? 0) - 2018}年${m}月${d}日` };
}

describe("audit trail (監査ログ) in the browser", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("after a support staff user opens a referral, the support-side administrator finds that read filtered by the referral", async () => {
    // the support staff of the receiving agency opens the referral the provider sent it
    const staff = await ApiClient.login(web.baseUrl, "houkatsu");
    const list = (await staff.get("/api/referrals")).body.referrals as { id: string; fromAgency: { name: string } }[];
    const referral = list.find((r) => r.fromAgency.name.includes("架空ケアサービス"));
    expect(referral, "demo referral from the provider").toBeTruthy();
    const referralId = referral?.id as string;
    const opened = await staff.get(`/api/referrals/${referralId}`);
    expect(opened.status).toBe(200);
    // and an agency without the need to know is refused
    const other = await ApiClient.login(web.baseUrl, "kikan");
    expect((await other.get(`/api/referrals/${referralId}`)).status).toBe(404);

    // the support side's records are read by the support side's administrator (the plan office reads the plan side)
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "shienkanri");
    await page.getByRole("link", { name: "監査ログ" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "監査ログ" }));
    const form = page.getByRole("form", { name: "監査ログの絞り込み" });
    await form.getByLabel("対象の種類").selectOption({ label: "つなぐシート" });
    // a name is never sent: the page refuses it before it reaches the URL
    await form.getByLabel("対象のID").fill("架空 花子");
    await form.getByRole("button", { name: "検索" }).click();
    await visible(form.getByText("対象のIDは英数字で入力してください（氏名などでは検索できません）"));
    expect(page.url()).not.toContain(encodeURIComponent("架空"));
    await form.getByLabel("対象のID").fill(referralId);
    const today = todayInReiwa();
    await form.getByLabel("開始日").fill(today.typed);
    await visible(form.getByText(`（${today.iso}）として検索します`));
    await form.getByLabel("終了日").fill("あした");
    await visible(form.getByText("日付として読み取れません"));
    // the server's message, next to the field
    await form.getByRole("button", { name: "検索" }).click();
    await visible(page.getByText("終了日は 令和7年4月1日・R7.4.1・2025-04-01 のように入力してください").first());
    await form.getByLabel("終了日").fill(today.typed);
    await form.getByLabel("操作の種類").selectOption({ label: "閲覧" });
    await form.getByRole("button", { name: "検索" }).click();

    const table = page.getByRole("table", { name: "監査ログの記録（新しい順）" });
    await visible(table);
    const row = table.getByRole("row", { name: /包括 六花/ });
    await visible(row);
    const text = (await row.first().textContent()) ?? "";
    expect(text).toContain("houkatsu");
    expect(text).toContain("つなぐ中央地域包括支援センター");
    expect(text).toContain("閲覧");
    // in words: the person by kind and a short id (the plan office has no basis for the name), the basis with the
    // part the staff member's agency had
    expect(text).toMatch(/対象者 #[0-9a-f]{8}/);
    expect(text).toContain(`つなぐシート #${referralId.slice(0, 8)}（受信機関として）`);
    expect(text).not.toContain("架空 花子");
    expect((await table.textContent()) ?? "").not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|referral:|need_to_know/);
    expect(text).toMatch(/127\.0\.0\.1/);
    // only reads: the refusal of the other agency is not in this list, and no row is of another referral
    expect(await table.getByText("拒否").count()).toBe(0);
    // the filter is in the URL (ids and dates only), so the result can be shared with a colleague
    const url = new URL(page.url());
    expect(url.searchParams.get("entityId")).toBe(referralId);
    expect(url.searchParams.get("from")).toBe(today.iso);

    // the refusal shows with "拒否"
    await form.getByLabel("操作の種類").selectOption({ label: "拒否（権限なし）" });
    await form.getByRole("button", { name: "検索" }).click();
    await visible(table.getByRole("row", { name: /基幹 七海/ }));

    // printable: the menus and the filters are not printed, the records are
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "メインメニュー" }).isVisible()).toBe(false);
    expect(await form.isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    await visible(page.getByText(/条件: 対象 つなぐシート/));
    await page.emulateMedia({ media: "screen" });
    await context.close();

    // the plan office's queries are themselves in the trail
    const admin = await ApiClient.login(web.baseUrl, "admin");
    const views = await admin.get("/api/audit/entries?entityType=audit_log");
    expect((views.body.entries as { actor: { loginId: string } }[]).some((e) => e.actor.loginId === "shienkanri")).toBe(
      true,
    );
  });

  it("who saw a case: the support-side administrator finds the reads of its 支援経過, assessments and household, in words", async () => {
    const kikan = await ApiClient.login(web.baseUrl, "kikan");
    const list = (await kikan.get("/api/cases")).body.cases as {
      id: string;
      mainPerson: { nameKanji: string } | null;
    }[];
    const target = list.find((c) => c.mainPerson?.nameKanji === "つなぐ 太郎");
    expect(target, "demo case of つなぐ家 (基幹 on its team)").toBeTruthy();
    const caseId = target?.id as string;
    const detail = await kikan.get(`/api/cases/${caseId}`);
    expect((await kikan.get(`/api/cases/${caseId}/records`)).status).toBe(200);
    expect((await kikan.get(`/api/cases/${caseId}/assessments`)).status).toBe(200);
    expect((await kikan.get(`/api/households/${detail.body.case.household.id}`)).status).toBe(200);

    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "shienkanri");
    await page.goto(`${web.baseUrl}/audit`);
    const form = page.getByRole("form", { name: "監査ログの絞り込み" });
    await form.getByLabel("対象の種類").selectOption({ label: "ケース（支援経過・アセスメント・世帯を含む）" });
    await form.getByLabel("対象のID").fill(caseId);
    await form.getByRole("button", { name: "検索" }).click();
    const table = page.getByRole("table", { name: "監査ログの記録（新しい順）" });
    const row = (what: RegExp) => table.getByRole("row", { name: what });
    await visible(row(/基幹 七海.*支援経過（一覧） #[0-9a-f]{8}.*本人同意 #[0-9a-f]{8} に基づく/));
    await visible(row(/基幹 七海.*アセスメント（一覧）/));
    await visible(row(/基幹 七海.*世帯 #[0-9a-f]{8}.*世帯（ケースの主担当・本人の同意がある機関として）/));
    await visible(row(/基幹 七海.*対象者 #[0-9a-f]{8}.*本人同意 #[0-9a-f]{8} に基づく/));
    const text = (await table.textContent()) ?? "";
    for (const raw of ["case_records", "household:", "case:", "consent:"]) expect(text).not.toContain(raw);
    for (const name of ["つなぐ 太郎", "つなぐ 梅子", "つなぐ家"]) expect(text).not.toContain(name);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);

    // a row's target links to every record about it (ids in the URL only)
    await row(/基幹 七海.*世帯 #[0-9a-f]{8}.*世帯（ケースの主担当・本人の同意がある機関として）/)
      .first()
      .getByRole("button", { name: /この対象の記録/ })
      .click();
    await until(
      async () => new URL(page.url()).searchParams.get("entityType") === "household",
      "filtered by the household",
    );
    expect(new URL(page.url()).searchParams.get("entityId")).toBe(detail.body.case.household.id);
    // the form follows: 世帯 and its id, and the household's own records are listed
    await until(async () => (await form.getByLabel("対象の種類").inputValue()) === "household", "the form follows");
    expect(await form.getByLabel("対象のID").inputValue()).toBe(detail.body.case.household.id);
    await visible(row(/基幹 七海.*世帯 #[0-9a-f]{8}.*世帯（ケースの主担当・本人の同意がある機関として）/));
    await context.close();
  });

  it("a department editor has no audit trail", async () => {
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "korei");
    expect(await page.getByRole("link", { name: "監査ログ" }).count()).toBe(0);
    // a screen the access table does not give the account is not found, as its API route is
    await page.goto(`${web.baseUrl}/audit`);
    await visible(page.getByRole("heading", { level: 1, name: "見つかりません" }));
    await context.close();
  });
});
