import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { listAccountChanges } from "./account-changes.js";
import { createUserSchema, ownEmailSchema, updateUserSchema, userParams } from "./schema.js";
import * as service from "./service.js";

export function userRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "users");

  route("GET /api/users", {}, async ({ actor }) => ({ users: await service.listUsers(db, actor) }));

  route("GET /api/account-changes", {}, async ({ actor }) => ({ changes: await listAccountChanges(db, actor) }));

  route("POST /api/users", { body: createUserSchema, status: 201, etag: "user" }, async ({ actor, body }) => ({
    user: await service.createUser(db, actor, body),
  }));

  route("GET /api/account/email", {}, async ({ actor }) => service.getOwnEmail(db, actor));

  route("PUT /api/account/email", { body: ownEmailSchema }, async ({ actor, body }) =>
    service.setOwnEmail(db, actor, body),
  );

  route(
    "PATCH /api/users/:userId",
    { params: userParams, body: updateUserSchema, ifMatch: "required", etag: "user" },
    async ({ actor, params, body, version }) => ({
      user: await service.updateUser(db, actor, params.userId, version, body),
    }),
  );
}
