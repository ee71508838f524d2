import { boolean, date, index, integer, jsonb, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.js";
import { createdAt, recordTable, sameMunicipality, timestamps, version } from "./columns.js";
import { meetings } from "./meetings.js";
import { agencies } from "./support.js";

/**
 * The support plans of a case (支援プラン, or アウトリーチ支援プラン before the person's consent), their goals and
 * the agencies' tasks, the monitorings and the case's closure (終結). A plan is numbered per case (版); a draft is
 * edited at its version, an approved plan is never changed again (a new draft starts as its copy).
 */

/** kind support | outreach; status draft | approved | superseded. */
export const supportPlans = recordTable(
  "support_plans",
  {
    caseId: uuid("case_id").notNull(),
    /** the plan's number within its case (第n版) */
    number: integer("number").notNull(),
    kind: text("kind").notNull(),
    status: text("status").notNull(),
    /** 本人の思い: the person's own words */
    wishes: text("wishes").notNull(),
    approvedOn: date("approved_on", { mode: "string" }),
    /** the meeting that approved the plan (support-plans/meeting-check.ts: its kind, date and agenda) */
    approvedMeetingId: uuid("approved_meeting_id"),
    approvedBy: uuid("approved_by"),
    createdBy: uuid("created_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    unique("support_plans_number_uq").on(t.municipalityId, t.caseId, t.number),
    // 統計: plans approved in a fiscal year
    index("support_plans_approved_idx").on(t.municipalityId, t.approvedOn),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.approvedMeetingId, meetings),
  ],
);

/** A goal of a plan: term short | long, in the plan's order. */
export const supportPlanGoals = recordTable(
  "support_plan_goals",
  {
    planId: uuid("plan_id").notNull(),
    order: integer("order").notNull(),
    term: text("term").notNull(),
    text: text("text").notNull(),
  },
  (t) => [
    index("support_plan_goals_plan_idx").on(t.municipalityId, t.planId),
    sameMunicipality(t, t.planId, supportPlans),
  ],
);

/**
 * A task of a goal for one agency of the team, with its role (ポジショニング). response pending | accepted |
 * declined (a decline has its reason); done_on when the task was carried out.
 */
export const supportPlanTasks = recordTable(
  "support_plan_tasks",
  {
    planId: uuid("plan_id").notNull(),
    goalId: uuid("goal_id").notNull(),
    order: integer("order").notNull(),
    agencyId: uuid("agency_id").notNull(),
    role: text("role").notNull(),
    text: text("text").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    response: text("response").notNull(),
    reason: text("reason"),
    respondedBy: uuid("responded_by"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    doneOn: date("done_on", { mode: "string" }),
  },
  (t) => [
    index("support_plan_tasks_plan_idx").on(t.municipalityId, t.planId),
    // "my agency's tasks": an agency's tasks across the cases, read from the index
    index("support_plan_tasks_agency_idx").on(t.municipalityId, t.agencyId),
    sameMunicipality(t, t.planId, supportPlans),
    sameMunicipality(t, t.goalId, supportPlanGoals),
    sameMunicipality(t, t.agencyId, agencies),
  ],
);

/** The progress of one goal at a monitoring (the goal of the plan the monitoring looked at). */
export interface GoalProgress {
  goalId: string;
  progress: string;
}

/** A monitoring: when, the progress per goal, the next review; the final one (is_final) allows the closure. */
export const supportPlanMonitorings = recordTable(
  "support_plan_monitorings",
  {
    caseId: uuid("case_id").notNull(),
    planId: uuid("plan_id").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    progress: jsonb("progress").$type<GoalProgress[]>().notNull(),
    nextReviewOn: date("next_review_on", { mode: "string" }),
    note: text("note"),
    isFinal: boolean("is_final").notNull(),
    recordedBy: uuid("recorded_by"),
    recordedByAgencyId: uuid("recorded_by_agency_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("support_plan_monitorings_case_idx").on(t.municipalityId, t.caseId, t.heldOn),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.planId, supportPlans),
    sameMunicipality(t, t.recordedByAgencyId, agencies),
  ],
);

/** The closure of a case (終結): reason goals_met | moved | refused | transferred | died | other, and the evaluation. */
export const caseClosures = recordTable(
  "case_closures",
  {
    caseId: uuid("case_id").notNull(),
    closedOn: date("closed_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    reasonNote: text("reason_note"),
    evaluation: text("evaluation").notNull(),
    recordedBy: uuid("recorded_by"),
    recordedByAgencyId: uuid("recorded_by_agency_id"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("case_closures_case_uq").on(t.municipalityId, t.caseId),
    // 統計: cases closed in a fiscal year
    index("case_closures_closed_idx").on(t.municipalityId, t.closedOn),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.recordedByAgencyId, agencies),
  ],
);
