import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { grantAppRole, roleOf } from "./app-role.js";
import { DataFolderRefused, inspectDataFolder, serverFolderForPgliteMessage } from "./embedded-server/data-folder.js";
import { openEmbeddedServer } from "./embedded-server/server.js";
import * as schema from "./schema/index.js";
import { mayWrite, registerGeneration, WriteGeneration } from "./write-generation.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  /** the embedded server is "postgres" too: the same client as an external server */
  kind: "pglite" | "postgres";
  /** the PostgreSQL server this process runs (or found running) for a data folder */
  embedded?: {
    dataDir: string;
    /** the app's role (owns no table) */
    url: string;
    /** the tables' owner */
    migrationUrl: string;
    /** settles with a message when the server ends without this process stopping it */
    lost: Promise<string>;
  };
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, which `openDatabase({ fromDump })` starts a new one from */
  dump?(compression?: "none" | "gzip"): Promise<Blob>;
  /**
   * A connection of its own for a background job (the audit sealer), so that it never queues behind the requests
   * for the pool's connections; the same client where there is one connection only (PGlite).
   */
  background(): Db;
}

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export type Engine = "server" | "pglite";

/**
 * One Drizzle client over PGlite (in memory when there is neither `url` nor `dataDir`), a PostgreSQL server
 * (`url`), or the PostgreSQL server tsunagu runs itself for a data folder (`dataDir`, engine "server": the default
 * unless TSUNAGU_DB=pglite). All run the same generated migrations. `fromDump` (PGlite only) starts a new database
 * as a copy of another's `dump()` instead of an empty one: the tests copy a migrated template rather than migrating
 * every time. `adopt` (the app): an embedded server found running is this process's to stop on close.
 */
export async function openDatabase(opts: {
  url?: string;
  migrationUrl?: string;
  dataDir?: string;
  engine?: Engine;
  fromDump?: Blob;
  adopt?: boolean;
}): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.migrationUrl);
  const engine = opts.engine ?? (opts.fromDump ? "pglite" : engineFromEnvironment());
  if (opts.dataDir && engine === "server") {
    if (opts.fromDump) throw new Error("fromDump starts a PGlite database, not the server");
    const server = await openEmbeddedServer(opts.dataDir, { adopt: opts.adopt });
    const database = openPostgres(server.url, server.migrationUrl);
    const { dataDir, url, migrationUrl, lost } = server;
    return {
      ...database,
      embedded: { dataDir, url, migrationUrl, lost },
      close: async () => {
        await database.close();
        await server.close();
      },
    };
  }
  return openPglite(opts.dataDir, opts.fromDump);
}

/** TSUNAGU_DB: "server" (the default) or "pglite"; anything else is a mistake worth stopping for. */
export function engineFromEnvironment(env: NodeJS.ProcessEnv = process.env): Engine {
  const value = env.TSUNAGU_DB || "server";
  if (value !== "server" && value !== "pglite")
    throw new Error(`TSUNAGU_DB は server か pglite です（指定された値: ${value}）`);
  return value;
}

function openPostgres(appUrl: string, migrationUrl: string | undefined): Database {
  const pool = new pg.Pool({ connectionString: appUrl, max: Number(process.env.DB_POOL_MAX ?? 10) });
  // An idle connection can be closed by the server (restart, failover, a terminated backend). node-postgres
  // reports that as an 'error' event on the pool, which would crash the process if nobody listened; the pool
  // drops the broken connection and opens a new one on the next query, so a warning is all it needs.
  pool.on("error", (err) => {
    process.emitWarning(`database connection closed by the server: ${err.message}`);
  });
  // A connection in use by a request (between two statements of its transaction) gets the same error as an event
  // on its own client, which nobody listens to while it is checked out: the whole app ended when its server
  // restarted. The request's statement fails with the error, and the pool throws the connection away when it is
  // released (no longer queryable), so the event needs no more than a listener.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let backgroundPool: pg.Pool | undefined;
  return {
    db,
    kind: "postgres",
    background: () => {
      if (!backgroundPool) {
        backgroundPool = new pg.Pool({ connectionString: appUrl, max: 1 });
        backgroundPool.on("error", (err) => process.emitWarning(`database connection closed: ${err.message}`));
      }
      return drizzlePg(backgroundPool, { schema }) as unknown as Db;
    },
    migrate: async () => {
      if (!migrationUrl) {
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
        return;
      }
      // two roles: the owner migrates and grants the app's role what it may do (db/app-role.ts)
      const owner = new pg.Pool({ connectionString: migrationUrl, max: 1 });
      try {
        await migratePg(drizzlePg(owner, { schema }), { migrationsFolder });
        const appRole = roleOf(appUrl);
        if (appRole !== roleOf(migrationUrl)) await grantAppRole(owner, appRole);
      } finally {
        await owner.end();
      }
    },
    close: async () => {
      await backgroundPool?.end();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, fromDump: Blob | undefined): Promise<Database> {
  if (dataDir) {
    if (inspectDataFolder(dataDir).kind === "server")
      throw new DataFolderRefused(serverFolderForPgliteMessage(dataDir));
    // PGlite creates only the last folder of the path: on a fresh clone data/ itself does not exist yet.
    mkdirSync(dataDir, { recursive: true });
  }
  const start = fromDump ? { loadDataDir: fromDump } : {};
  const client = dataDir ? new PGlite(dataDir, start) : new PGlite(start);
  await client.waitReady;
  const generation = new WriteGeneration();
  const pdb = drizzlePglite({ client: countingWrites(client, generation) as unknown as PGlite, schema });
  registerGeneration(pdb, generation);
  return {
    db: pdb as unknown as Db,
    kind: "pglite",
    background: () => pdb as unknown as Db,
    migrate: async () => {
      await migratePglite(pdb, { migrationsFolder });
    },
    close: async () => {
      await client.close();
    },
    // uncompressed unless asked (the tests start from it often); a backup gzips it (a tenth of the size)
    dump: (compression = "none") => client.dumpDataDir(compression),
  };
}

type QueryArgs = Parameters<PGlite["query"]>;
type ExecArgs = Parameters<PGlite["exec"]>;
type TxClient = Parameters<Parameters<PGlite["transaction"]>[0]>[0];

/**
 * The PGlite client as Drizzle sees it, moving the write generation around every statement that may write
 * (before it runs and after it ends) and after every transaction, committed or not. PGlite runs one statement or
 * transaction at a time, so a read never observes a write that the generation has not counted.
 */
function countingWrites(client: PGlite, generation: WriteGeneration) {
  const track = async <T>(statement: string, run: () => Promise<T>): Promise<T> => {
    if (!mayWrite(statement)) return run();
    generation.bump();
    try {
      return await run();
    } finally {
      generation.bump();
    }
  };
  const wrapTx = (tx: TxClient): TxClient => ({
    ...tx,
    query: (...args: QueryArgs) => track(args[0], () => tx.query(...args)),
    exec: (...args: ExecArgs) => track(args[0], () => tx.exec(...args)),
    get closed() {
      return tx.closed;
    },
  });
  return {
    query: (...args: QueryArgs) => track(args[0], () => client.query(...args)),
    exec: (...args: ExecArgs) => track(args[0], () => client.exec(...args)),
    transaction: async <T>(fn: (tx: TxClient) => Promise<T>): Promise<T> => {
      try {
        return await client.transaction((tx) => fn(wrapTx(tx)));
      } finally {
        generation.bump();
      }
    },
  };
}
