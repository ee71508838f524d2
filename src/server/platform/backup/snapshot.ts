import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.js";
import { type CheckpointStore, writeCheckpoints } from "../audit-checkpoints/checkpoints.js";
import { encodeBackup } from "./backup-file.js";

type Rows<T> = { rows: T[] };

/** Rows in every table of the public schema, by name (the migrations' bookkeeping lives in another schema). */
export async function countRows(db: Executor): Promise<Record<string, number>> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as Rows<{ table_name: string }>;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const result = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table_name)}`,
    )) as unknown as Rows<{ n: number }>;
    counts[table_name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * A backup of an open PGlite database as one file: every municipality's chain head is signed first (the restore
 * point, kept in the database and in the checkpoint log), then the rows are counted and the data folder copied.
 * PGlite runs one statement at a time and dumps between them, so the copy is a consistent state of the database.
 */
export async function takeBackup(database: Database, store: CheckpointStore): Promise<Buffer> {
  if (!database.dump)
    throw new Error(
      "only a PGlite database is copied as a folder: PostgreSQL takes the logical backup (platform/backup/logical)",
    );
  const checkpoints = await writeCheckpoints(database.db, store);
  const tables = await countRows(database.db);
  const payload = new Uint8Array(await (await database.dump("gzip")).arrayBuffer());
  return encodeBackup({ createdAt: new Date().toISOString(), database: "pglite", checkpoints, tables }, payload);
}
