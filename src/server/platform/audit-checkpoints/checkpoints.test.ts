import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../../test/helpers/test-app.js";
import { type Database, type Executor, openDatabase } from "../../db/client.js";
import { auditCheckpoints, auditLog } from "../../db/schema/index.js";
import { GENESIS_HASH, hashAuditRecord, recordAudit, verifyAuditChain } from "../audit.js";
import { type CheckpointStore, verifyAuditTrail, writeCheckpoints } from "./checkpoints.js";
import { signCheckpoint } from "./signature.js";
import { ensureSigningKey } from "./signing-key.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-checkpoints-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A migrated database of the test's own and a key folder outside it. */
async function setup() {
  const { database, dropDatabase } = await freshDatabase();
  cleanups.push(async () => {
    await database.close();
    await dropDatabase();
  });
  await database.migrate();
  const keys = tempDir();
  const store: CheckpointStore = { keyPath: path.join(keys, "key.pem"), logPath: path.join(keys, "checkpoints.log") };
  return { db: database.db, store };
}

async function write(db: Executor, municipalityId: string, count: number) {
  for (let n = 0; n < count; n++)
    await db.transaction((tx) =>
      recordAudit(tx, {
        municipalityId,
        actorUserId: null,
        actorLabel: "test",
        action: "update",
        entityType: "thing",
        entityId: String(n),
        after: { n },
      }),
    );
}

/** Tampering needs the append-only triggers off, as the tables' owner (or a superuser) could do. */
async function tamper(db: Executor, change: () => Promise<unknown>) {
  await db.execute(sql`alter table audit_log disable trigger user`);
  try {
    await change();
  } finally {
    await db.execute(sql`alter table audit_log enable trigger user`);
  }
}

