/** The audit trail as the tests read it straight from the database (what was written, not what the API shows). */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.js";
import { auditLog } from "../../src/server/db/schema/index.js";

type AuditColumn = "municipalityId" | "action" | "entityType" | "entityId" | "basis" | "actorLabel";
/** The values a test picks audit records by; a column left out is not looked at. */
export type AuditFilter = Partial<Record<AuditColumn, string>>;

const matching = (filter: AuditFilter) =>
  and(...Object.entries(filter).map(([column, value]) => eq(auditLog[column as AuditColumn], value)));

/** Every audit record with all the given values. */
export const auditRecords = (db: Db, filter: AuditFilter) => db.select().from(auditLog).where(matching(filter));

/** The latest audit record with all the given values (undefined when there is none). */
export async function latestAuditRecord(db: Db, filter: AuditFilter) {
  const [record] = await db.select().from(auditLog).where(matching(filter)).orderBy(desc(auditLog.seq)).limit(1);
  return record;
}
