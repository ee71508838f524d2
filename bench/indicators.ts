/**
 * GET /api/plans/:planId/indicators on a 2,000-indicator plan, 32 connections, against a server in its own process
 * (as deployed). Run alone with `npx tsx bench/indicators.ts`, or as the "indicators" section of `npm run bench`.
 *   - first request (computed from the database) and its size
 *   - plan office (all 2,000 indicators), a department editor (its share), and the 総括表 counts for comparison,
 *     each against a bare hello-world route
 *   - the same list right after a write (every write bumps plans.version, so the first reader recomputes)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { DEFAULT_LADDER } from "../src/domain/indicators/milestones.js";
import { parseTarget } from "../src/domain/indicators/target.js";
import type { Db } from "../src/server/db/client.js";
import { openDatabase } from "../src/server/db/client.js";
import { indicatorActuals, indicators, indicatorTargets } from "../src/server/db/schema/index.js";
import { ensureDemoMunicipality } from "../src/server/demo/load-demo.js";
import { typingOf } from "../src/server/modules/indicators/typing.js";
import * as plansRepo from "../src/server/modules/plans/repository.js";
import { ApiClient, ifMatch } from "../test/helpers/api-client.js";
import { createSyntheticPlan } from "./synthetic-plan.js";

const FISCAL_YEAR = 2025;
const TARGETS: [string, (i: number) => { kind: string; value?: number; step?: string; text?: string }][] = [
  ["15事業者以上", (i) => ({ kind: "number", value: 10 + (i % 10) })],
  ["20%以下", (i) => ({ kind: "number", value: 15 + (i % 10) })],
  ["4,100人", (i) => ({ kind: "number", value: i % 3 === 0 ? 4100 : 3900 })],
  ["試行実施", (i) => ({ kind: "milestone", step: i % 2 === 0 ? "実施" : "検討" })],
  ["適宜", () => ({ kind: "text", text: "4回開催した" })],
  ["ロードマップの作成", () => ({ kind: "text", text: "作成済み" })],
];

/** One indicator per project, targets for three years, actuals for 80% of them in FISCAL_YEAR. */
export async function addSyntheticIndicators(db: Db, municipalityId: string, planId: string) {
  const items = (await plansRepo.listItems(db, municipalityId, planId)).filter((i) => i.level === 2);
  const rows = items.map((item, i) => ({
    id: crypto.randomUUID(),
    municipalityId,
    planId,
    itemId: item.id,
    kind: "activity",
    name: `指標${i + 1}（${item.title}）`,
    baselineSource: `${i % 50}件`,
    position: i,
  }));
  const targets = rows.flatMap((r, i) =>
    [FISCAL_YEAR - 2, FISCAL_YEAR - 1, FISCAL_YEAR].map((fiscalYear) => {
      const source = TARGETS[i % TARGETS.length]?.[0] ?? "適宜";
      return {
        municipalityId,
        indicatorId: r.id,
        fiscalYear,
        source,
        ...typingOf(parseTarget(source, DEFAULT_LADDER)),
      };
    }),
  );
  const actuals = rows
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => i % 5 !== 0)
    .map(({ r, i }) => {
      const a = TARGETS[i % TARGETS.length]?.[1](i) ?? { kind: "text", text: "x" };
      return {
        municipalityId,
        indicatorId: r.id,
        fiscalYear: FISCAL_YEAR,
        kind: a.kind,
        value: a.value ?? null,
        step: a.step ?? null,
        text: a.text ?? null,
        comment: i % 4 === 0 ? "上半期の実績を含む" : null,
      };
    });
  for (let i = 0; i < rows.length; i += 500) await db.insert(indicators).values(rows.slice(i, i + 500));
  for (let i = 0; i < targets.length; i += 1000) await db.insert(indicatorTargets).values(targets.slice(i, i + 1000));
  for (let i = 0; i < actuals.length; i += 1000) await db.insert(indicatorActuals).values(actuals.slice(i, i + 1000));
  await plansRepo.touchPlan(db, municipalityId, planId);
  return { indicators: rows.map((r) => r.id) };
}

