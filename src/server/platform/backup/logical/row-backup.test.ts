import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { FULL_DEMO, MIGRATED_ONLY } from "../../../../../test/helpers/database-templates.js";
import { emptyDatabase, freshDatabase } from "../../../../../test/helpers/test-app.js";
import type { Database, Executor } from "../../../db/client.js";
import { recordAudit } from "../../audit.js";
import { type CheckpointStore, writeCheckpoints } from "../../audit-checkpoints/checkpoints.js";
import { BackupFileError } from "../backup-file.js";
import { checkRestoredDatabase } from "../restore-check.js";
import { appTables, holdsNothing } from "./catalog.js";
import { loadTables, RestoreTargetError } from "./load-rows.js";
import { checkRowFile, restoreRowFile, takeRowBackup } from "./row-backup.js";
import { type RowBackupManifest, readManifestLine, readRowFile } from "./row-file.js";

const work = mkdtempSync(path.join(os.tmpdir(), "tsunagu-row-backup-"));
// each test's own signing key and checkpoint log: copies of one template share their municipalities' ids
let store: CheckpointStore;
beforeEach(() => {
  const keys = mkdtempSync(path.join(work, "keys-"));
  store = { keyPath: path.join(keys, "key.pem"), logPath: path.join(keys, "checkpoints.log") };
});
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  rmSync(work, { recursive: true, force: true });
});

async function source(content = FULL_DEMO): Promise<Database> {
  const { database, dropDatabase } = await freshDatabase(content);
  cleanups.push(async () => {
    await database.close();
    await dropDatabase();
  });
  return database;
}

async function target(): Promise<Database> {
  const { database, dropDatabase } = await emptyDatabase();
  cleanups.push(async () => {
    await database.close();
    await dropDatabase();
  });
  return database;
}

type Rows<T> = { rows: T[] };

/** Every row of every table as PostgreSQL's text of it, sorted: two databases hold the same data when these match. */
async function everyRow(db: Executor): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await appTables(db)) {
    const result = (await db.execute(
      sql`select row_to_json(t)::text as r from ${sql.identifier(table)} t`,
    )) as unknown as Rows<{ r: string }>;
    out[table] = result.rows.map((row) => row.r).sort();
  }
  return out;
}

const AWKWARD_TEXT = 'line 1\nline 2\ttab "quoted" \\ back\u001eslash 😀 が e\u0301 \r\n';

async function writeAwkwardValues(db: Database["db"]) {
  const [m] = (
    (await db.execute(sql`select id from municipalities order by code limit 1`)) as unknown as Rows<{ id: string }>
  ).rows;
  if (!m) throw new Error("no municipality");
  await db.transaction((tx) =>
    recordAudit(tx, {
      municipalityId: m.id,
      actorUserId: null,
      actorLabel: AWKWARD_TEXT,
      action: "update",
      entityType: "thing",
      before: { big: 9007199254740991, tiny: 1e-7, list: [1.5, null, true, "\u001e"], empty: {} },
      after: { text: AWKWARD_TEXT, nested: { deeper: [[]] } },
    }),
  );
  // microseconds, a numeric with its scale, a self-reference (a merged department) and text in a generated column
  await db.execute(
    sql`insert into login_attempts (key, failures, locked_until, updated_at)
        values ('999001:someone', 3, '2026-12-07 01:02:03.456789+09', '2026-12-07 01:02:03.000001+00')`,
  );
  await db.execute(sql`update indicator_targets set value = 12345.678900 where municipality_id = ${m.id}`);
  await db.execute(sql`update persons set name_kanji = ${`　${AWKWARD_TEXT}`} where municipality_id = ${m.id}`);
  const [merged, into] = (
    (await db.execute(
      sql`select id from departments where municipality_id = ${m.id} order by id limit 2`,
    )) as unknown as Rows<{ id: string }>
  ).rows;
  await db.execute(sql`update departments set merged_into_id = ${into?.id} where id = ${merged?.id}`);
}

async function restoreFile(file: string, into: Database, replace = false) {
  const { manifest, offset } = readManifestLine(file);
  const rows = manifest as unknown as RowBackupManifest;
  await checkRowFile(file, rows, offset);
  await restoreRowFile(file, rows, offset, into, { replace });
  return rows;
}

