import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireAuth } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { planIdParams } from "../plans/schema.js";
import {
  openRoundSchema,
  returnSheetSchema,
  roundParams,
  sheetFieldsSchema,
  sheetListQuery,
  sheetParams,
} from "./schema.js";
import * as service from "./service.js";

export function evaluationRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/plans/:planId/evaluations", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    return { rounds: await service.listRounds(db, auth, planId) };
  });

  app.post("/api/plans/:planId/evaluations", async (request, reply) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { fiscalYear } = parseInput(openRoundSchema, request.body);
    reply.status(201);
    return { round: await service.openRound(db, auth, request.ip, planId, fiscalYear) };
  });

  app.get("/api/plans/:planId/evaluations/:fiscalYear/sheets", async (request) => {
    const auth = requireAuth(request);
    const { planId, fiscalYear } = parseInput(roundParams, request.params);
    const query = parseInput(sheetListQuery, request.query);
    return { sheets: await service.listSheets(db, auth, planId, fiscalYear, query) };
  });

  app.get("/api/sheets/:sheetId", async (request, reply) => {
    const auth = requireAuth(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const sheet = await service.getSheet(db, auth, sheetId);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  app.put("/api/sheets/:sheetId", async (request, reply) => {
    const auth = requireAuth(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const input = parseInput(sheetFieldsSchema, request.body);
    const version = expectedVersion(request);
    const sheet = await service.saveSheet(db, auth, request.ip, sheetId, version, input);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  // the fields on screen come with the submission (optional): checked and saved with it, or nothing is saved
  app.post("/api/sheets/:sheetId/submit", async (request, reply) => {
    const auth = requireAuth(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const input = parseInput(sheetFieldsSchema, request.body ?? {});
    const version = expectedVersion(request);
    const sheet = await service.submitSheet(db, auth, request.ip, sheetId, version, input);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  app.post("/api/sheets/:sheetId/accept", async (request, reply) => {
    const auth = requireAuth(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const version = expectedVersion(request);
    const sheet = await service.acceptSheet(db, auth, request.ip, sheetId, version);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  app.post("/api/sheets/:sheetId/return", async (request, reply) => {
    const auth = requireAuth(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const { comment } = parseInput(returnSheetSchema, request.body);
    const version = expectedVersion(request);
    const sheet = await service.returnSheet(db, auth, request.ip, sheetId, version, comment);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  app.get("/api/sheets/:sheetId/history", async (request) => {
    const auth = requireAuth(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    return { history: await service.sheetHistory(db, auth, sheetId) };
  });
}
