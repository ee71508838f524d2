/**
 * The sealer: gives audit records their place in their municipality's hash chain after they commit.
 *
 * A request inserts its audit records without seq, prev_hash and hash (audit.ts), in its own transaction, so
 * nothing committed goes unaudited and audited reads never wait for each other. Sealing a municipality takes an
 * advisory lock (one sealer at a time per municipality, whichever process or command it runs in), reads the chain's
 * head, then every record committed so far that is still unsealed in insertion order, and sets the three columns on
 * each, the only update the log's trigger allows. Whoever reads the chain (verify, checkpoints, backups, the audit
 * trail's screen, shutdown) seals first; the server's AuditSealer does it shortly after every audit insert and on a
 * short timer.
 */
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client.js";
import { auditLog } from "../db/schema/index.js";
import { GENESIS_HASH, hashAuditRecord, onAuditRecorded } from "./audit.js";

/** Records sealed in one transaction: bounds the time the lock is held and the memory of one round. */
const BATCH = 2000;

type Rows<T> = { rows: T[] };

/** The municipalities with records waiting (served by the partial index of unsealed records). */
export async function municipalitiesWaiting(db: Executor): Promise<string[]> {
  const result = (await db.execute(
    sql`select distinct municipality_id from audit_log where seq is null`,
  )) as unknown as Rows<{ municipality_id: string }>;
  return result.rows.map((r) => r.municipality_id);
}

/** How many records are waiting for their seal, and since when the oldest (null when none). */
export async function unsealedRecords(db: Executor): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${auditLog.at})` })
    .from(auditLog)
    .where(isNull(auditLog.seq));
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** One round for one municipality, under its lock: the next BATCH records after the head. Returns how many. */
async function sealRound(db: Db, municipalityId: string): Promise<number> {
  return db.transaction(async (tx) => {
    // the lock first; each statement after it sees what committed while we waited (READ COMMITTED)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${municipalityId}::text, 7))`);
    const [head] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, municipalityId), isNotNull(auditLog.seq)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const waiting = await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, municipalityId), isNull(auditLog.seq)))
      .orderBy(asc(auditLog.id))
      .limit(BATCH);
    if (!waiting.length) return 0;
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    // hashed as read back from the database, exactly what a verification will read
    const seals = waiting.map((record) => {
      seq += 1;
      const hash = hashAuditRecord({ ...record, seq, prevHash });
      const seal = { id: record.id, seq, prev_hash: prevHash, hash };
      prevHash = hash;
      return seal;
    });
    await tx.execute(sql`
      update audit_log as a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as v(id bigint, seq bigint, prev_hash text, hash text)
      where a.municipality_id = ${municipalityId}::uuid and a.id = v.id`);
    return waiting.length;
  });
}

/**
 * Seals every record committed before the call (of one municipality, or all): when it returns, a reader of the
 * chain sees them. Returns how many records it sealed.
 */
export async function sealAuditLog(db: Db, opts: { municipalityId?: string } = {}): Promise<number> {
  const municipalities = opts.municipalityId ? [opts.municipalityId] : await municipalitiesWaiting(db);
  let sealed = 0;
  for (const municipalityId of municipalities) {
    for (;;) {
      const n = await sealRound(db, municipalityId);
      sealed += n;
      if (n < BATCH) break;
    }
  }
  return sealed;
}

export interface SealerOptions {
  /** after an audit insert, the wait before a round (its transaction commits meanwhile); rounds never overlap */
  delayMs?: number;
  /** a round on this timer too: records another process or command wrote, or that committed after their round */
  intervalMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * The server's sealer: a round shortly after audit records are written and on a timer, one round at a time in this
 * process (other processes are kept out by the lock). close() stops it and seals what is left.
 */
export class AuditSealer {
  private timer: NodeJS.Timeout | null = null;
  private readonly interval: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** whether this process wrote audit records: one that never did and never sealed any leaves nothing at close */
  private recorded = false;
  /** records sealed since the start */
  sealed = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: SealerOptions = {},
  ) {
    this.unsubscribe = onAuditRecorded(() => {
      this.recorded = true;
      this.schedule();
    });
    this.interval = setInterval(() => this.schedule(), opts.intervalMs ?? 1000);
    this.interval.unref();
  }

  /** A round soon: now if none is running (after the delay), else once more when the running one ends. */
  schedule(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => this.round(), this.opts.delayMs ?? 5);
    this.timer.unref();
  }

  private round(): void {
    this.timer = null;
    this.running = sealAuditLog(this.db)
      .then(
        (n) => {
          this.sealed += n;
        },
        (err: unknown) => this.opts.onError?.(err),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }

  /** Stops the rounds and seals everything committed so far (the database stays open). */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    clearInterval(this.interval);
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    if (this.recorded || this.sealed > 0) this.sealed += await sealAuditLog(this.db);
  }
}
