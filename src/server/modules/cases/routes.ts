import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { consentParams, recordConsentSchema, withdrawConsentSchema } from "./consent-schema.js";
import * as consents from "./consents.js";
import * as lifecycle from "./lifecycle.js";
import {
  addTeamAgencySchema,
  caseParams,
  changePhaseSchema,
  listCasesQuery,
  openCaseSchema,
  removeTeamAgencySchema,
  teamMemberParams,
  updateCaseSchema,
} from "./schema.js";
import * as service from "./service.js";

/**
 * Cases of 重層的支援 (多機関協働): opened by a coordinator from referrals; need-to-know (the team and the
 * coordinators; everyone else 404, audited); every update needs If-Match.
 */
export function caseRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "cases");

  route("POST /api/cases", { body: openCaseSchema, status: 201, etag: "case" }, async ({ actor, body }) => ({
    case: await service.openCase(db, actor, body),
  }));

  route("GET /api/cases", { query: listCasesQuery }, async ({ actor, query }) => service.listCases(db, actor, query));

  route("GET /api/cases/:caseId", { params: caseParams, etag: "case" }, async ({ actor, params }) => ({
    case: await service.getCase(db, actor, params.caseId),
  }));

  route(
    "PATCH /api/cases/:caseId",
    { params: caseParams, body: updateCaseSchema, ifMatch: "required", etag: "case" },
    async ({ actor, params, body, version }) => ({
      case: await lifecycle.updateCase(db, actor, params.caseId, version, body),
    }),
  );

  route(
    "POST /api/cases/:caseId/phase",
    { params: caseParams, body: changePhaseSchema, ifMatch: "required", etag: "case" },
    async ({ actor, params, body, version }) => ({
      case: await lifecycle.changePhase(db, actor, params.caseId, version, body),
    }),
  );

  route(
    "POST /api/cases/:caseId/consents",
    { params: caseParams, body: recordConsentSchema, ifMatch: "required", status: 201, etag: "case" },
    async ({ actor, params, body, version }) => ({
      case: await consents.recordConsent(db, actor, params.caseId, version, body),
    }),
  );

  route(
    "POST /api/cases/:caseId/consents/:consentId/withdrawal",
    { params: consentParams, body: withdrawConsentSchema, ifMatch: "required", etag: "case" },
    async ({ actor, params, body, version }) => ({
      case: await consents.withdrawConsent(db, actor, params.caseId, params.consentId, version, body),
    }),
  );

  route(
    "POST /api/cases/:caseId/team",
    { params: caseParams, body: addTeamAgencySchema, ifMatch: "required", status: 201, etag: "case" },
    async ({ actor, params, body, version }) => ({
      case: await lifecycle.addTeamAgency(db, actor, params.caseId, version, body),
    }),
  );

  route(
    "DELETE /api/cases/:caseId/team/:agencyId",
    { params: teamMemberParams, body: removeTeamAgencySchema, bodyOptional: true, ifMatch: "required", etag: "case" },
    async ({ actor, params, body, version }) => ({
      case: await lifecycle.removeTeamAgency(db, actor, params.caseId, params.agencyId, version, body.reason),
    }),
  );
}
