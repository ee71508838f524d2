import { sql } from "drizzle-orm";
import { JOB_SCHEMA } from "../../platform/jobs/schema-name.js";
import type { Executor } from "../client.js";

/**
 * The tables and keys a migrated database really has, read from its catalog (pg_class, pg_constraint, pg_index),
 * so the distribution rules check what the migrations made rather than what the TypeScript definitions say.
 * The same queries answer on PGlite and on a PostgreSQL server.
 */

export type KeyKind = "primary" | "unique" | "foreign" | "unique_index";

export interface CatalogTable {
  /** the table's name; schema-qualified when it is not in public (drizzle.__drizzle_migrations) */
  name: string;
  /** has a municipality_id column: the municipality owns its rows */
  owned: boolean;
}

export interface CatalogKey {
  table: string;
  name: string;
  kind: KeyKind;
  /** the key's columns in key order; an expression of an index is "(expression)" */
  columns: string[];
  /** a foreign key's target: its table and the columns each of `columns` points to */
  references?: { table: string; columns: string[] };
}

export interface SchemaCatalog {
  tables: CatalogTable[];
  keys: CatalogKey[];
}

const KIND_BY_CONTYPE: Record<string, KeyKind> = { p: "primary", u: "unique", f: "foreign" };

/**
 * The user schemas: everything but PostgreSQL's own and the job table's (pg-boss makes and migrates its schema
 * itself and keeps no municipality's data: it stays on the coordinator, platform/jobs/schema-name.ts).
 */
const userSchema = (alias: string) =>
  sql.raw(
    `${alias}.nspname not in ('pg_catalog', 'information_schema', '${JOB_SCHEMA}') and ${alias}.nspname not like 'pg\\_%'`,
  );

/** A relation's name as the rules and Citus name it. */
const qualified = (schemaAlias: string, relAlias: string) =>
  sql.raw(
    `case when ${schemaAlias}.nspname = 'public' then ${relAlias}.relname::text else ${schemaAlias}.nspname || '.' || ${relAlias}.relname end`,
  );

/** Column names of attribute numbers, in order; json text so both drivers hand back the same string. */
const columnNames = (relid: string, attnums: string, limit?: string) =>
  sql.raw(`coalesce((select json_agg(coalesce(a.attname::text, '(expression)') order by k.ord)
      from unnest(${attnums}) with ordinality k(attnum, ord)
      left join pg_attribute a on a.attrelid = ${relid} and a.attnum = k.attnum and k.attnum > 0
      ${limit ? `where k.ord <= ${limit}` : ""}), '[]'::json)::text`);

export async function readSchemaCatalog(db: Executor): Promise<SchemaCatalog> {
  const tables = rowsOf<{ name: string; owned: boolean }>(
    await db.execute(sql`
      select ${qualified("n", "c")} as name,
             exists (select 1 from pg_attribute a
                     where a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped) as owned
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and ${userSchema("n")}
      order by 1`),
  );
  const constraints = rowsOf<{
    table: string;
    name: string;
    contype: string;
    columns: string;
    refTable: string | null;
    refColumns: string;
  }>(
    await db.execute(sql`
      select ${qualified("n", "c")} as "table", con.conname::text as name, con.contype::text as contype,
             ${columnNames("con.conrelid", "con.conkey")} as columns,
             case when r.oid is null then null else ${qualified("rn", "r")} end as "refTable",
             ${columnNames("con.confrelid", "coalesce(con.confkey, '{}'::int2[])")} as "refColumns"
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
      left join pg_class r on r.oid = con.confrelid left join pg_namespace rn on rn.oid = r.relnamespace
      where con.contype in ('p', 'u', 'f') and ${userSchema("n")}
      order by 1, 2`),
  );
  // unique indexes made with CREATE UNIQUE INDEX (not behind a constraint) bind rows together just the same
  const indexes = rowsOf<{ table: string; name: string; columns: string }>(
    await db.execute(sql`
      select ${qualified("n", "c")} as "table", i.relname::text as name,
             ${columnNames("ix.indrelid", "ix.indkey::int2[]", "ix.indnkeyatts")} as columns
      from pg_index ix
      join pg_class i on i.oid = ix.indexrelid
      join pg_class c on c.oid = ix.indrelid join pg_namespace n on n.oid = c.relnamespace
      where ix.indisunique and ${userSchema("n")}
        and not exists (select 1 from pg_constraint con where con.conindid = ix.indexrelid and con.contype in ('p', 'u', 'x'))
      order by 1, 2`),
  );
  return {
    tables: tables.map((t) => ({ name: t.name, owned: t.owned })),
    keys: [
      ...constraints.map((c) => ({
        table: c.table,
        name: c.name,
        kind: KIND_BY_CONTYPE[c.contype] as KeyKind,
        columns: JSON.parse(c.columns) as string[],
        ...(c.refTable ? { references: { table: c.refTable, columns: JSON.parse(c.refColumns) as string[] } } : {}),
      })),
      ...indexes.map((i) => ({
        table: i.table,
        name: i.name,
        kind: "unique_index" as const,
        columns: JSON.parse(i.columns) as string[],
      })),
    ],
  };
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
