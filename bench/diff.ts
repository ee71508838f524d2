/**
 * npx tsx bench/diff.ts: server time of the revision diff on 2,000-project plans (the figures quoted in the notes).
 *   A. 2,000 projects (10 goals × 20 measures × 10), no indicators
 *   B. the same with one indicator per project and 5 fiscal years of targets (2,000 indicators, 10,000 targets)
 * Each: revision 1 (baseline) and 2 (20 renamed, 10 moved, 5 added, in B also 50 targets changed) approved, then one
 * more live edit. Medians of 15 after 3 warm-ups: the parts, the service (frozen → frozen, frozen → live) and the
 * HTTP routes of an in-process server over loopback. In-memory PGlite, or DATABASE_URL when set.
 */
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { diffSnapshots } from "../src/domain/revisions/diff.js";
import { buildApp } from "../src/server/app.js";
import { operatorIn } from "../src/server/cli/operator.js";
import { openDatabase } from "../src/server/db/client.js";
import { indicators, indicatorTargets, municipalities, planItemPlacements } from "../src/server/db/schema/index.js";
import { ensureDemoMunicipality } from "../src/server/demo/load-demo.js";
import * as plansRepo from "../src/server/modules/plans/repository.js";
import { getDiff } from "../src/server/modules/revisions/diff.js";
import * as revisionsRepo from "../src/server/modules/revisions/repository.js";
import { approveRevision, startRevision } from "../src/server/modules/revisions/service.js";
import { ApiClient } from "../test/helpers/api-client.js";
import { createSyntheticPlan } from "./synthetic-plan.js";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
async function measure(label: string, fn: () => Promise<unknown> | unknown, runs = 15) {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  console.log(
    `  ${label}: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (n=${runs})`,
  );
}

const database = await openDatabase({ url: process.env.DATABASE_URL });
await database.migrate();
const { municipalityId } = await ensureDemoMunicipality(database.db);
const db = database.db;
const [m] = await db.select().from(municipalities).where(eq(municipalities.id, municipalityId));
if (!m) throw new Error("no demo municipality");
const operator = operatorIn(m);
console.log(`database: ${database.kind}`);

const app = await buildApp({ db, secureCookies: true, webRoot: null });
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const client = await ApiClient.login(base, "keikaku");

