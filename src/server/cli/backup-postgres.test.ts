import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliDatabaseForFile, runCli } from "../../../test/helpers/cli.js";
import { FULL_DEMO, pgliteTemplate, postgresEmptyDatabase } from "../../../test/helpers/database-templates.js";
import { failedSignIn, freePort, startServer, stopServer } from "../../../test/helpers/server-process.js";
import { openDatabase } from "../db/client.js";

const serverUrl = process.env.DATABASE_URL;
const handle = cliDatabaseForFile("backup-postgres");
const work = mkdtempSync(path.join(os.tmpdir(), "tsunagu-backup-postgres-"));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(work, { recursive: true, force: true });
});

/** A new database with nothing in it on the test server: where a restore goes. */
async function emptyTarget(): Promise<string> {
  const empty = await postgresEmptyDatabase(serverUrl as string);
  drops.push(empty.drop);
  return empty.url;
}

describe.runIf(serverUrl)("backup and restore on PostgreSQL (CLI)", () => {
  it("backs up while the server runs; a restore into an empty database drops the later writes and verifies", async () => {
    const port = await freePort();
    const server = await startServer(handle.env, port);
    const file = path.join(work, "tsunagu.backup");
    let backedUp: Awaited<ReturnType<typeof runCli>>;
    try {
      await failedSignIn(port);
      backedUp = await handle.cli("backup", file, "--json");
      expect(backedUp.code).toBe(0);
      expect(backedUp.json).toMatchObject({ ok: true, version: 2, via: "database", database: "postgres" });
      await failedSignIn(port);
      await failedSignIn(port);
    } finally {
      await stopServer(server);
    }
    expect(readFileSync(file, "utf8").split("\n")[0]).toContain('"format":"tsunagu-backup"');
    const restorePoint = backedUp.json.checkpoints[0];
    expect((await handle.cli("audit", "checkpoint", "--json")).code).toBe(0);
    const now = await handle.cli("audit", "verify", "--json");
    expect(now.json.ok).toBe(true);

    const to = await emptyTarget();
    const restored = await runCli(handle.env, "restore", file, "--to", to, "--json");
    expect(restored.code).toBe(0);
    expect(restored.json).toMatchObject({ ok: true, audit: { ok: true, firstBad: null } });
    expect(restored.json.tables).toEqual(backedUp.json.tables);
    expect(restored.json.audit.records).toBe(now.json.records - 2);
    expect(restored.json.audit.restorePoint.at).toBe(restorePoint.at);
    expect(restored.json.audit.restorePoint.checkpoints).toContainEqual({
      municipalityId: restorePoint.municipalityId,
      seq: restorePoint.seq,
      hash: restorePoint.hash,
    });
    expect(restored.json.audit.laterCheckpoints).toBeGreaterThanOrEqual(1);

    const again = await runCli(handle.env, "restore", file, "--to", to, "--json");
    expect(again.code).toBe(2);
    expect(again.json.error).toContain("--force");
    const replaced = await runCli(handle.env, "restore", file, "--to", to, "--force");
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(`復元点: ${restorePoint.at}`);
    expect(replaced.stdout).toContain("この復元で失われた書き込みのもの");

    // a restored database starts as the app's own: its migrations are all there, the demo is not loaded again
    const app = await startServer({ ...handle.env, DATABASE_URL: to }, await freePort());
    await stopServer(app);
    const afterStart = await runCli({ ...handle.env, DATABASE_URL: to }, "audit", "verify", "--json");
    expect(afterStart.json.records).toBe(restored.json.audit.records);
  }, 240_000);

  it("refuses a truncated logical backup before it writes anything", async () => {
    const file = path.join(work, "whole.backup");
    expect((await handle.cli("backup", file, "--json")).code).toBe(0);
    const bytes = readFileSync(file);
    const truncated = path.join(work, "truncated.backup");
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 200));
    const to = await emptyTarget();
    const cut = await runCli(handle.env, "restore", truncated, "--to", to, "--json");
    expect(cut.code).toBe(2);
    expect(cut.json.error).toContain("途中で切れています");
    const target = await openDatabase({ url: to });
    try {
      const tables = await target.db.execute("select count(*)::int as n from pg_tables where schemaname = 'public'");
      expect((tables as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      await target.close();
    }
  }, 120_000);

  it("moves a PGlite folder onto PostgreSQL: its folder backup restored into an empty database", async () => {
    const folder = path.join(work, "pglite");
    const pglite = await openDatabase({ dataDir: folder, fromDump: await pgliteTemplate(FULL_DEMO) });
    await pglite.close();
    const keys = path.join(work, "pglite-keys", "audit-signing-key.pem");
    const onPglite = {
      ...process.env,
      DATABASE_URL: "",
      TSUNAGU_DB: "pglite",
      TSUNAGU_DATA_DIR: folder,
      TSUNAGU_AUDIT_KEY: keys,
    };
    const file = path.join(work, "pglite.backup");
    const backedUp = await runCli(onPglite, "backup", file, "--json");
    expect(backedUp.code).toBe(0);
    expect(backedUp.json).toMatchObject({ version: 1, database: "pglite" });

    const to = await emptyTarget();
    const restored = await runCli(onPglite, "restore", file, "--to", to, "--json");
    expect(restored.code).toBe(0);
    expect(restored.json.ok).toBe(true);
    expect(restored.json.tables).toEqual(backedUp.json.tables);
    expect(restored.json.audit.restorePoint.checkpoints).toHaveLength(backedUp.json.checkpoints.length);
  }, 240_000);
});
