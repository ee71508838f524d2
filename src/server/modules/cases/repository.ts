import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  appendNumbered,
  findOne,
  inMunicipality,
  insertOne,
  recordNamedBy,
  updateAtVersion,
} from "../../db/records.js";
import {
  caseAssessments,
  caseEvents,
  caseRecords,
  caseReferrals,
  cases,
  caseTeam,
  households,
  persons,
  supportPlanMonitorings,
} from "../../db/schema/index.js";

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseRecordRow = typeof caseRecords.$inferSelect;
export type CaseAssessmentRow = typeof caseAssessments.$inferSelect;

export function insertCase(db: Executor, values: typeof cases.$inferInsert) {
  return insertOne(db, cases, values);
}

/** The case row; `lock` takes a row lock so that writers of one case (assessment versions) queue up. */
export function findCase(db: Executor, municipalityId: string, id: string, lock = false) {
  return findOne(db, cases, municipalityId, { id }, { forUpdate: lock });
}

/** The columns of a case that its lifecycle changes (each change also moves the version). */
export type CaseValues = Partial<
  Pick<CaseRow, "phase" | "consent" | "consentDate" | "consentMethod" | "issues" | "leadAgencyId">
>;

export function updateCase(db: Executor, municipalityId: string, id: string, version: number, values: CaseValues) {
  return updateAtVersion(db, cases, municipalityId, { id, version }, { ...values, updatedAt: new Date() });
}

export async function listTeam(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(caseTeam)
    .where(inMunicipality(caseTeam, municipalityId, { caseId }))
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
    .where(inMunicipality(caseTeam, municipalityId, { caseId, agencyId }))
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
    .where(and(inMunicipality(caseReferrals, municipalityId), inArray(caseReferrals.referralId, referralIds)));
}

export async function listCaseReferralIds(db: Executor, municipalityId: string, caseId: string) {
  const rows = await db
    .select({ referralId: caseReferrals.referralId })
    .from(caseReferrals)
    .where(inMunicipality(caseReferrals, municipalityId, { caseId }));
  return rows.map((r) => r.referralId);
}

/**
 * What narrows the case list: the team of an agency (absent: every case, for the coordinators), a phase, and the
 * cases whose review is overdue on the given day (reviewOverdueOn: today in Japan). ホーム counts the same filter.
 */
export interface CaseListFilter {
  agencyId?: string;
  phase?: string;
  reviewOverdueOn?: string;
}

/**
 * Not closed, and the latest monitoring (as the case's plan tab marks it: one held since would be the latest) set a
 * next review day before `today`. The one definition of an overdue review: the list's filter and ホーム's count.
 */
function reviewOverdue(today: string) {
  return and(ne(cases.phase, "closed"), sql`${latestReviewDay()} < ${today}`);
}

/** The next review day the case's latest monitoring set (null: none set, or no monitoring yet). */
function latestReviewDay() {
  return sql<string | null>`(select ${supportPlanMonitorings.nextReviewOn} from ${supportPlanMonitorings}
    where ${supportPlanMonitorings.municipalityId} = ${cases.municipalityId} and ${supportPlanMonitorings.caseId} = ${cases.id}
    order by ${supportPlanMonitorings.heldOn} desc, ${supportPlanMonitorings.createdAt} desc limit 1)`;
}

/** Open cases whose next review (as the latest monitoring set it) falls on or before `day`: the daily reminders. */
export async function casesWithReviewBy(db: Executor, municipalityId: string, day: string) {
  // the subquery is filtered on in WHERE only: rendered among the selected fields its columns lose their table names
  const due = await db
    .select({ caseId: cases.id, leadAgencyId: cases.leadAgencyId })
    .from(cases)
    .where(and(inMunicipality(cases, municipalityId), ne(cases.phase, "closed"), sql`${latestReviewDay()} <= ${day}`));
  if (due.length === 0) return [];
  const monitorings = await db
    .select({ caseId: supportPlanMonitorings.caseId, nextReviewOn: supportPlanMonitorings.nextReviewOn })
    .from(supportPlanMonitorings)
    .where(
      and(
        eq(supportPlanMonitorings.municipalityId, municipalityId),
        inArray(
          supportPlanMonitorings.caseId,
          due.map((d) => d.caseId),
        ),
      ),
    )
    .orderBy(desc(supportPlanMonitorings.heldOn), desc(supportPlanMonitorings.createdAt));
  const latest = new Map<string, string | null>();
  for (const m of monitorings) if (!latest.has(m.caseId)) latest.set(m.caseId, m.nextReviewOn);
  return due.flatMap((d) => {
    const nextReviewOn = latest.get(d.caseId);
    return nextReviewOn ? [{ ...d, nextReviewOn }] : [];
  });
}

/** The conditions on the case row itself (phase, review), apart from the team. */
function caseConditions(opts: CaseListFilter) {
  return [
    opts.phase ? eq(cases.phase, opts.phase) : undefined,
    opts.reviewOverdueOn ? reviewOverdue(opts.reviewOverdueOn) : undefined,
  ];
}

