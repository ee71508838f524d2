/**
 * The first load of the web app as a user on a modest connection sees it: Chromium with its network emulated at
 * 10 Mbit/s both ways and 50 ms latency (CDP Network.emulateNetworkConditions). For the login page and the 総括表
 * page, first visit (empty cache) and second visit (cache warm): the bytes transferred over the wire by every
 * request (compressed bodies and headers, as Chromium counts them), the number of requests, first paint, first
 * contentful paint and the moment the page's content is on screen. Times are medians of RUNS runs.
 *
 *   npx tsx bench/first-load.ts                      the built app (dist/web) on a fresh in-memory database
 *   npx tsx bench/first-load.ts --url http://host:port   a server already running with the demo municipality
 */
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { DEMO_MUNICIPALITY_CODE, DEMO_PASSWORD, launchBrowser, startWebApp } from "../test/helpers/browser.js";

const RUNS = 3;
const THROTTLE = {
  offline: false,
  latency: 50,
  downloadThroughput: (10 * 1000 * 1000) / 8,
  uploadThroughput: (10 * 1000 * 1000) / 8,
};

interface Visit {
  bytes: number;
  requests: number;
  urls: string[];
  firstPaint: number;
  firstContentfulPaint: number;
  contentShown: number;
}

/** Counts what goes over the wire for one page's requests (cache hits count nothing). */
async function trackTransfers(cdp: CDPSession) {
  const sizes = new Map<string, number>();
  const urls = new Map<string, string>();
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", THROTTLE);
  return {
    reset() {
      sizes.clear();
      urls.clear();
    },
    read() {
      const fetched = [...sizes].filter(([, size]) => size > 0);
      return {
        bytes: fetched.reduce((sum, [, size]) => sum + size, 0),
        requests: fetched.length,
        urls: fetched.map(([id]) => new URL(urls.get(id) ?? "about:blank").pathname),
      };
    },
  };
}

async function paintTimes(page: Page) {
  // no named function inside: the script is sent to the page as text, without the helpers tsx compiles in
  const [firstPaint, firstContentfulPaint] = await page.evaluate(() =>
    ["first-paint", "first-contentful-paint"].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN),
  );
  return { firstPaint: firstPaint ?? Number.NaN, firstContentfulPaint: firstContentfulPaint ?? Number.NaN };
}

/** Opens `url` and waits until `shown` is visible and the network is quiet; what it cost and when it showed. */
async function visit(
  page: Page,
  tracker: Awaited<ReturnType<typeof trackTransfers>>,
  url: string,
  shown: string,
): Promise<Visit> {
  tracker.reset();
  await page.goto(url);
  await page.locator(shown).first().waitFor({ state: "visible", timeout: 60_000 });
  const contentShown = await page.evaluate(() => performance.now());
  await page.waitForLoadState("networkidle");
  return { ...tracker.read(), ...(await paintTimes(page)), contentShown };
}

async function signIn(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/login`);
  const municipality = page.getByLabel("自治体");
  if (await municipality.isVisible()) await municipality.selectOption({ value: DEMO_MUNICIPALITY_CODE });
  await page.getByLabel("ログインID").fill("keikaku");
  await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
}

async function measureOnce(context: BrowserContext, baseUrl: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const tracker = await trackTransfers(cdp);
  const loginFirst = await visit(page, tracker, `${baseUrl}/login`, "#root form");
  const loginSecond = await visit(page, tracker, `${baseUrl}/login`, "#root form");

  await signIn(page, baseUrl);
  const answer = (await (await page.request.get(`${baseUrl}/api/plans`)).json()) as { plans: { id: string }[] };
  const planId = answer.plans[0]?.id;
  if (!planId) throw new Error("the demo municipality has no plan");
  const summaryUrl = `${baseUrl}/summary?planId=${planId}&fy=2024`;
  // signed in, but nothing of the app in the cache: as a user who opens a link to the 総括表 the first time
  await cdp.send("Network.clearBrowserCache");
  const summaryFirst = await visit(page, tracker, summaryUrl, "table.summary");
  const summarySecond = await visit(page, tracker, summaryUrl, "table.summary");
  await page.close();
  return { loginFirst, loginSecond, summaryFirst, summarySecond };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (t: number) => `${Math.round(t)} ms`;

export async function runFirstLoadBench(url?: string) {
  const web = url ? null : await startWebApp({ demoBaseline: true });
  const baseUrl = url ?? web?.baseUrl ?? "";
  const browser = await launchBrowser();
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 1280, height: 900 } });
      runs.push(await measureOnce(context, baseUrl));
      await context.close();
    }
    console.log(`first load at 10 Mbit/s, 50 ms latency (Chromium network emulation; times: median of ${RUNS})`);
    for (const key of ["loginFirst", "loginSecond", "summaryFirst", "summarySecond"] as const) {
      const visits = runs.map((r) => r[key]);
      const first = visits[0] as Visit;
      console.log(
        `  ${key.padEnd(13)} ${kb(first.bytes).padStart(10)} in ${String(first.requests).padStart(2)} requests;` +
          ` first paint ${ms(median(visits.map((v) => v.firstPaint)))},` +
          ` first contentful paint ${ms(median(visits.map((v) => v.firstContentfulPaint)))},` +
          ` content shown ${ms(median(visits.map((v) => v.contentShown)))}`,
      );
      console.log(`    ${first.urls.join(" ")}`);
    }
  } finally {
    await browser.close();
    await web?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--url");
  await runFirstLoadBench(at > 0 ? process.argv[at + 1] : undefined);
}
