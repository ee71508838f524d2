import { createHash } from "node:crypto";
import { and, asc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Executor } from "../db/client.js";
import { type AuditSubject, auditLog } from "../db/schema/index.js";

export interface AuditEntry {
  municipalityId: string;
  actorUserId: string | null;
  actorLabel: string;
  actorAgencyId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  basis?: string | null;
  ip?: string | null;
  before?: unknown;
  after?: unknown;
  /** a read of many entities in one record (see coalesceReads); entityId and basis are null then */
  subjects?: AuditSubject[] | null;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with keys sorted at every depth, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

export interface HashedFields {
  municipalityId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  actorAgencyId?: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  basis: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  subjects?: AuditSubject[] | null;
  prevHash: string;
}

export function hashAuditRecord(r: HashedFields): string {
  const payload = canonicalJson({
    municipalityId: r.municipalityId,
    seq: r.seq,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    // absent when null, so that records written before the column existed keep their hash
    actorAgencyId: r.actorAgencyId ?? undefined,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    basis: r.basis,
    ip: r.ip,
    before: r.before ?? null,
    after: r.after ?? null,
    // absent when null, so that records written before the column existed keep their hash
    subjects: r.subjects ?? undefined,
  });
  return createHash("sha256").update(r.prevHash).update("\n").update(payload).digest("hex");
}

/**
 * Appends to the municipality's trail. Must be called inside the transaction of the change or read it records: if
 * that rolls back, so does the record, and a failed insert fails the change. The record takes no lock: its place in
 * the hash chain (seq, prev_hash, hash) is given by the sealer shortly after it commits (audit-sealer.ts), so
 * audited reads of one municipality do not wait for each other.
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await recordAuditBatch(tx, [entry]);
}

/**
 * Several records in one insert (a list shows many persons, an import writes one per sheet). The rows travel as one
 * JSON parameter, read row by row in the database: the statement's text is the same whatever the number of records, so
 * neither the app nor the database builds and parses a statement of a dozen parameters per record (a page of 50
 * audited reads spent more time there than in its own query).
 */
export async function recordAuditBatch(tx: Executor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const rows = coalesceReads(entries).map((entry) => ({
    municipality_id: entry.municipalityId,
    actor_user_id: entry.actorUserId,
    actor_label: entry.actorLabel,
    actor_agency_id: entry.actorAgencyId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    basis: entry.basis ?? null,
    ip: entry.ip ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    subjects: entry.subjects ?? null,
  }));
  // in the entries' order, which is the order their ids and so their places in the chain take
  await tx.execute(sql`
    insert into ${auditLog} (municipality_id, at, actor_user_id, actor_label, actor_agency_id, action, entity_type,
      entity_id, basis, ip, before, after, subjects)
    select (e.r->>'municipality_id')::uuid, ${new Date().toISOString()}::timestamptz, (e.r->>'actor_user_id')::uuid,
      e.r->>'actor_label', (e.r->>'actor_agency_id')::uuid, e.r->>'action', e.r->>'entity_type', e.r->>'entity_id',
      e.r->>'basis', e.r->>'ip', nullif(e.r->'before', 'null'::jsonb), nullif(e.r->'after', 'null'::jsonb),
      nullif(e.r->'subjects', 'null'::jsonb)
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as e(r, n)
    order by e.n`);
  for (const listener of recordedListeners) listener();
}

/**
 * One record per kind of read instead of one per entity shown: the plain reads of a batch (no before or after) by the
 * same actor of the same kind of entity become one record naming every entity with its own basis, in the place of
 * the first. A page of 50 cases costs one audit record to write and to seal instead of 50; the trail still answers
 * "who was shown this person, and on what basis" from the subjects (audit-trail, listAuditForEntity).
 */
export function coalesceReads(entries: AuditEntry[]): AuditEntry[] {
  const groups = new Map<string, AuditEntry[]>();
  const out: (AuditEntry | AuditEntry[])[] = [];
  for (const entry of entries) {
    const plain = entry.action === "read" && entry.entityId && entry.before == null && entry.after == null;
    if (!plain || entry.subjects) {
      out.push(entry);
      continue;
    }
    const key = JSON.stringify([
      entry.municipalityId,
      entry.actorUserId,
      entry.actorLabel,
      entry.actorAgencyId ?? null,
      entry.entityType,
      entry.ip ?? null,
    ]);
    const group = groups.get(key);
    if (group) group.push(entry);
    else {
      const started = [entry];
      groups.set(key, started);
      out.push(started);
    }
  }
  return out.map((item) => {
    if (!Array.isArray(item)) return item;
    const [first] = item as [AuditEntry, ...AuditEntry[]];
    if (item.length === 1) return first;
    return {
      ...first,
      entityId: null,
      basis: null,
      subjects: item.map((e) => ({ id: e.entityId as string, basis: e.basis ?? null })),
    };
  });
}

const recordedListeners = new Set<() => void>();

/** Called after every audit insert (before its transaction commits): a sealer schedules its next round. */
export function onAuditRecorded(listener: () => void): () => void {
  recordedListeners.add(listener);
  return () => recordedListeners.delete(listener);
}

/** A record with its place in the chain. */
export type SealedRecord = typeof auditLog.$inferSelect & { seq: number; prevHash: string; hash: string };

export interface VerifyResult {
  records: number;
  ok: boolean;
  firstBad: { municipalityId: string; seq: number; reason: string } | null;
}

/** A signed claim that a municipality's chain had `hash` at `seq` (its signature already checked). */
export interface CheckpointClaim {
  municipalityId: string;
  seq: number;
  hash: string;
  at: string;
  /** where it was read: "file" (the log outside the database) or "database" */
  source: string;
}

/** The claims by municipality and seq, and which of them the walk has passed. */
class ClaimIndex {
  private readonly byMunicipality = new Map<string, Map<number, CheckpointClaim[]>>();
  constructor(claims: CheckpointClaim[]) {
    for (const c of claims) {
      const bySeq = this.byMunicipality.get(c.municipalityId) ?? new Map<number, CheckpointClaim[]>();
      bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
      this.byMunicipality.set(c.municipalityId, bySeq);
    }
  }

