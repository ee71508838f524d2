import type { Database } from "../../../db/client.js";
import { type CheckpointStore, writeCheckpoints } from "../../audit-checkpoints/checkpoints.js";
import { countRows } from "../snapshot.js";
import { foreignKeys, loadOrder } from "./catalog.js";
import { loadRows } from "./load-rows.js";
import { type RowBackupManifest, RowFileWriter, readRowFile, verifyRowFile } from "./row-file.js";
import { knownSchema, schemaVersionOf } from "./schema-version.js";
import { readSnapshot } from "./snapshot-rows.js";

/**
 * A logical backup of a database that other processes go on writing to (the embedded PostgreSQL server, an external
 * one; PGlite reads the same way): every chain head is signed first, the restore point (in the checkpoint log and in
 * the database, so inside the copy), then one snapshot of every table is streamed to `file`.
 */
export async function takeRowBackup(
  database: Database,
  store: CheckpointStore,
  file: string,
): Promise<RowBackupManifest> {
  // Audit records appended but not yet sealed into their chain would be copied outside the restore point: when the
  // audit sealer exists, it seals them here, before the checkpoints are signed.
  const checkpoints = await writeCheckpoints(database.db, store);
  let writer: RowFileWriter | undefined;
  try {
    await readSnapshot(database.db, async ({ schema, tables }) => {
      writer = RowFileWriter.create(file, {
        format: "tsunagu-backup",
        version: 2,
        createdAt: new Date().toISOString(),
        database: database.kind,
        schema,
        checkpoints,
        tables,
      });
      return writer;
    });
    if (!writer) throw new Error("the snapshot ended before it was written");
    return await writer.finish();
  } catch (error) {
    writer?.abort();
    throw error;
  }
}

/** Refuses a truncated or altered file, or one of a schema this code cannot build, before anything is written. */
export async function checkRowFile(file: string, manifest: RowBackupManifest, offset: number): Promise<void> {
  await verifyRowFile(file, manifest, offset);
  knownSchema(manifest.schema);
}

/**
 * Loads a logical backup file, checked first (checkRowFile), into `target` in one transaction (load-rows.ts); its
 * bytes are hashed again as they are read, so a file changed since the check fails before the commit.
 */
export async function restoreRowFile(
  file: string,
  manifest: RowBackupManifest,
  offset: number,
  target: Database,
  opts: { replace: boolean },
): Promise<void> {
  knownSchema(manifest.schema);
  await loadRows(
    target,
    { schema: manifest.schema, tables: manifest.tables, feed: (sink) => readRowFile(file, manifest, offset, sink) },
    opts,
  );
}

/**
 * Copies a database that nothing else writes to (a folder copy opened in memory) into `target` the same way, without
 * a file in between: how a PGlite backup is moved onto a PostgreSQL server.
 */
export async function copyRows(source: Database, target: Database, opts: { replace: boolean }): Promise<void> {
  const schema = await schemaVersionOf(source.db);
  if (!schema) throw new Error("the copied database has no migrations");
  knownSchema(schema);
  const counts = await countRows(source.db);
  const order = loadOrder(Object.keys(counts), await foreignKeys(source.db));
  const tables = Object.fromEntries(order.map((t) => [t, counts[t] ?? 0]));
  await loadRows(
    target,
    { schema, tables, feed: (sink) => readSnapshot(source.db, async () => sink).then(() => {}) },
    opts,
  );
}