describe("logical backup of every table, restored into an empty database", () => {
  it("gives identical rows, keeps the audit log's guard and shows the restore point; later writes are gone", async () => {
    const from = await source();
    await writeAwkwardValues(from.db);
    await writeCheckpoints(from.db, store, { now: new Date(Date.now() - 60_000) });
    const file = path.join(work, "round-trip.backup");
    const manifest = await takeRowBackup(from, store, file);
    const atBackup = await everyRow(from.db);
    expect(manifest.checkpoints.length).toBeGreaterThan(0);
    expect(manifest.tables.audit_log).toBe(atBackup.audit_log?.length);
    expect(Object.keys(manifest.tables).indexOf("municipalities")).toBeLessThan(
      Object.keys(manifest.tables).indexOf("departments"),
    );

    // writes after the backup, signed as the server would sign them
    const [m] = manifest.checkpoints;
    for (let i = 0; i < 3; i++)
      await from.db.transaction((tx) =>
        recordAudit(tx, {
          municipalityId: m?.municipalityId as string,
          actorUserId: null,
          actorLabel: "later",
          action: "update",
          entityType: "thing",
        }),
      );
    await writeCheckpoints(from.db, store, { now: new Date(Date.now() + 60_000) });

    const into = await target();
    await restoreFile(file, into);
    expect(await everyRow(into.db)).toEqual(atBackup);

    const check = await checkRestoredDatabase(into.db, store);
    expect(check.ok).toBe(true);
    expect(check.tables).toEqual(manifest.tables);
    expect(check.audit.laterCheckpoints).toBeGreaterThanOrEqual(1);
    expect(check.audit.restorePoint.checkpoints).toContainEqual({
      municipalityId: m?.municipalityId,
      seq: m?.seq,
      hash: m?.hash,
    });
    await expect(into.db.execute(sql`update audit_log set actor_label = 'changed'`)).rejects.toThrow();
    await expect(into.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    // the app goes on writing on the restored database: the chain continues from the restored head
    await into.db.transaction((tx) =>
      recordAudit(tx, {
        municipalityId: m?.municipalityId as string,
        actorUserId: null,
        actorLabel: "after restore",
        action: "update",
        entityType: "thing",
      }),
    );
    const [head] = (
      (await into.db.execute(
        sql`select max(seq)::int as seq from audit_log where municipality_id = ${m?.municipalityId}`,
      )) as unknown as Rows<{ seq: number }>
    ).rows;
    expect(head?.seq).toBe((m?.seq ?? 0) + 1);
  }, 120_000);

  // PostgreSQL only: PGlite runs one transaction at a time, so nothing is written while its snapshot is read
  it.runIf(process.env.DATABASE_URL)(
    "is one consistent state of every table while the app goes on writing",
    async () => {
      const from = await source(MIGRATED_ONLY);
      const chains = [randomUUID(), randomUUID()];
      let writing = true;
      const writers = chains.map(async (municipalityId) => {
        let written = 0;
        while (writing) {
          await from.db.transaction((tx) =>
            recordAudit(tx, {
              municipalityId,
              actorUserId: null,
              actorLabel: "busy",
              action: "update",
              entityType: "x",
            }),
          );
          written += 1;
        }
        return written;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const file = path.join(work, "busy.backup");
      const manifest = await takeRowBackup(from, store, file);
      writing = false;
      const written = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
      expect(written).toBeGreaterThanOrEqual(manifest.tables.audit_log ?? 0);
      expect(manifest.checkpoints.map((c) => c.municipalityId).sort()).toEqual([...chains].sort());

      const into = await target();
      await restoreFile(file, into);
      const check = await checkRestoredDatabase(into.db, store);
      expect(check.audit.firstBad).toBeNull();
      expect(check.ok).toBe(true);
      expect(check.tables).toEqual(manifest.tables);
    },
    120_000,
  );

  it("refuses a truncated or altered file and a target that is not empty, writing nothing", async () => {
    const from = await source();
    const file = path.join(work, "refusals.backup");
    await takeRowBackup(from, store, file);
    const bytes = readFileSync(file);

    const truncated = path.join(work, "truncated.backup");
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    const altered = path.join(work, "altered.backup");
    const changed = Buffer.from(bytes);
    changed[changed.length - 50] = (changed[changed.length - 50] ?? 0) ^ 0x01;
    writeFileSync(altered, changed);

    const into = await target();
    await expect(restoreFile(truncated, into)).rejects.toThrow(/途中で切れています/);
    await expect(restoreFile(altered, into)).rejects.toThrow(/SHA-256 が説明行と合いません/);
    expect(await holdsNothing(into.db)).toBe(true);

    await restoreFile(file, into);
    const restored = await everyRow(into.db);
    await expect(restoreFile(file, into)).rejects.toThrow(RestoreTargetError);
    // replacing drops what is there and loads again, in one transaction
    await restoreFile(file, into, true);
    expect(await everyRow(into.db)).toEqual(restored);
    await expect(restoreFile(file, from)).rejects.toThrow(/空ではありません/);
  }, 120_000);

  it("refuses a file whose rows disagree with its manifest (a file changed between the check and the load)", async () => {
    const from = await source(MIGRATED_ONLY);
    const file = path.join(work, "counts.backup");
    const manifest = await takeRowBackup(from, store, file);
    const { offset } = readManifestLine(file);
    const wrong = { ...manifest, tables: { ...manifest.tables, municipalities: 1 } };
    await expect(readRowFile(file, wrong, offset, { table: async () => {}, rows: async () => {} })).rejects.toThrow(
      BackupFileError,
    );
  });
});

describe("every type keeps its exact value", () => {
  const probe = sql`
    create table backup_probe (
      id integer generated always as identity primary key,
      parent integer references backup_probe (id),
      b bytea, n numeric(20, 6), f double precision, r real, ts timestamptz, t timestamp, d date, iv interval,
      tags text[], j jsonb, js json, words text, flag boolean, u uuid,
      doubled integer generated always as (id * 2) stored
    )`;

  it("bytea, numerics, floats, times, intervals, arrays, json kept as written; identity past the rows", async () => {
    const from = await source(MIGRATED_ONLY);
    await from.db.execute(probe);
    await from.db.execute(sql`
      insert into backup_probe (b, n, f, r, ts, t, d, iv, tags, j, js, words, flag, u) values
      ('\\x00ff1e0a5c'::bytea, 1.500000, 0.1, 3.4e38, '2026-12-07 01:02:03.123456+09', '1999-12-31 23:59:59.999999',
       '4713-01-01 BC', '1 year 2 mons 3 days 04:05:06.789', ${'{"a,b","\\"q\\"",NULL,"改行\n"}'}::text[],
       ${'{"a": 1.10, "b": [1, "x"], "c": "\\u001e"}'}::jsonb, ${'{ "spaced" : [1, 2],\n  "n": 1.10 }'}::json,
       ${AWKWARD_TEXT}, true, ${randomUUID()}),
      ('', -0.000001, 'NaN', '-Infinity', 'infinity', '-infinity', '2026-02-28', '-1 days +00:00:00.000001', '{}',
       'null', '[]', '', false, null),
      (null, 12345678901234.123456, 1e308, 1.17549435e-38, null, null, null, null, null, null, null, null, null, null)`);
    await from.db.execute(sql`update backup_probe set parent = 3 where id = 1`);
    const file = path.join(work, "types.backup");
    await takeRowBackup(from, store, file);

    const into = await source(MIGRATED_ONLY);
    await into.db.execute(probe);
    const { manifest, offset } = readManifestLine(file);
    const rows = manifest as unknown as RowBackupManifest;
    await checkRowFile(file, rows, offset);
    await into.db.transaction((tx) =>
      loadTables(tx, { ...rows, feed: (sink) => readRowFile(file, rows, offset, sink) }),
    );
    const text = (db: Executor) =>
      db.execute(sql`select row_to_json(p)::text as r from backup_probe p order by id`) as unknown as Promise<
        Rows<{ r: string }>
      >;
    const before = (await text(from.db)).rows;
    expect(before).toHaveLength(3);
    expect((await text(into.db)).rows).toEqual(before);
    const [next] = (
      (await into.db.execute(sql`insert into backup_probe (words) values ('new') returning id`)) as unknown as Rows<{
        id: number;
      }>
    ).rows;
    expect(next?.id).toBe(4);
  }, 120_000);
});
