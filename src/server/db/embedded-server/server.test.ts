/**
 * The embedded PostgreSQL server on real data folders (each start ~0.2 s, each initdb ~1.5 s on a quiet machine):
 * one folder through its life (first start, restart, a command beside the app, the app killed outright, the
 * server killed outright), and the folders it refuses. Runs as root in CI: the server then runs as `postgres`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runCliProcess } from "../../../../test/helpers/cli.js";
import { ensureDemoMunicipality } from "../../demo/load-demo.js";
import { type Database, openDatabase } from "../client.js";
import {
  DataFolderRefused,
  isAlive,
  readPostmasterPid,
  refuseUnmovedPgliteDefault,
  SERVER_FILE,
} from "./data-folder.js";

const root = new URL("../../../../", import.meta.url).pathname;
const work = mkdtempSync(path.join(os.tmpdir(), "tsunagu-embedded-server-"));
chmodSync(work, 0o755); // the server's account (postgres, under root) must pass through
const dataDir = path.join(work, "data", "postgres");
const env = {
  ...process.env,
  TSUNAGU_DATA_DIR: dataDir,
  TSUNAGU_DB: "server",
  TSUNAGU_AUDIT_KEY: path.join(work, "keys", "audit-signing-key.pem"),
  DATABASE_URL: "",
  LOG_LEVEL: "warn",
};
const apps: ChildProcess[] = [];
afterAll(async () => {
  for (const app of apps) app.kill("SIGKILL");
  const running = readPostmasterPid(dataDir);
  if (running && isAlive(running.pid)) process.kill(running.pid, "SIGQUIT");
  rmSync(work, { recursive: true, force: true });
});

const rows = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

/** The app as npm start runs it (without the supervisor), on the folder; resolves once it answers. */
async function startApp(): Promise<{ app: ChildProcess; port: number; exited: Promise<number | null> }> {
  const port = await freePort();
  const app = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: "ignore",
  });
  apps.push(app);
  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  for (let i = 0; i < 1200; i++) {
    if (app.exitCode !== null) throw new Error(`the app ended with ${app.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { app, port, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the app did not start");
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function until(check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the embedded PostgreSQL server", () => {
  it("makes its folder on the first start: durable settings, loopback only, the app's role owning nothing", async () => {
    const database = await openDatabase({ dataDir, engine: "server" });
    try {
      await database.migrate();
      await ensureDemoMunicipality(database.db);
      const settings = await rows<{ name: string; setting: string }>(
        database,
        sql`select name, setting from pg_settings where name in ('fsync', 'full_page_writes', 'synchronous_commit', 'listen_addresses') order by name`,
      );
      expect(Object.fromEntries(settings.map((s) => [s.name, s.setting]))).toEqual({
        fsync: "on",
        full_page_writes: "on",
        listen_addresses: "127.0.0.1",
        synchronous_commit: "on",
      });
      const [who] = await rows<{ user: string; encoding: string }>(
        database,
        sql`select current_user as user, pg_encoding_to_char(encoding) as encoding from pg_database where datname = current_database()`,
      );
      expect(who).toEqual({ user: "tsunagu_app", encoding: "UTF8" });
      const owned = await rows<{ n: number }>(
        database,
        sql`select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = current_user`,
      );
      expect(owned[0]?.n).toBe(0);
      await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      const [demo] = await rows<{ n: number }>(database, sql`select count(*)::int as n from municipalities`);
      expect(demo?.n).toBe(1);

      // the owner signs in over loopback only, with the password kept in the folder (mode 0600)
      const server = JSON.parse(readFileSync(path.join(dataDir, SERVER_FILE), "utf8"));
      const owner = new pg.Client({ connectionString: database.embedded?.migrationUrl });
      await owner.connect();
      const hba = await owner.query("select type, address, auth_method from pg_hba_file_rules");
      const sockets = await owner.query("show unix_socket_directories");
      await owner.end();
      expect(hba.rows).toEqual([{ type: "host", address: "127.0.0.1", auth_method: "scram-sha-256" }]);
      expect(sockets.rows).toEqual([{ unix_socket_directories: "" }]); // no Unix socket either
      const port = readPostmasterPid(dataDir)?.port;
      const wrong = new pg.Client({
        host: "127.0.0.1",
        port,
        user: server.owner.user,
        password: "x",
        database: "postgres",
      });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    } finally {
      await database.close();
    }
    // the process that started the server stopped it
    expect(readPostmasterPid(dataDir)).toBeNull();
  }, 120_000);

  it("starts again on the folder with its data, and a command beside a running app leaves the server running", async () => {
    const database = await openDatabase({ dataDir, adopt: true });
    const serverPid = readPostmasterPid(dataDir)?.pid as number;
    try {
      const [demo] = await rows<{ n: number }>(database, sql`select count(*)::int as n from municipalities`);
      expect(demo?.n).toBe(1);
      // a separate process, as an operator's command beside the running app
      const verify = await runCliProcess(env, "audit", "verify", "--json");
      expect(verify.json).toMatchObject({ ok: true });
      expect(readPostmasterPid(dataDir)?.pid).toBe(serverPid);
      expect(isAlive(serverPid)).toBe(true);
    } finally {
      await database.close();
    }
    expect(isAlive(serverPid)).toBe(false);
    // with no server running, the command starts one and stops it after
    expect((await runCliProcess(env, "demo-code", "--login", "coord", "--json")).code).toBe(0);
    expect(readPostmasterPid(dataDir)).toBeNull();
  }, 120_000);

  it("survives the app killed outright (the next one adopts the server) and the server killed outright", async () => {
    const first = await startApp();
    const serverPid = readPostmasterPid(dataDir)?.pid as number;
    first.app.kill("SIGKILL");
    await first.exited;
    expect(isAlive(serverPid)).toBe(true); // left running, as after a crash of the app

    const second = await startApp();
    expect(readPostmasterPid(dataDir)?.pid).toBe(serverPid); // adopted, not started again
    // a committed write, then the server killed outright: the app ends so that its supervisor starts both again
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`update municipalities set name = name || '（確認）'`);
    await database.close();
    process.kill(serverPid, "SIGKILL");
    expect(await second.exited).toBe(1);
    expect(readPostmasterPid(dataDir)?.pid).toBe(serverPid); // stale: the server had no time to remove it

    const third = await startApp();
    const again = await openDatabase({ dataDir });
    const [city] = await rows<{ name: string }>(again, sql`select name from municipalities`);
    await again.close();
    expect(city?.name).toMatch(/（確認）$/);
    const restarted = readPostmasterPid(dataDir)?.pid as number;
    expect(restarted).not.toBe(serverPid);
    third.app.kill("SIGTERM");
    expect(await third.exited).toBe(0);
    await until(() => !isAlive(restarted)); // a clean shutdown of the app stops the server it adopted
  }, 180_000);

  it("starts past a stale postmaster.pid whose number another program has now", async () => {
    const other = spawn("sleep", ["60"]);
    apps.push(other);
    writeFileSync(
      path.join(dataDir, "postmaster.pid"),
      `${other.pid}\n${dataDir}\n0\n5432\n\n127.0.0.1\n0 0\nready   \n`,
    );
    const database = await openDatabase({ dataDir });
    try {
      expect((await rows<{ n: number }>(database, sql`select 1 as n`))[0]?.n).toBe(1);
    } finally {
      await database.close();
      other.kill();
    }
  }, 60_000);

  it("refuses a PGlite folder without touching it, and PGlite refuses the server's folder", async () => {
    const pgliteDir = path.join(work, "pglite");
    const pglite = await openDatabase({ dataDir: pgliteDir, engine: "pglite" });
    await pglite.close();
    const before = readFileSync(path.join(pgliteDir, "PG_VERSION"), "utf8");
    const refused = openDatabase({ dataDir: pgliteDir, engine: "server" });
    await expect(refused).rejects.toBeInstanceOf(DataFolderRefused);
    await expect(refused).rejects.toThrow(
      /PGlite のデータベースがあります[\s\S]*TSUNAGU_DB=pglite[\s\S]*backup[\s\S]*restore/,
    );
    expect(existsSync(path.join(pgliteDir, SERVER_FILE))).toBe(false);
    expect(readFileSync(path.join(pgliteDir, "PG_VERSION"), "utf8")).toBe(before);

    await expect(openDatabase({ dataDir, engine: "pglite" })).rejects.toThrow(/PostgreSQL サーバーのデータです/);

    // data/pglite was the default folder: an empty data/postgres is not started while the data is still there
    const newDefault = path.join(work, "data", "new-default");
    expect(() => refuseUnmovedPgliteDefault(pgliteDir, newDefault)).toThrow(
      /npm run cli -- restore <ファイル> で .*new-default に復元/,
    );
    expect(() => refuseUnmovedPgliteDefault(pgliteDir, dataDir)).not.toThrow(); // moved already

    // the app says so and ends with EX_CONFIG, which its supervisor does not retry
    const app = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: root,
      env: { ...env, TSUNAGU_DATA_DIR: pgliteDir, PORT: String(await freePort()) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    apps.push(app);
    let said = "";
    app.stderr?.on("data", (chunk: Buffer) => {
      said += chunk.toString("utf8");
    });
    expect(await new Promise((resolve) => app.once("exit", resolve))).toBe(78);
    expect(said).toMatch(/PGlite のデータベースがあります/);
  }, 60_000);
});
