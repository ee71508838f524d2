import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client.js";
import { BackupFileError } from "../backup-file.js";
import {
  appTables,
  columnSequences,
  deferredKeys,
  dropAppObjects,
  enabledTriggers,
  foreignKeys,
  holdsNothing,
  insertableColumns,
  qualified,
} from "./catalog.js";
import type { RowSink } from "./row-file.js";
import { migrateWithin, type SchemaVersion } from "./schema-version.js";

export class RestoreTargetError extends Error {}

export interface RowsToLoad {
  /** the schema the rows were copied at */
  schema: SchemaVersion;
  /** rows per table, in the order they come */
  tables: Record<string, number>;
  /** passes the rows to the sink, table by table */
  feed(sink: RowSink): Promise<void>;
}

/**
 * Restores a copy's rows into `target` in one transaction, so that a failure anywhere leaves the target as it was:
 * the schema is built up to the copy's migration, the rows are inserted table by table (referenced tables first,
 * every value from its text by `json_populate_recordset`, generated columns computed again), then the migrations
 * after the copy's run over them, as a server start would have. The app's triggers are disabled while the rows go in
 * (they are rules for new writes, and the rows were written under them) and enabled again before the commit, with
 * the audit log's append-only guard among them; foreign keys that cannot be satisfied by the order (a table
 * referencing itself) are added again after the rows, which checks every row. Sequences are set past the rows.
 * A target that already holds the app's tables is refused unless `replace`, which drops them in the same transaction.
 */
export async function loadRows(target: Database, copy: RowsToLoad, opts: { replace: boolean }): Promise<void> {
  await target.db.transaction(async (tx) => {
    if (!(await holdsNothing(tx))) {
      if (!opts.replace)
        throw new RestoreTargetError(
          "復元先のデータベースは空ではありません。上書きするときは --force を付けてください",
        );
      await dropAppObjects(tx);
    }
    await migrateWithin(tx, copy.schema);
    await loadTables(tx, copy);
    await migrateWithin(tx);
  });
  // the planner's statistics of the new rows (PGlite has no autovacuum to gather them)
  await target.db.execute(sql`analyze`);
}

/**
 * The rows into the tables of a schema that is ready for them, inside the caller's transaction: triggers off, the
 * keys the order cannot satisfy dropped, the rows, the keys added again (checked), triggers on, sequences set.
 */
export async function loadTables(tx: Executor, copy: RowsToLoad): Promise<void> {
  const tables = new Set(await appTables(tx));
  const missing = Object.keys(copy.tables).filter((t) => !tables.has(t));
  if (missing.length > 0)
    throw new BackupFileError(`バックアップに、このスキーマにない表があります: ${missing.join("、")}`);
  const deferred = deferredKeys(Object.keys(copy.tables), await foreignKeys(tx));
  const triggers = await enabledTriggers(tx);
  for (const t of triggers)
    await tx.execute(sql`alter table ${qualified(t.table)} disable trigger ${sql.identifier(t.name)}`);
  for (const k of deferred)
    await tx.execute(sql`alter table ${qualified(k.table)} drop constraint ${sql.identifier(k.name)}`);

  await copy.feed(insertingSink(tx, copy.tables));

  for (const k of deferred)
    await tx.execute(
      sql`alter table ${qualified(k.table)} add constraint ${sql.identifier(k.name)} ${sql.raw(k.definition)}`,
    );
  for (const t of triggers)
    await tx.execute(sql`alter table ${qualified(t.table)} enable trigger ${sql.identifier(t.name)}`);
  for (const s of await columnSequences(tx))
    await tx.execute(
      sql`select setval(${`public."${s.sequence.replace(/"/g, '""')}"`}::regclass, max(${sql.identifier(s.column)}))
          from ${qualified(s.table)} having max(${sql.identifier(s.column)}) is not null`,
    );
}

/** Inserts each batch of row texts into the current table, and checks every table got the rows it announced. */
function insertingSink(tx: Executor, expected: Record<string, number>): RowSink {
  let current: { table: string; columns: ReturnType<typeof sql.join>; rows: number; loaded: number } | null = null;
  const finishTable = () => {
    if (current && current.loaded !== current.rows)
      throw new BackupFileError(`表 ${current.table} の行が ${current.loaded} 行で、${current.rows} 行のはずです`);
  };
  return {
    async table(name, rows) {
      finishTable();
      if (!(name in expected)) throw new BackupFileError(`説明行にない表 ${name} があります`);
      const columns = (await insertableColumns(tx, name)).map((c) => sql.identifier(c));
      current = { table: name, columns: sql.join(columns, sql`, `), rows, loaded: 0 };
    },
    async rows(batch) {
      if (!current) throw new BackupFileError("表の見出しより前に行があります");
      await tx.execute(
        sql`insert into ${qualified(current.table)} (${current.columns}) overriding system value
            select ${current.columns} from json_populate_recordset(null::${qualified(current.table)}, ${`[${batch.join(",")}]`}::json)`,
      );
      current.loaded += batch.length;
      if (current.loaded === current.rows) finishTable();
    },
  };
}
