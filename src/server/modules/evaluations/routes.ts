import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor, requireAuth } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { planIdParams } from "../plans/schema.js";
import * as rounds from "./rounds.js";
import {
  openRoundSchema,
  returnSheetSchema,
  roundParams,
  sheetFieldsSchema,
  sheetListQuery,
  sheetParams,
} from "./schema.js";
import * as service from "./service.js";
import * as sheetChanges from "./sheet-changes.js";

export function evaluationRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/plans/:planId/evaluations", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    return { rounds: await rounds.listRounds(db, auth, planId) };
  });

  app.post("/api/plans/:planId/evaluations", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const { fiscalYear } = parseInput(openRoundSchema, request.body);
    reply.status(201);
    return { round: await rounds.openRound(db, actor, planId, fiscalYear) };
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
    const actor = requireActor(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const input = parseInput(sheetFieldsSchema, request.body);
    const version = expectedVersion(request);
    const sheet = await sheetChanges.saveSheet(db, actor, sheetId, version, input);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  // the fields on screen come with the submission (optional): checked and saved with it, or nothing is saved
  app.post("/api/sheets/:sheetId/submit", async (request, reply) => {
    const actor = requireActor(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const input = parseInput(sheetFieldsSchema, request.body ?? {});
    const version = expectedVersion(request);
    const sheet = await sheetChanges.submitSheet(db, actor, sheetId, version, input);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  app.post("/api/sheets/:sheetId/accept", async (request, reply) => {
    const actor = requireActor(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const version = expectedVersion(request);
    const sheet = await sheetChanges.acceptSheet(db, actor, sheetId, version);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  app.post("/api/sheets/:sheetId/return", async (request, reply) => {
    const actor = requireActor(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    const { comment } = parseInput(returnSheetSchema, request.body);
    const version = expectedVersion(request);
    const sheet = await sheetChanges.returnSheet(db, actor, sheetId, version, comment);
    setVersionTag(reply, sheet.version);
    return { sheet };
  });

  app.get("/api/sheets/:sheetId/history", async (request) => {
    const auth = requireAuth(request);
    const { sheetId } = parseInput(sheetParams, request.params);
    return { history: await service.sheetHistory(db, auth, sheetId) };
  });
}
