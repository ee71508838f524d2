import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { userParams } from "../users/schema.js";
import { codeSchema, mfaPolicySchema, verifySchema } from "./schema.js";
import * as service from "./service.js";

export function mfaRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "mfa");

  route("GET /api/mfa", {}, async ({ actor }) => ({ mfa: await service.status(db, actor) }));

  route("POST /api/mfa/enrolment", {}, async ({ actor }) => ({ enrolment: await service.startEnrolment(db, actor) }));

  route("POST /api/mfa/enrolment/confirm", { body: codeSchema, alsoAnswers: [429] }, async ({ actor, body }) =>
    service.confirmEnrolment(db, actor, body.code),
  );

  route(
    "POST /api/mfa/verify",
    { body: verifySchema, alsoAnswers: [429], config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async ({ actor, body }) => service.verify(db, actor, body),
  );

  route("POST /api/mfa/recovery-codes", { body: codeSchema, alsoAnswers: [429] }, async ({ actor, body }) =>
    service.regenerateRecoveryCodes(db, actor, body.code),
  );

  route("DELETE /api/mfa", { body: codeSchema, alsoAnswers: [429] }, async ({ actor, body }) =>
    service.disable(db, actor, body.code),
  );

  route("POST /api/users/:userId/mfa-reset", { params: userParams }, async ({ actor, params }) =>
    service.resetByAdministrator(db, actor, params.userId),
  );

  route("GET /api/settings/mfa", { etag: "policy" }, async ({ actor }) => ({
    policy: await service.getPolicy(db, actor),
  }));

  route(
    "PUT /api/settings/mfa",
    { body: mfaPolicySchema, ifMatch: "required", etag: "policy" },
    async ({ actor, body, version }) => ({ policy: await service.setPolicy(db, actor, body, version) }),
  );
}
