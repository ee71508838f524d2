import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { setVersionTag } from "../../platform/versions.js";
import { createPersonSchema, linkPersonsSchema, personParams, searchPersonsSchema } from "./schema.js";
import { searchPersons } from "./search.js";
import * as service from "./service.js";

/** Persons (issue 4). No personal data in URLs: the search (by reading or name) is a POST. */
export function personRoutes(app: FastifyInstance, db: Db) {
  app.post("/api/persons", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(createPersonSchema, request.body);
    const result = await service.createPerson(db, actor, input);
    reply.status(201);
    setVersionTag(reply, result.person.version);
    return result;
  });

  app.post("/api/persons/search", async (request) => {
    const actor = requireActor(request);
    const { query } = parseInput(searchPersonsSchema, request.body);
    return searchPersons(db, actor, query);
  });

  app.post("/api/persons/:personId/links", async (request, reply) => {
    const actor = requireActor(request);
    const { personId } = parseInput(personParams, request.params);
    const input = parseInput(linkPersonsSchema, request.body);
    const link = await service.linkPersons(db, actor, personId, input);
    reply.status(201);
    return { link };
  });
}
