import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { createReferralSchema, listReferralsQuery, referralParams, transitionSchema } from "./schema.js";
import * as service from "./service.js";

/** つなぐシート (issue 4): need-to-know access, closed loop (the sender always sees the outcome). */
export function referralRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "referrals");

  route(
    "POST /api/referrals",
    { body: createReferralSchema, status: 201, etag: "referral" },
    async ({ actor, body }) => ({ referral: await service.createReferral(db, actor, body) }),
  );

  route("GET /api/referrals", { query: listReferralsQuery }, async ({ actor, query }) => ({
    referrals: await service.listReferrals(db, actor, query.status),
  }));

  route("GET /api/referrals/:referralId", { params: referralParams, etag: "referral" }, async ({ actor, params }) => ({
    referral: await service.getReferral(db, actor, params.referralId),
  }));

  route(
    "POST /api/referrals/:referralId/transition",
    { params: referralParams, body: transitionSchema, ifMatch: "required", etag: "referral" },
    async ({ actor, params, body, version }) => ({
      referral: await service.transitionReferral(db, actor, params.referralId, version, body),
    }),
  );
}
