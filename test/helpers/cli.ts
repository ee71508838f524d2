import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { runCommand } from "../../src/server/cli/run-command.js";
import { type Database, openDatabase } from "../../src/server/db/client.js";
import { FULL_DEMO, MIGRATED_ONLY, pgliteTemplate } from "./database-templates.js";
import { freshDatabase } from "./test-app.js";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  /** stdout parsed as JSON (for --json runs); undefined when it is not JSON */
  json: any;
}

/**
 * Runs an operator command on the database its environment names, in this process: the same function the command
 * line calls (src/server/cli/run-command.ts), without starting Node, tsx and the database's code for each command.
 */
export async function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  const { code, stdout } = await runCommand(args, env);
  return { code, stdout, json: parsed(stdout) };
}

/** Runs the operator CLI as operators do: a separate process (`npm run cli` runs the same file). */
export async function runCliProcess(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  let code = 0;
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, ["--import", "tsx", "src/server/cli/main.ts", ...args], {
      cwd: root,
      env,
    }));
  } catch (e) {
    const err = e as { code: number; stdout: string };
    code = err.code;
    stdout = err.stdout;
  }
  return { code, stdout, json: parsed(stdout) };
}

function parsed(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

export interface CliDatabase {
  /** the environment the CLI runs with: it names this file's database */
  env: NodeJS.ProcessEnv;
  /** runs a command on this file's database (in this process) */
  cli(...args: string[]): Promise<CliResult>;
  /** the same as a separate process, as operators run it */
  cliProcess(...args: string[]): Promise<CliResult>;
}

/**
 * A database of the test file's own for the CLI: a new PGlite folder (or, for a fresh clone, an empty folder the
 * CLI makes a PostgreSQL server's), or a throwaway database on the PostgreSQL
 * server DATABASE_URL names; made before the file's tests, removed after them. It is a copy of the run's template
 * (test/helpers/database-templates.ts): migrated, with the demo as the CLI loads it, or without the demo when
 * `prepare` fills it in this process first; the database is closed again before a command opens it.
 */
export function cliDatabaseForFile(
  name: string,
  options: {
    /** a folder below the new one that does not exist yet, as data/postgres on a fresh clone: the CLI makes it */
    subfolder?: string;
    prepare?: (database: Database) => Promise<void>;
  } = {},
): CliDatabase {
  const handle: CliDatabase = {
    env: {},
    cli: (...args) => runCli(handle.env, ...args),
    cliProcess: (...args) => runCliProcess(handle.env, ...args),
  };
  // with nothing to prepare, the database holds what the CLI's first run would load (the demo)
  const content = options.prepare ? MIGRATED_ONLY : FULL_DEMO;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    let database: Database | undefined;
    // the file's own audit signing key and checkpoint log, which live outside the database
    const keysDir = mkdtempSync(path.join(os.tmpdir(), `tsunagu-${name}-keys-`));
    const keys = { TSUNAGU_AUDIT_KEY: path.join(keysDir, "audit-signing-key.pem") };
    const removeKeys = async () => rmSync(keysDir, { recursive: true, force: true });
    if (process.env.DATABASE_URL) {
      const fresh = await freshDatabase(content);
      database = fresh.database;
      handle.env = { ...process.env, ...keys, DATABASE_URL: fresh.url };
      cleanup = async () => {
        await fresh.dropDatabase();
        await removeKeys();
      };
    } else {
      const dir = mkdtempSync(path.join(os.tmpdir(), `tsunagu-${name}-`));
      const dataDir = options.subfolder ? path.join(dir, options.subfolder) : dir;
      // A fresh clone gets the default engine, tsunagu's own PostgreSQL server, whose account (postgres, when the
      // tests run as root) must pass through the temporary folder. A folder filled from the run's template is PGlite.
      if (options.subfolder) chmodSync(dir, 0o755);
      const engine = options.subfolder ? {} : { TSUNAGU_DB: "pglite" };
      handle.env = { ...process.env, ...keys, ...engine, TSUNAGU_DATA_DIR: dataDir };
      cleanup = async () => {
        rmSync(dir, { recursive: true, force: true });
        await removeKeys();
      };
      // a fresh clone's folder is left for the CLI to create, migrate and fill, as on a new machine
      if (!options.subfolder) database = await openDatabase({ dataDir, fromDump: await pgliteTemplate(content) });
    }
    try {
      if (database && options.prepare) await options.prepare(database);
    } finally {
      await database?.close();
    }
  });
  afterAll(async () => {
    await cleanup?.();
  });
  return handle;
}
