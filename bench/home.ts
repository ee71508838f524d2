/**
 * ホーム (GET /api/home) at 8 connections for the plan office, a department editor, a coordinator and a provider,
 * beside the bare route of the same server, against a server in its own process on a new embedded data folder with
 * the demo. Run alone with `npx tsx bench/home.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { ApiClient } from "../test/helpers/api-client.js";
import { startAppServer } from "./app-server.js";

const CONNECTIONS = 8;
type Load = autocannon.Result;

export async function runHomeBench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-home-"));
  const { base, stop } = await startAppServer({ dir, portBase: 3790 });
  try {
    const run = (url: string, cookie: string) =>
      autocannon({
        url: base + url,
        connections: CONNECTIONS,
        duration: 10,
        headers: { cookie, "accept-encoding": "gzip, deflate, br, zstd" },
      }) as unknown as Promise<Load>;
    const results: string[] = [];
    const bare = await run("/healthz", "");
    results.push(`bare route (/healthz): p50 ${bare.latency.p50} ms, p99 ${bare.latency.p99} ms`);
    for (const loginId of ["keikaku", "korei", "coord", "jigyosha"]) {
      const { cookie } = (await ApiClient.login(base, loginId)) as unknown as { cookie: string };
      const r = await run("/api/home", cookie);
      if (r.non2xx > 0) throw new Error(`/api/home as ${loginId} answered non-2xx`);
      results.push(
        `/api/home as ${loginId}, ${CONNECTIONS} connections: ${r.requests.average.toFixed(0)} req/s, ` +
          `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
      );
    }
    console.log(results.join("\n"));
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runHomeBench();
