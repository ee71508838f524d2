import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import * as lifecycle from "./lifecycle.js";
import {
  addTeamAgencySchema,
  caseParams,
  changePhaseSchema,
  consentSchema,
  listCasesQuery,
  openCaseSchema,
  removeTeamAgencySchema,
  teamMemberParams,
  updateCaseSchema,
} from "./schema.js";
import * as service from "./service.js";

const noStore = (reply: FastifyReply) => reply.header("cache-control", "no-store");

/**
 * Cases of 重層的支援 (多機関協働): opened by a coordinator from referrals; need-to-know (the team and the
 * coordinators; everyone else 404, audited); every update needs If-Match.
 */
export function caseRoutes(app: FastifyInstance, db: Db) {
  app.post("/api/cases", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(openCaseSchema, request.body);
    const created = await service.openCase(db, actor, input);
    reply.status(201);
    noStore(reply);
    setVersionTag(reply, created.version);
    return { case: created };
  });

  app.get("/api/cases", async (request, reply) => {
    const actor = requireActor(request);
    const query = parseInput(listCasesQuery, request.query);
    const page = await service.listCases(db, actor, query);
    noStore(reply);
    return page;
  });

  app.get("/api/cases/:caseId", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const found = await service.getCase(db, actor, caseId);
    noStore(reply);
    setVersionTag(reply, found.version);
    return { case: found };
  });

  app.patch("/api/cases/:caseId", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const input = parseInput(updateCaseSchema, request.body);
    const version = expectedVersion(request);
    const updated = await lifecycle.updateCase(db, actor, caseId, version, input);
    noStore(reply);
    setVersionTag(reply, updated.version);
    return { case: updated };
  });

  app.post("/api/cases/:caseId/phase", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const input = parseInput(changePhaseSchema, request.body);
    const version = expectedVersion(request);
    const updated = await lifecycle.changePhase(db, actor, caseId, version, input);
    noStore(reply);
    setVersionTag(reply, updated.version);
    return { case: updated };
  });

  app.post("/api/cases/:caseId/consent", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const input = parseInput(consentSchema, request.body);
    const version = expectedVersion(request);
    const updated = await lifecycle.updateConsent(db, actor, caseId, version, input);
    noStore(reply);
    setVersionTag(reply, updated.version);
    return { case: updated };
  });

  app.post("/api/cases/:caseId/team", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const input = parseInput(addTeamAgencySchema, request.body);
    const version = expectedVersion(request);
    const updated = await lifecycle.addTeamAgency(db, actor, caseId, version, input);
    reply.status(201);
    noStore(reply);
    setVersionTag(reply, updated.version);
    return { case: updated };
  });

  app.delete("/api/cases/:caseId/team/:agencyId", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId, agencyId } = parseInput(teamMemberParams, request.params);
    const { reason } = parseInput(removeTeamAgencySchema, request.body ?? {});
    const version = expectedVersion(request);
    const updated = await lifecycle.removeTeamAgency(db, actor, caseId, agencyId, version, reason);
    noStore(reply);
    setVersionTag(reply, updated.version);
    return { case: updated };
  });
}
