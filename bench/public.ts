/**
 * The public site (issue 16): a 2,000-project plan published with its closed year, its plan page and the year's
 * 総括表 at 1, 8 and 32 connections beside the bare route of the same server, no session (a resident). The server
 * runs in its own process on the embedded PostgreSQL server (what `npm start` runs). Run with
 * `npx tsx bench/public.ts`. Target: p99 below 50 ms at 32 connections.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client.js";
import { evaluationSheets } from "../src/server/db/schema/index.js";
import { ensureDemoMunicipality } from "../src/server/demo/load-demo.js";
import { ApiClient } from "../test/helpers/api-client.js";
import { startAppServer } from "./app-server.js";
import { createSyntheticPlan } from "./synthetic-plan.js";

const LOAD_SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const YEAR = 2020;

type Load = autocannon.Result;
const line = (what: string, connections: number, r: Load) =>
  `${what}, ${connections} connection(s): ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`;

export async function runPublicBench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-public-"));
  const seeded = await openDatabase({ dataDir: dir });
  await seeded.migrate();
  await ensureDemoMunicipality(seeded.db);
  const { planId } = await createSyntheticPlan(seeded.db, 2000, 10);
  // the synthetic plan leaves a tenth of each year's sheets in draft: the plan office decides 未評価 for them
  await seeded.db
    .update(evaluationSheets)
    .set({ status: "not_evaluated", notEvaluatedReason: "ベンチマーク" })
    .where(
      and(
        eq(evaluationSheets.planId, planId),
        eq(evaluationSheets.fiscalYear, YEAR),
        eq(evaluationSheets.status, "draft"),
      ),
    );
  await seeded.close();
  const { base, stop } = await startAppServer({
    dir,
    portBase: 3800,
    env: { TSUNAGU_AUDIT_KEY: path.join(`${dir}.keys`, "audit-signing-key.pem") },
  });
  try {
    const office = await ApiClient.login(base, "keikaku");
    const must = (what: string, res: { status: number; body: unknown }) => {
      if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    };
    must("close", await office.post(`/api/plans/${planId}/evaluations/${YEAR}/close`, {}));
    must("publish plan", await office.put(`/api/plans/${planId}/publication`, { sheetFields: ["results", "grade"] }));
    must("publish year", await office.put(`/api/plans/${planId}/publications/${YEAR}`));
    const planPage = `/p/999001/plans/${planId}/`;
    const yearPage = `/p/999001/plans/${planId}/years/${YEAR}`;
    const results: string[] = [];
    for (const url of [planPage, yearPage]) {
      const t = performance.now();
      const res = await fetch(base + url);
      const bytes = (await res.arrayBuffer()).byteLength;
      results.push(
        `first answer ${url}: ${res.status}, ${(performance.now() - t).toFixed(0)} ms, ${bytes.toLocaleString("en")} bytes`,
      );
    }
    const get = (url: string, connections: number, duration = LOAD_SECONDS) =>
      autocannon({
        url: base + url,
        connections,
        duration,
        headers: { "accept-encoding": "gzip, deflate, br, zstd" },
      }) as unknown as Promise<Load>;
    for (const connections of [1, 8, 32]) {
      const bare = await get("/healthz", connections, Math.min(5, LOAD_SECONDS));
      const plan = await get(planPage, connections);
      const year = await get(yearPage, connections);
      if (plan.non2xx > 0 || year.non2xx > 0) throw new Error("the public pages answered non-2xx");
      results.push(line("bare route (/healthz)", connections, bare));
      results.push(line("plan page (2,000 projects)", connections, plan));
      results.push(line("総括表 of the year", connections, year));
      if (connections === 32)
        results.push(
          `p99 at 32: plan page ${plan.latency.p99} ms, 総括表 ${year.latency.p99} ms (bare ${bare.latency.p99} ms)`,
        );
    }
    console.log(results.join("\n"));
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.keys`, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runPublicBench();
  process.exit(0);
}
