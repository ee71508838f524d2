import { type ChildProcess, spawn } from "node:child_process";
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { serverBinaries } from "./binaries.js";
import {
  DataFolderRefused,
  inspectDataFolder,
  isAlive,
  isPostgresProcess,
  otherFolderMessage,
  pgliteFolderMessage,
  readPostmasterPid,
  type ServerFile,
} from "./data-folder.js";
import { createServerFolder } from "./first-start.js";
import { type ServerAccount, serverAccount, unreachableAncestor } from "./os-user.js";

export interface EmbeddedServer {
  dataDir: string;
  /** the app's role, which owns no table */
  url: string;
  /** the tables' owner: migrations, and the grants to the app's role */
  migrationUrl: string;
  /** how this process came to the server: it started it, or found it running (and adopted it or not) */
  via: "started" | "adopted" | "attached";
  /** settles when the server ends without this process stopping it (killed, crashed) */
  lost: Promise<string>;
  /** stops the server when this process owns it; leaves a server another process owns running */
  close(): Promise<void>;
}

/**
 * The process that stops the server: the one that started it, or an app that adopted it (one left running by an
 * app killed outright, or by a command). A command that finds a server running only attaches to it.
 */
const OWNER_FILE = "tsunagu-server.owner";
const READY_TIMEOUT_MS = 300_000; // crash recovery replays the WAL since the last checkpoint: seconds, rarely more
const STOP_TIMEOUT_MS = 60_000;

/**
 * The PostgreSQL server of a data folder, run from the binaries npm installed: made on the first start (initdb),
 * started when none runs, attached to when one does (postmaster.pid names its port). `adopt` (the app): a server
 * found running becomes this process's to stop. The server is a process of its own (its own session, its log in
 * the folder's log/), so that it outlives an app killed outright; `lost` tells the app when the server is gone.
 */
export async function openEmbeddedServer(dataDir: string, opts: { adopt?: boolean } = {}): Promise<EmbeddedServer> {
  const account = serverAccount();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const blocked = unreachableAncestor(dataDir, account);
  if (blocked)
    throw new DataFolderRefused(
      `PostgreSQL サーバーを動かす ${account.name} ユーザーが、データのフォルダの上のフォルダ ${blocked} に入れません。` +
        `chmod o+x ${blocked} で通れるようにするか、TSUNAGU_DATA_DIR を ${account.name} ユーザーが入れる場所（例: /var/lib/tsunagu/postgres）にしてください`,
    );
  for (let attempt = 0; ; attempt++) {
    const folder = inspectDataFolder(dataDir);
    if (folder.kind === "pglite") throw new DataFolderRefused(pgliteFolderMessage(dataDir));
    if (folder.kind === "other") throw new DataFolderRefused(otherFolderMessage(dataDir));
    const server = folder.kind === "server" ? folder.server : await createServerFolder(dataDir, account);
    if (!server) continue; // another process made the folder meanwhile: use theirs
    const running = await runningServer(dataDir);
    const found = running
      ? attach(dataDir, server, running, opts.adopt ?? false)
      : await startServer(dataDir, server, account);
    if (found) {
      try {
        await ensureRolesAndDatabase(server, found.port);
      } catch (error) {
        await found.server.close();
        throw error;
      }
      return found.server;
    }
    // another process started the server meanwhile (postgres refused the lock), or old processes still hold
    // its memory after a kill: look again shortly
    if (attempt > 100) throw new Error(`PostgreSQL サーバーを起動できませんでした。${logHint(dataDir)}`);
    await sleep(200);
  }
}

/** The running server of the folder, once it accepts connections; null when none runs (a stale file is ignored). */
async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const pidFile = readPostmasterPid(dataDir);
    if (!pidFile || !isAlive(pidFile.pid)) return null;
    if (!isPostgresProcess(pidFile.pid)) {
      // the number was reused by another program after the server died: PostgreSQL would refuse to start
      rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
      return null;
    }
    if (pidFile.status === "ready") return pidFile;
    if (Date.now() > deadline) throw new Error(`PostgreSQL サーバーの準備が終わりません。${logHint(dataDir)}`);
    await sleep(50);
  }
}

interface Found {
  server: EmbeddedServer;
  port: number;
}

function attach(dataDir: string, server: ServerFile, running: { pid: number; port: number }, adopt: boolean): Found {
  if (adopt) writeOwner(dataDir);
  return { server: handle(dataDir, server, running, adopt ? "adopted" : "attached", null), port: running.port };
}

