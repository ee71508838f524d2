import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, openTab, visible, type WebApp } from "../helpers/browser.js";
import { openCaseAsCoordinator } from "../helpers/case-setup.js";

const RESOURCE = "喫茶つなぐ 就労体験";
const WISHES = "短い時間なら人前で働いてみたい（テスト）";
const NEED = "夜に通える若者の居場所（テスト）";

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * 参加支援 in the browser: the lead agency proposes a resource from a case and follows it to 定着, its follow-up is
 * flagged when due and listed from ホーム; the resource's operator sees only the placements the consent covers; the
 * coordinators read the needs no resource met, grouped by 地区.
 */
describe("participation support (参加支援)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  it("proposes, moves to 定着, flags the follow-up; the operator sees it within consent; the unmet need is listed", async () => {
    const found: string[] = [];
    const { caseId } = await openCaseAsCoordinator(web.baseUrl, {
      person: { nameKana: "シケン サンカ", nameKanji: "試験 参加" },
      sheet: {
        concerns: ["ひきこもり"],
        observed: "外出が減っている（テスト）",
        consent: "given",
        consentDate: "2025-05-01",
      },
      address: "つなぐ市南町7-7（テスト）",
    });
    // a second case at the same resource whose person has not consented: its operator must not see it
    const { caseId: withoutConsent } = await openCaseAsCoordinator(web.baseUrl, {
      person: { nameKana: "シケン ドウイナシ", nameKanji: "試験 同意無" },
      sheet: { concerns: ["ひきこもり"], observed: "連絡が取れない（テスト）", consent: "unknown" },
      address: "つなぐ市北町7-7（テスト）",
    });
    const houkatsu = await ApiClient.login(web.baseUrl, "houkatsu");
    const resources = (await houkatsu.get("/api/resources?status=active")).body.resources as {
      id: string;
      name: string;
    }[];
    const cafe = resources.find((r) => r.name === RESOURCE) as { id: string };
    const hidden = await houkatsu.post(`/api/cases/${withoutConsent}/placements`, {
      resourceId: cafe.id,
      wishes: "同意のない本人の希望（テスト）",
      startedOn: "2025-06-01",
    });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(201);

    // the lead agency, on the case's 参加支援 tab
    const lead = await newPage(browser);
    const p = lead.page;
    await login(p, web.baseUrl, "houkatsu");
    await p.goto(`${web.baseUrl}/support/cases/${caseId}`);
    await openTab(p, "参加支援");
    const section = p.getByRole("region", { name: "参加支援" });
    await visible(section.getByText("参加支援はまだありません。"));
    const propose = section.getByRole("form", { name: "地域資源を提案する" });
    await propose.getByLabel(/^地域資源を探す/).fill("喫茶");
    await propose.getByLabel(/^地域資源(必須)?$/).selectOption({ label: RESOURCE });
    await propose.getByLabel(/^本人の希望/).fill(WISHES);
    await propose.getByLabel(/^見学・体験の日/).fill("2025-06-04");
    await propose.getByRole("button", { name: "提案する" }).click();
    const placement = section.getByRole("listitem").filter({ hasText: WISHES });
    await visible(placement.getByText("見学・体験", { exact: true }));

    const move = async (status: string, on: string, followUpOn?: string) => {
      const form = section.getByRole("form", { name: `${RESOURCE}の状況を変える` });
      await form.getByLabel("次の状況").selectOption({ label: status });
      await form.getByLabel(/^変更日/).fill(on);
      if (followUpOn) await form.getByLabel("次のフォローアップ日").fill(followUpOn);
      await form.getByRole("button", { name: "状況を記録する" }).click();
      await visible(placement.locator(".status", { hasText: new RegExp(`^${status}$`) }));
    };
    await move("参加", "2025-06-25");
    // 定着, with a follow-up day that has come: the placement is flagged
    await move("定着", "2025-09-10", "2025-10-01");
    await visible(placement.getByText("フォローアップの時期です"));
    await visible(section.getByText("フォローアップの時期が来たもの: 1件"));

    // no resource answered another wish: recorded as an unmet need
    const need = section.getByRole("form", { name: "見つからなかった資源を記録する" });
    await need.getByLabel(/^探した資源/).fill(NEED);
    await need.getByLabel("地区").selectOption({ label: "南地区" });
    await need.getByLabel("若者").check();
    await need.getByRole("button", { name: "記録する" }).click();
    await visible(need.getByRole("status").filter({ hasText: "記録しました" }));
    found.push(...(await seriousViolations(p, "ケースの参加支援")));

    // ホーム counts the follow-up and links to the list
    await p.goto(`${web.baseUrl}/home`);
    await p.getByRole("link", { name: /フォローアップの時期が来た参加支援 1件/ }).click();
    await visible(p.getByRole("heading", { level: 1, name: "参加支援のフォローアップ" }));
    const due = p.getByRole("table", { name: /フォローアップの時期が来た参加支援/ });
    await visible(due.getByRole("cell", { name: "令和7年10月1日" }));
    await visible(due.getByRole("link", { name: RESOURCE }));
    found.push(...(await seriousViolations(p, "参加支援のフォローアップ")));
    await lead.context.close();

    // the 基幹 runs the café: it sees the placement its consent covers, not the other one
    const operator = await newPage(browser);
    await login(operator.page, web.baseUrl, "kikan");
    await operator.page.goto(`${web.baseUrl}/support/resources/${cafe.id}`);
    const atResource = operator.page.getByRole("region", { name: "この資源での参加支援" });
    await visible(atResource.getByRole("cell", { name: WISHES }));
    await visible(atResource.getByText("本人の同意が貴機関に及ぶ参加支援だけ"));
    await visible(atResource.getByRole("table", { name: "参加支援（1件）" }));
    expect(await atResource.getByText("同意のない本人の希望（テスト）").count()).toBe(0);
    found.push(...(await seriousViolations(operator.page, "地域資源の参加支援（運営機関）")));
    await operator.context.close();

    // the coordinators: every placement at the resource, and the unmet needs from 地域資源
    const coord = await newPage(browser);
    await login(coord.page, web.baseUrl, "coord");
    await coord.page.goto(`${web.baseUrl}/support/resources/${cafe.id}`);
    await visible(coord.page.getByRole("table", { name: "参加支援（2件）" }));
    await coord.page.goto(`${web.baseUrl}/support/resources`);
    await coord.page.getByRole("link", { name: /見つからなかった資源/ }).click();
    await visible(coord.page.getByRole("heading", { level: 1, name: "見つからなかった資源" }));
    const byDistrict = coord.page.getByRole("region", { name: "地区ごと" });
    await visible(byDistrict.getByRole("table", { name: "南地区（1件）" }).getByRole("cell", { name: NEED }));
    const byAudience = coord.page.getByRole("region", { name: "対象ごと" });
    await visible(byAudience.getByRole("table", { name: "若者（1件）" }));
    expect(await coord.page.getByText("試験 参加").count()).toBe(0);
    found.push(...(await seriousViolations(coord.page, "見つからなかった資源")));
    await coord.context.close();
    expect(found).toEqual([]);
  });
});
