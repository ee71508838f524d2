import type { Db } from "../../db/client.js";
import {
  type CheckpointStore,
  chainHeads,
  databaseCheckpoints,
  type TrailVerifyResult,
  verifyAuditTrail,
} from "../audit-checkpoints/checkpoints.js";
import type { SignedCheckpoint } from "../audit-checkpoints/signature.js";
import { countRows } from "./snapshot.js";

export interface RestoreCheck {
  ok: boolean;
  tables: Record<string, number>;
  audit: TrailVerifyResult & {
    /** the newest checkpoint of each municipality inside the restored database: the state it was copied in */
    restorePoint: { at: string | null; checkpoints: Pick<SignedCheckpoint, "municipalityId" | "seq" | "hash">[] };
    /** checkpoints of the log outside the database signed after the restore point for writes the copy lacks */
    laterCheckpoints: number;
  };
}

/**
 * The verification of a restored (or any) database, as `audit verify` does it, with one rule for the checkpoint log
 * that outlives the database: a validly signed checkpoint in it that was signed **after** the restore point (the
 * municipality's newest checkpoint in the restored database, which a backup writes right before the copy) and that
 * points **beyond** the restored chain's end belongs to writes made after the backup, which the restore removed. It
 * is counted and shown, not compared. Every other checkpoint is compared as usual: one signed before the restore
 * point that the chain does not reach means records the backup should hold are missing, and one whose hash differs
 * means a rewritten chain; both fail the verification. The copy is checked as it was taken: records in it that were
 * committed after the backup's seal and not sealed yet are counted (`unsealed`), not sealed here, so that the
 * restored chain ends where the copied one did.
 */
export async function checkRestoredDatabase(db: Db, store: CheckpointStore): Promise<RestoreCheck> {
  const ends = new Map((await chainHeads(db)).map((h) => [h.municipalityId, h.seq]));
  const newest = new Map<string, SignedCheckpoint>();
  for (const c of await databaseCheckpoints(db)) {
    const seen = newest.get(c.municipalityId);
    // newest by the time of signing: a backup signs right before the copy, whatever seq an older checkpoint names
    if (!seen || c.at > seen.at || (c.at === seen.at && c.seq > seen.seq)) newest.set(c.municipalityId, c);
  }
  const points = [...newest.values()];
  const pointAt =
    points
      .map((c) => c.at)
      .sort()
      .at(-1) ?? null;
  const lostWrite = (c: SignedCheckpoint) => {
    const restoredAt = newest.get(c.municipalityId)?.at ?? pointAt;
    return restoredAt !== null && c.at > restoredAt && c.seq > (ends.get(c.municipalityId) ?? 0);
  };
  const trail = await verifyAuditTrail(db, store, { setAside: lostWrite, seal: false });
  const tables = await countRows(db);
  return {
    ok: trail.ok,
    tables,
    audit: {
      ...trail,
      restorePoint: {
        at: pointAt,
        checkpoints: points.map(({ municipalityId, seq, hash }) => ({ municipalityId, seq, hash })),
      },
      laterCheckpoints: trail.setAside?.length ?? 0,
    },
  };
}