/** Starts the server; null when it could not for a reason that passes (the folder is being started elsewhere). */
async function startServer(dataDir: string, server: ServerFile, account: ServerAccount): Promise<Found | null> {
  const { postgres } = await serverBinaries();
  const logDir = path.join(dataDir, "log");
  mkdirSync(logDir, { recursive: true, mode: 0o700 });
  if (account.uid !== undefined) chownSync(logDir, account.uid, account.gid ?? -1);
  // what the server says before its logging collector runs (a port in use, a folder it may not open)
  const startLog = path.join(logDir, "startup.log");
  const out = openSync(startLog, "w", 0o600);
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn(postgres, ["-D", dataDir, "-p", String(port)], {
      detached: true,
      stdio: ["ignore", out, out],
      uid: account.uid,
      gid: account.gid,
      env: { ...process.env, LC_ALL: "C" },
    });
  } finally {
    closeSync(out);
  }
  child.unref();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // a program that cannot be run at all (missing, not executable) never exits: its error is the answer
  let failedToRun: Error | null = null;
  child.once("error", (error) => {
    failedToRun = error;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (failedToRun)
      throw new Error(
        `PostgreSQL サーバーのプログラム ${postgres} を実行できませんでした: ${(failedToRun as Error).message}`,
      );
    if (child.exitCode !== null || child.signalCode !== null) {
      const said = readFileSync(startLog, "utf8");
      if (/lock file .* already exists|shared memory block .* still in use|could not bind/i.test(said)) return null;
      throw new Error(`PostgreSQL サーバーが起動できませんでした: ${lastLines(said)}\n${logHint(dataDir)}`);
    }
    const pidFile = readPostmasterPid(dataDir);
    if (pidFile && pidFile.pid === child.pid && pidFile.status === "ready") break;
    if (Date.now() > deadline) {
      child.kill("SIGQUIT");
      throw new Error(
        `PostgreSQL サーバーの準備が ${READY_TIMEOUT_MS / 1000} 秒で終わりませんでした。${logHint(dataDir)}`,
      );
    }
    await sleep(20);
  }
  writeOwner(dataDir);
  return { server: handle(dataDir, server, { pid: child.pid as number, port }, "started", exited), port };
}

function handle(
  dataDir: string,
  server: ServerFile,
  running: { pid: number; port: number },
  via: EmbeddedServer["via"],
  exited: Promise<void> | null,
): EmbeddedServer {
  let stopping = false;
  const gone = exited ?? watchPid(running.pid);
  const lost = gone.then(() => {
    if (!stopping) return `PostgreSQL サーバー（PID ${running.pid}）が終了しました。${logHint(dataDir)}`;
    return new Promise<string>(() => undefined); // stopped on purpose: never lost
  });
  return {
    dataDir,
    url: urlOf(server.app, running.port, server.database),
    migrationUrl: urlOf(server.owner, running.port, server.database),
    via,
    lost,
    close: async () => {
      if (via === "attached" || readOwner(dataDir) !== process.pid) return;
      stopping = true;
      rmSync(path.join(dataDir, OWNER_FILE), { force: true });
      await stopServer(running.pid, gone);
    },
  };
}

/** A fast shutdown (open transactions rolled back, a checkpoint written), or an immediate one if it hangs. */
async function stopServer(pid: number, gone: Promise<void>) {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  const timeout = sleep(STOP_TIMEOUT_MS).then(() => "timeout" as const);
  if ((await Promise.race([gone, timeout])) === "timeout") {
    process.kill(pid, "SIGQUIT");
    await gone;
  }
}

/** Settles when a process that is not this one's child ends (checked every half second, never keeping it alive). */
function watchPid(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (isAlive(pid)) return;
      clearInterval(timer);
      resolve();
    }, 500);
    timer.unref();
  });
}

/**
 * The database and the app's role: made on the first start, checked at every open (a first start cut short after
 * initdb gets them at the next). Two processes making them at once: the second finds them made.
 */
async function ensureRolesAndDatabase(server: ServerFile, port: number) {
  const client = new pg.Client({ connectionString: urlOf(server.owner, port, "postgres") });
  await client.connect();
  const alreadyMade = (error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code !== "42710" && code !== "42P04" && code !== "23505") throw error;
  };
  try {
    const role = await client.query("select 1 from pg_roles where rolname = $1", [server.app.user]);
    if (role.rowCount === 0)
      await client
        .query(
          `create role ${client.escapeIdentifier(server.app.user)} login password ${client.escapeLiteral(server.app.password)}`,
        )
        .catch(alreadyMade);
    const database = await client.query("select 1 from pg_database where datname = $1", [server.database]);
    if (database.rowCount === 0)
      await client
        .query(
          `create database ${client.escapeIdentifier(server.database)} owner ${client.escapeIdentifier(server.owner.user)}`,
        )
        .catch(alreadyMade);
  } finally {
    await client.end();
  }
}

const urlOf = (role: { user: string; password: string }, port: number, database: string) =>
  `postgresql://${encodeURIComponent(role.user)}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${database}`;

function writeOwner(dataDir: string) {
  writeFileSync(path.join(dataDir, OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
}

function readOwner(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, OWNER_FILE), "utf8").trim());
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Where the server's own words are: the newest file of log/, and what it said before its log started. */
export function logHint(dataDir: string): string {
  const logDir = path.join(dataDir, "log");
  if (!existsSync(logDir)) return `ログ: ${logDir}`;
  const newest = readdirSync(logDir)
    .map((name) => path.join(logDir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  return `サーバーのログ: ${newest ?? logDir}`;
}

function lastLines(text: string, n = 5): string {
  return text.trim().split("\n").slice(-n).join("\n");
}
