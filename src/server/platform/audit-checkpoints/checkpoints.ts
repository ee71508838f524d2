import { sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { auditCheckpoints } from "../../db/schema/index.js";
import { type CheckpointClaim, type VerifyResult, verifyAuditChain } from "../audit.js";
import { sealAuditLog, unsealedRecords } from "../audit-sealer.js";
import { appendCheckpoints, readCheckpointFile } from "./checkpoint-file.js";
import { type ChainHead, type SignedCheckpoint, signatureProblem, signCheckpoint } from "./signature.js";
import { ensureSigningKey, MissingSigningKeyError, readSigningKey } from "./signing-key.js";

/** Where the signing key and the checkpoint log live: both outside the database (config.ts). */
export interface CheckpointStore {
  keyPath: string;
  logPath: string;
}

type Rows<T> = { rows: T[] };

export async function chainHeads(db: Executor): Promise<ChainHead[]> {
  const result = (await db.execute(
    sql`select distinct on (municipality_id) municipality_id, seq, hash from audit_log where seq is not null order by municipality_id, seq desc`,
  )) as unknown as Rows<{ municipality_id: string; seq: string | number; hash: string }>;
  return result.rows.map((r) => ({ municipalityId: r.municipality_id, seq: Number(r.seq), hash: r.hash }));
}

async function latestCheckpointSeqs(db: Executor): Promise<Map<string, number>> {
  const result = (await db.execute(
    sql`select municipality_id, max(seq) as seq from audit_checkpoints group by municipality_id`,
  )) as unknown as Rows<{ municipality_id: string; seq: string | number }>;
  return new Map(result.rows.map((r) => [r.municipality_id, Number(r.seq)]));
}

export async function databaseCheckpoints(db: Executor): Promise<SignedCheckpoint[]> {
  const rows = await db.select().from(auditCheckpoints).orderBy(auditCheckpoints.municipalityId, auditCheckpoints.seq);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/**
 * Seals every record committed so far, then signs the head of every municipality's chain and keeps the checkpoint
 * twice: appended to the log file (fsync'd) and then in the database. `onlyMoved` skips a municipality whose head has not moved since its last checkpoint
 * (the server's timer); an operator's request signs every head. Returns the checkpoints written.
 */
export async function writeCheckpoints(
  db: Db,
  store: CheckpointStore,
  opts: { onlyMoved?: boolean; now?: Date } = {},
): Promise<SignedCheckpoint[]> {
  await sealAuditLog(db);
  const existing = await latestCheckpointSeqs(db);
  const key = ensureSigningKey(store.keyPath, existing.size > 0 || readCheckpointFile(store.logPath).length > 0);
  const at = opts.now ?? new Date();
  const heads = (await chainHeads(db)).filter((h) => !opts.onlyMoved || existing.get(h.municipalityId) !== h.seq);
  const signed = heads.map((h) => signCheckpoint(key, h, at));
  appendCheckpoints(store.logPath, signed);
  if (signed.length > 0) await db.insert(auditCheckpoints).values(signed.map((c) => ({ ...c, at: new Date(c.at) })));
  return signed;
}

export interface TrailVerifyResult extends VerifyResult {
  /** how many signed checkpoints were compared with the chain (the file's and the database's, each once) */
  checkpoints: number;
  /** the newest checkpoint seen, null when there is none */
  latestCheckpoint: string | null;
  /** validly signed checkpoints the caller's `setAside` rule kept out of the comparison (a restore's lost writes) */
  setAside?: SignedCheckpoint[];
  /** records that were waiting for their seal and were sealed before the walk */
  sealedFirst: number;
  /** records left unsealed (not part of the walk): only when the caller asked not to seal */
  unsealed: number;
}

/**
 * The chain and every checkpoint it can see: a checkpoint whose signature fails, that lies beyond a chain's end or
 * whose hash differs from the chain's is reported as the first bad point. Without a key file, a verification with
 * no checkpoint anywhere checks the chain alone; with checkpoints it fails with a clear message. Records committed
 * but not sealed yet are sealed first (and counted), unless `seal` is false: a restored copy is checked as it was
 * copied, its unsealed records counted (they are sealed when a server or command next runs on it).
 */
export async function verifyAuditTrail(
  db: Db,
  store: CheckpointStore,
  opts: { setAside?: (checkpoint: SignedCheckpoint) => boolean; seal?: boolean } = {},
): Promise<TrailVerifyResult> {
  const sealedFirst = opts.seal === false ? 0 : await sealAuditLog(db);
  const unsealed = opts.seal === false ? (await unsealedRecords(db)).count : 0;
  const fileLines = readCheckpointFile(store.logPath);
  const fromDatabase = await databaseCheckpoints(db);
  const key = readSigningKey(store.keyPath);
  if (!key && (fileLines.length > 0 || fromDatabase.length > 0)) throw new MissingSigningKeyError(store.keyPath);

  const unreadable = fileLines.find((l) => l.checkpoint === null);
  const seen = new Map<string, CheckpointClaim>();
  const forged: { checkpoint: SignedCheckpoint; source: string; problem: string }[] = [];
  const setAside: SignedCheckpoint[] = [];
  const sources: [string, SignedCheckpoint][] = [
    ...fileLines.flatMap((l) =>
      l.checkpoint ? [[`file line ${l.line}`, l.checkpoint] as [string, SignedCheckpoint]] : [],
    ),
    ...fromDatabase.map((c) => ["database", c] as [string, SignedCheckpoint]),
  ];
  for (const [source, c] of sources) {
    const id = `${c.municipalityId}/${c.seq}/${c.signature}`;
    if (seen.has(id)) continue;
    const problem = key ? signatureProblem(key, c) : null;
    if (problem) forged.push({ checkpoint: c, source, problem });
    else if (opts.setAside?.(c)) {
      seen.set(id, { municipalityId: c.municipalityId, seq: c.seq, hash: c.hash, at: c.at, source: "set aside" });
      setAside.push(c);
    } else seen.set(id, { municipalityId: c.municipalityId, seq: c.seq, hash: c.hash, at: c.at, source });
  }
  const claims = [...seen.values()].filter((c) => c.source !== "set aside");
  const chain = await verifyAuditChain(db, { checkpoints: claims });
  const latestCheckpoint =
    claims
      .map((c) => c.at)
      .sort()
      .at(-1) ?? null;
  const summary = {
    checkpoints: claims.length,
    latestCheckpoint,
    sealedFirst,
    unsealed,
    ...(opts.setAside ? { setAside } : {}),
  };

  // a forged checkpoint is a bad point of its own: the earliest of it and the chain's first bad point is reported
  const firstForged = forged.sort((a, b) => order(a.checkpoint, b.checkpoint))[0];
  const forgedPoint = firstForged && {
    municipalityId: firstForged.checkpoint.municipalityId,
    seq: firstForged.checkpoint.seq,
    reason: `checkpoint of ${firstForged.checkpoint.at} (${firstForged.source}): ${firstForged.problem}`,
  };
  if (unreadable)
    return {
      ...chain,
      ...summary,
      ok: false,
      firstBad: chain.firstBad ??
        forgedPoint ?? {
          municipalityId: "",
          seq: 0,
          reason: `line ${unreadable.line} of ${store.logPath} is not a checkpoint`,
        },
    };
  if (forgedPoint && (!chain.firstBad || order(forgedPoint, chain.firstBad) < 0))
    return { ...chain, ...summary, ok: false, firstBad: forgedPoint };
  return { ...chain, ...summary };
}

const order = (a: { municipalityId: string; seq: number }, b: { municipalityId: string; seq: number }) =>
  a.municipalityId < b.municipalityId ? -1 : a.municipalityId > b.municipalityId ? 1 : a.seq - b.seq;
