/**
 * The audit trail as the tests read it straight from the database (what was written, not what the API shows). The
 * sealer is asked first, as every reader of the chain does, so that every record committed so far has its seq.
 */
import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.js";
import { auditLog } from "../../src/server/db/schema/index.js";
import type { SealedRecord } from "../../src/server/platform/audit.js";
import { sealAuditLog } from "../../src/server/platform/audit-sealer.js";

type AuditColumn = "municipalityId" | "action" | "entityType" | "entityId" | "basis" | "actorLabel";
/** The values a test picks audit records by; a column left out is not looked at. */
export type AuditFilter = Partial<Record<AuditColumn, string>>;

const matching = (filter: AuditFilter) =>
  and(
    isNotNull(auditLog.seq),
    ...Object.entries(filter).map(([column, value]) => eq(auditLog[column as AuditColumn], value)),
  );

/** Every audit record with all the given values, sealed, in chain order. */
export async function auditRecords(db: Db, filter: AuditFilter): Promise<SealedRecord[]> {
  await sealAuditLog(db);
  return (await db.select().from(auditLog).where(matching(filter)).orderBy(asc(auditLog.seq))) as SealedRecord[];
}

/** The latest audit record with all the given values, sealed (undefined when there is none). */
export async function latestAuditRecord(db: Db, filter: AuditFilter): Promise<SealedRecord | undefined> {
  await sealAuditLog(db);
  const [record] = await db.select().from(auditLog).where(matching(filter)).orderBy(desc(auditLog.seq)).limit(1);
  return record as SealedRecord | undefined;
}
