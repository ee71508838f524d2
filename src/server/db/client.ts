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
import * as schema from "./schema/index.js";
import { mayWrite, registerGeneration, WriteGeneration } from "./write-generation.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, which `openDatabase({ fromDump })` starts a new one from */
  dump?(compression?: "none" | "gzip"): Promise<Blob>;
}

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * One Drizzle client over either PGlite (embedded; `dataDir` undefined = in memory) or a PostgreSQL server.
 * Both run the same generated migrations. `fromDump` (PGlite only) starts a new database as a copy of another's
 * `dump()` instead of an empty one: the tests copy a migrated template rather than migrating every time.
 */
export async function openDatabase(opts: {
  url?: string;
  migrationUrl?: string;
  dataDir?: string;
  fromDump?: Blob;
}): Promise<Database> {
  if (opts.url) {
    const appUrl = opts.url;
    const pool = new pg.Pool({ connectionString: opts.url, max: Number(process.env.DB_POOL_MAX ?? 10) });
    // An idle connection can be closed by the server (restart, failover, a terminated backend). node-postgres
    // reports that as an 'error' event on the pool, which would crash the process if nobody listened; the pool
    // drops the broken connection and opens a new one on the next query, so a warning is all it needs.
    pool.on("error", (err) => {
      process.emitWarning(`database connection closed by the server: ${err.message}`);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      migrate: async () => {
        if (!opts.migrationUrl) {
          await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
          return;
        }
        // two roles: the owner migrates and grants the app's role what it may do (db/app-role.ts)
        const owner = new pg.Pool({ connectionString: opts.migrationUrl, max: 1 });
        try {
          await migratePg(drizzlePg(owner, { schema }), { migrationsFolder });
          const appRole = roleOf(appUrl);
          if (appRole !== roleOf(opts.migrationUrl)) await grantAppRole(owner, appRole);
        } finally {
          await owner.end();
        }
      },
      close: async () => {
        await pool.end();
      },
    };
  }
  // PGlite creates only the last folder of the path: on a fresh clone data/ itself does not exist yet.
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const start = opts.fromDump ? { loadDataDir: opts.fromDump } : {};
  const client = opts.dataDir ? new PGlite(opts.dataDir, start) : new PGlite(start);
  await client.waitReady;
  const generation = new WriteGeneration();
  const pdb = drizzlePglite({ client: countingWrites(client, generation) as unknown as PGlite, schema });
  registerGeneration(pdb, generation);
  return {
    db: pdb as unknown as Db,
    kind: "pglite",
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
