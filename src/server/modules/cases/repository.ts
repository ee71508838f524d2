import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  caseAssessments,
  caseEvents,
  caseRecords,
  caseReferrals,
  cases,
  caseTeam,
  households,
  persons,
} from "../../db/schema/index.js";

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseRecordRow = typeof caseRecords.$inferSelect;
export type CaseAssessmentRow = typeof caseAssessments.$inferSelect;

export async function insertCase(db: Executor, values: typeof cases.$inferInsert) {
  const [row] = await db.insert(cases).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** The case row; `lock` takes a row lock so that writers of one case (assessment versions) queue up. */
export async function findCase(db: Executor, municipalityId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(cases)
    .where(and(eq(cases.municipalityId, municipalityId), eq(cases.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** The columns of a case that its lifecycle changes (each change also moves the version). */
export type CaseValues = Partial<
  Pick<CaseRow, "phase" | "consent" | "consentDate" | "consentMethod" | "issues" | "leadAgencyId">
>;

export async function updateCase(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: CaseValues,
) {
  const [row] = await db
    .update(cases)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(cases.municipalityId, municipalityId), eq(cases.id, id), eq(cases.version, version)))
    .returning();
  return row ?? null;
}

export async function listTeam(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(caseTeam)
    .where(and(eq(caseTeam.municipalityId, municipalityId), eq(caseTeam.caseId, caseId)))
    .orderBy(asc(caseTeam.addedAt), asc(caseTeam.agencyId));
}
export type CaseTeamRow = Awaited<ReturnType<typeof listTeam>>[number];

export async function insertTeam(db: Executor, values: (typeof caseTeam.$inferInsert)[]) {
  if (!values.length) return;
  await db.insert(caseTeam).values(values);
}

export async function deleteTeamAgency(db: Executor, municipalityId: string, caseId: string, agencyId: string) {
  return db
    .delete(caseTeam)
    .where(
      and(eq(caseTeam.municipalityId, municipalityId), eq(caseTeam.caseId, caseId), eq(caseTeam.agencyId, agencyId)),
    )
    .returning();
}

/**
 * Links referrals to a case; answers how many were linked. A referral already linked (by another case opened at
 * the same moment: it waits for that transaction and then sees its row) is skipped, not an error, so the caller
 * can refuse the opening with a clear answer.
 */
export async function insertCaseReferrals(db: Executor, values: (typeof caseReferrals.$inferInsert)[]) {
  if (!values.length) return 0;
  const rows = await db
    .insert(caseReferrals)
    .values(values)
    .onConflictDoNothing({ target: [caseReferrals.municipalityId, caseReferrals.referralId] })
    .returning({ referralId: caseReferrals.referralId });
  return rows.length;
}

/** The referral ids already linked to a case (a referral belongs to at most one case). */
export async function findLinkedReferrals(db: Executor, municipalityId: string, referralIds: string[]) {
  if (!referralIds.length) return [];
  return db
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.municipalityId, municipalityId), inArray(caseReferrals.referralId, referralIds)));
}

export async function listCaseReferralIds(db: Executor, municipalityId: string, caseId: string) {
  const rows = await db
    .select({ referralId: caseReferrals.referralId })
    .from(caseReferrals)
    .where(and(eq(caseReferrals.municipalityId, municipalityId), eq(caseReferrals.caseId, caseId)));
  return rows.map((r) => r.referralId);
}

/** Cases of the municipality (all, or those whose team includes `agencyId`), with household and main person. */
/** The cases an agency is on the team of (all cases when agencyId is absent: coordinators), narrowed by phase. */
function caseListWhere(municipalityId: string, opts: { agencyId?: string; phase?: string }) {
  const where: (SQL | undefined)[] = [eq(cases.municipalityId, municipalityId)];
  if (opts.agencyId) {
    where.push(
      sql`exists (select 1 from ${caseTeam} where ${caseTeam.municipalityId} = ${cases.municipalityId}
        and ${caseTeam.caseId} = ${cases.id} and ${caseTeam.agencyId} = ${opts.agencyId})`,
    );
  }
  if (opts.phase) where.push(eq(cases.phase, opts.phase));
  return and(...where);
}

/**
 * One page of the list, most recently updated first: the page's ids from the index on the list's order, then
 * their details (joining every case of an agency before cutting the page made the first page cost as much as all).
 */
