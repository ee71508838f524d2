import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { createHouseholdSchema, householdParams, listHouseholdsQuery, memberParams, memberSchema } from "./schema.js";
import * as service from "./service.js";

/** 世帯 (households): need-to-know reads, each one audited; member changes need If-Match. */
export function householdRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "households");

  route(
    "POST /api/households",
    { body: createHouseholdSchema, status: 201, etag: "household" },
    async ({ actor, body }) => ({ household: await service.createHousehold(db, actor, body) }),
  );

  route("GET /api/households", { query: listHouseholdsQuery }, async ({ actor, query }) => ({
    households: await service.listHouseholds(db, actor, query.personId),
  }));

  route(
    "GET /api/households/:householdId",
    { params: householdParams, etag: "household" },
    async ({ actor, params }) => ({ household: await service.getHousehold(db, actor, params.householdId) }),
  );

  route(
    "POST /api/households/:householdId/members",
    { params: householdParams, body: memberSchema, ifMatch: "required", status: 201, etag: "household" },
    async ({ actor, params, body, version }) => ({
      household: await service.addMember(db, actor, params.householdId, version, body),
    }),
  );

  route(
    "DELETE /api/households/:householdId/members/:personId",
    { params: memberParams, ifMatch: "required", etag: "household" },
    async ({ actor, params, version }) => ({
      household: await service.removeMember(db, actor, params.householdId, params.personId, version),
    }),
  );
}