  /** A claim at this record that names another hash: the chain was re-hashed after the checkpoint. */
  mismatchAt(municipalityId: string, seq: number, hash: string): string | null {
    const claims = this.byMunicipality.get(municipalityId)?.get(seq) ?? [];
    const wrong = claims.find((c) => c.hash !== hash);
    return wrong
      ? `hash differs from the checkpoint of ${wrong.at} (${wrong.source}): the chain was rewritten up to here and hashed again`
      : null;
  }

  /**
   * The first claim beyond a chain's end (lastSeq 0: no records), for every municipality ordered before `upTo`
   * (all when null), which the walk has now left behind.
   */
  beyondEnd(upTo: string | null, ends: Map<string, number>) {
    const done = [...this.byMunicipality.keys()].filter((m) => upTo === null || m < upTo).sort();
    for (const municipalityId of done) {
      const lastSeq = ends.get(municipalityId) ?? 0;
      const claims = [...(this.byMunicipality.get(municipalityId)?.values() ?? [])].flat();
      this.byMunicipality.delete(municipalityId);
      const beyond = claims.filter((c) => c.seq > lastSeq).sort((a, b) => a.seq - b.seq)[0];
      if (beyond)
        return {
          municipalityId,
          seq: lastSeq + 1,
          reason: `the chain ends at seq ${lastSeq} but the checkpoint of ${beyond.at} (${beyond.source}) saw seq ${beyond.seq}: records were deleted from the end, or an older copy of the database was restored`,
        };
    }
    return null;
  }
}

/**
 * Walks every municipality's chain (its sealed records: the sealer's callers seal first) in seq order and checks numbering, links and hashes. The log is read in pages
 * (keyset on municipality and seq), so memory stays flat however long the log is. `records` is the number of
 * records in the log, also when the chain is broken. Given checkpoints (signatures already checked), it also finds a
 * chain that was re-hashed after one (the hash at its seq differs) or that is shorter than one saw (tail deleted, or
 * an older copy restored); the first bad point is the earliest in (municipality, seq) order.
 */
export async function verifyAuditChain(
  db: Executor,
  opts: { pageSize?: number; checkpoints?: CheckpointClaim[] } = {},
): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  const claims = new ClaimIndex(opts.checkpoints ?? []);
  const ends = new Map<string, number>();
  const failed = async (firstBad: NonNullable<VerifyResult["firstBad"]>): Promise<VerifyResult> => {
    const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(isNotNull(auditLog.seq));
    return { records: total?.n ?? 0, ok: false, firstBad };
  };
  let prevMunicipality: string | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let after: { municipalityId: string; seq: number } | null = null;
  for (;;) {
    const page = (await db
      .select()
      .from(auditLog)
      .where(
        after
          ? sql`(${auditLog.municipalityId}, ${auditLog.seq}) > (${after.municipalityId}, ${after.seq})`
          : isNotNull(auditLog.seq),
      )
      .orderBy(asc(auditLog.municipalityId), asc(auditLog.seq))
      .limit(pageSize)) as SealedRecord[];
    for (const row of page) {
      if (row.municipalityId !== prevMunicipality) {
        const beyond = claims.beyondEnd(row.municipalityId, ends);
        if (beyond) return failed(beyond);
        prevMunicipality = row.municipalityId;
        expectedSeq = 1;
        prevHash = GENESIS_HASH;
      }
      const reason =
        row.seq !== expectedSeq
          ? `seq ${row.seq} where ${expectedSeq} was expected (a record is missing or moved)`
          : row.prevHash !== prevHash
            ? "prev_hash does not match the previous record"
            : hashAuditRecord(row) !== row.hash
              ? "hash does not match the record's content"
              : claims.mismatchAt(row.municipalityId, row.seq, row.hash);
      if (reason) return failed({ municipalityId: row.municipalityId, seq: row.seq, reason });
      ends.set(row.municipalityId, row.seq);
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    after = { municipalityId: last.municipalityId, seq: last.seq };
  }
  const beyond = claims.beyondEnd(null, ends);
  if (beyond) return failed(beyond);
  return { records: checked, ok: true, firstBad: null };
}

/**
 * An entity's records in the order they were written: sealed ones in chain order, then those still to seal. A read
 * of many entities (subjects) is given as this entity's read, with the basis it had for this one.
 */
export async function listAuditForEntity(db: Executor, municipalityId: string, entityType: string, entityId: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.municipalityId, municipalityId),
        eq(auditLog.entityType, entityType),
        or(eq(auditLog.entityId, entityId), namesSubject({ id: entityId })),
      ),
    )
    .orderBy(...chainOrder);
  return rows.flatMap((r) => asEntityReads(r).filter((one) => one.entityId === entityId));
}

