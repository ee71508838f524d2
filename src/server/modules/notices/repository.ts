/** The only SQL of notices: writing them once, a recipient's page of them, marking read, the people who may get one. */
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Role } from "../../../domain/access/principals.js";
import type { Executor } from "../../db/client.js";
import { inMunicipality } from "../../db/records.js";
import { agencies, caseTeam, notices, userDepartments, users } from "../../db/schema/index.js";

export type NoticeRow = typeof notices.$inferSelect;
export type NewNotice = typeof notices.$inferInsert;

/** Writes the notices not written before (the unique key): answers only the new rows, so a repeat writes nothing. */
export async function insertNotices(tx: Executor, rows: NewNotice[]): Promise<NoticeRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(notices).values(rows).onConflictDoNothing().returning();
}

/** A recipient's notices, newest first (all of them: the service drops the ones the reader can no longer open). */
export function listOfRecipient(db: Executor, municipalityId: string, recipientId: string) {
  return db
    .select()
    .from(notices)
    .where(inMunicipality(notices, municipalityId, { recipientId }))
    .orderBy(desc(notices.createdAt), desc(notices.id));
}

export async function findOfRecipient(db: Executor, municipalityId: string, recipientId: string, id: string) {
  const [row] = await db
    .select()
    .from(notices)
    .where(inMunicipality(notices, municipalityId, { recipientId, id }));
  return row ?? null;
}

export async function markRead(tx: Executor, municipalityId: string, recipientId: string, ids: string[]) {
  if (ids.length === 0) return 0;
  const rows = await tx
    .update(notices)
    .set({ readAt: sql`now()` })
    .where(
      and(inMunicipality(notices, municipalityId, { recipientId }), inArray(notices.id, ids), isNull(notices.readAt)),
    )
    .returning({ id: notices.id });
  return rows.length;
}

export async function countOfRecipient(db: Executor, municipalityId: string, recipientId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notices)
    .where(inMunicipality(notices, municipalityId, { recipientId }));
  return row?.n ?? 0;
}

/** An account as the policies see it, enough to decide whether it could open a notice's subject. */
export interface Candidate {
  userId: string;
  municipalityId: string;
  role: Role;
  departmentIds: string[];
  agencyId: string | null;
  isCoordinator: boolean;
}

/**
 * The enabled accounts of some roles (and, when given, of some agencies or departments): the people a notice may go
 * to. The service then asks the policies which of them could open the subject.
 */
export async function candidates(
  db: Executor,
  municipalityId: string,
  filter: { roles: Role[]; agencyIds?: string[]; departmentIds?: string[]; userIds?: string[] },
): Promise<Candidate[]> {
  const rows = await db
    .select({
      userId: users.id,
      role: users.role,
      agencyId: users.agencyId,
      isCoordinator: agencies.isCoordinator,
      departmentIds: sql<
        string[]
      >`coalesce(array_agg(${userDepartments.departmentId}) filter (where ${userDepartments.departmentId} is not null), '{}')`,
    })
    .from(users)
    .leftJoin(agencies, and(eq(agencies.municipalityId, users.municipalityId), eq(agencies.id, users.agencyId)))
    .leftJoin(
      userDepartments,
      and(eq(userDepartments.municipalityId, users.municipalityId), eq(userDepartments.userId, users.id)),
    )
    .where(
      and(
        inMunicipality(users, municipalityId, { disabled: false }),
        inArray(users.role, filter.roles),
        filter.agencyIds ? inArray(users.agencyId, filter.agencyIds) : undefined,
        filter.userIds ? inArray(users.id, filter.userIds) : undefined,
      ),
    )
    .groupBy(users.id, users.role, users.agencyId, agencies.isCoordinator);
  return rows
    .map((r) => ({
      userId: r.userId,
      municipalityId,
      role: r.role,
      departmentIds: [...(r.departmentIds ?? [])],
      agencyId: r.agencyId,
      isCoordinator: r.isCoordinator === true,
    }))
    .filter((c) => !filter.departmentIds || c.departmentIds.some((d) => filter.departmentIds?.includes(d)));
}

/** The team agencies of some cases (the case's own rule reads them). */
export function teamsOf(db: Executor, municipalityId: string, caseIds: string[]) {
  return db
    .select({ caseId: caseTeam.caseId, agencyId: caseTeam.agencyId })
    .from(caseTeam)
    .where(and(eq(caseTeam.municipalityId, municipalityId), inArray(caseTeam.caseId, caseIds)));
}
