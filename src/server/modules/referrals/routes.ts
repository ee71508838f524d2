import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { createReferralSchema, listReferralsQuery, referralParams, transitionSchema } from "./schema.js";
import * as service from "./service.js";

/** つなぐシート (issue 4): need-to-know access, closed loop (the sender always sees the outcome). */
export function referralRoutes(app: FastifyInstance, db: Db) {
  app.post("/api/referrals", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(createReferralSchema, request.body);
    const referral = await service.createReferral(db, actor, input);
    reply.status(201);
    setVersionTag(reply, referral.version);
    return { referral };
  });

  app.get("/api/referrals", async (request) => {
    const actor = requireActor(request);
    const { status } = parseInput(listReferralsQuery, request.query);
    return { referrals: await service.listReferrals(db, actor, status) };
  });

  app.get("/api/referrals/:referralId", async (request, reply) => {
    const actor = requireActor(request);
    const { referralId } = parseInput(referralParams, request.params);
    const referral = await service.getReferral(db, actor, referralId);
    setVersionTag(reply, referral.version);
    return { referral };
  });

  app.post("/api/referrals/:referralId/transition", async (request, reply) => {
    const actor = requireActor(request);
    const { referralId } = parseInput(referralParams, request.params);
    const input = parseInput(transitionSchema, request.body);
    const version = expectedVersion(request);
    const referral = await service.transitionReferral(db, actor, referralId, version, input);
    setVersionTag(reply, referral.version);
    return { referral };
  });
}
