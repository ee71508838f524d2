import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { listAccountChanges } from "./account-changes.js";
import { createUserSchema, updateUserSchema, userParams } from "./schema.js";
import * as service from "./service.js";

export function userRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/users", async (request) => {
    const actor = requireActor(request);
    return { users: await service.listUsers(db, actor) };
  });

  app.get("/api/account-changes", async (request) => {
    const actor = requireActor(request);
    return { changes: await listAccountChanges(db, actor) };
  });

  app.post("/api/users", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(createUserSchema, request.body);
    const user = await service.createUser(db, actor, input);
    reply.status(201);
    setVersionTag(reply, user.version);
    return { user };
  });

  app.patch("/api/users/:userId", async (request, reply) => {
    const actor = requireActor(request);
    const { userId } = parseInput(userParams, request.params);
    const input = parseInput(updateUserSchema, request.body);
    const version = expectedVersion(request);
    const user = await service.updateUser(db, actor, userId, version, input);
    setVersionTag(reply, user.version);
    return { user };
  });
}