async function scenario(label: string, withIndicators: boolean) {
  console.log(`== ${label}`);
  let t0 = performance.now();
  const { planId } = await createSyntheticPlan(db, 2000, 1);
  const items = await plansRepo.listItems(db, municipalityId, planId);
  const projects = items.filter((i) => i.level === 2).sort((a, b) => a.title.localeCompare(b.title));
  const measures = items.filter((i) => i.level === 1);
  const indicatorRows = withIndicators
    ? projects.map((p, k) => ({
        municipalityId,
        id: crypto.randomUUID(),
        planId,
        itemId: p.id,
        kind: k % 2 ? "activity" : "outcome",
        name: `指標${k + 1}`,
        position: 0,
      }))
    : [];
  for (let i = 0; i < indicatorRows.length; i += 500)
    await db.insert(indicators).values(indicatorRows.slice(i, i + 500));
  const targetRows = indicatorRows.flatMap((ind, k) =>
    [2024, 2025, 2026, 2027, 2028].map((fiscalYear) => ({
      municipalityId,
      indicatorId: ind.id,
      fiscalYear,
      source: `${k + fiscalYear - 2000}件以上`,
      kind: "numeric",
      comparator: "gte",
      value: k + fiscalYear - 2000,
      unit: "件",
    })),
  );
  for (let i = 0; i < targetRows.length; i += 500) {
    await db.insert(indicatorTargets).values(targetRows.slice(i, i + 500));
  }
  console.log(
    `  setup: ${items.length} items (${projects.length} projects), ${indicatorRows.length} indicators, ${targetRows.length} targets in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  t0 = performance.now();
  const started = await startRevision(db, { ...operator, ip: null }, planId, { label: "令和7年度改定" });
  console.log(`  start revision (freezes the baseline, writes the draft): ${(performance.now() - t0).toFixed(1)} ms`);

  // the year's revision work, straight into the live tables
  for (const p of projects.slice(0, 20)) {
    await plansRepo.updateItem(db, municipalityId, p.id, p.version, { title: `${p.title}（改）` });
  }
  for (const [k, p] of projects.slice(100, 110).entries()) {
    const to = measures[(k * 7) % measures.length];
    if (!to) continue;
    await db
      .update(planItemPlacements)
      .set({ parentItemId: to.id, position: 1000 + k })
      .where(and(eq(planItemPlacements.municipalityId, municipalityId), eq(planItemPlacements.itemId, p.id)));
  }
  for (let k = 0; k < 5; k++) {
    const parent = measures[k];
    if (!parent) continue;
    const item = await plansRepo.insertItem(db, municipalityId, planId, {
      level: 2,
      code: `新${k + 1}`,
      title: `新規事業${k + 1}`,
      isNew: true,
      isPriority: false,
      category: "新規",
      summary: null,
      planPage: null,
      constituentPlans: [],
    });
    await plansRepo.insertPlacement(db, municipalityId, planId, item.id, parent.id, 2000 + k, false);
  }
  for (const ind of indicatorRows.slice(500, 550)) {
    await db
      .update(indicatorTargets)
      .set({ source: "見直し後の目標", value: 999 })
      .where(and(eq(indicatorTargets.indicatorId, ind.id), eq(indicatorTargets.fiscalYear, 2026)));
  }

  t0 = performance.now();
  await approveRevision(db, { ...operator, ip: null }, planId, started.revision.number, started.revision.version);
  console.log(`  approve (freezes the live state into revision 2): ${(performance.now() - t0).toFixed(1)} ms`);
  const last = projects[1500];
  if (last) await plansRepo.updateItem(db, municipalityId, last.id, last.version, { isPriority: !last.isPriority });

  const frozen = await getDiff(db, operator, planId, { from: 1, to: 2 });
  console.log(`  diff 1 → 2: ${JSON.stringify(frozen.summary)}, ${frozen.changes.length} changes`);
  if (frozen.summary.renamed !== 20 || frozen.summary.moved !== 10 || frozen.summary.added !== 5) {
    throw new Error("unexpected diff");
  }

  const rev1 = await revisionsRepo.findRevision(db, municipalityId, planId, 1);
  const rev2 = await revisionsRepo.findRevision(db, municipalityId, planId, 2);
  if (!rev1 || !rev2) throw new Error("no revisions");
  const s1 = await revisionsRepo.loadRevisionSnapshot(db, municipalityId, rev1.id);
  const s2 = await revisionsRepo.loadRevisionSnapshot(db, municipalityId, rev2.id);
  if (!s1 || !s2) throw new Error("no snapshots");
  console.log(`  stored snapshot: ${(JSON.stringify(s2).length / 1024).toFixed(0)} KiB`);

  console.log("  -- parts");
  await measure("read + parse a frozen snapshot (uncached)", () =>
    revisionsRepo.loadRevisionSnapshot(db, municipalityId, rev1.id),
  );
  await measure("load the live state as a snapshot (one aggregated query)", () =>
    revisionsRepo.loadLiveSnapshot(db, municipalityId, planId),
  );
  await measure("diffSnapshots (pure)", () => diffSnapshots(s1, s2), 50);
  console.log("  -- service (what the API, the exports and the CLI call)");
  await measure("getDiff 1 → 2 (both frozen, cached after the first)", () =>
    getDiff(db, operator, planId, { from: 1, to: 2 }),
  );
  await measure("getDiff 1 → live", () => getDiff(db, operator, planId, { from: 1, to: "live" }));
  console.log("  -- HTTP (in-process server, loopback)");
  const get = (path: string) => async () => {
    const res = await client.get(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  };
  await measure("GET /diff?from=1&to=2", get(`/api/plans/${planId}/diff?from=1&to=2`));
  await measure("GET /diff?from=1&to=draft", get(`/api/plans/${planId}/diff?from=1&to=draft`));
  await measure("GET /diff.xlsx?from=1&to=2", get(`/api/plans/${planId}/diff.xlsx?from=1&to=2`));
  await measure("GET /diff.csv?from=1&to=2", get(`/api/plans/${planId}/diff.csv?from=1&to=2`));
  await measure("GET /revisions", get(`/api/plans/${planId}/revisions`));
}

try {
  await scenario("A. 2,000 projects, no indicators", false);
  await scenario("B. 2,000 projects, 2,000 indicators, 10,000 targets", true);
} finally {
  await app.close();
  await database.close();
}
process.exit(0);
