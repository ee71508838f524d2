/**
 * Uploads against a server in its own process (as deployed), with the server's peak memory (VmHWM) read from
 * /proc after each upload. Run alone: `npx tsx bench/uploads.ts [sizes] [bombs]`.
 *   sizes: the evaluation workbook of a 2,000-project plan whose six text fields are all as long as the longest
 *          field of the Meguro document (500 characters): its zip figures, then preview and import as the plan office
 *   bombs: a 16.5 MB xlsx whose sharedStrings.xml inflates to gigabytes (declared honestly, and declared small),
 *          and one with too many entries, each sent to POST /api/imports/preview as a department editor
 * A watchdog kills the server when its resident memory passes BENCH_KILL_ABOVE_MB (default 3,000): on code
 * without the upload checks the bombs are measured that way instead of taking the machine down.
 * BENCH_SERVER_NODE_OPTIONS is passed to the server (e.g. --max-old-space-size=512).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client.js";
import { ensureDemoMunicipality } from "../src/server/demo/load-demo.js";
import { inspectXlsx } from "../src/server/platform/uploads/inspect-xlsx.js";
import { ApiClient } from "../test/helpers/api-client.js";
import { manyEntriesZip, sharedStringsBomb } from "../test/helpers/zip-bomb.js";
import { createSyntheticPlan } from "./synthetic-plan.js";

const MiB = 1024 * 1024;
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const killAboveMb = Number(process.env.BENCH_KILL_ABOVE_MB ?? 3000);
const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MB`;

/** Kilobytes from /proc/<pid>/status (VmRSS now, VmHWM the peak so far). */
function memoryOf(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return line ? Number(line[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function startServer(dataDir: string) {
  const port = 3700 + Math.floor(Math.random() * 90);
  const args = [...(process.env.BENCH_SERVER_NODE_OPTIONS?.split(" ").filter(Boolean) ?? [])];
  const server = spawn(process.execPath, [...args, "--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, TSUNAGU_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "error", DATABASE_URL: "" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, base };
}

/** Sends one upload and reports the answer, the time and the server's peak memory; kills a runaway server. */
async function upload(server: ChildProcess, client: ApiClient, label: string, bytes: Uint8Array, url: string) {
  const pid = server.pid as number;
  let killed = false;
  const watchdog = setInterval(() => {
    const rss = memoryOf(pid, "VmRSS");
    if (rss !== null && rss > killAboveMb * MiB && !killed) {
      killed = true;
      server.kill("SIGKILL");
    }
  }, 20);
  const before = memoryOf(pid, "VmHWM");
  const t0 = performance.now();
  const res = await client
    .post(url, bytes, { "content-type": "application/octet-stream", "x-file-name": "upload.xlsx" })
    .catch((err: Error) => ({ status: 0, body: { message: err.message } }));
  const ms = performance.now() - t0;
  clearInterval(watchdog);
  const peak = killed ? null : memoryOf(pid, "VmHWM");
  console.log(
    `${label} (${mb(bytes.length)} uploaded): ${res.status} in ${(ms / 1000).toFixed(2)} s; server peak RSS ` +
      (killed
        ? `passed ${killAboveMb} MB: killed by the watchdog`
        : `${mb(before ?? 0)} before, ${mb(peak ?? 0)} after`) +
      `\n  ${String(res.body?.message ?? "").split("\n")[0]}`,
  );
  return { res, killed };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-uploads-"));
const seeded = await openDatabase({ dataDir: dir });
await seeded.migrate();
await ensureDemoMunicipality(seeded.db);
const { planId } = await createSyntheticPlan(seeded.db, 2000, 1);
// Every text field as long as the longest one in the Meguro document (518 characters), all 2,000 projects, each
// text different (a repeated text would be stored once, as one shared string).
const text = "地域の関係機関と連携し、相談支援と見守りの体制を整えた。".repeat(19).slice(0, 464);
await seeded.db.execute(
  sql`update evaluation_sheets set previous_status = 'a' || item_id::text || ${text},
      target_first = 'b' || item_id::text || ${text}, target_second = 'c' || item_id::text || ${text},
      results = 'd' || item_id::text || ${text}, reason = 'e' || item_id::text || ${text},
      issues = 'f' || item_id::text || ${text} where plan_id = ${planId}`,
);
await seeded.close();

const { server, base } = await startServer(dir);
try {
  if (want("sizes")) {
    const office = await ApiClient.login(base, "keikaku");
    const exported = await office.get(`/api/plans/${planId}/evaluations/2020/export.xlsx`);
    if (exported.status !== 200) throw new Error(`export failed: ${exported.status}`);
    const bytes = new Uint8Array(exported.body as Buffer);
    const inspected = await inspectXlsx(bytes, {
      maxEntries: 65_535,
      maxEntryBytes: 2 ** 32,
      maxTotalBytes: 2 ** 40,
      maxRatio: Number.POSITIVE_INFINITY,
      ratioFloorBytes: 0,
    });
    if (!inspected.ok) throw new Error(`export unreadable: ${inspected.reason}`);
    const s = inspected.stats;
    console.log(
      `2,000-project workbook: ${mb(s.compressedBytes)}, ${s.entries} entries, ${mb(s.inflatedBytes)} inflated; ` +
        `largest ${s.largestEntry?.name} ${mb(s.largestEntry?.bytes ?? 0)}; ` +
        `highest ratio ${s.highestRatio?.name} ${s.highestRatio?.ratio.toFixed(1)}`,
    );
    await upload(server, office, "preview of the 2,000-project workbook", bytes, "/api/imports/preview");
    await upload(server, office, "import of the 2,000-project workbook", bytes, "/api/imports");
  }
  if (want("bombs")) {
    const korei = await ApiClient.login(base, "korei");
    const bombs: [string, () => Uint8Array][] = [
      [
        "sharedStrings.xml of 4 GB, declared honestly, padded to 16.5 MB",
        () => sharedStringsBomb({ inflatedBytes: 4095 * MiB, paddingBytes: 6.4 * MiB }),
      ],
      [
        "sharedStrings.xml of 6.5 GB declared as 1 MB",
        () => sharedStringsBomb({ inflatedBytes: 6700 * MiB, declaredBytes: MiB }),
      ],
      ["60,000 entries", () => manyEntriesZip(60_000)],
    ];
    for (const [label, build] of bombs) {
      const { killed } = await upload(server, korei, label, build(), "/api/imports/preview");
      if (killed) break;
      const health = await fetch(`${base}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      console.log(`  server answers afterwards: /healthz ${health}`);
    }
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
