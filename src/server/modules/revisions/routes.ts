import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor, requireAuth } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { planIdParams } from "../plans/schema.js";
import * as diffs from "./diff.js";
import { CSV_CONTENT_TYPE, diffCsv, diffDisposition, diffWorkbook, XLSX_CONTENT_TYPE } from "./diff-export.js";
import { diffQuery, revisionParams, startRevisionSchema } from "./schema.js";
import * as service from "./service.js";

export function revisionRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/plans/:planId/revisions", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    return service.listRevisions(db, auth, planId);
  });

  /** Start next year's revision (the plan office): baseline 1 first if needed, then the next number as a draft. */
  app.post("/api/plans/:planId/revisions", async (request, reply) => {
    const actor = requireActor(request);
    const { planId } = parseInput(planIdParams, request.params);
    const input = parseInput(startRevisionSchema, request.body ?? {});
    const result = await service.startRevision(db, actor, planId, input);
    reply.status(201);
    setVersionTag(reply, result.revision.version);
    return result;
  });

  app.post("/api/plans/:planId/revisions/:number/approve", async (request, reply) => {
    const actor = requireActor(request);
    const { planId, number } = parseInput(revisionParams, request.params);
    const version = expectedVersion(request);
    const revision = await service.approveRevision(db, actor, planId, number, version);
    setVersionTag(reply, revision.version);
    return { revision };
  });

  /** Delete a draft revision (the plan office, with If-Match); approved revisions stay (409). */
  app.delete("/api/plans/:planId/revisions/:number", async (request, reply) => {
    const actor = requireActor(request);
    const { planId, number } = parseInput(revisionParams, request.params);
    const version = expectedVersion(request);
    await service.deleteRevision(db, actor, planId, number, version);
    reply.status(204);
  });

  app.get("/api/plans/:planId/diff", async (request) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const query = parseInput(diffQuery, request.query);
    return diffs.getDiff(db, auth, planId, query);
  });

  app.get("/api/plans/:planId/diff.xlsx", async (request, reply) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const query = parseInput(diffQuery, request.query);
    const diff = await diffs.getDiff(db, auth, planId, query);
    const buffer = await diffWorkbook(diff);
    return reply
      .header("content-type", XLSX_CONTENT_TYPE)
      .header("content-disposition", diffDisposition(diff, "xlsx"))
      .send(buffer);
  });

  app.get("/api/plans/:planId/diff.csv", async (request, reply) => {
    const auth = requireAuth(request);
    const { planId } = parseInput(planIdParams, request.params);
    const query = parseInput(diffQuery, request.query);
    const diff = await diffs.getDiff(db, auth, planId, query);
    return reply
      .header("content-type", CSV_CONTENT_TYPE)
      .header("content-disposition", diffDisposition(diff, "csv"))
      .send(diffCsv(diff));
  });
}
