/**
 * npm run bench: the figures quoted in the notes. Medians and ratios measured in one run on this machine.
 *   1. import of the Meguro evaluation document (parse + one-transaction commit), median of 15
 *   2. GET summary of a 2,000-project plan with 10 fiscal years, 32 connections, vs a bare hello-world route
 *   3. GET indicators of a 2,000-indicator plan, 32 connections (bench/indicators.ts)
 *   4. multi-layered support at a large city's size: 100,000 persons (bench/support.ts)
 *   4a. 統計 (GET /api/stats) over the same size with five fiscal years of support data (bench/stats.ts)
 *   4b. the meeting page (50 members) and the plan tab (200 tasks) at 1, 8, 32 connections (bench/case-work.ts)
 *   5. npm start → first page, on an existing data folder
 *   6. the upload check refusing a 2 GB sharedStrings.xml, in process (bench/upload-checks.ts)
 *   7. the first load of the login page and the 総括表 in Chromium at 10 Mbit/s, 50 ms (bench/first-load.ts)
 *   8. kill -9 rounds and start times on each database the app runs on (bench/durability.ts)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { decideEveryNewName } from "../src/domain/departments/named-departments.js";
import { openDatabase } from "../src/server/db/client.js";
import { municipalities } from "../src/server/db/schema/index.js";
import { ensureDemoMunicipality } from "../src/server/demo/load-demo.js";
import { commitImport } from "../src/server/modules/imports/service.js";
import { ApiClient } from "../test/helpers/api-client.js";
import { runCaseWorkBench } from "./case-work.js";
import { runDurabilityBench } from "./durability.js";
import { runFirstLoadBench } from "./first-load.js";
import { runIndicatorsBench } from "./indicators.js";
import { runStatsBench } from "./stats.js";
import { runSupportBench } from "./support.js";
import { createSyntheticPlan } from "./synthetic-plan.js";
import { runUploadChecksBench } from "./upload-checks.js";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const seedPath = new URL("../../shared/seeds/000_0609a957ecd4939b.txt", import.meta.url);
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const database = await openDatabase({ url: process.env.DATABASE_URL });
await database.migrate();
await ensureDemoMunicipality(database.db);
const db = database.db;

if (want("import") && existsSync(seedPath)) {
  const bytes = new Uint8Array(readFileSync(seedPath));
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    // a new municipality each time: the same document twice in one municipality is (rightly) a no-op
    const [m] = await db
      .insert(municipalities)
      .values({ code: `b${Date.now()}${i}`, name: "bench" })
      .returning();
    if (!m) throw new Error("no municipality");
    const t0 = performance.now();
    // a fresh municipality has no departments: the document's are registered, as a plan office would confirm
    const r = await commitImport(db, { municipalityId: m.id, userId: null, loginId: "bench" }, bytes, "000.txt", {
      departments: (table) => decideEveryNewName(table, "create"),
    });
    times.push(performance.now() - t0);
    if (!r.created) throw new Error("import did not create");
  }
  console.log(
    `import 000 (68 projects): median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms (n=15)`,
  );
}

await database.close();

if (want("summary")) {
  // The server runs in its own process, as deployed; autocannon loads it from this one.
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-summary-"));
  const seeded = await openDatabase({
    dataDir: process.env.DATABASE_URL ? undefined : dir,
    url: process.env.DATABASE_URL,
  });
  await seeded.migrate();
  await ensureDemoMunicipality(seeded.db);
  const t0 = performance.now();
  const { planId } = await createSyntheticPlan(seeded.db, 2000, 10);
  console.log(
    `synthetic plan: 2,000 projects × 10 fiscal years created in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await seeded.close();
  const port = 3800 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, TSUNAGU_DATA_DIR: dir, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "inherit",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    const client = await ApiClient.login(base, "keikaku");
    const cookie = (client as unknown as { cookie: string }).cookie;
    const url = `/api/plans/${planId}/summary?fiscalYear=2025`;
    const rowsUrl = `${url}&include=rows`;
    const first = performance.now();
    const res = await client.get(url);
    if (res.status !== 200 || res.body.summary.total.projects !== 2000) throw new Error("bad summary");
    console.log(
      `summary first request (computed, ${(JSON.stringify(res.body).length / 1024).toFixed(0)} KiB): ${(performance.now() - first).toFixed(1)} ms`,
    );
    // Chromium sends this header on every request; "identity" shows the cost of the uncompressed bytes
    const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
    const load = (path: string, encoding = BROWSER_ENCODINGS) =>
      autocannon({
        url: base + path,
        connections: 32,
        duration: 10,
        headers: { cookie, "accept-encoding": encoding },
      }) as unknown as Promise<autocannon.Result>;
    const hello = await load("/healthz");
    const summary = await load(url);
    const rows = await load(rowsUrl);
    const summaryIdentity = await load(url, "identity");
    if (summary.non2xx > 0 || rows.non2xx > 0 || summaryIdentity.non2xx > 0) {
      throw new Error("summary answered non-2xx");
    }
    const line = (label: string, r: autocannon.Result) =>
      `${label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ratio to hello-world ${(r.requests.average / hello.requests.average).toFixed(2)}`;
    console.log(
      [
        line("hello-world (/healthz)", hello),
        line("summary counts (2,000 projects, 32 connections, gzip as browsers ask)", summary),
        line("summary with the 2,000 project rows (include=rows, gzip)", rows),
        line("summary counts uncompressed (Accept-Encoding: identity)", summaryIdentity),
      ].join("\n"),
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (want("indicators")) await runIndicatorsBench();

if (want("support")) await runSupportBench();

if (want("stats")) await runStatsBench();

if (want("case-work")) await runCaseWorkBench();

if (want("upload-checks")) await runUploadChecksBench();

if (want("first-load")) await runFirstLoadBench();

if (want("durability")) await runDurabilityBench();

if (want("start")) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-start-"));
  const startOnce = () =>
    new Promise<number>((resolve, reject) => {
      const port = 3900 + Math.floor(Math.random() * 90);
      const t0 = performance.now();
      const child = spawn("npm", ["start", "--silent"], {
        env: { ...process.env, TSUNAGU_DATA_DIR: dir, PORT: String(port), LOG_LEVEL: "warn", DATABASE_URL: "" },
        stdio: "ignore",
        detached: true,
      });
      const poll = setInterval(async () => {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/`);
          if (res.status === 200) {
            clearInterval(poll);
            const ms = performance.now() - t0;
            process.kill(-(child.pid as number), "SIGTERM");
            setTimeout(() => resolve(ms), 500);
          }
        } catch {}
      }, 25);
      setTimeout(() => {
        clearInterval(poll);
        reject(new Error("start timed out"));
      }, 60_000);
    });
  const first = await startOnce();
  const again: number[] = [];
  for (let i = 0; i < 3; i++) again.push(await startOnce());
  console.log(
    `npm start → first page: new data folder ${(first / 1000).toFixed(2)} s; existing folder median ${(median(again) / 1000).toFixed(2)} s (n=3)`,
  );
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
