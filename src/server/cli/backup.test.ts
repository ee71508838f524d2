import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliDatabaseForFile, runCli } from "../../../test/helpers/cli.js";
import {
  failedSignIn,
  freePort,
  startServer as startServerWith,
  stopServer,
} from "../../../test/helpers/server-process.js";

const handle = cliDatabaseForFile("backup");
const work = mkdtempSync(path.join(os.tmpdir(), "tsunagu-backup-files-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const startServer = (port: number) => startServerWith(handle.env, port);

const auditCount = (json: { tables: Record<string, number> }) => json.tables.audit_log;

describe.skipIf(process.env.DATABASE_URL)("backup and restore of the embedded database (CLI)", () => {
  it("backs up while the server runs; a restore drops the later writes, verifies and shows the restore point", async () => {
    const port = await freePort();
    const server = await startServer(port);
    const file = path.join(work, "tsunagu.backup");
    let backedUp: Awaited<ReturnType<typeof runCli>>;
    try {
      await failedSignIn(port);
      backedUp = await handle.cli("backup", file, "--json");
      expect(backedUp.code).toBe(0);
      expect(backedUp.json.via).toBe("server");
      // writes after the backup, still with the server holding the folder
      await failedSignIn(port);
      await failedSignIn(port);
    } finally {
      await stopServer(server);
    }
    const restorePoint = backedUp.json.checkpoints[0];
    expect(restorePoint).toBeDefined();
    // the later writes are signed too (the server's checkpoint on shutdown, and this one)
    expect((await handle.cli("audit", "checkpoint", "--json")).code).toBe(0);
    const now = await handle.cli("audit", "verify", "--json");
    expect(now.json.ok).toBe(true);

    const target = path.join(work, "restored");
    const restored = await runCli(handle.env, "restore", file, "--to", target, "--json");
    expect(restored.code).toBe(0);
    expect(restored.json.ok).toBe(true);
    expect(restored.json.audit).toMatchObject({ ok: true, firstBad: null });
    expect(restored.json.audit.records).toBe(now.json.records - 2);
    expect(auditCount(restored.json)).toBe(backedUp.json.tables.audit_log);
    expect(restored.json.audit.restorePoint.at).toBe(restorePoint.at);
    expect(restored.json.audit.restorePoint.checkpoints).toContainEqual({
      municipalityId: restorePoint.municipalityId,
      seq: restorePoint.seq,
      hash: restorePoint.hash,
    });
    expect(restored.json.audit.laterCheckpoints).toBeGreaterThanOrEqual(1);

    const text = await runCli(handle.env, "restore", file, "--to", target, "--force");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`復元点: ${restorePoint.at}`);
    expect(text.stdout).toContain("この復元で失われた書き込みのもの");
  }, 240_000);

  it("refuses a truncated or altered backup and a target that is not empty", async () => {
    const file = path.join(work, "offline.backup");
    const taken = await handle.cli("backup", file, "--json");
    expect(taken.code).toBe(0);
    expect(taken.json.via).toBe("folder");
    const bytes = readFileSync(file);

    const truncated = path.join(work, "truncated.backup");
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 1000));
    const cut = await runCli(handle.env, "restore", truncated, "--to", path.join(work, "cut"), "--json");
    expect(cut.code).toBe(2);
    expect(cut.json.error).toContain("途中で切れています");

    const altered = Buffer.from(bytes);
    altered[altered.length - 10] = (altered[altered.length - 10] ?? 0) ^ 0xff;
    const alteredFile = path.join(work, "altered.backup");
    writeFileSync(alteredFile, altered);
    const changed = await runCli(handle.env, "restore", alteredFile, "--to", path.join(work, "changed"), "--json");
    expect(changed.code).toBe(2);
    expect(changed.json.error).toContain("SHA-256 が説明行と合いません");

    const onto = await runCli(handle.env, "restore", file, "--json");
    expect(onto.code).toBe(2);
    expect(onto.json.error).toContain("空ではありません");
    expect(onto.json.error).toContain("--force");
  }, 120_000);
});
