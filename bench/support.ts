/**
 * Multi-layered support at the size of a large city: 100,000 persons (synthetic readings, many sharing common
 * family names), against a server in its own process (as deployed). Run alone with `npx tsx bench/support.ts`, or
 * as the "support" section of `npm run bench`.
 *   - person search by a reading prefix (POST /api/persons/search; every person returned is an audited read)
 *   - registration of a person with its duplicate candidates (POST /api/persons), one at a time
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { normalizeKana } from "../src/domain/persons/kana.js";
import type { Db } from "../src/server/db/client.js";
import { openDatabase } from "../src/server/db/client.js";
import { persons } from "../src/server/db/schema/index.js";
import { ensureDemoMunicipality } from "../src/server/demo/load-demo.js";
import { ApiClient } from "../test/support/api-client.js";

const PERSONS = 100_000;

const COMMON_FAMILY = [
  "サトウ",
  "スズキ",
  "タカハシ",
  "タナカ",
  "イトウ",
  "ワタナベ",
  "ヤマモト",
  "ナカムラ",
  "コバヤシ",
  "カトウ",
  "ヨシダ",
  "ヤマダ",
  "ササキ",
  "ヤマグチ",
  "マツモト",
  "イノウエ",
  "キムラ",
  "ハヤシ",
  "サイトウ",
  "シミズ",
];
const SYLLABLES = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ".split("");
const GIVEN = [
  "ハルト",
  "ユイ",
  "ソウタ",
  "ヒナ",
  "ミナト",
  "リコ",
  "ユウト",
  "メイ",
  "ハルキ",
  "アオイ",
  "タクミ",
  "サクラ",
  "ケンタ",
  "ミサキ",
  "ダイキ",
  "ユウナ",
  "ショウ",
  "アヤカ",
  "リョウ",
  "ナナミ",
  "ヒロシ",
  "ハナコ",
  "イチロウ",
  "ヨウコ",
  "マサオ",
  "ケイコ",
  "タロウ",
  "ミチコ",
  "ジロウ",
  "カズコ",
];

/** A deterministic pseudo-random sequence, so that every run measures the same data. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

export async function addSyntheticPersons(db: Db, municipalityId: string, count: number) {
  const next = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
  const rows = Array.from({ length: count }, () => {
    const family =
      next() < 0.5
        ? pick(COMMON_FAMILY)
        : Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join("");
    const nameKana = `${family} ${pick(GIVEN)}`;
    const born = new Date(Date.UTC(1930 + Math.floor(next() * 90), 0, 1 + Math.floor(next() * 365)));
    return {
      municipalityId,
      nameKana,
      kanaKey: normalizeKana(nameKana),
      dateOfBirth: born.toISOString().slice(0, 10),
      address: `つなぐ市${1 + Math.floor(next() * 9)}丁目（架空）`,
    };
  });
  for (let i = 0; i < rows.length; i += 2000) await db.insert(persons).values(rows.slice(i, i + 2000));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? Number.NaN;

export async function runSupportBench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-support-"));
  const seeded = await openDatabase({
    dataDir: process.env.DATABASE_URL ? undefined : dir,
    url: process.env.DATABASE_URL,
  });
  await seeded.migrate();
  const demo = await ensureDemoMunicipality(seeded.db);
  const t0 = performance.now();
  await addSyntheticPersons(seeded.db, demo.municipalityId, PERSONS);
  console.log(
    `synthetic persons: ${PERSONS.toLocaleString("en")} created in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await seeded.close();

  const port = 3600 + Math.floor(Math.random() * 90);
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
    const staff = await ApiClient.login(base, "houkatsu");
    const { cookie, csrf } = staff as unknown as { cookie: string; csrf: string };
    const search = (connections: number, kana: string) =>
      autocannon({
        url: `${base}/api/persons/search`,
        method: "POST",
        connections,
        duration: 10,
        headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
        body: JSON.stringify({ kana }),
      }) as unknown as Promise<autocannon.Result>;
    const hello = (await autocannon({
      url: `${base}/healthz`,
      connections: 8,
      duration: 5,
    })) as unknown as autocannon.Result;
    const probe = await staff.post("/api/persons/search", { kana: "さと" });
    if (probe.status !== 200) throw new Error(`search failed: ${probe.status}`);
    const results = [] as string[];
    for (const connections of [1, 8, 32]) {
      const r = await search(connections, "さと");
      if (r.non2xx > 0) throw new Error("search answered non-2xx");
      results.push(
        `person search by reading prefix "さと" (${probe.body.persons.length} shown, each an audited read), ${connections} connection(s): ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
      );
    }

    // registration: one at a time, as a worker registers; every answer carries its duplicate candidates
    const times: number[] = [];
    let offered = 0;
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const family = COMMON_FAMILY[Math.floor(next() * COMMON_FAMILY.length)];
      const given = GIVEN[Math.floor(next() * GIVEN.length)];
      const t = performance.now();
      const res = await staff.post("/api/persons", {
        nameKana: `${family} ${given}`,
        dateOfBirth: `19${50 + Math.floor(next() * 40)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
      });
      times.push(performance.now() - t);
      if (res.status !== 201) throw new Error(`registration failed: ${res.status}`);
      offered += res.body.duplicateCandidates.length;
    }
    results.push(
      `registration with duplicate candidates (common family names, n=200, one at a time): median ${median(times).toFixed(1)} ms, p99 ${quantile(times, 0.99).toFixed(1)} ms, ${(offered / 200).toFixed(1)} candidates offered on average`,
    );
    console.log(
      [`hello-world (/healthz, 8 connections): ${hello.requests.average.toFixed(0)} req/s`, ...results].join("\n"),
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runSupportBench();
  process.exit(0);
}
