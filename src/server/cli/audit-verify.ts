import type { Db } from "../db/client.js";
import { type CheckpointStore, verifyAuditTrail, writeCheckpoints } from "../platform/audit-checkpoints/checkpoints.js";

/** The chain and its signed checkpoints (the log file's and the database's); exit code 1 at the first bad point. */
export async function runAuditVerify(db: Db, store: CheckpointStore) {
  const result = await verifyAuditTrail(db, store);
  const checkpoints =
    result.checkpoints === 0
      ? "チェックポイントなし"
      : `チェックポイント ${result.checkpoints} 件（最新 ${result.latestCheckpoint}）`;
  // records committed but not sealed into the chain yet are sealed before the walk: said, as they were waiting
  const waiting = result.sealedFirst > 0 ? `（封印待ちだった ${result.sealedFirst} 件を先に封印）` : "";
  return {
    json: result,
    text: result.ok
      ? `監査ログ ${result.records} 件${waiting}、${checkpoints}: 改ざんは見つかりませんでした`
      : `監査ログ ${result.records} 件${waiting}、${checkpoints}: 異常あり（${JSON.stringify(result.firstBad)}）`,
    exitCode: result.ok ? 0 : 1,
  };
}

/** Signs every municipality's chain head now (an operator's request, e.g. right before a backup). */
export async function runAuditCheckpoint(db: Db, store: CheckpointStore) {
  const written = await writeCheckpoints(db, store);
  return {
    json: { checkpoints: written, keyPath: store.keyPath, logPath: store.logPath },
    text: `チェックポイントを ${written.length} 件書きました（${store.logPath}）`,
  };
}