/** GET without decompressing: the bytes as they travel. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<Buffer>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      })
      .on("error", reject);
  });
}

export async function runIndicatorsBench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-indicators-"));
  const seeded = await openDatabase({
    dataDir: process.env.DATABASE_URL ? undefined : dir,
    url: process.env.DATABASE_URL,
  });
  await seeded.migrate();
  await ensureDemoMunicipality(seeded.db);
  const t0 = performance.now();
  const { planId, municipalityId } = await createSyntheticPlan(seeded.db, 2000, FISCAL_YEAR - 2020 + 1);
  const { indicators: ids } = await addSyntheticIndicators(seeded.db, municipalityId, planId);
  console.log(
    `synthetic plan: 2,000 projects, ${ids.length.toLocaleString("en")} indicators (targets for 3 years, actuals for 80%) created in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await seeded.close();

  const port = 3700 + Math.floor(Math.random() * 90);
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
    const office = await ApiClient.login(base, "keikaku");
    const korei = await ApiClient.login(base, "korei");
    const cookieOf = (c: ApiClient) => (c as unknown as { cookie: string }).cookie;
    const url = `/api/plans/${planId}/indicators?fiscalYear=${FISCAL_YEAR}`;

    const first = performance.now();
    const res = await office.get(url);
    const firstMs = performance.now() - first;
    if (res.status !== 200 || res.body.indicators.length !== ids.length) throw new Error("bad indicator list");
    const kib = JSON.stringify(res.body).length / 1024;
    console.log(
      `indicators first request (computed, ${ids.length} indicators, ${kib.toFixed(0)} KiB): ${firstMs.toFixed(1)} ms; counts ${JSON.stringify(res.body.counts)}`,
    );
    const mine = await korei.get(url);
    const mineCount = mine.body.indicators.length as number;

    // browsers always send Accept-Encoding: gzip; "identity" shows the cost of the uncompressed megabyte
    const load = (p: string, cookie: string, encoding = "gzip") =>
      autocannon({
        url: base + p,
        connections: 32,
        duration: 10,
        headers: { cookie, "accept-encoding": encoding },
      }) as unknown as Promise<autocannon.Result>;
    const gz = await rawGet(base + url, { cookie: cookieOf(office), "accept-encoding": "gzip" });
    const hello = await load("/healthz", cookieOf(office));
    // what the 指標 page asks for: one page of 100 (the counts still cover all 2,000); page 10 of 20 for a middle page
    const pageUrl = `${url}&offset=900&limit=100`;
    const page = await load(pageUrl, cookieOf(office));
    const deptPage = await load(`${url}&offset=0&limit=100`, cookieOf(korei));
    const all = await load(url, cookieOf(office));
    const plain = await load(url, cookieOf(office), "identity");
    const dept = await load(url, cookieOf(korei));
    const summary = await load(`/api/plans/${planId}/summary?fiscalYear=${FISCAL_YEAR}`, cookieOf(office));
    // the transport floor on this machine: the same gzipped bytes from a bare node:http server in its own process
    const floorPort = port + 100;
    const bytesFile = path.join(dir, "list.json.gz");
    writeFileSync(bytesFile, gz);
    const floorServer = spawn(
      process.execPath,
      [
        "-e",
        `const b=require("fs").readFileSync(${JSON.stringify(bytesFile)});require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"application/json","content-encoding":"gzip"});r.end(b)}).listen(${floorPort},"127.0.0.1")`,
      ],
      { stdio: "inherit" },
    );
    await new Promise((r) => setTimeout(r, 500));
    const floor = (await autocannon({
      url: `http://127.0.0.1:${floorPort}/`,
      connections: 32,
      duration: 10,
    })) as unknown as autocannon.Result;
    floorServer.kill("SIGTERM");
    for (const r of [page, deptPage, all, plain, dept, summary])
      if (r.non2xx > 0) throw new Error("non-2xx answers under load");

    // after a write the cached list is stale: the next reader recomputes it once
    const id = ids[1] as string;
    const detail = await office.get(`/api/indicators/${id}`);
    const year = detail.body.indicator.years.find((y: { fiscalYear: number }) => y.fiscalYear === FISCAL_YEAR);
    const put = await office.put(
      `/api/indicators/${id}/actuals/${FISCAL_YEAR}`,
      { kind: "number", value: 12 },
      ifMatch(year.actual?.version ?? 0),
    );
    if (put.status !== 200) throw new Error(`actual not saved: ${put.status}`);
    const recompute = performance.now();
    await office.get(url);
    const recomputeMs = performance.now() - recompute;

    const line = (label: string, r: autocannon.Result) =>
      `${label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ratio to hello-world ${(r.requests.average / hello.requests.average).toFixed(2)}`;
    console.log(
      [
        line("hello-world (/healthz)", hello),
        line(`indicators page as the 指標 page asks (100 of ${ids.length}, plan office, gzip, 32 connections)`, page),
        line("indicators page, department editor (first 100 of its own)", deptPage),
        line(
          `indicators, plan office (${ids.length} indicators, gzip: ${(gz.length / 1024).toFixed(0)} KiB on the wire, 32 connections)`,
          all,
        ),
        line("  the same bytes from a bare node:http server (transport floor)", floor),
        line(`indicators, plan office, uncompressed`, plain),
        line(`indicators, department editor (${mineCount} indicators, 32 connections)`, dept),
        line("summary counts on the same plan (for comparison)", summary),
        `indicators first request after an actual was entered (recomputed): ${recomputeMs.toFixed(1)} ms`,
        `goal p99 < 50 ms at 32 connections for the list as the page reads it (pages of 100): ${page.latency.p99 < 50 && deptPage.latency.p99 < 50 ? "met" : "NOT met"}`,
        `the whole ${ids.length}-indicator list in one answer: ${all.latency.p99 < 50 ? "met" : "NOT met"} (see the transport floor above)`,
      ].join("\n"),
    );
    return { page, deptPage, all, plain, dept, hello, summary, floor, firstMs, recomputeMs };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runIndicatorsBench();
  process.exit(0);
}
