import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { caseParams } from "../cases/schema.js";
import { listAgencyTasks } from "./agency-tasks.js";
import { approvePlan } from "./approval.js";
import { closeCase } from "./closure.js";
import { recordMonitoring } from "./monitoring.js";
import * as plans from "./plans.js";
import {
  approvePlanSchema,
  closureSchema,
  completeTaskSchema,
  createPlanSchema,
  monitoringSchema,
  planParams,
  respondTaskSchema,
  savePlanSchema,
  taskParams,
} from "./schema.js";
import * as tasks from "./tasks.js";

/**
 * Support plans (支援プラン / アウトリーチ支援プラン), the agencies' tasks, monitorings and the closure of a case:
 * need-to-know like the case's records (404 without a disclosure basis, audited); drafts and the closure at a version.
 */
export function supportPlanRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "support-plans");

  route("GET /api/cases/:caseId/plans", { params: caseParams }, async ({ actor, params }) =>
    plans.getPlanSection(db, actor, params.caseId),
  );

  route(
    "POST /api/cases/:caseId/plans",
    { params: caseParams, body: createPlanSchema, status: 201, etag: "plan" },
    async ({ actor, params, body }) => ({ plan: await plans.createPlan(db, actor, params.caseId, body) }),
  );

  route(
    "PUT /api/cases/:caseId/plans/:planId",
    { params: planParams, body: savePlanSchema, ifMatch: "required", etag: "plan" },
    async ({ actor, params, body, version }) => ({
      plan: await plans.savePlan(db, actor, params.caseId, params.planId, version, body),
    }),
  );

  route(
    "POST /api/cases/:caseId/plans/:planId/approval",
    { params: planParams, body: approvePlanSchema, ifMatch: "required", etag: "plan" },
    async ({ actor, params, body, version }) => ({
      plan: await approvePlan(db, actor, params.caseId, params.planId, version, body),
    }),
  );

  route(
    "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/response",
    { params: taskParams, body: respondTaskSchema },
    async ({ actor, params, body }) => ({ task: await tasks.respondTask(db, actor, params, body) }),
  );

  route(
    "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/done",
    { params: taskParams, body: completeTaskSchema },
    async ({ actor, params, body }) => ({ task: await tasks.completeTask(db, actor, params, body.doneOn) }),
  );

  route(
    "POST /api/cases/:caseId/monitorings",
    { params: caseParams, body: monitoringSchema, status: 201 },
    async ({ actor, params, body }) => ({ monitoring: await recordMonitoring(db, actor, params.caseId, body) }),
  );

  route(
    "POST /api/cases/:caseId/closure",
    { params: caseParams, body: closureSchema, ifMatch: "required", status: 201, etag: "case" },
    async ({ actor, params, body, version }) => ({
      case: await closeCase(db, actor, params.caseId, version, body),
    }),
  );

  route("GET /api/support-tasks", {}, async ({ actor }) => listAgencyTasks(db, actor));
}
