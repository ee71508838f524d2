/**
 * The audit trail as the tests read it straight from the database (what was written, not what the API shows). The
 * sealer is asked first, as every reader of the chain does, so that every record committed so far has its seq.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.js";
import { auditLog } from "../../src/server/db/schema/index.js";
import { asEntityReads, type SealedRecord } from "../../src/server/platform/audit.js";
import { sealAuditLog } from "../../src/server/platform/audit-sealer.js";

type AuditColumn = "municipalityId" | "action" | "entityType" | "entityId" | "basis" | "actorLabel";
/** The values a test picks audit records by; a column left out is not looked at. */
export type AuditFilter = Partial<Record<AuditColumn, string>>;

/** The entity and basis of a read of many are in its subjects: those two are compared after expanding it. */
const PER_ENTITY: AuditColumn[] = ["entityId", "basis"];

const matching = (filter: AuditFilter) =>
  and(
    isNotNull(auditLog.seq),
    ...Object.entries(filter)
      .filter(([column]) => !PER_ENTITY.includes(column as AuditColumn))
      .map(([column, value]) => eq(auditLog[column as AuditColumn], value)),
  );

const perEntity = (records: SealedRecord[], filter: AuditFilter) =>
  records
    .flatMap((r) => asEntityReads(r))
    .filter((r) => PER_ENTITY.every((column) => filter[column] === undefined || r[column] === filter[column]));

/**
 * Every audit record with all the given values, sealed, in chain order; a read of many entities counts as one read
 * of each (asEntityReads), so a test asks about an entity the same way whichever way its read was written.
 */
export async function auditRecords(db: Db, filter: AuditFilter): Promise<SealedRecord[]> {
  await sealAuditLog(db);
  const rows = (await db.select().from(auditLog).where(matching(filter)).orderBy(asc(auditLog.seq))) as SealedRecord[];
  return perEntity(rows, filter);
}

/** The latest audit record with all the given values, sealed (undefined when there is none). */
export async function latestAuditRecord(db: Db, filter: AuditFilter): Promise<SealedRecord | undefined> {
  return (await auditRecords(db, filter)).at(-1);
}
