import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../src/domain/japanese-date.js";
import { ApiClient } from "../helpers/api-client.js";
import { launchBrowser, login, newPage, startWebApp, visible, type WebApp } from "../helpers/browser.js";

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
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
});
