import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion, setVersionTag } from "../../platform/versions.js";
import { putConcernsSchema } from "./schema.js";
import * as service from "./service.js";

const noStore = (reply: FastifyReply) => reply.header("cache-control", "no-store");

export function concernRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/concerns", async (request, reply) => {
    const actor = requireActor(request);
    const list = await service.getConcerns(db, actor);
    noStore(reply);
    setVersionTag(reply, list.version);
    return list;
  });

  app.put("/api/concerns", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(putConcernsSchema, request.body);
    const version = expectedVersion(request);
    const list = await service.putConcerns(db, actor, version, input);
    noStore(reply);
    setVersionTag(reply, list.version);
    return list;
  });
}
