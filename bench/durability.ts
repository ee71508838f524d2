/**
 * Durability and start time of each database the app can run on (the embedded default's decision, README 運用):
 *   - kill -9 rounds: audited writes through the HTTP API, the app / the database server / both killed at a random
 *     moment, started again; every acknowledged write must be there with its content, the audit chain must verify
 *     (bench/durability/rounds.ts)
 *   - start time: the first start on an empty folder (initdb or the empty PGlite folder, migrations, the demo), and
 *     the median start on the existing folder, spawn to /healthz, as npm start runs the app
 * Run alone with `npx tsx bench/durability.ts [--engine pglite|server|external] [--rounds N] [--audit-every N]
 * [--minutes M]` (the engine may be given more than once, all by default; --minutes ends an engine's rounds early,
 * with its checks, on a machine too busy for all of them), or as the "durability" section of `npm run bench`.
 *
 * What a kill shows: the process dies, the operating system does not, so whatever the process handed to the kernel
 * (written, not yet flushed to the disk) survives in the page cache. A kill therefore shows that an acknowledged
 * write was committed and handed over, and that recovery from a torn process works; it cannot show what fsync off
 * loses. That takes losing the page cache: a power cut or an OS crash (a virtual machine reset, or a
 * device-mapper / LazyFS layer that drops unsynced writes).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  type Engine,
  embeddedServerEngine,
  externalEngine,
  pgliteEngine,
  systemPostgresBin,
} from "./durability/engines.js";
import { type EngineResult, runRounds } from "./durability/rounds.js";

const ENGINES = ["pglite", "server", "external"] as const;
type EngineName = (typeof ENGINES)[number];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? Number.NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function makeEngine(name: EngineName, dir: string, port: number): Engine {
  if (name === "pglite") return pgliteEngine(dir);
  if (name === "server") return embeddedServerEngine(dir);
  return externalEngine(dir, port + 1000);
}

export async function runDurabilityBench(
  engines: readonly EngineName[] = ENGINES,
  opts: { rounds?: number; auditEvery?: number; minutes?: number } = {},
) {
  const { rounds = 200, auditEvery = 10, minutes = Number.POSITIVE_INFINITY } = opts;
  // Ctrl+C ends the round under way with its checks and reports, instead of leaving servers behind
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  // npm start builds what is stale before it runs the server; done once here so that no round pays for it
  for (const build of ["scripts/build-web.mjs", "scripts/build-server.mjs"])
    execFileSync(process.execPath, [build], { stdio: "inherit" });
  const results: EngineResult[] = [];
  for (const name of engines) {
    if (name === "external" && !systemPostgresBin()) {
      console.log("durability external: skipped (no PostgreSQL in /usr/lib/postgresql)");
      continue;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), `tsunagu-durability-${name}-`));
    const port = 4100 + Math.floor(Math.random() * 800);
    const engine = makeEngine(name, dir, port);
    const began = performance.now();
    try {
      console.log(
        `durability ${name}: ${rounds} rounds (load: ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")})`,
      );
      const result = await runRounds(engine, {
        rounds,
        auditEvery,
        port,
        logFile: path.join(dir, "app.log"),
        progress: (line) => console.log(line),
        enough: () => interrupted || performance.now() - began > minutes * 60_000,
      });
      results.push(result);
      report(result);
    } finally {
      await engine.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
    if (interrupted) break;
  }
  process.off("SIGINT", interrupt);
  process.off("SIGTERM", interrupt);
  return results;
}

function report(r: EngineResult) {
  const kills = Object.entries(r.kills)
    .filter(([, n]) => n > 0)
    .map(([target, n]) => `${target} ${n}`)
    .join(", ");
  console.log(
    [
      `durability ${r.engine} (SHOW fsync = ${r.fsync}): ${r.rounds} rounds in ${(r.wallSeconds / 60).toFixed(1)} min, kills: ${kills}`,
      `  writes acknowledged ${r.acknowledgedWrites}, lost ${r.lost}, without audit record ${r.unaudited}; ` +
        `unanswered ${r.unansweredWrites} (${JSON.stringify(r.unansweredBy)})`,
      `  the app ended on its own after a kill of: ${JSON.stringify(r.appEnds)}`,
      `  starts: corrupted ${r.corruptedStarts}, failed ${r.failedStarts}; audit chain verified ${r.auditChecks} times, ` +
        `${r.auditRecords} records at the last`,
      `  recovery (kill → a signed-in read answers): median ${seconds(median(r.recoveryMs))}, ` +
        `p95 ${seconds(percentile(r.recoveryMs, 0.95))}, max ${seconds(Math.max(...r.recoveryMs))}`,
      `  start: first on an empty folder ${seconds(r.firstStartMs)}; existing folder median ` +
        `${seconds(median(r.startMs))} (n=${r.startMs.length}, p95 ${seconds(percentile(r.startMs, 0.95))})`,
      ...r.findings.map((f) => `  finding round ${f.round} (${f.target} at ${f.momentMs} ms): ${f.what}`),
    ].join("\n"),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      engine: { type: "string", multiple: true },
      rounds: { type: "string", default: "200" },
      "audit-every": { type: "string", default: "10" },
      minutes: { type: "string" },
    },
  });
  const wanted = (values.engine ?? [...ENGINES]).map((e) => {
    if (!(ENGINES as readonly string[]).includes(e)) throw new Error(`--engine: one of ${ENGINES.join(", ")}`);
    return e as EngineName;
  });
  const results = await runDurabilityBench(wanted, {
    rounds: Number(values.rounds),
    auditEvery: Number(values["audit-every"]),
    minutes: values.minutes ? Number(values.minutes) : undefined,
  });
  const bad = results.some((r) => r.lost > 0 || r.unaudited > 0 || r.corruptedStarts > 0 || r.failedStarts > 0);
  process.exit(bad ? 1 : 0);
}
