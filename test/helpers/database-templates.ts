/**
 * The templates the tests' databases are copied from. Starting an empty PGlite, migrating it and loading the demo
 * took most of a test file's setup; now that happens once per test run for each kind of content a file asks for,
 * and every file (and every CLI test's data folder) gets a copy of its own, so no file sees another's writes.
 *
 * - PGlite: a dump of the template's data folder (a tarball) in the run's folder; a new PGlite starts from it.
 * - PostgreSQL (DATABASE_URL): a template database on the server; `CREATE DATABASE … TEMPLATE` copies it.
 *
 * Each is built the first time a file asks for it, under a lock (a folder on disk, an advisory lock on the server)
 * so that parallel workers build it once. The run's setup (test/database-templates-setup.ts) names the run and
 * removes its templates after it: a template is never older than the run, so it always has the run's migrations,
 * the run's demo and the run's dates.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/server/db/client.js";
import { ensureDemoMunicipality } from "../../src/server/demo/load-demo.js";
import { sealAuditLog } from "../../src/server/platform/audit-sealer.js";
import { postgresTemplatePrefix } from "../database-templates-setup.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** set by test/database-templates-setup.ts: where this run keeps its PGlite templates, and its name */
    databaseTemplates: { folder: string; run: string };
  }
}

/** What a template holds besides the schema: nothing, or the demo municipality in one of its shapes. */
export type TemplateContent =
  | { demo: false }
  | { demo: true; indicators: boolean; baseline: boolean; committees?: boolean };

export const MIGRATED_ONLY: TemplateContent = { demo: false };
/** the demo as the operator CLI loads it: indicators, 第1版 approved (`npm start` adds the committee review) */
export const FULL_DEMO: TemplateContent = { demo: true, indicators: true, baseline: true };

function templateName(content: TemplateContent): string {
  if (!content.demo) return "migrated";
  return [
    "demo",
    content.indicators ? "indicators" : "",
    content.baseline ? "baseline" : "",
    content.committees ? "committees" : "",
  ]
    .filter(Boolean)
    .join("_");
}

function runOfTests() {
  const run = inject("databaseTemplates");
  if (!run) throw new Error("no database templates: the vitest project needs test/database-templates-setup.ts");
  return run;
}

/** Fills a migrated database with the content a template asks for. */
async function fill(database: Database, content: TemplateContent) {
  if (content.demo)
    await ensureDemoMunicipality(database.db, {
      indicators: content.indicators,
      baseline: content.baseline,
      committees: content.committees ?? false,
    });
  // as a running server leaves it: the demo's audit records sealed into the chain
  await sealAuditLog(database.db);
}

// ---------------------------------------------------------------- PGlite

/** The PGlite template holding `content`, as a dump a new PGlite (in memory or in a folder) starts from. */
export async function pgliteTemplate(content: TemplateContent): Promise<Blob> {
  const file = path.join(runOfTests().folder, `${templateName(content)}.tar`);
  if (!existsSync(file)) await withFolderLock(`${file}.lock`, file, () => buildPgliteTemplate(content, file));
  return new Blob([readFileSync(file)]);
}

async function buildPgliteTemplate(content: TemplateContent, file: string) {
  // the demo's templates start from the migrated one: migrating an empty PGlite is the slow part
  const database = content.demo
    ? await openDatabase({ fromDump: await pgliteTemplate(MIGRATED_ONLY) })
    : await openDatabase({});
  try {
    if (!content.demo) await database.migrate();
    await fill(database, content);
    const dump = await database.dump?.();
    if (!dump) throw new Error("the database cannot be dumped");
    // written aside and renamed: a reader never sees half a file
    writeFileSync(`${file}.part`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${file}.part`, file);
  } finally {
    await database.close();
  }
}

/**
 * Runs `build` (which makes `result`) unless another worker does: the one that creates the lock folder builds,
 * the others wait until the result is there (or the builder gave up and removed its lock: then they try again).
 */
async function withFolderLock(lock: string, result: string, build: () => Promise<void>) {
  const giveUpAt = Date.now() + 180_000;
  while (!existsSync(result)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (mine) {
      try {
        if (!existsSync(result)) await build();
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${result} (${lock} held for three minutes)`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------- PostgreSQL

/** A URL naming another database on the same server. */
export function databaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A new database of the test's own on the PostgreSQL server `serverUrl` names, copied from the template holding
 * `content`; `drop` removes it.
 */
export async function postgresDatabaseFrom(serverUrl: string, content: TemplateContent) {
  const template = await postgresTemplate(serverUrl, content);
  const name = `tsunagu_test_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (admin) => admin.query(`create database ${name} template ${template}`));
  return {
    url: databaseUrl(serverUrl, name),
    drop: () =>
      onServer(serverUrl, async (admin) => {
        // every pool is closed by now; force only if a straggling connection still holds the database
        try {
          await admin.query(`drop database if exists ${name}`);
        } catch {
          await admin.query(`drop database if exists ${name} with (force)`);
        }
      }),
  };
}

// one advisory lock for building any template: parallel workers wait for the one building
const TEMPLATE_LOCK = 7_246_861;

async function postgresTemplate(serverUrl: string, content: TemplateContent): Promise<string> {
  const prefix = postgresTemplatePrefix(runOfTests().run);
  const name = `${prefix}${templateName(content)}`;
  await onServer(serverUrl, async (admin) => {
    await admin.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const exists = async (db: string) =>
        ((await admin.query("select 1 from pg_database where datname = $1", [db])).rowCount ?? 0) > 0;
      const migrated = `${prefix}${templateName(MIGRATED_ONLY)}`;
      if (!(await exists(migrated))) await buildPostgresTemplate(admin, serverUrl, migrated, null, MIGRATED_ONLY);
      if (!(await exists(name))) await buildPostgresTemplate(admin, serverUrl, name, migrated, content);
    } finally {
      await admin.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
  return name;
}

async function buildPostgresTemplate(
  admin: pg.Client,
  serverUrl: string,
  name: string,
  from: string | null,
  content: TemplateContent,
) {
  await admin.query(from ? `create database ${name} template ${from}` : `create database ${name}`);
  try {
    const database = await openDatabase({ url: databaseUrl(serverUrl, name) });
    try {
      if (!from) await database.migrate();
      await fill(database, content);
    } finally {
      // a template must have no connections left when it is copied
      await database.close();
    }
  } catch (e) {
    await admin.query(`drop database if exists ${name} with (force)`);
    throw e;
  }
}

async function onServer<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A new database with nothing in it (not even the migrations) on the server `serverUrl` names: a restore's target. */
export async function postgresEmptyDatabase(serverUrl: string) {
  const name = `tsunagu_empty_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (admin) => admin.query(`create database ${name} template template0`));
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      await onServer(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}
