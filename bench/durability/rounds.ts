/**
 * Kill -9 rounds on one engine, all on one data folder. Each round: the writer sends audited changes through the
 * HTTP API; at a random moment the app, the database server or both are killed outright; the app is started again
 * (and the external server by pg_ctl) and must list every acknowledged write of every round so far with its
 * content. Every `auditEvery` rounds and after the last, the app is stopped as an operator would, the audit chain
 * and its signed checkpoints are verified and every acknowledged change's audit record looked up (PGlite lets one
 * process open its folder, so this needs the app stopped), and the app is started again on the existing folder
 * (timed). The chain is cumulative, so a record broken by any kill is found by the next verification.
 */
import { sql } from "drizzle-orm";
import { loadConfig } from "../../src/server/config.js";
import { verifyAuditTrail } from "../../src/server/platform/audit-checkpoints/checkpoints.js";
import { ApiClient } from "../../test/helpers/api-client.js";
import type { Engine, KillTarget } from "./engines.js";
import { type AuditedChange, Ledger, type ListedDepartment, type Loss, lostWrites, unauditedWrites } from "./ledger.js";
import { answersHealth, killOutright, RunningApp, waitUntil } from "./processes.js";
import { BENCH_PREFIX, Writer } from "./writer.js";

const START_TIMEOUT_MS = 300_000; // a first start on a busy machine has taken 93 s
const WORKERS = 8;

export interface RoundFinding {
  round: number;
  target: KillTarget;
  momentMs: number;
  what: string;
  detail: unknown;
}

