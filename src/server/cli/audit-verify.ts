import type { Db } from "../db/client.js";
import { verifyAuditChain } from "../platform/audit.js";

export async function runAuditVerify(db: Db) {
  const result = await verifyAuditChain(db);
  return {
    json: result,
    text: result.ok
      ? `監査ログ ${result.records} 件: 改ざんは見つかりませんでした`
      : `監査ログ ${result.records} 件: 異常あり（${JSON.stringify(result.firstBad)}）`,
    exitCode: result.ok ? 0 : 1,
  };
}
