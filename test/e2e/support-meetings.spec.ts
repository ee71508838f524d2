import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../src/domain/japanese-date.js";
import { ApiClient } from "../helpers/api-client.js";
import { launchBrowser, login, newPage, startWebApp, until, visible, type WebApp } from "../helpers/browser.js";
import { fillSheet, registerPerson } from "../helpers/referral-form.js";

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The value of the select's option whose label contains `text`. */
async function optionValue(select: Locator, text: string) {
  return (await select.locator("option", { hasText: text }).getAttribute("value")) as string;
}

/** 会議 in the browser: the list by 地区 and month, the meeting page and its forms, the printed 会議録, 会議の設定. */
describe("meetings (会議)", () => {
  let web: WebApp;
  let browser: Browser;
  let meetingId: string;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    const coord = await ApiClient.login(web.baseUrl, "coord");
    // the demo keeps its meetings by 地区 (中央・北・南); this month's list has only the meeting convened here
    const districts = (await coord.get("/api/districts")).body.districts as { id: string; name: string }[];
    const district = districts.find((d) => d.name === "中央地区") as { id: string };
    const kinds = (await coord.get("/api/meeting-kinds")).body.kinds as { id: string; legalBasis: string }[];
    const agencies = (await coord.get("/api/agencies")).body.agencies as { id: string; name: string }[];
    const created = await coord.post("/api/meetings", {
      kindId: kinds.find((k) => k.legalBasis === "art106_6")?.id,
      heldOn: todayInJapan(),
      districtId: district.id,
      secretariatAgencyId: agencies.find((a) => a.name.includes("多機関協働"))?.id,
      title: "中央地区 支援会議（画面の確認）",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    meetingId = created.body.meeting.id;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("lists the month's meetings by 地区, adds an outside expert, prints the 会議録; no serious axe violation", async () => {
    const { context, page } = await newPage(browser);
    const found: string[] = [];
    await login(page, web.baseUrl, "coord");
    await page.goto(`${web.baseUrl}/support/meetings`);
    await visible(page.getByRole("heading", { level: 2, name: "中央地区" }));
    found.push(...(await seriousViolations(page, "会議の一覧")));

    // another month, typed in full-width 和暦, then stepped; text that is no month says how to type one
    const month = page.getByLabel(/^月/);
    await month.fill("令和７年４月");
    await visible(page.getByRole("link", { name: "支援会議（南地区）令和7年4月" }));
    await page.getByRole("button", { name: /^次の月/ }).click();
    await visible(page.getByRole("link", { name: "重層的支援会議（中央地区）令和7年5月" }));
    expect(await month.inputValue()).toBe("令和7年5月");
    expect(await page.getByRole("link", { name: "支援会議（南地区）令和7年4月" }).count()).toBe(0);
    await month.fill("4がつ");
    await visible(page.getByText(/月として読み取れません/));
    await visible(page.getByRole("link", { name: "重層的支援会議（中央地区）令和7年5月" }));
    await month.fill("");
    await visible(page.getByRole("link", { name: "中央地区 支援会議（画面の確認）" }));

    await page.getByRole("link", { name: "中央地区 支援会議（画面の確認）" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "構成員" }));
    await page.getByLabel("専門職の氏名").fill("顧問 花子");
    await page.getByLabel("所属").fill("つなぐ法律事務所（架空）");
    await page.getByLabel("役割").selectOption({ label: "弁護士" });
    await page.getByRole("button", { name: "専門職を加える" }).click();
    await visible(page.getByRole("cell", { name: "顧問 花子" }));
    await visible(page.getByRole("cell", { name: "誓約前" }));
    found.push(...(await seriousViolations(page, "会議")));

    await page.getByRole("link", { name: "会議録を印刷する" }).click();
    await visible(page.getByRole("heading", { level: 1, name: /会議録/ }));
    await visible(page.getByRole("cell", { name: "つなぐ法律事務所（架空）" }));
    expect(await page.evaluate(() => document.documentElement.dataset.paper)).toBe("a4-portrait");
    found.push(...(await seriousViolations(page, "会議録")));

    await page.goto(`${web.baseUrl}/support/meeting-settings`);
    await visible(page.getByRole("heading", { level: 2, name: "地区" }));
    found.push(...(await seriousViolations(page, "会議の設定")));
    expect(found).toEqual([]);
    await context.close();
  });

  it("a member of a 支援会議 is asked to pledge before seeing anything of it", async () => {
    const coord = await ApiClient.login(web.baseUrl, "coord");
    const users = (await (await ApiClient.login(web.baseUrl, "admin")).get("/api/users")).body.users as {
      id: string;
      loginId: string;
    }[];
    const houkatsu = users.find((u) => u.loginId === "houkatsu")?.id;
    expect((await coord.post(`/api/meetings/${meetingId}/members`, { userId: houkatsu })).status).toBe(201);
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "houkatsu");
    await page.goto(`${web.baseUrl}/support/meetings/${meetingId}`);
    await visible(page.getByRole("heading", { level: 2, name: "守秘義務の誓約" }));
    expect(await page.getByRole("heading", { name: "議題" }).count()).toBe(0);
    expect(await seriousViolations(page, "誓約")).toEqual([]);
    await page.getByRole("button", { name: "守秘義務を守ることを誓約する" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "議題" }));
    await context.close();
  });

  it("a provider sends a sheet without consent to a 支援会議; the coordinator puts it on the agenda; the pledged member reads it there", async () => {
    // ---- the provider: a new person, no consent, 送付先 支援会議
    const provider = await newPage(browser);
    const p = provider.page;
    await login(p, web.baseUrl, "jigyosha");
    await p.goto(`${web.baseUrl}/support/referrals/new`);
    await registerPerson(p, { name: "会議 依頼子", kana: "カイギ イライコ", birth: "1980-02-02" });
    await visible(p.getByRole("heading", { name: "2. 内容" }));
    await fillSheet(p, {
      concerns: ["ひきこもり"],
      observed: "何度訪ねても会えず、家族も相談をためらっている（テスト）。",
      urgency: "中",
      consent: "同意なし",
    });
    // to one agency without consent: refused next to the field, nothing sent
    const destination = p.getByLabel(/^送付先/);
    await destination.selectOption(await optionValue(destination, "基幹相談支援センター"));
    await p.getByRole("button", { name: "内容を確認" }).click();
    await p.getByRole("button", { name: "この内容で送付" }).click();
    await visible(p.getByText(/多機関協働（調整役）か支援会議にだけ送れます/).first());
    await p.getByLabel(/^送付先/).selectOption({ label: "支援会議（多機関協働の調整役が議題にします）" });
    await p.getByRole("button", { name: "内容を確認" }).click();
    await visible(p.getByText("支援会議（多機関協働の調整役が議題にします）"));
    await p.getByRole("button", { name: "この内容で送付" }).click();
    await until(async () => /\/support\/referrals\/[0-9a-f-]{36}$/.test(p.url()), "on the sheet's page");
    const sheetUrl = p.url();
    // the sender does not learn which meeting took it up
    expect(await p.getByRole("heading", { name: "支援会議" }).count()).toBe(0);
    await provider.context.close();

    // ---- the coordinator puts it on this meeting's agenda
    const coord = await newPage(browser);
    const c = coord.page;
    await login(c, web.baseUrl, "coord");
    await c.goto(sheetUrl);
    await visible(c.getByText("送付元は、このつなぐシートを支援会議で検討するよう求めています。"));
    const take = c.getByRole("form", { name: "支援会議の議題にする" });
    const meetings = take.getByLabel(/^議題にする支援会議/);
    await meetings.selectOption(await optionValue(meetings, "中央地区 支援会議（画面の確認）"));
    await take.getByRole("button", { name: "議題にする" }).click();
    await visible(c.getByText("支援会議の議題にしました。"));
    await visible(c.getByRole("link", { name: /支援会議$/ }));
    await coord.context.close();

    // ---- the pledged member (previous test) finds it on the agenda and reads it under the meeting's basis
    const member = await newPage(browser);
    const m = member.page;
    await login(m, web.baseUrl, "houkatsu");
    await m.goto(`${web.baseUrl}/support/meetings/${meetingId}`);
    await m.getByRole("link", { name: "つなぐシートを読む" }).click();
    await visible(m.getByText("何度訪ねても会えず、家族も相談をためらっている（テスト）。"));
    await visible(m.getByText(/支援会議の構成員として、この会議の議題になったつなぐシートを読んでいます/));
    expect(await m.getByRole("button", { name: "受付" }).count()).toBe(0);
    expect(await seriousViolations(m, "支援会議のつなぐシート")).toEqual([]);
    await member.context.close();
  });
});