export interface EngineResult {
  engine: string;
  rounds: number;
  fsync: string;
  kills: Record<KillTarget, number>;
  /** the app's process ending on its own after a kill (besides being killed), by what was killed */
  appEnds: Record<KillTarget, number>;
  acknowledgedWrites: number;
  unansweredWrites: number;
  unansweredBy: Record<string, number>;
  lost: number;
  unaudited: number;
  corruptedStarts: number;
  failedStarts: number;
  firstStartMs: number;
  recoveryMs: number[];
  startMs: number[];
  auditRecords: number;
  auditChecks: number;
  findings: RoundFinding[];
  wallSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runRounds(
  engine: Engine,
  opts: {
    rounds: number;
    auditEvery: number;
    port: number;
    logFile: string;
    progress: (line: string) => void;
    /** asked to end early (a time budget, Ctrl+C): the round under way ends with its audit check */
    enough: () => boolean;
  },
): Promise<EngineResult> {
  const began = performance.now();
  const ledger = new Ledger();
  const result: EngineResult = {
    engine: engine.name,
    rounds: 0,
    fsync: "?",
    kills: { app: 0, database: 0, both: 0 },
    appEnds: { app: 0, database: 0, both: 0 },
    acknowledgedWrites: 0,
    unansweredWrites: 0,
    unansweredBy: {},
    lost: 0,
    unaudited: 0,
    corruptedStarts: 0,
    failedStarts: 0,
    firstStartMs: Number.NaN,
    recoveryMs: [],
    startMs: [],
    auditRecords: 0,
    auditChecks: 0,
    findings: [],
    wallSeconds: 0,
  };
  const start = async () => {
    const t0 = performance.now();
    const app = new RunningApp(engine.env, opts.port, opts.logFile);
    const ms = await waitUntil(answersHealth(app.baseUrl), START_TIMEOUT_MS, t0);
    return { app, ms };
  };

  let { app, ms } = await start();
  if (ms === null) throw new Error(`${engine.name}: the first start on an empty folder did not answer`);
  result.firstStartMs = ms;
  let client = await ApiClient.login(app.baseUrl, "keikaku");

  try {
    for (let round = 1; round <= opts.rounds; round++) {
      const target = engine.targets[(round - 1) % engine.targets.length] as KillTarget;
      const momentMs = 200 + Math.random() * 1800;
      const finding = (what: string, detail: unknown) => {
        result.findings.push({ round, target, momentMs: Math.round(momentMs), what, detail });
        opts.progress(`  round ${round} (${target} at ${Math.round(momentMs)} ms): ${what} ${JSON.stringify(detail)}`);
      };

      // the moment is counted from the round's first acknowledged write, so that it falls among writes and not
      // in the first requests of a process just started (slow on a busy machine)
      const writer = new Writer(client, ledger, round);
      writer.start(WORKERS);
      await Promise.race([writer.firstAcknowledged, sleep(60_000)]);
      await sleep(momentMs);
      const killedAt = performance.now();
      const startsBefore = app.starts;
      killTarget(app, engine, target);
      result.kills[target] += 1;
      await writer.stop();

      if (target !== "app") await engine.restartDatabase?.();
      // answered again: a signed-in read that needs the database (the session is a row of it)
      const recovered = await waitUntil(
        async () => (await client.get("/api/departments")).status === 200,
        START_TIMEOUT_MS,
        killedAt,
      );
      if (recovered === null) {
        result.failedStarts += 1;
        finding("failed start", "no answer within 300 s after the kill");
        break;
      }
      result.recoveryMs.push(recovered);
      // the app's own ends: a kill of the app is one; more, or any after a kill of the database alone, means the
      // app ended (or failed a start) because its database went away
      const ends = app.starts - startsBefore - (target === "database" ? 0 : 1);
      if (ends > 0) result.appEnds[target] += ends;

      const listed = await client.get<{ departments: ListedDepartment[] }>("/api/departments");
      const losses = lostWrites(ledger, listed.body.departments);
      if (losses.length > 0) finding("lost writes", losses);
      result.lost += losses.length;

      const last = round === opts.rounds || opts.enough();
      if (round % opts.auditEvery === 0 || last) {
        await app.stop();
        const audit = await checkAudit(engine, ledger);
        result.fsync = audit.fsync;
        result.auditRecords = audit.records;
        result.auditChecks += 1;
        if (!audit.ok) {
          result.corruptedStarts += 1;
          finding("audit chain does not verify", audit.firstBad);
        }
        if (audit.unaudited.length > 0) finding("changes without their audit record", audit.unaudited);
        result.unaudited += audit.unaudited.length;
        ({ app, ms } = await start());
        if (ms === null) {
          result.failedStarts += 1;
          finding("failed start", "a clean start on the existing folder did not answer within 300 s");
          break;
        }
        result.startMs.push(ms);
        client = await ApiClient.login(app.baseUrl, "keikaku");
      }
      result.rounds = round;
      if (round % 10 === 0 || round === opts.rounds)
        opts.progress(
          `  ${engine.name}: ${round} rounds, ${ledger.acknowledgedWrites} acknowledged, ${result.lost} lost, ` +
            `${((performance.now() - began) / 1000).toFixed(0)} s`,
        );
      if (last) break;
    }
  } finally {
    await app.stop();
    const pid = engine.databasePid();
    // an embedded server the app left behind would hold the folder: the bench started it, the bench ends it
    if (pid !== null && engine.name !== "external") killOutright(pid);
  }
  result.acknowledgedWrites = ledger.acknowledgedWrites;
  result.unansweredWrites = ledger.unansweredWrites;
  result.unansweredBy = Object.fromEntries(ledger.refusals);
  result.wallSeconds = (performance.now() - began) / 1000;
  return result;
}

function killTarget(app: RunningApp, engine: Engine, target: KillTarget) {
  // both at once: read both pids first, so that the second kill does not wait on the first one's effects
  const appPid = target === "database" ? null : app.pid;
  const databasePid = target === "app" ? null : engine.databasePid();
  if (target !== "database" && !killOutright(appPid)) throw new Error("no app process to kill");
  if (target !== "app" && !killOutright(databasePid)) throw new Error("no database server process to kill");
}

/** With the app stopped: the chain and its checkpoints, every change's audit record, and what fsync is. */
async function checkAudit(engine: Engine, ledger: Ledger) {
  const database = await engine.open();
  try {
    const db = database.db;
    // the key and the checkpoint log where the app keeps them with this environment
    const verified = await verifyAuditTrail(db, loadConfig(engine.env).auditCheckpoints);
    const rows = (await db.execute(
      sql`select entity_id, action, after->>'name' as name from audit_log where entity_type = 'department'`,
    )) as unknown as { rows: { entity_id: string; action: string; name: string | null }[] };
    const audited: AuditedChange[] = rows.rows.map((r) => ({ entityId: r.entity_id, action: r.action, name: r.name }));
    const existing = (await db.execute(
      sql`select id from departments where name like ${`${BENCH_PREFIX}%`}`,
    )) as unknown as { rows: { id: string }[] };
    const unaudited: Loss[] = unauditedWrites(
      ledger,
      audited,
      existing.rows.map((r) => r.id),
    );
    const fsync = (await db.execute(sql`show fsync`)) as unknown as { rows: { fsync: string }[] };
    return { ...verified, unaudited, fsync: fsync.rows[0]?.fsync ?? "?" };
  } finally {
    await database.close();
  }
}