/**
 * A record as reads of one entity each: a read of many (subjects) gives one per subject, with that subject's id and
 * basis and everything else the record's; any other record is itself.
 */
export function asEntityReads<
  R extends { entityId: string | null; basis: string | null; subjects: AuditSubject[] | null },
>(record: R): R[] {
  if (!record.subjects) return [record];
  return record.subjects.map((s) => ({ ...record, entityId: s.id, basis: s.basis }));
}

/** Records whose subjects name this entity or this basis (served by the subjects' GIN index). */
export function namesSubject(subject: { id: string } | { basis: string }) {
  return sql`${auditLog.subjects} @> ${JSON.stringify([subject])}::jsonb`;
}

/** Chain order, records not sealed yet last (in the order they were inserted, which is the order they will take). */
export const chainOrder = [sql`${auditLog.seq} asc nulls last`, asc(auditLog.id)];
/** Newest first: records not sealed yet, then the chain backwards. */
export const newestFirst = [sql`${auditLog.seq} desc nulls first`, sql`${auditLog.id} desc`];

/** The actor part of an audit entry, from the caller of a request (its address from the actor unless given). */
export function actorOf(auth: Actor, ip: string | null = auth.ip ?? null) {
  return {
    municipalityId: auth.municipalityId,
    actorUserId: auth.userId,
    actorLabel: auth.loginId,
    actorAgencyId: auth.agencyId ?? null,
    ip,
  };
}

/** Who did it: a logged-in user, or an operator command (userId null, label "cli:<os user>"). */
export interface Actor {
  municipalityId: string;
  userId: string | null;
  loginId: string;
  /** the agency a support staff or provider account acts for */
  agencyId?: string | null;
  /** the client address of a request (none for an operator command) */
  ip?: string | null;
}
