import { type SQL, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db, Executor } from "../../db/client.js";

/** The raw client under a Drizzle database: a pg Pool, or the PGlite client (with `exec` for several statements). */
interface RawClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec?(text: string): Promise<{ rows: unknown[] }[]>;
}

/**
 * pg-boss over the app's own database connection, whichever engine it is. PGlite refuses several statements in one
 * prepared statement, and pg-boss sends its schema as one text of many statements without parameters: those go
 * through `exec` (a simple query), the rest through `query`.
 */
export function bossExecutor(db: Db): PgBoss.Db {
  const client = (db as unknown as { $client: RawClient }).$client;
  return {
    executeSql: async (text, values) => {
      if (client.exec && (!values || values.length === 0)) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values ?? []);
      return { rows: result.rows };
    },
  };
}

/**
 * pg-boss inside a transaction of ours: the job is inserted by the transaction's own connection, so it exists
 * exactly when the transaction commits. pg-boss's statements number their parameters ($1…); they are rebuilt as one
 * Drizzle statement with the values bound, which runs on either engine.
 */
export function transactionExecutor(tx: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = (await tx.execute(withParameters(text, values ?? []))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

function withParameters(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${values[Number(match[1]) - 1] ?? null}`);
    last = (match.index ?? 0) + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks, sql.raw(""));
}
