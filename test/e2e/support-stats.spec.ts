import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentFiscalYear, formatFiscalYear } from "../../src/domain/fiscal-year.js";
import { MEASURE_GROUP_LABELS, type MeasureGroup } from "../../src/domain/labels/measures.js";
import { programmeProjectAgencies, programmeProjects } from "../../src/server/db/schema/index.js";
import { ApiClient } from "../helpers/api-client.js";
import { closeBrowserApp, login, newPage, openBrowserApp, until, visible, type WebApp } from "../helpers/browser.js";

interface Answer {
  measures: {
    key: string;
    group: MeasureGroup;
    label: string;
    total: { value: number | null; state: string; display: string } | null;
    rows: { value: number | null; state: string }[];
  }[];
  choices: { agencies: { id: string; name: string }[] };
}

const CHARTED = ["contacts", "referrals_sent", "placements", "cases_by_issue"];

/** A measure whose shown total differs between two answers (the project filter changed it), if any. */
function changed(all: Answer, filtered: Answer) {
  return filtered.measures.find((m) => {
    const before = all.measures.find((a) => a.key === m.key)?.total;
    return m.total?.state === "shown" && before?.state === "shown" && m.total.value !== before.value;
  });
}

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** 重層的支援の統計 in the browser: the coordinators' raw counts and the plan office's suppressed ones, as the API says. */
describe("statistics (重層的支援の統計)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ({ web, browser } = await openBrowserApp());
  });
  afterAll(() => closeBrowserApp(web, browser));

  for (const loginId of ["coord", "keikaku"]) {
    it(`shows ${loginId} the year's tables with the numbers the API gives it`, async () => {
      const fy = currentFiscalYear();
      const client = await ApiClient.login(web.baseUrl, loginId);
      const answer = (await client.get(`/api/stats?fiscalYear=${fy}`)).body as {
        suppressed: boolean;
        measures: { key: string; label: string; total: { display: string } | null }[];
      };
      const { context, page } = await newPage(browser);
      await login(page, web.baseUrl, loginId);
      await page
        .getByRole("navigation", { name: "メインメニュー" })
        .getByRole("link", { name: "重層的支援の統計" })
        .click();
      await visible(page.getByRole("heading", { level: 1, name: "重層的支援の統計" }));
      await visible(page.getByRole("table", { name: `つなぐシート（${formatFiscalYear(fy)}）` }));
      for (const m of answer.measures.filter((x) => x.total)) {
        const row = page.getByRole("row", { name: new RegExp(`^${m.label}`) });
        expect(await row.getByRole("cell").first().textContent(), m.key).toContain(m.total?.display);
      }
      expect(await page.getByText("と表示し、合計から逆算できる欄は「秘匿」とします").count()).toBe(
        answer.suppressed ? 1 : 0,
      );
      await page.getByLabel("年度").selectOption({ label: formatFiscalYear(fy - 1) });
      await visible(page.getByRole("table", { name: `つなぐシート（${formatFiscalYear(fy - 1)}）` }));
      expect(await seriousViolations(page, `/stats as ${loginId}`)).toEqual([]);
      await context.close();
    });
  }

  it("lets the support-side administrator set the threshold, which the plan office's answer then follows", async () => {
    const admin = await ApiClient.login(web.baseUrl, "shienkanri");
    const office = await ApiClient.login(web.baseUrl, "keikaku");
    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "shienkanri");
    await page.goto(`${web.baseUrl}/stats`);
    const select = page.getByLabel("秘匿の基準");
    await visible(select);
    expect(await seriousViolations(page, "/stats as shienkanri")).toEqual([]);
    await select.selectOption({ label: "6未満を秘匿" });
    await until(
      async () => (await admin.get("/api/settings/stats")).body.setting.threshold === 6,
      "the threshold saved",
    );
    expect((await office.get(`/api/stats?fiscalYear=${currentFiscalYear()}`)).body.threshold).toBe(6);
    await select.selectOption({ label: "5未満を秘匿" });
    await until(
      async () => (await admin.get("/api/settings/stats")).body.setting.threshold === 5,
      "the threshold saved back",
    );
    await context.close();
  });

  it("filters by a registry project: the counts change, the charts follow, both files hold the project's counts", async () => {
    const fy = currentFiscalYear();
    const client = await ApiClient.login(web.baseUrl, "coord");
    const stats = async (query = "") => (await client.get(`/api/stats?fiscalYear=${fy}${query}`)).body as Answer;
    const all = await stats();
    // a project of one agency whose own counts differ from everyone's (the registry's editing is its own spec)
    let agencyId: string | undefined;
    for (const a of all.choices.agencies)
      if (changed(all, await stats(`&agencyId=${a.id}`))) {
        agencyId = a.id;
        break;
      }
    expect(agencyId, "a demo agency with counts of its own").toBeTruthy();
    const { db } = web.app.database;
    const [project] = await db
      .insert(programmeProjects)
      .values({ municipalityId: web.app.municipalityId, number: 90, name: "統計の確認用の事業" })
      .returning({ id: programmeProjects.id });
    const projectId = project?.id as string;
    await db
      .insert(programmeProjectAgencies)
      .values({ municipalityId: web.app.municipalityId, projectId, agencyId: agencyId as string });
    const filtered = await stats(`&projectId=${projectId}`);
    const measure = changed(all, filtered);
    expect(measure).toBeTruthy();
    const { key, label, group, total } = measure as NonNullable<typeof measure>;

    const { context, page } = await newPage(browser);
    await login(page, web.baseUrl, "coord");
    await page.goto(`${web.baseUrl}/stats`);
    const row = page.getByRole("row", { name: new RegExp(`^${label}`) });
    const before = all.measures.find((m) => m.key === key)?.total?.display as string;
    expect(await row.getByRole("cell").first().textContent()).toContain(before);
    await page.getByLabel("事業", { exact: true }).selectOption({ label: "90 統計の確認用の事業" });
    await visible(
      page.getByRole("table", { name: `つなぐシート（${formatFiscalYear(fy)}　事業: 90 統計の確認用の事業）` }),
    );
    await until(
      async () => ((await row.getByRole("cell").first().textContent()) ?? "").startsWith(total?.display as string),
      `${key} shows the project's count`,
    );
    // one figure per breakdown; bars where the project has a shown count above 0, each chart described by its table
    expect(await page.locator("figure.stats-chart").count()).toBe(4);
    for (const m of filtered.measures.filter((x) => CHARTED.includes(x.key))) {
      const drawn = m.rows.some((r) => r.state === "shown" && (r.value ?? 0) > 0);
      const chart = page.getByRole("img", { name: new RegExp(`^${m.label}:`) });
      await until(async () => (await chart.count()) === (drawn ? 1 : 0), `${m.key} drawn: ${drawn}`);
      if (drawn) expect(await chart.getAttribute("aria-describedby")).toBe(`stats-table-${m.group}`);
    }

    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
      return readFileSync((await download.path()) ?? "");
    };
    const csv = (await save("CSVで保存")).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toContain(`重層的支援の統計（${formatFiscalYear(fy)}）`);
    expect(lines).toContain("事業,90 統計の確認用の事業");
    const totalLine = `${MEASURE_GROUP_LABELS[group]},${label},合計,${total?.value}`;
    expect(lines.some((l) => l.startsWith(totalLine))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await save("Excelで保存（xlsx）")) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("統計") as ExcelJS.Worksheet;
    const cells: unknown[][] = [];
    ws.eachRow((r) => {
      cells.push((r.values as unknown[]).slice(1));
    });
    expect(cells).toContainEqual(["事業", "90 統計の確認用の事業"]);
    expect(cells.find((c) => c[1] === label && c[2] === "合計")?.[3]).toBe(total?.value);
    expect(await seriousViolations(page, "/stats by project")).toEqual([]);
    await context.close();
  });
});
