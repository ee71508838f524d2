import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.js";

/**
 * What a logical backup and its restore need to know about the app's tables, read from PostgreSQL's catalogs
 * (the same queries on PGlite, the embedded server and an external server): the tables, the columns a row is
 * inserted with, the foreign keys that decide the loading order, the app's triggers and the sequences behind
 * columns. Everything the app owns is in the public schema; the migrations' bookkeeping is in `drizzle`.
 */

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Executor, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/** `public.<name>`, quoted */
export const qualified = (table: string) => sql`${sql.identifier("public")}.${sql.identifier(table)}`;

export async function appTables(db: Executor): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  return found.map((t) => t.name);
}

/** Columns in their order, without generated ones (the database computes those again from the rest). */
export async function insertableColumns(db: Executor, table: string): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select a.attname as name from pg_attribute a
        where a.attrelid = ${`public."${table.replace(/"/g, '""')}"`}::regclass and a.attnum > 0
          and not a.attisdropped and a.attgenerated = '' order by a.attnum`,
  );
  return found.map((c) => c.name);
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  /** pg_get_constraintdef: enough to add the constraint again exactly */
  definition: string;
}

export async function foreignKeys(db: Executor): Promise<ForeignKey[]> {
  return rows<ForeignKey>(
    db,
    sql`select con.conname as name, t.relname as "table", r.relname as "references",
               pg_get_constraintdef(con.oid) as definition
        from pg_constraint con
        join pg_class t on t.oid = con.conrelid
        join pg_class r on r.oid = con.confrelid
        join pg_namespace n on n.oid = t.relnamespace
        where con.contype = 'f' and n.nspname = 'public' order by t.relname, con.conname`,
  );
}

/**
 * Tables ordered so that a table comes after the tables it references (a backup writes them in this order, a restore
 * loads them in it). Tables referencing each other in a cycle cannot be ordered: the first of them by name is taken.
 */
export function loadOrder(tables: string[], keys: ForeignKey[]): string[] {
  const waitingFor = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const k of keys)
    if (k.table !== k.references && waitingFor.has(k.references)) waitingFor.get(k.table)?.add(k.references);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...(waitingFor.get(t) ?? [])].every((r) => placed.has(r)));
    const next = ready.length > 0 ? ready : [tables.find((t) => !placed.has(t)) as string];
    for (const t of next) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

/**
 * The foreign keys a load in `order` cannot satisfy row by row: those whose referenced table does not come strictly
 * before theirs (a table referencing itself, as a merged department names the department it went to, or a cycle).
 * A restore drops them while it loads and adds them again, checking every row, before it commits.
 */
export function deferredKeys(order: string[], keys: ForeignKey[]): ForeignKey[] {
  const position = new Map(order.map((t, i) => [t, i]));
  return keys.filter(
    (k) => position.has(k.table) && (position.get(k.references) ?? -1) >= (position.get(k.table) ?? 0),
  );
}

/** The app's own triggers that are enabled (the audit log's append-only guard, for one). */
export async function enabledTriggers(db: Executor): Promise<{ table: string; name: string }[]> {
  return rows<{ table: string; name: string }>(
    db,
    sql`select c.relname as "table", tg.tgname as name from pg_trigger tg
        join pg_class c on c.oid = tg.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not tg.tgisinternal and tg.tgenabled <> 'D' order by 1, 2`,
  );
}

/** Sequences that give a column its values (serial and identity columns). */
export async function columnSequences(db: Executor): Promise<{ sequence: string; table: string; column: string }[]> {
  return rows<{ sequence: string; table: string; column: string }>(
    db,
    sql`select s.relname as sequence, t.relname as "table", a.attname as "column"
        from pg_depend d
        join pg_class s on s.oid = d.objid and s.relkind = 'S'
        join pg_class t on t.oid = d.refobjid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        join pg_namespace n on n.oid = t.relnamespace
        where d.deptype in ('a', 'i') and n.nspname = 'public'`,
  );
}

/** True when the database holds nothing of the app: no table in public and no migrations' bookkeeping. */
export async function holdsNothing(db: Executor): Promise<boolean> {
  const [found] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where (n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')) or n.nspname = 'drizzle'`,
  );
  return Number(found?.n ?? 0) === 0;
}

/**
 * Removes everything the app put in the database (its tables, views, sequences, functions and types in public, and
 * the migrations' bookkeeping), for `restore --force`. Run inside the restore's transaction, so a restore that fails
 * leaves the old content as it was. Objects of installed extensions are left alone.
 */
export async function dropAppObjects(db: Executor): Promise<void> {
  await db.execute(sql`drop schema if exists drizzle cascade`);
  const notOfExtension = (oid: SQL) =>
    sql`not exists (select 1 from pg_depend e where e.objid = ${oid} and e.deptype = 'e')`;
  const relations = await rows<{ name: string; kind: string }>(
    db,
    sql`select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${notOfExtension(sql`c.oid`)}`,
  );
  const dropKind: Record<string, string> = {
    r: "table",
    p: "table",
    f: "foreign table",
    v: "view",
    m: "materialized view",
    S: "sequence",
  };
  for (const r of relations)
    await db.execute(sql`drop ${sql.raw(dropKind[r.kind] ?? "table")} if exists ${qualified(r.name)} cascade`);
  const functions = await rows<{ signature: string }>(
    db,
    sql`select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and ${notOfExtension(sql`p.oid`)}`,
  );
  for (const f of functions) await db.execute(sql`drop routine if exists ${sql.raw(f.signature)} cascade`);
  const types = await rows<{ name: string }>(
    db,
    sql`select t.typname as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typtype in ('e', 'd', 'r')
          and ${notOfExtension(sql`t.oid`)}`,
  );
  for (const t of types) await db.execute(sql`drop type if exists ${qualified(t.name)} cascade`);
}
