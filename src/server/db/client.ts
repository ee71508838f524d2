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
import * as schema from "./schema/index.js";

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
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * One Drizzle client over either PGlite (embedded; `dataDir` undefined = in memory) or a PostgreSQL server.
 * Both run the same generated migrations.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
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
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
      },
      close: async () => {
        await pool.end();
      },
    };
  }
  // PGlite creates only the last folder of the path: on a fresh clone data/ itself does not exist yet.
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
  await client.waitReady;
  const pdb = drizzlePglite(client, { schema });
  return {
    db: pdb as unknown as Db,
    kind: "pglite",
    migrate: async () => {
      await migratePglite(pdb, { migrationsFolder });
    },
    close: async () => {
      await client.close();
    },
  };
}
