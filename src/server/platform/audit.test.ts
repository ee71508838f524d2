import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testAppForFile } from "../../../test/helpers/fixtures.js";
import { agencies, auditLog } from "../db/schema/index.js";
import {
  GENESIS_HASH,
  hashAuditRecord,
  listAuditForEntity,
  recordAudit,
  recordAuditBatch,
  type SealedRecord,
  verifyAuditChain,
} from "./audit.js";
import { sealAuditLog } from "./audit-sealer.js";

const app = testAppForFile();

const entry = (n: number) => ({
  municipalityId: app.t.municipalityId,
  actorUserId: null,
  actorLabel: "test",
  action: "update",
  entityType: "thing",
  entityId: String(n),
  before: { value: n, nested: { b: 2, a: 1 } },
  after: { value: n + 1, text: "全角ＡＢＣ\n改行" },
});

/** Tampering needs the append-only triggers off, as an attacker with superuser rights would do. */
async function tamper(statement: ReturnType<typeof sql>) {
  const db = app.t.database.db;
  await db.execute(sql`alter table audit_log disable trigger user`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger user`);
  }
}

describe("audit trail", () => {
  it("is written in the change's transaction: a rolled-back change leaves no record", async () => {
    const db = app.t.database.db;
    const before = (await verifyAuditChain(db)).records;
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, entry(1));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await verifyAuditChain(db)).records).toBe(before);
  });

  it("a failed audit write fails the change", async () => {
    const db = app.t.database.db;
    await db.execute(sql`create table if not exists audited_thing (id int primary key)`);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into audited_thing values (1)`);
        await recordAudit(tx, { ...entry(2), municipalityId: "not-a-uuid" });
      }),
    ).rejects.toThrow();
    const rows = await db.execute(sql`select count(*)::int as n from audited_thing`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  it("refuses updates and deletes in the database", async () => {
    const db = app.t.database.db;
    await db.transaction((tx) => recordAudit(tx, entry(3)));
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => "succeeded",
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
      );
    expect(await failure(db.execute(sql`update audit_log set action = 'x'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
  });

  it("keeps one gap-free chain when many transactions write at once", async () => {
    const db = app.t.database.db;
    await sealAuditLog(db);
    const before = (await verifyAuditChain(db)).records;
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction((tx) => recordAudit(tx, entry(100 + i)))));
    await sealAuditLog(db);
    expect(await verifyAuditChain(db)).toEqual({ records: before + 20, ok: true, firstBad: null });
  });

  it("keeps the agency the actor acted for, inside the hash; records without one hash as they always did", async () => {
    const db = app.t.database.db;
    const [agency] = await db.select().from(agencies).where(eq(agencies.municipalityId, app.t.municipalityId)).limit(1);
    if (!agency) throw new Error("the demo has no agency");
    await db.transaction((tx) => recordAudit(tx, { ...entry(5), actorAgencyId: agency.id }));
    await sealAuditLog(db);
    const [row] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.municipalityId, app.t.municipalityId))
      .orderBy(sql`seq desc`)
      .limit(1);
    expect(row?.actorAgencyId).toBe(agency.id);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await tamper(
      sql`update audit_log set actor_agency_id = null where municipality_id = ${app.t.municipalityId} and seq = ${row?.seq}`,
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBad: { seq: row?.seq } });
    await tamper(
      sql`update audit_log set actor_agency_id = ${agency.id} where municipality_id = ${app.t.municipalityId} and seq = ${row?.seq}`,
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const fields = {
      ...entry(6),
      entityId: "6",
      basis: null,
      ip: null,
      seq: 1,
      at: new Date("2026-04-01T00:00:00Z"),
      prevHash: GENESIS_HASH,
    };
    expect(hashAuditRecord({ ...fields, actorAgencyId: null })).toBe(hashAuditRecord(fields));
    expect(hashAuditRecord({ ...fields, actorAgencyId: agency.id })).not.toBe(hashAuditRecord(fields));
  });

  it("writes the plain reads of one kind in a batch as one record naming each entity with its basis, in the hash", async () => {
    const db = app.t.database.db;
    const read = (entityType: string, entityId: string, basis: string, after?: unknown) => ({
      municipalityId: app.t.municipalityId,
      actorUserId: null,
      actorLabel: "lister",
      action: "read",
      entityType,
      entityId,
      basis,
      after,
    });
    await db.transaction((tx) =>
      recordAuditBatch(tx, [
        read("person", "p-1", "case:c-1"),
        read("case", "c-1", "case:team"),
        read("person", "p-2", "case:c-2"),
        read("person", "p-3", "case:c-2", { fields: ["name"] }),
        read("person", "p-4", "case:c-4"),
      ]),
    );
    await sealAuditLog(db);
    const written = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, app.t.municipalityId), eq(auditLog.actorLabel, "lister")))
      .orderBy(asc(auditLog.seq));
    // the persons shown plainly in one record, in the place of the first; a read with details and another kind apart
    expect(written.map((r) => [r.entityType, r.entityId, r.basis, r.subjects])).toEqual([
      [
        "person",
        null,
        null,
        [
          { id: "p-1", basis: "case:c-1" },
          { id: "p-2", basis: "case:c-2" },
          { id: "p-4", basis: "case:c-4" },
        ],
      ],
      ["case", "c-1", "case:team", null],
      ["person", "p-3", "case:c-2", null],
    ]);
    // asked about one person, the record is that person's read with the basis it had for that person
    const p2 = await listAuditForEntity(db, app.t.municipalityId, "person", "p-2");
    expect(p2.map((r) => [r.entityId, r.basis, r.seq])).toEqual([["p-2", "case:c-2", written[0]?.seq]]);

    // the subjects are hashed: taking one person out of the record is caught at that record
    const seq = written[0]?.seq as number;
    await tamper(
      sql`update audit_log set subjects = subjects - 1 where municipality_id = ${app.t.municipalityId} and seq = ${seq}`,
    );
    const broken = await verifyAuditChain(db);
    expect(broken.ok).toBe(false);
    expect(broken.firstBad?.seq).toBe(seq);
    await tamper(
      sql`update audit_log set subjects = ${JSON.stringify(written[0]?.subjects)}::jsonb where municipality_id = ${app.t.municipalityId} and seq = ${seq}`,
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("verifies the chain and catches a changed byte, a deleted record and a reordering", async () => {
    const db = app.t.database.db;
    // read in pages of 2 the log gives the same answer as in one page (page boundaries fall inside every chain)
    const verify = async () => {
      const whole = await verifyAuditChain(db, { pageSize: 1_000_000 });
      expect(await verifyAuditChain(db, { pageSize: 2 })).toEqual(whole);
      return whole;
    };
    for (let n = 10; n < 15; n++) await db.transaction((tx) => recordAudit(tx, entry(n)));
    await sealAuditLog(db);
    expect(await verify()).toMatchObject({ ok: true, firstBad: null });
    const rows = (await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.municipalityId, app.t.municipalityId))
      .orderBy(asc(auditLog.seq))) as SealedRecord[];
    const target = rows.at(-3);
    if (!target) throw new Error("no rows");
    const at = (seq: number) => and(eq(auditLog.municipalityId, app.t.municipalityId), eq(auditLog.seq, seq));

    // one byte of the content
    await tamper(
      sql`update audit_log set actor_label = 'tesT' where municipality_id = ${app.t.municipalityId} and seq = ${target.seq}`,
    );
    let result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(target.seq);
    await tamper(
      sql`update audit_log set actor_label = 'test' where municipality_id = ${app.t.municipalityId} and seq = ${target.seq}`,
    );
    expect((await verify()).ok).toBe(true);

    // reordering: swap the contents of two records (each keeps its seq)
    const [a, b] = [rows.at(-2), rows.at(-1)] as [typeof target, typeof target];
    await tamper(
      sql`update audit_log set entity_id = ${b.entityId}, after = ${JSON.stringify(b.after)}::jsonb, hash = ${b.hash}, prev_hash = ${b.prevHash} where municipality_id = ${app.t.municipalityId} and seq = ${a.seq}`,
    );
    await tamper(
      sql`update audit_log set entity_id = ${a.entityId}, after = ${JSON.stringify(a.after)}::jsonb, hash = ${a.hash}, prev_hash = ${a.prevHash} where municipality_id = ${app.t.municipalityId} and seq = ${b.seq}`,
    );
    result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(a.seq);

    // deletion of a record
    await tamper(sql`delete from audit_log where municipality_id = ${app.t.municipalityId} and seq = ${target.seq}`);
    result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(target.seq + 1);
    expect(await db.select().from(auditLog).where(at(target.seq))).toHaveLength(0);
  });
});
