import { type CaseConsent, CONSENT_LABELS } from "../../../domain/labels/support.js";
import {
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  GOAL_TERM_LABELS,
  type GoalTerm,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  type PlanKind,
  type PlanStatus,
  TASK_RESPONSE_LABELS,
  type TaskResponse,
} from "../../../domain/labels/support-plans.js";
import { type AgencyMap, agencyRef, agencyRefOrNull } from "../agencies/presenter.js";
import type { CaseRow } from "../cases/repository.js";
import type { ClosureRow, GoalRow, MonitoringRow, PlanRow, TaskRow } from "./repository.js";

/** The shapes of plans, tasks, monitorings and closures; overdue flags are computed against Japan's `today`. */

/** A task is overdue when its due day has passed and it is neither done nor declined. */
export const taskOverdue = (t: Pick<TaskRow, "dueOn" | "doneOn" | "response">, today: string) =>
  t.dueOn !== null && t.doneOn === null && t.response !== "declined" && t.dueOn < today;

export function presentTask(t: TaskRow, agencies: AgencyMap, today: string, ownAgencyId: string | null) {
  return {
    id: t.id,
    goalId: t.goalId,
    agency: agencyRef(agencies, t.agencyId),
    role: t.role,
    text: t.text,
    dueOn: t.dueOn,
    response: t.response as TaskResponse,
    responseLabel: TASK_RESPONSE_LABELS[t.response as TaskResponse] ?? t.response,
    reason: t.reason,
    respondedAt: t.respondedAt,
    doneOn: t.doneOn,
    overdue: taskOverdue(t, today),
    /** the caller's agency is the one to answer it */
    mine: ownAgencyId !== null && t.agencyId === ownAgencyId,
  };
}

export interface PlanContent {
  goals: GoalRow[];
  tasks: TaskRow[];
}

export function presentPlan(
  p: PlanRow,
  content: PlanContent,
  agencies: AgencyMap,
  today: string,
  ownAgencyId: string | null,
) {
  const goals = content.goals.filter((g) => g.planId === p.id);
  const tasks = content.tasks.filter((t) => t.planId === p.id);
  return {
    id: p.id,
    number: p.number,
    kind: p.kind as PlanKind,
    kindLabel: PLAN_KIND_LABELS[p.kind as PlanKind] ?? p.kind,
    status: p.status as PlanStatus,
    statusLabel: PLAN_STATUS_LABELS[p.status as PlanStatus] ?? p.status,
    wishes: p.wishes,
    approvedOn: p.approvedOn,
    approvedMeetingId: p.approvedMeetingId,
    version: p.version,
    updatedAt: p.updatedAt,
    goals: goals.map((g) => ({
      id: g.id,
      term: g.term as GoalTerm,
      termLabel: GOAL_TERM_LABELS[g.term as GoalTerm] ?? g.term,
      text: g.text,
      tasks: tasks.filter((t) => t.goalId === g.id).map((t) => presentTask(t, agencies, today, ownAgencyId)),
    })),
    overdueTasks: tasks.filter((t) => taskOverdue(t, today)).length,
  };
}
export type PresentedPlan = ReturnType<typeof presentPlan>;

export function presentMonitoring(m: MonitoringRow, agencies: AgencyMap) {
  return {
    id: m.id,
    planId: m.planId,
    heldOn: m.heldOn,
    progress: m.progress,
    nextReviewOn: m.nextReviewOn,
    note: m.note,
    isFinal: m.isFinal,
    recordedByAgency: agencyRefOrNull(agencies, m.recordedByAgencyId),
  };
}

export function presentClosure(c: ClosureRow) {
  return {
    closedOn: c.closedOn,
    reason: c.reason as ClosureReason,
    reasonLabel: CLOSURE_REASON_LABELS[c.reason as ClosureReason] ?? c.reason,
    reasonNote: c.reasonNote,
    evaluation: c.evaluation,
  };
}

/**
 * The plan section of a case: its consent (an outreach plan before it), the plans newest first, the monitorings,
 * the closure; the next review is overdue when its day has passed and no monitoring was held since.
 */
export function presentPlanSection(input: {
  c: CaseRow;
  plans: PlanRow[];
  content: PlanContent;
  monitorings: MonitoringRow[];
  closure: ClosureRow | null;
  agencies: AgencyMap;
  today: string;
  ownAgencyId: string | null;
  canManage: boolean;
}) {
  const { c, today } = input;
  const latest = input.monitorings[0];
  const nextReviewOn = latest?.nextReviewOn ?? null;
  return {
    caseId: c.id,
    phase: c.phase,
    consent: c.consent as CaseConsent,
    consentLabel: CONSENT_LABELS[c.consent as CaseConsent] ?? c.consent,
    consentDate: c.consentDate,
    /** before the person's consent only an outreach plan can be made */
    outreach: c.consent !== "given",
    canManage: input.canManage,
    plans: input.plans.map((p) => presentPlan(p, input.content, input.agencies, today, input.ownAgencyId)),
    monitorings: input.monitorings.map((m) => presentMonitoring(m, input.agencies)),
    nextReviewOn,
    reviewOverdue: c.phase !== "closed" && nextReviewOn !== null && nextReviewOn < today,
    closure: input.closure ? presentClosure(input.closure) : null,
  };
}
