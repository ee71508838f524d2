import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import {
  caseClosures,
  cases,
  caseTeam,
  supportPlanGoals,
  supportPlanMonitorings,
  supportPlans,
  supportPlanTasks,
} from "../../db/schema/index.js";

/** The only SQL of support plans, monitorings and closures. */

export type PlanRow = typeof supportPlans.$inferSelect;
export type GoalRow = typeof supportPlanGoals.$inferSelect;
export type TaskRow = typeof supportPlanTasks.$inferSelect;
export type MonitoringRow = typeof supportPlanMonitorings.$inferSelect;
export type ClosureRow = typeof caseClosures.$inferSelect;

/** The plans of a case, newest first. */
export function listPlans(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(supportPlans)
    .where(inMunicipality(supportPlans, municipalityId, { caseId }))
    .orderBy(desc(supportPlans.number));
}

export function findPlan(db: Executor, municipalityId: string, caseId: string, id: string) {
  return findOne(db, supportPlans, municipalityId, { caseId, id });
}

export function insertPlan(db: Executor, values: typeof supportPlans.$inferInsert) {
  return insertOne(db, supportPlans, values);
}

export function updatePlan(
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<Pick<PlanRow, "wishes" | "status" | "approvedOn" | "approvedMeetingId" | "approvedBy">>,
) {
  return updateAtVersion(db, supportPlans, municipalityId, { id, version }, { ...values, updatedAt: new Date() });
}

/** A plan's goals and tasks in their order (several plans at once). */
export async function contentOf(db: Executor, municipalityId: string, planIds: string[]) {
  if (!planIds.length) return { goals: [] as GoalRow[], tasks: [] as TaskRow[] };
  const goals = await db
    .select()
    .from(supportPlanGoals)
    .where(and(eq(supportPlanGoals.municipalityId, municipalityId), inArray(supportPlanGoals.planId, planIds)))
    .orderBy(asc(supportPlanGoals.order));
  const tasks = await db
    .select()
    .from(supportPlanTasks)
    .where(and(eq(supportPlanTasks.municipalityId, municipalityId), inArray(supportPlanTasks.planId, planIds)))
    .orderBy(asc(supportPlanTasks.order));
  return { goals, tasks };
}

/** Removes a draft's goals and tasks (before its content is written again). */
export async function clearContent(db: Executor, municipalityId: string, planId: string) {
  await db.delete(supportPlanTasks).where(inMunicipality(supportPlanTasks, municipalityId, { planId }));
  await db.delete(supportPlanGoals).where(inMunicipality(supportPlanGoals, municipalityId, { planId }));
}

export function insertGoals(db: Executor, values: (typeof supportPlanGoals.$inferInsert)[]) {
  if (!values.length) return Promise.resolve([] as GoalRow[]);
  return db.insert(supportPlanGoals).values(values).returning();
}

export function insertTasks(db: Executor, values: (typeof supportPlanTasks.$inferInsert)[]) {
  if (!values.length) return Promise.resolve([] as TaskRow[]);
  return db.insert(supportPlanTasks).values(values).returning();
}

export function findTask(db: Executor, municipalityId: string, planId: string, id: string) {
  return findOne(db, supportPlanTasks, municipalityId, { planId, id }, { forUpdate: true });
}

export async function updateTask(
  db: Executor,
  municipalityId: string,
  id: string,
  values: Partial<Pick<TaskRow, "response" | "reason" | "respondedBy" | "respondedAt" | "doneOn">>,
) {
  const [row] = await db
    .update(supportPlanTasks)
    .set(values)
    .where(inMunicipality(supportPlanTasks, municipalityId, { id }))
    .returning();
  return row as TaskRow;
}

/** The monitorings of a case, latest first. */
export function listMonitorings(db: Executor, municipalityId: string, caseId: string) {
  return db
    .select()
    .from(supportPlanMonitorings)
    .where(inMunicipality(supportPlanMonitorings, municipalityId, { caseId }))
    .orderBy(desc(supportPlanMonitorings.heldOn), desc(supportPlanMonitorings.createdAt));
}

export function insertMonitoring(db: Executor, values: typeof supportPlanMonitorings.$inferInsert) {
  return insertOne(db, supportPlanMonitorings, values);
}

export function findClosure(db: Executor, municipalityId: string, caseId: string) {
  return findOne(db, caseClosures, municipalityId, { caseId });
}

export function insertClosure(db: Executor, values: typeof caseClosures.$inferInsert) {
  return insertOne(db, caseClosures, values);
}

/**
 * The open tasks of an agency: in a plan in force or being drafted (not superseded) of a case not closed, neither
 * declined nor done. Whether the agency may see each case is decided by the caller of this.
 */
export function openTasksOfAgency(db: Executor, municipalityId: string, agencyId: string) {
  return db
    .select({
      task: supportPlanTasks,
      plan: { id: supportPlans.id, number: supportPlans.number, kind: supportPlans.kind, status: supportPlans.status },
      goal: { text: supportPlanGoals.text, term: supportPlanGoals.term },
      c: { id: cases.id, leadAgencyId: cases.leadAgencyId, mainPersonId: cases.mainPersonId, phase: cases.phase },
    })
    .from(supportPlanTasks)
    .innerJoin(
      supportPlans,
      and(
        eq(supportPlans.municipalityId, supportPlanTasks.municipalityId),
        eq(supportPlans.id, supportPlanTasks.planId),
      ),
    )
    .innerJoin(
      supportPlanGoals,
      and(
        eq(supportPlanGoals.municipalityId, supportPlanTasks.municipalityId),
        eq(supportPlanGoals.id, supportPlanTasks.goalId),
      ),
    )
    .innerJoin(cases, and(eq(cases.municipalityId, supportPlans.municipalityId), eq(cases.id, supportPlans.caseId)))
    .where(
      and(
        inMunicipality(supportPlanTasks, municipalityId, { agencyId }),
        isNull(supportPlanTasks.doneOn),
        ne(supportPlanTasks.response, "declined"),
        ne(supportPlans.status, "superseded"),
        ne(cases.phase, "closed"),
      ),
    )
    .orderBy(asc(supportPlanTasks.dueOn), asc(cases.id), asc(supportPlanTasks.order));
}

/** Of these cases, those whose team the agency is on. */
export async function casesWithTeamAgency(db: Executor, municipalityId: string, agencyId: string, caseIds: string[]) {
  if (!caseIds.length) return new Set<string>();
  const rows = await db
    .select({ caseId: caseTeam.caseId })
    .from(caseTeam)
    .where(and(inMunicipality(caseTeam, municipalityId, { agencyId }), inArray(caseTeam.caseId, caseIds)));
  return new Set(rows.map((r) => r.caseId));
}
