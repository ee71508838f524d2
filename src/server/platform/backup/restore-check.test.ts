import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../../test/helpers/test-app.js";
import type { Executor } from "../../db/client.js";
import { recordAudit } from "../audit.js";
import { type CheckpointStore, writeCheckpoints } from "../audit-checkpoints/checkpoints.js";
import { checkRestoredDatabase } from "./restore-check.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const { database, dropDatabase } = await freshDatabase();
  const keys = mkdtempSync(path.join(os.tmpdir(), "tsunagu-restore-check-"));
  cleanups.push(async () => {
    await database.close();
    await dropDatabase();
    rmSync(keys, { recursive: true, force: true });
  });
  await database.migrate();
  const store: CheckpointStore = { keyPath: path.join(keys, "key.pem"), logPath: path.join(keys, "checkpoints.log") };
  return { db: database.db, store };
}

async function write(db: Executor, municipalityId: string, count: number) {
  for (let n = 0; n < count; n++)
    await db.transaction((tx) =>
      recordAudit(tx, { municipalityId, actorUserId: null, actorLabel: "test", action: "update", entityType: "thing" }),
    );
}

const later = (ms: number) => new Date(Date.now() + ms);

describe("the restore check's rule for checkpoints beyond the restored chain", () => {
  it("sets aside only checkpoints signed after the restore point; an earlier one the chain misses is tampering", async () => {
    const { db, store } = await setup();
    const m = randomUUID();
    await write(db, m, 3);
    await writeCheckpoints(db, store, { now: later(0) }); // seq 3, before the restore point
    // the tail is deleted before the "backup" signs its restore point at seq 2
    await db.execute(sql`alter table audit_log disable trigger user`);
    await db.execute(sql`delete from audit_log where municipality_id = ${m} and seq = 3`);
    await db.execute(sql`alter table audit_log enable trigger user`);
    await writeCheckpoints(db, store, { now: later(1000) });

    const tampered = await checkRestoredDatabase(db, store);
    expect(tampered.ok).toBe(false);
    expect(tampered.audit.firstBad).toMatchObject({ municipalityId: m, seq: 3 });
    expect(tampered.audit.restorePoint.checkpoints).toContainEqual(
      expect.objectContaining({ municipalityId: m, seq: 2 }),
    );
  });

  it("counts the later writes' checkpoints and passes a chain that matches its restore point", async () => {
    const { db, store } = await setup();
    const m = randomUUID();
    await write(db, m, 2);
    await writeCheckpoints(db, store, { now: later(0) }); // the restore point
    await write(db, m, 2);
    const [lost] = await writeCheckpoints(db, store, { now: later(1000) });
    // what a restore of the copy taken at the restore point looks like: the later records and their row are gone
    await db.execute(sql`alter table audit_log disable trigger user`);
    await db.execute(sql`delete from audit_log where municipality_id = ${m} and seq > 2`);
    await db.execute(sql`alter table audit_log enable trigger user`);
    await db.execute(sql`delete from audit_checkpoints where municipality_id = ${m} and seq > 2`);

    const restored = await checkRestoredDatabase(db, store);
    expect(restored.ok).toBe(true);
    expect(restored.audit.laterCheckpoints).toBe(1);
    expect(restored.audit.setAside).toEqual([lost]);
    expect(restored.tables.audit_log).toBe(2);
  });
});
