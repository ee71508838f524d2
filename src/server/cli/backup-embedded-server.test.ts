import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliDatabaseForFile, runCli } from "../../../test/helpers/cli.js";

// the PGlite folder the operator starts from (TSUNAGU_DB=pglite, filled from the run's template with the demo)
const handle = cliDatabaseForFile("backup-embedded");
const work = mkdtempSync(path.join(os.tmpdir(), "tsunagu-backup-embedded-"));
// the embedded server runs as the postgres account when the tests run as root: it must pass through this folder
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The CLI on an embedded server folder (the default engine), with the same audit key as the PGlite folder's. */
const onServer = (folder: string) => {
  const { TSUNAGU_DB: _pglite, ...env } = handle.env;
  return { ...env, TSUNAGU_DATA_DIR: folder };
};

describe.skipIf(process.env.DATABASE_URL)("moving a PGlite folder to the embedded server, and its backups", () => {
  it("restores a PGlite backup into a new server folder, then backs the server up and restores that", async () => {
    const pgliteFile = path.join(work, "pglite.backup");
    const fromPglite = await handle.cli("backup", pgliteFile, "--json");
    expect(fromPglite.code).toBe(0);
    expect(fromPglite.json).toMatchObject({ version: 1, database: "pglite" });

    // the documented move: backup with TSUNAGU_DB=pglite, restore with the default engine into a new folder
    const server = path.join(work, "postgres");
    const moved = await runCli(onServer(server), "restore", pgliteFile, "--to", server, "--json");
    expect(moved.code).toBe(0);
    expect(moved.json.ok).toBe(true);
    expect(moved.json.tables).toEqual(fromPglite.json.tables);
    const verified = await runCli(onServer(server), "audit", "verify", "--json");
    expect(verified.json).toMatchObject({ ok: true, records: moved.json.audit.records });

    // the server folder's own backup is the logical one, restored into another new folder
    const serverFile = path.join(work, "server.backup");
    const fromServer = await runCli(onServer(server), "backup", serverFile, "--json");
    expect(fromServer.code).toBe(0);
    expect(fromServer.json).toMatchObject({ version: 2, database: "postgres", via: "database" });
    const again = path.join(work, "postgres-again");
    const restored = await runCli(onServer(again), "restore", serverFile, "--json");
    expect(restored.code).toBe(0);
    expect(restored.json.ok).toBe(true);
    expect(restored.json.tables).toEqual(fromServer.json.tables);
    expect(restored.json.audit.restorePoint.checkpoints).toHaveLength(fromServer.json.checkpoints.length);

    const onto = await runCli(onServer(again), "restore", serverFile, "--json");
    expect(onto.code).toBe(2);
    expect(onto.json.error).toContain("--force");

    // a truncated file leaves no folder behind
    const truncated = path.join(work, "truncated.backup");
    const bytes = readFileSync(serverFile);
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 300));
    const nowhere = path.join(work, "never");
    const cut = await runCli(onServer(nowhere), "restore", truncated, "--json");
    expect(cut.code).toBe(2);
    expect(cut.json.error).toContain("途中で切れています");
    expect(() => readFileSync(path.join(nowhere, "PG_VERSION"))).toThrow();
  }, 300_000);
});
