/**
 * The app as deployed: the built server (dist/server/main.js, what npm start's supervisor runs), on a port and data
 * folder of the bench's own. Like the supervisor, the bench starts it again whenever it ends unasked (killed, or
 * ended because its database server died), but at once: the supervisor's pause (1 s, longer after repeated short
 * runs) is a policy, not the database's recovery, and would be most of what a round measures.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";

/** scripts/build-server.mjs's bundle, run by npm start */
const serverEntry = "dist/server/main.js";

export class RunningApp {
  private child: ChildProcess | null = null;
  private stopping = false;
  readonly baseUrl: string;
  /** spawns of the server, the first included */
  starts = 0;

  constructor(
    private readonly env: Record<string, string>,
    port: number,
    private readonly logFile: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.env = { ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" };
    this.spawn();
  }

  private spawn() {
    const log = openSync(this.logFile, "a");
    const child = spawn(process.execPath, ["--enable-source-maps", serverEntry], {
      env: { ...process.env, ...this.env },
      stdio: ["ignore", log, log],
    });
    closeSync(log);
    this.starts += 1;
    this.child = child;
    child.once("exit", () => {
      if (this.child === child) this.child = null;
      if (!this.stopping) this.spawn();
    });
  }

  /** the server process now, null between an exit and the next spawn */
  get pid() {
    return this.child?.pid ?? null;
  }

  /** SIGTERM (the server closes its database first, as on Ctrl+C) and waits for it to end. */
  async stop(timeoutMs = 30_000) {
    this.stopping = true;
    const child = this.child;
    if (!child) return;
    const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    await ended;
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` answers true; the milliseconds since `since`, or null after `timeoutMs`. */
export async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, since = performance.now()) {
  while (performance.now() - since < timeoutMs) {
    if (await probe().catch(() => false)) return performance.now() - since;
    await sleep(25);
  }
  return null;
}

export const answersHealth = (baseUrl: string) => async () => (await fetch(`${baseUrl}/healthz`)).ok;

interface ProcessInfo {
  pid: number;
  ppid: number;
  command: string;
}

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // the command name is in parentheses and may hold spaces: the fields after its closing one are fixed
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      found.push({ pid: Number(entry), ppid, command });
    } catch {
      // ended while being read
    }
  }
  return found;
}

/** A PostgreSQL postmaster whose command line names `dataDirPart` (its -D), not one of its own children. */
export function postmasterPid(dataDirPart: string): number | null {
  const all = processes();
  const postgres = all.filter((p) => /(^|\/)postgres\s/.test(p.command) && p.command.includes(dataDirPart));
  const pids = new Set(postgres.map((p) => p.pid));
  return postgres.find((p) => !pids.has(p.ppid))?.pid ?? null;
}

export function killOutright(pid: number | null) {
  if (pid === null) return false;
  try {
    process.kill(pid, "SIGKILL");
    return true;
  } catch {
    return false;
  }
}
