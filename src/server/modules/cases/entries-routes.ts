import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import * as assessments from "./assessments.js";
import * as records from "./records.js";
import { assessmentParams, caseParams, createRecordSchema, saveAssessmentSchema } from "./schema.js";

const noStore = (reply: FastifyReply) => reply.header("cache-control", "no-store");

/** 支援経過 (activity records) and the versioned assessment of a case: consent-aware, every read audited. */
export function caseEntryRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/cases/:caseId/records", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const result = await records.listRecords(db, actor, caseId);
    noStore(reply);
    return result;
  });

  app.post("/api/cases/:caseId/records", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const input = parseInput(createRecordSchema, request.body);
    const record = await records.createRecord(db, actor, caseId, input);
    reply.status(201);
    noStore(reply);
    return { record };
  });

  app.get("/api/cases/:caseId/assessments", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const result = await assessments.listAssessments(db, actor, caseId);
    noStore(reply);
    setVersionTag(reply, result.latestVersion);
    return result;
  });

  app.get("/api/cases/:caseId/assessments/:version", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId, version } = parseInput(assessmentParams, request.params);
    const assessment = await assessments.getAssessment(db, actor, caseId, version);
    noStore(reply);
    return { assessment };
  });

  app.post("/api/cases/:caseId/assessments", async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseInput(caseParams, request.params);
    const input = parseInput(saveAssessmentSchema, request.body);
    const expected = expectedVersion(request);
    const assessment = await assessments.saveAssessment(db, actor, caseId, expected, input);
    reply.status(201);
    noStore(reply);
    setVersionTag(reply, assessment.version);
    return { assessment };
  });
}