describe("signed checkpoints of the audit chain", () => {
  it("are written to a file outside the database and to the table, and verify with the chain", async () => {
    const { db, store } = await setup();
    const [a, b] = [randomUUID(), randomUUID()];
    await write(db, a, 3);
    await write(db, b, 2);
    const written = await writeCheckpoints(db, store, { onlyMoved: true });
    expect(written.map((c) => [c.municipalityId, c.seq]).sort()).toEqual(
      [
        [a, 3],
        [b, 2],
      ].sort(),
    );
    expect(statSync(store.keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(store.logPath, "utf8").trim().split("\n")).toHaveLength(2);
    expect(await db.select().from(auditCheckpoints)).toHaveLength(2);

    // the timer's checkpoints: nothing when no head moved, then only the chain that did
    expect(await writeCheckpoints(db, store, { onlyMoved: true })).toEqual([]);
    await write(db, a, 1);
    expect((await writeCheckpoints(db, store, { onlyMoved: true })).map((c) => [c.municipalityId, c.seq])).toEqual([
      [a, 4],
    ]);
    expect(await verifyAuditTrail(db, store)).toMatchObject({ ok: true, firstBad: null, records: 6, checkpoints: 3 });
  });

  it("report a deleted tail, which the chain alone cannot see", async () => {
    const { db, store } = await setup();
    const m = randomUUID();
    await write(db, m, 5);
    await writeCheckpoints(db, store);
    await tamper(db, () => db.execute(sql`delete from audit_log where municipality_id = ${m} and seq > 3`));

    expect((await verifyAuditChain(db)).ok).toBe(true);
    const result = await verifyAuditTrail(db, store);
    expect(result).toMatchObject({ ok: false, records: 3, firstBad: { municipalityId: m, seq: 4 } });
    expect(result.firstBad?.reason).toMatch(/ends at seq 3 .* saw seq 5/);
  });

  it("report a record rewritten and the rest of the chain hashed again, at the first checkpoint that disagrees", async () => {
    const { db, store } = await setup();
    const m = randomUUID();
    await write(db, m, 2);
    await writeCheckpoints(db, store); // at seq 2, before the rewritten record
    await write(db, m, 4);
    await writeCheckpoints(db, store); // at seq 6
    await write(db, m, 2);

    const rows = await db.select().from(auditLog).where(eq(auditLog.municipalityId, m)).orderBy(asc(auditLog.seq));
    let prevHash = GENESIS_HASH;
    await tamper(db, async () => {
      for (const row of rows) {
        const changed = row.seq === 4 ? { ...row, actorLabel: "someone else" } : row;
        const hash = hashAuditRecord({ ...changed, prevHash });
        await db.execute(
          sql`update audit_log set actor_label = ${changed.actorLabel}, prev_hash = ${prevHash}, hash = ${hash} where municipality_id = ${m} and seq = ${row.seq}`,
        );
        prevHash = hash;
      }
    });

    expect((await verifyAuditChain(db)).ok).toBe(true);
    const result = await verifyAuditTrail(db, store);
    expect(result).toMatchObject({ ok: false, firstBad: { municipalityId: m, seq: 6 } });
    expect(result.firstBad?.reason).toMatch(/hash differs from the checkpoint .*rewritten/);
  });

  it("tell an older copy of the database put back from the real one", async () => {
    const dir = tempDir();
    const live = path.join(dir, "pglite");
    const copy = path.join(dir, "copy");
    const store: CheckpointStore = { keyPath: path.join(dir, "keys", "k.pem"), logPath: path.join(dir, "keys", "log") };
    const m = randomUUID();
    const open = async (work: (d: Database) => Promise<void>) => {
      const d = await openDatabase({ dataDir: live, engine: "pglite" });
      try {
        await work(d);
      } finally {
        await d.close();
      }
    };
    await open(async (d) => {
      await d.migrate();
      await write(d.db, m, 3);
      await writeCheckpoints(d.db, store);
    });
    cpSync(live, copy, { recursive: true });
    await open(async (d) => {
      await write(d.db, m, 3);
      await writeCheckpoints(d.db, store);
    });
    rmSync(live, { recursive: true });
    cpSync(copy, live, { recursive: true });

    await open(async (d) => {
      // the copy's own table and chain agree: only the file outside it knows better
      expect((await verifyAuditChain(d.db)).ok).toBe(true);
      expect(await verifyAuditTrail(d.db, store)).toMatchObject({ ok: false, firstBad: { municipalityId: m, seq: 4 } });
      // and once the restored copy has written past the checkpoint, its hash there differs
      await write(d.db, m, 4);
      const result = await verifyAuditTrail(d.db, store);
      expect(result).toMatchObject({ ok: false, firstBad: { municipalityId: m, seq: 6 } });
      expect(result.firstBad?.reason).toMatch(/hash differs/);
    });
  });

  it("report a forged checkpoint: a changed one, and one signed with another key", async () => {
    const { db, store } = await setup();
    const m = randomUUID();
    await write(db, m, 4);
    const [real] = await writeCheckpoints(db, store);
    if (!real) throw new Error("no checkpoint");

    // the file's checkpoint moved back to seq 2 (with that record's hash) keeps the signature made for seq 4
    const [second] = await db.select().from(auditLog).where(sql`municipality_id = ${m} and seq = 2`);
    writeFileSync(store.logPath, `${JSON.stringify({ ...real, seq: 2, hash: second?.hash })}\n`);
    let result = await verifyAuditTrail(db, store);
    expect(result).toMatchObject({ ok: false, firstBad: { municipalityId: m, seq: 2 } });
    expect(result.firstBad?.reason).toMatch(/file line 1.*signature does not match/);

    writeFileSync(store.logPath, `${JSON.stringify(real)}\n`);
    expect((await verifyAuditTrail(db, store)).ok).toBe(true);

    const otherKey = ensureSigningKey(path.join(tempDir(), "other.pem"), false);
    const foreign = signCheckpoint(otherKey, { municipalityId: m, seq: 3, hash: "f".repeat(64) }, new Date());
    await db.insert(auditCheckpoints).values({ ...foreign, at: new Date(foreign.at) });
    result = await verifyAuditTrail(db, store);
    expect(result).toMatchObject({ ok: false, firstBad: { municipalityId: m, seq: 3 } });
    expect(result.firstBad?.reason).toMatch(/database.*signed by key/);
  });

  it("refuse to verify or to make a new key when the key file is gone, with a message naming it", async () => {
    const { db, store } = await setup();
    const m = randomUUID();
    await write(db, m, 2);
    // no checkpoint yet and no key: the chain alone is checked
    expect(await verifyAuditTrail(db, store)).toMatchObject({ ok: true, checkpoints: 0, latestCheckpoint: null });
    await writeCheckpoints(db, store);
    rmSync(store.keyPath);
    await expect(verifyAuditTrail(db, store)).rejects.toThrow(`監査ログの署名鍵 ${store.keyPath} が見つかりません`);
    await expect(writeCheckpoints(db, store)).rejects.toThrow(/新しい鍵は作りません/);
  });
});
