import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";

/** The tables the app may only add to and read: the audit trail and its checkpoints. */
export const appendOnlyTables = ["audit_log", "audit_checkpoints"] as const;
/** The columns the sealer sets once on an audit record (the log's trigger refuses any other update). */
export const sealColumns = ["seq", "prev_hash", "hash"] as const;

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * Run as the tables' owner after the migrations, when the app connects as another role: that role may read and
 * change the app's tables, but only insert into and read the audit tables, and set an audit record's seal (the
 * sealer runs in the app; the trigger lets that update through once, on an unsealed record, and nothing else). As it owns nothing it can neither
 * truncate them nor disable their triggers (both need ownership). Granted again after every migration, so that
 * tables a migration adds are covered.
 */
export async function grantAppRole(owner: pg.Pool, appRole: string): Promise<void> {
  const db = drizzle(owner);
  const role = ident(appRole);
  await db.execute(sql`grant usage on schema public to ${role}`);
  await db.execute(sql`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await db.execute(sql`grant usage, select on all sequences in schema public to ${role}`);
  for (const table of appendOnlyTables)
    await db.execute(sql`revoke update, delete, truncate, trigger, references on ${ident(table)} from ${role}`);
  await db.execute(sql`grant update (${sql.join(sealColumns.map(ident), sql`, `)}) on audit_log to ${role}`);
  // The job table (pg-boss) creates its own schema at the app's start and adds a table per queue to its partitioned
  // job table, which only that table's owner may do: the app role creates, and so owns, that schema and nothing in
  // public. Creating a schema needs this right on the database even when the schema already exists.
  const { rows } = await db.execute(sql`select current_database() as name`);
  await db.execute(sql`grant create on database ${ident(String(rows[0]?.name))} to ${role}`);
}

/** The role a connection string logs in as (PostgreSQL's default: the operating-system user). */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || (process.env.PGUSER ?? process.env.USER ?? "");
}
