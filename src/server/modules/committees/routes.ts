import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { planIdParams } from "../plans/schema.js";
import { getItemOpinions } from "./item-opinions.js";
import { createCommittee, listCommittees, updateCommittee } from "./manage.js";
import { answerOpinion, createOpinion, editOpinion, submitOpinion } from "./opinions.js";
import { getCommitteeYear } from "./review.js";
import {
  answerSchema,
  committeeParams,
  committeeSchema,
  committeeYearParams,
  itemOpinionParams,
  newOpinionSchema,
  opinionParams,
  opinionTextSchema,
} from "./schema.js";

export function committeeRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "committees");

  route("GET /api/plans/:planId/committees", { params: planIdParams }, async ({ actor, params }) => ({
    committees: await listCommittees(db, actor, params.planId),
  }));

  route(
    "POST /api/plans/:planId/committees",
    { params: planIdParams, body: committeeSchema, status: 201, etag: "committee" },
    async ({ actor, params, body }) => ({ committee: await createCommittee(db, actor, params.planId, body) }),
  );

  route(
    "PUT /api/committees/:committeeId",
    { params: committeeParams, body: committeeSchema, ifMatch: "required", etag: "committee" },
    async ({ actor, params, body, version }) => ({
      committee: await updateCommittee(db, actor, params.committeeId, version, body),
    }),
  );

  route(
    "GET /api/committees/:committeeId/years/:fiscalYear",
    { params: committeeYearParams },
    async ({ actor, params }) => ({ review: await getCommitteeYear(db, actor, params.committeeId, params.fiscalYear) }),
  );

  route(
    "POST /api/committees/:committeeId/years/:fiscalYear/opinions",
    { params: committeeYearParams, body: newOpinionSchema, status: 201, etag: "opinion" },
    async ({ actor, params, body }) => ({
      opinion: await createOpinion(db, actor, params.committeeId, params.fiscalYear, body),
    }),
  );

  route(
    "PUT /api/opinions/:opinionId",
    { params: opinionParams, body: opinionTextSchema, ifMatch: "required", etag: "opinion" },
    async ({ actor, params, body, version }) => ({
      opinion: await editOpinion(db, actor, params.opinionId, version, body.body),
    }),
  );

  route(
    "POST /api/opinions/:opinionId/submit",
    { params: opinionParams, ifMatch: "required", etag: "opinion" },
    async ({ actor, params, version }) => ({ opinion: await submitOpinion(db, actor, params.opinionId, version) }),
  );

  route(
    "POST /api/opinions/:opinionId/answer",
    { params: opinionParams, body: answerSchema, ifMatch: "required", etag: "opinion" },
    async ({ actor, params, body, version }) => ({
      opinion: await answerOpinion(db, actor, params.opinionId, version, body),
    }),
  );

  route("GET /api/plans/:planId/items/:itemId/opinions", { params: itemOpinionParams }, async ({ actor, params }) => ({
    committees: await getItemOpinions(db, actor, params.planId, params.itemId),
  }));
}
