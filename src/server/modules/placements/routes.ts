import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { caseParams } from "../cases/schema.js";
import { listFollowUpsDue } from "./follow-ups.js";
import { placementsForOperator } from "./operator.js";
import {
  changeStatusSchema,
  placementParams,
  proposePlacementSchema,
  resourceParams,
  unmetNeedSchema,
} from "./schema.js";
import { changePlacementStatus, listPlacements, proposePlacement } from "./service.js";
import { listUnmetNeeds, recordUnmetNeed } from "./unmet-needs.js";

/** Participation support (参加支援): a case's placements in local resources, and the needs no resource met. */
export function placementRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "placements");

  route("GET /api/cases/:caseId/placements", { params: caseParams }, async ({ actor, params }) =>
    listPlacements(db, actor, params.caseId),
  );

  route(
    "POST /api/cases/:caseId/placements",
    { params: caseParams, body: proposePlacementSchema, status: 201, etag: "placement" },
    async ({ actor, params, body }) => ({ placement: await proposePlacement(db, actor, params.caseId, body) }),
  );

  route(
    "POST /api/cases/:caseId/placements/:placementId/status",
    { params: placementParams, body: changeStatusSchema, ifMatch: "required", etag: "placement" },
    async ({ actor, params, body, version }) => ({
      placement: await changePlacementStatus(db, actor, params, version, body),
    }),
  );

  route(
    "POST /api/cases/:caseId/unmet-needs",
    { params: caseParams, body: unmetNeedSchema, status: 201 },
    async ({ actor, params, body }) => ({ unmetNeed: await recordUnmetNeed(db, actor, params.caseId, body) }),
  );

  route("GET /api/resources/:resourceId/placements", { params: resourceParams }, async ({ actor, params }) =>
    placementsForOperator(db, actor, params.resourceId),
  );

  route("GET /api/placements/follow-ups", {}, async ({ actor }) => listFollowUpsDue(db, actor));

  route("GET /api/unmet-needs", {}, async ({ actor }) => listUnmetNeeds(db, actor));
}
