import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/test-app.js";
import { type Database, type Db, openDatabase } from "../db/client.js";
import { auditLog } from "../db/schema/index.js";
import { type AuditEntry, recordAudit, recordAuditBatch, verifyAuditChain } from "./audit.js";
import { AuditSealer, sealAuditLog, unsealedRecords } from "./audit-sealer.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const fresh = await freshDatabase();
  cleanups.push(async () => {
    await fresh.database.close();
    await fresh.dropDatabase();
  });
  return fresh;
}

const entry = (municipalityId: string, n: number): AuditEntry => ({
  municipalityId,
  actorUserId: null,
  actorLabel: "test",
  action: "read",
  entityType: "person",
  entityId: String(n),
  after: { n, text: "全角ＡＢＣ" },
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => "succeeded",
    (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
  );

const rowsOf = (db: Db, municipalityId: string) =>
  db.select().from(auditLog).where(eq(auditLog.municipalityId, municipalityId)).orderBy(asc(auditLog.id));

describe("the audit sealer", () => {
  it("seals committed records once, in the order they were written, and only committed ones", async () => {
    const { database } = await setup();
    const db = database.db;
    const m = randomUUID();
    await db.transaction((tx) => recordAuditBatch(tx, [entry(m, 1), entry(m, 2), entry(m, 3)]));
    // committed without its place in the chain: nobody waited for a lock
    expect((await rowsOf(db, m)).map((r) => r.seq)).toEqual([null, null, null]);
    expect(await unsealedRecords(db)).toMatchObject({ count: 3 });
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, entry(m, 4));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");

    expect(await sealAuditLog(db)).toBe(3);
    expect(await sealAuditLog(db)).toBe(0);
    const rows = await rowsOf(db, m);
    expect(rows.map((r) => [r.entityId, r.seq])).toEqual([
      ["1", 1],
      ["2", 2],
      ["3", 3],
    ]);
    expect(await verifyAuditChain(db)).toEqual({ records: 3, ok: true, firstBad: null });

    await db.transaction((tx) => recordAudit(tx, entry(m, 5)));
    expect(await sealAuditLog(db, { municipalityId: m })).toBe(1);
    expect((await rowsOf(db, m)).at(-1)).toMatchObject({ entityId: "5", seq: 4, prevHash: rows.at(-1)?.hash });
    expect(await verifyAuditChain(db)).toMatchObject({ records: 4, ok: true });
  });

  it("is the only change the log takes: a seal once, on an unsealed record, with nothing else changed", async () => {
    const { database } = await setup();
    const db = database.db;
    const m = randomUUID();
    await db.transaction((tx) => recordAuditBatch(tx, [entry(m, 1), entry(m, 2)]));
    const [first, second] = await rowsOf(db, m);
    if (!first || !second) throw new Error("no rows");
    const h = "a".repeat(64);
    const at = (id: number) => sql`municipality_id = ${m} and id = ${id}`;
    // even the tables' owner (these statements run as the owner) cannot change an unsealed record's content …
    for (const statement of [
      sql`update audit_log set action = 'x' where ${at(first.id)}`,
      sql`update audit_log set seq = 1, prev_hash = ${h}, hash = ${h}, action = 'x' where ${at(first.id)}`,
      sql`update audit_log set seq = 1 where ${at(first.id)}`,
      sql`delete from audit_log where ${at(first.id)}`,
    ])
      expect(await failure(db.execute(statement))).toMatch(/append-only/);
    // … nor unseal or re-seal a sealed one
    await sealAuditLog(db);
    for (const statement of [
      sql`update audit_log set seq = null, prev_hash = null, hash = null where ${at(second.id)}`,
      sql`update audit_log set hash = ${h} where ${at(second.id)}`,
      sql`update audit_log set seq = 9 where ${at(second.id)}`,
      sql`delete from audit_log where ${at(second.id)}`,
    ])
      expect(await failure(db.execute(statement))).toMatch(/append-only/);
    expect(await verifyAuditChain(db)).toMatchObject({ records: 2, ok: true });
  });

  it("keeps one chain when many audited reads commit at once on several connections, sealed by two sealers", async () => {
    const fresh = await setup();
    // on PostgreSQL three pools (as three app processes would have); PGlite is one connection in this process
    const pools: Database[] = [fresh.database];
    if (fresh.url) {
      for (let i = 0; i < 2; i++) {
        const other = await openDatabase({ url: fresh.url });
        cleanups.push(() => other.close());
        pools.push(other);
      }
    }
    const sealers = pools.slice(0, 2).map((p) => new AuditSealer(p.db, { delayMs: 1, intervalMs: 50 }));
    const m = randomUUID();
    // 240 requests, each reading 1 to 5 persons in its transaction, 12 at a time on each connection
    const requests = Array.from({ length: 240 }, (_, r) =>
      Array.from({ length: 1 + (r % 5) }, (_, i) => ({ ...entry(m, r * 10 + i), basis: `request:${r}` })),
    );
    let next = 0;
    const worker = async (db: Db) => {
      while (next < requests.length) {
        const reads = requests[next++] ?? [];
        await db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.001)`);
          await recordAuditBatch(tx, reads);
        });
      }
    };
    await Promise.all(pools.flatMap((p) => Array.from({ length: 12 }, () => worker(p.db))));
    await Promise.all(sealers.map((s) => s.close()));
    // what a request that began after all of them committed writes comes after them in the chain
    await fresh.database.db.transaction((tx) => recordAudit(tx, { ...entry(m, 99_999), basis: "after" }));
    await sealAuditLog(pools.at(-1)?.db ?? fresh.database.db);

    const total = requests.flat().length + 1;
    expect(await verifyAuditChain(fresh.database.db)).toEqual({ records: total, ok: true, firstBad: null });
    expect(await unsealedRecords(fresh.database.db)).toEqual({ count: 0, oldest: null });
    const rows = await rowsOf(fresh.database.db, m);
    // every record sealed exactly once: seq 1..total, each once
    expect(rows.map((r) => r.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    // a request's records keep their order in the chain
    const byRequest = new Map<string, number[]>();
    for (const r of rows) byRequest.set(r.basis ?? "", [...(byRequest.get(r.basis ?? "") ?? []), r.seq ?? 0]);
    for (const [basis, seqs] of byRequest) expect(seqs, basis).toEqual([...seqs].sort((a, b) => a - b));
    expect(rows.find((r) => r.basis === "after")?.seq).toBe(total);
  }, 120_000);
});
