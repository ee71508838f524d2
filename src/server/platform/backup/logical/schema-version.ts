import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type Executor, migrationsFolder } from "../../../db/client.js";

/**
 * The schema a database is at: its last migration, named by the tag of this code's migration list. A backup records
 * it, and a restore builds the target's schema up to exactly it before loading the rows (the rows have that shape),
 * then runs the later migrations over the loaded rows, as a server start would have.
 */
export interface SchemaVersion {
  /** the migration's file name without .sql, e.g. 0014_municipality_settings_version */
  migration: string;
  /** the migration's time in the journal: what drizzle's bookkeeping compares */
  when: number;
}

interface JournalEntry {
  tag: string;
  when: number;
}

const journal = (): JournalEntry[] =>
  (JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as { entries: JournalEntry[] }).entries;

export class UnknownSchemaError extends Error {}

/** The schema the database is at; null when it has never been migrated. */
export async function schemaVersionOf(db: Executor): Promise<SchemaVersion | null> {
  const result = (await db.execute(
    sql`select max(created_at)::text as "when" from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { when: string | null }[] };
  const when = result.rows[0]?.when;
  if (!when) return null;
  const entry = journal().find((e) => e.when === Number(when));
  if (!entry)
    throw new UnknownSchemaError(
      "このデータベースには、この版の tsunagu が知らないマイグレーションがあります（より新しい版で作られています）",
    );
  return { migration: entry.tag, when: entry.when };
}

/** Checks that this code can build the schema a backup was taken at. */
export function knownSchema(version: SchemaVersion): void {
  if (!journal().some((e) => e.tag === version.migration && e.when === version.when))
    throw new UnknownSchemaError(
      `バックアップのスキーマ（${version.migration}）を、この版の tsunagu は作れません。バックアップを取った版以降の tsunagu で復元してください`,
    );
}

/**
 * Runs the migrations after the database's last one, up to `upTo` (all when absent), inside the caller's transaction
 * (PostgreSQL's schema changes are transactional), keeping the same bookkeeping as drizzle's migrator: the schema
 * `drizzle`, one row per migration with its file's SHA-256 and journal time. A later `migrate()` continues from there.
 */
export async function migrateWithin(tx: Executor, upTo?: SchemaVersion): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  const last = (await tx.execute(
    sql`select max(created_at)::text as "when" from drizzle.__drizzle_migrations`,
  )) as unknown as {
    rows: { when: string | null }[];
  };
  const after = Number(last.rows[0]?.when ?? 0);
  for (const migration of readMigrationFiles({ migrationsFolder })) {
    if (migration.folderMillis <= after) continue;
    if (upTo && migration.folderMillis > upTo.when) break;
    for (const statement of migration.sql) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
    );
  }
}