export async function listCases(
  db: Executor,
  municipalityId: string,
  opts: { agencyId?: string; phase?: string; offset: number; limit: number },
) {
  // LIMIT and OFFSET as literals (validated integers): with a parameter the planner cannot know the page is small
  // and sorts every case of the agency instead of walking cases_updated_idx; "desc nulls last" is the index's order.
  const limit = sql.raw(String(Math.trunc(opts.limit)));
  const offset = sql.raw(String(Math.trunc(opts.offset)));
  const page = await db.execute(
    sql`select ${cases.id} as id from ${cases} where ${caseListWhere(municipalityId, opts)}
        order by ${cases.updatedAt} desc nulls last, ${cases.id} limit ${limit} offset ${offset}`,
  );
  const ids = (page as unknown as { rows: { id: string }[] }).rows.map((p) => p.id);
  if (!ids.length) return [];
  const rows = await db
    .select({
      case: cases,
      household: { id: households.id, name: households.name },
      person: { id: persons.id, nameKanji: persons.nameKanji, nameKana: persons.nameKana },
      teamAgencyIds: sql<string[]>`coalesce((select jsonb_agg(${caseTeam.agencyId} order by ${caseTeam.addedAt})
        from ${caseTeam} where ${caseTeam.municipalityId} = ${cases.municipalityId}
        and ${caseTeam.caseId} = ${cases.id}), '[]'::jsonb)`,
    })
    .from(cases)
    .innerJoin(
      households,
      and(eq(households.municipalityId, cases.municipalityId), eq(households.id, cases.householdId)),
    )
    .innerJoin(persons, and(eq(persons.municipalityId, cases.municipalityId), eq(persons.id, cases.mainPersonId)))
    .where(and(eq(cases.municipalityId, municipalityId), inArray(cases.id, ids)));
  const byId = new Map(rows.map((r) => [r.case.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** How many cases the list has: for an agency, counted from its team rows (an index range), not from every case. */
export async function countCases(db: Executor, municipalityId: string, opts: { agencyId?: string; phase?: string }) {
  if (opts.agencyId && !opts.phase) {
    const [row] = await db
      .select({ n: count() })
      .from(caseTeam)
      .where(and(eq(caseTeam.municipalityId, municipalityId), eq(caseTeam.agencyId, opts.agencyId)));
    return row?.n ?? 0;
  }
  if (!opts.agencyId) {
    const [row] = await db.select({ n: count() }).from(cases).where(caseListWhere(municipalityId, opts));
    return row?.n ?? 0;
  }
  const [row] = await db
    .select({ n: count() })
    .from(caseTeam)
    .innerJoin(cases, and(eq(cases.municipalityId, caseTeam.municipalityId), eq(cases.id, caseTeam.caseId)))
    .where(
      and(
        eq(caseTeam.municipalityId, municipalityId),
        eq(caseTeam.agencyId, opts.agencyId),
        opts.phase ? eq(cases.phase, opts.phase) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function listEvents(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.municipalityId, municipalityId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.seq));
}

export type CaseEventInput = Omit<typeof caseEvents.$inferInsert, "seq">;

export async function insertEvent(db: Executor, values: CaseEventInput) {
  const [last] = await db
    .select({ seq: caseEvents.seq })
    .from(caseEvents)
    .where(and(eq(caseEvents.municipalityId, values.municipalityId), eq(caseEvents.caseId, values.caseId)))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  const [row] = await db
    .insert(caseEvents)
    .values({ ...values, seq: (last?.seq ?? 0) + 1 })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function insertRecord(db: Executor, values: typeof caseRecords.$inferInsert) {
  const [row] = await db.insert(caseRecords).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export function listRecords(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(caseRecords)
    .where(and(eq(caseRecords.municipalityId, municipalityId), eq(caseRecords.caseId, caseId)))
    .orderBy(desc(caseRecords.date), desc(caseRecords.createdAt), asc(caseRecords.id));
}

export async function insertAssessment(db: Executor, values: typeof caseAssessments.$inferInsert) {
  const [row] = await db.insert(caseAssessments).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** Every version's metadata (not the sections), newest first. */
export function listAssessmentVersions(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select({
      version: caseAssessments.version,
      agencyId: caseAssessments.agencyId,
      note: caseAssessments.note,
      createdBy: caseAssessments.createdBy,
      createdAt: caseAssessments.createdAt,
    })
    .from(caseAssessments)
    .where(and(eq(caseAssessments.municipalityId, municipalityId), eq(caseAssessments.caseId, caseId)))
    .orderBy(desc(caseAssessments.version));
}
export type AssessmentVersionRow = Awaited<ReturnType<typeof listAssessmentVersions>>[number];

export async function findAssessment(db: Executor, municipalityId: string, caseId: string, version: number) {
  const [row] = await db
    .select()
    .from(caseAssessments)
    .where(
      and(
        eq(caseAssessments.municipalityId, municipalityId),
        eq(caseAssessments.caseId, caseId),
        eq(caseAssessments.version, version),
      ),
    );
  return row ?? null;
}
