import type { FastifyInstance } from "fastify";
import type { Db } from "../db/client.js";
import { agencyRoutes } from "./agencies/routes.js";
import { auditTrailRoutes } from "./audit-trail/routes.js";
import { caseEntryRoutes } from "./cases/entries-routes.js";
import { caseRoutes } from "./cases/routes.js";
import { concernRoutes } from "./concerns/routes.js";
import { evaluationRoutes } from "./evaluations/routes.js";
import { exportRoutes } from "./exports/routes.js";
import { householdRoutes } from "./households/routes.js";
import { importRoutes } from "./imports/routes.js";
import { indicatorRoutes } from "./indicators/routes.js";
import { meetingRoutes } from "./meetings/routes.js";
import { mfaRoutes } from "./mfa/routes.js";
import { personRoutes } from "./persons/routes.js";
import { planRoutes } from "./plans/routes.js";
import { referralRoutes } from "./referrals/routes.js";
import { resourceRoutes } from "./resources/routes.js";
import { revisionRoutes } from "./revisions/routes.js";
import { summaryRoutes } from "./summaries/routes.js";
import { supportPlanRoutes } from "./support-plans/routes.js";
import { userRoutes } from "./users/routes.js";

/** Domain modules register their routes here. */
export function registerModules(app: FastifyInstance, db: Db) {
  planRoutes(app, db);
  evaluationRoutes(app, db);
  summaryRoutes(app, db);
  importRoutes(app, db);
  userRoutes(app, db);
  exportRoutes(app, db);
  indicatorRoutes(app, db);
  revisionRoutes(app, db);
  agencyRoutes(app, db);
  personRoutes(app, db);
  referralRoutes(app, db);
  auditTrailRoutes(app, db);
  householdRoutes(app, db);
  caseRoutes(app, db);
  caseEntryRoutes(app, db);
  supportPlanRoutes(app, db);
  concernRoutes(app, db);
  meetingRoutes(app, db);
  resourceRoutes(app, db);
  mfaRoutes(app, db);
}
