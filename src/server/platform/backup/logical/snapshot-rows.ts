import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.js";
import { appTables, foreignKeys, loadOrder, qualified } from "./catalog.js";
import type { RowSink } from "./row-file.js";
import { type SchemaVersion, schemaVersionOf } from "./schema-version.js";

export interface SnapshotContents {
  schema: SchemaVersion;
  /** rows per table, in loading order */
  tables: Record<string, number>;
}

type Rows<T> = { rows: T[] };
const FETCH_ROWS = 1000;

/**
 * Every row of every app table as one consistent state of the database, while the app goes on writing: one
 * REPEATABLE READ, READ ONLY transaction (a single snapshot for all its statements). The rows are counted first,
 * then `open` is given the schema and the counts (a backup writes them into its manifest) and returns where the
 * rows go. Each table is read through a cursor, a thousand rows at a time, so memory stays bounded whatever the
 * size; each row is `row_to_json(t)::text`, PostgreSQL's own text of every value (timestamps to the microsecond,
 * numerics with their scale, jsonb as stored, bytea in hex).
 */
export async function readSnapshot(
  db: Executor,
  open: (contents: SnapshotContents) => Promise<RowSink>,
): Promise<SnapshotContents> {
  return db.transaction(
    async (tx) => {
      const schema = await schemaVersionOf(tx);
      if (!schema) throw new Error("the database has no migrations: nothing of tsunagu to back up");
      const names = await appTables(tx);
      const order = loadOrder(names, await foreignKeys(tx));
      const tables: Record<string, number> = {};
      for (const table of order) {
        const counted = (await tx.execute(
          sql`select count(*)::bigint::text as n from ${qualified(table)}`,
        )) as unknown as Rows<{ n: string }>;
        tables[table] = Number(counted.rows[0]?.n ?? 0);
      }
      const contents = { schema, tables };
      const sink = await open(contents);
      for (const table of order) {
        await sink.table(table, tables[table] ?? 0);
        await tx.execute(
          sql`declare backup_rows no scroll cursor for select row_to_json(t.*)::text as r from ${qualified(table)} t`,
        );
        let copied = 0;
        for (;;) {
          const fetched = (await tx.execute(
            sql.raw(`fetch forward ${FETCH_ROWS} from backup_rows`),
          )) as unknown as Rows<{ r: string }>;
          if (fetched.rows.length === 0) break;
          copied += fetched.rows.length;
          await sink.rows(fetched.rows.map((row) => row.r));
        }
        await tx.execute(sql`close backup_rows`);
        // one snapshot: the count and the rows cannot differ unless the snapshot is not what this relies on
        if (copied !== tables[table]) throw new Error(`table ${table}: counted ${tables[table]} rows, read ${copied}`);
      }
      return contents;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