/** The cases an agency is on the team of (all cases when agencyId is absent: coordinators), narrowed as asked. */
function caseListWhere(municipalityId: string, opts: CaseListFilter) {
  const where: (SQL | undefined)[] = [inMunicipality(cases, municipalityId)];
  if (opts.agencyId) {
    where.push(
      sql`exists (select 1 from ${caseTeam} where ${caseTeam.municipalityId} = ${cases.municipalityId}
        and ${caseTeam.caseId} = ${cases.id} and ${caseTeam.agencyId} = ${opts.agencyId})`,
    );
  }
  return and(...where, ...caseConditions(opts));
}

/**
 * One page of the list, most recently updated first, with the list's total, in one statement: the page's ids from
 * the index on the list's order (a subquery with its own LIMIT), then their details (joining every case of an agency
 * before cutting the page made the first page cost as much as all). An empty page (past the end) counts apart.
 */
export async function listCases(
  db: Executor,
  municipalityId: string,
  opts: CaseListFilter & { offset: number; limit: number },
) {
  // LIMIT and OFFSET as literals (validated integers): with a parameter the planner cannot know the page is small
  // and sorts every case of the agency instead of walking cases_updated_idx; "desc nulls last" is the index's order.
  const limit = sql.raw(String(Math.trunc(opts.limit)));
  const offset = sql.raw(String(Math.trunc(opts.offset)));
  const rows = await db
    .select({
      case: cases,
      household: { id: households.id, name: households.name },
      person: { id: persons.id, nameKanji: persons.nameKanji, nameKana: persons.nameKana },
      teamAgencyIds: sql<string[]>`coalesce((select jsonb_agg(${caseTeam.agencyId} order by ${caseTeam.addedAt})
        from ${caseTeam} where ${caseTeam.municipalityId} = ${cases.municipalityId}
        and ${caseTeam.caseId} = ${cases.id}), '[]'::jsonb)`,
      total: sql<number>`(${countQuery(municipalityId, opts)})`.mapWith(Number),
    })
    .from(cases)
    .innerJoin(households, recordNamedBy(households, cases.householdId))
    .innerJoin(persons, recordNamedBy(persons, cases.mainPersonId))
    .where(
      and(
        inMunicipality(cases, municipalityId),
        sql`${cases.id} in (select ${cases.id} from ${cases} where ${caseListWhere(municipalityId, opts)}
          order by ${cases.updatedAt} desc nulls last, ${cases.id} limit ${limit} offset ${offset})`,
      ),
    )
    .orderBy(sql`${cases.updatedAt} desc nulls last`, cases.id);
  const total = rows[0]?.total ?? (await countCases(db, municipalityId, opts));
  return { rows, total };
}

/** How many cases the list has: for an agency, counted from its team rows (an index range), not from every case. */
function countQuery(municipalityId: string, opts: CaseListFilter) {
  if (opts.agencyId && !opts.phase && !opts.reviewOverdueOn) {
    return sql`select count(*)::int from ${caseTeam}
      where ${inMunicipality(caseTeam, municipalityId, { agencyId: opts.agencyId })}`;
  }
  if (!opts.agencyId) return sql`select count(*)::int from ${cases} where ${caseListWhere(municipalityId, opts)}`;
  return sql`select count(*)::int from ${caseTeam} join ${cases} on ${recordNamedBy(cases, caseTeam.caseId)}
    where ${and(inMunicipality(caseTeam, municipalityId, { agencyId: opts.agencyId }), ...caseConditions(opts))}`;
}

export async function countCases(db: Executor, municipalityId: string, opts: CaseListFilter) {
  const result = (await db.execute(sql`${countQuery(municipalityId, opts)}`)) as unknown as {
    rows: { count: number }[];
  };
  return Number(result.rows[0]?.count ?? 0);
}

export async function listEvents(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(inMunicipality(caseEvents, municipalityId, { caseId }))
    .orderBy(asc(caseEvents.seq));
}

export type CaseEventInput = Omit<typeof caseEvents.$inferInsert, "seq">;

export function insertEvent(db: Executor, values: CaseEventInput) {
  return appendNumbered(db, caseEvents, { caseId: values.caseId }, values);
}

export function insertRecord(db: Executor, values: typeof caseRecords.$inferInsert) {
  return insertOne(db, caseRecords, values);
}

export function listRecords(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(caseRecords)
    .where(inMunicipality(caseRecords, municipalityId, { caseId }))
    .orderBy(desc(caseRecords.date), desc(caseRecords.createdAt), asc(caseRecords.id));
}

export function insertAssessment(db: Executor, values: typeof caseAssessments.$inferInsert) {
  return insertOne(db, caseAssessments, values);
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
    .where(inMunicipality(caseAssessments, municipalityId, { caseId }))
    .orderBy(desc(caseAssessments.version));
}
export type AssessmentVersionRow = Awaited<ReturnType<typeof listAssessmentVersions>>[number];

export function findAssessment(db: Executor, municipalityId: string, caseId: string, version: number) {
  return findOne(db, caseAssessments, municipalityId, { caseId, version });
}
