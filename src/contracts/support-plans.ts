import type { z } from "zod";
import type { listAgencyTasks } from "../server/modules/support-plans/agency-tasks.js";
import type { getPlanSection } from "../server/modules/support-plans/plans.js";
import type {
  approvePlanSchema,
  closureSchema,
  monitoringSchema,
  respondTaskSchema,
  savePlanSchema,
} from "../server/modules/support-plans/schema.js";
import type { JsonOf } from "./json.js";

// Support plans (支援プラン), monitorings and the closure of a case
/** GET /api/cases/:caseId/plans */
export type PlanSection = JsonOf<typeof getPlanSection>;
export type SupportPlan = PlanSection["plans"][number];
export type PlanGoal = SupportPlan["goals"][number];
export type PlanTask = PlanGoal["tasks"][number];
export type Monitoring = PlanSection["monitorings"][number];
/** GET /api/support-tasks */
export type AgencyTaskList = JsonOf<typeof listAgencyTasks>;
export type AgencyTask = AgencyTaskList["tasks"][number];
export type SavePlanInput = z.input<typeof savePlanSchema>;
export type ApprovePlanInput = z.input<typeof approvePlanSchema>;
export type RespondTaskInput = z.input<typeof respondTaskSchema>;
export type MonitoringInput = z.input<typeof monitoringSchema>;
export type ClosureInput = z.input<typeof closureSchema>;
