import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireAuth } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { listAccountChanges } from "./account-changes.js";
import { createUserSchema, updateUserSchema, userParams } from "./schema.js";
import * as service from "./service.js";

export function userRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/users", async (request) => {
    const auth = requireAuth(request);
    return { users: await service.listUsers(db, auth) };
  });

  app.get("/api/account-changes", async (request) => {
    const auth = requireAuth(request);
    return { changes: await listAccountChanges(db, auth, request.ip) };
  });

  app.post("/api/users", async (request, reply) => {
    const auth = requireAuth(request);
    const input = parseInput(createUserSchema, request.body);
    const user = await service.createUser(db, auth, request.ip, input);
    reply.status(201);
    setVersionTag(reply, user.version);
    return { user };
  });

  app.patch("/api/users/:userId", async (request, reply) => {
    const auth = requireAuth(request);
    const { userId } = parseInput(userParams, request.params);
    const input = parseInput(updateUserSchema, request.body);
    const version = expectedVersion(request);
    const user = await service.updateUser(db, auth, request.ip, userId, version, input);
    setVersionTag(reply, user.version);
    return { user };
  });
}
