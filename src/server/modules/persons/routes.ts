import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { createPersonSchema, linkPersonsSchema, personParams, searchPersonsSchema } from "./schema.js";
import { searchPersons } from "./search.js";
import * as service from "./service.js";

/** Persons (issue 4). No personal data in URLs: the search (by reading or name) is a POST. */
export function personRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "persons");

  route("POST /api/persons", { body: createPersonSchema, status: 201, etag: "person" }, async ({ actor, body }) =>
    service.createPerson(db, actor, body),
  );

  route("POST /api/persons/search", { body: searchPersonsSchema }, async ({ actor, body }) =>
    searchPersons(db, actor, body.query),
  );

  route(
    "POST /api/persons/:personId/links",
    { params: personParams, body: linkPersonsSchema, status: 201 },
    async ({ actor, params, body }) => ({ link: await service.linkPersons(db, actor, params.personId, body) }),
  );
}
