/** What the route helper lets a route say: checked by tsc (the "types" project), never run. */
import type { FastifyInstance } from "fastify";
import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import type { RequestActor } from "../auth/context.js";
import { routesFor } from "./route.js";

declare const app: FastifyInstance;
const route = routesFor(app, "plans");

test("the handler's input is typed by the declared schemas and If-Match", () => {
  route(
    "PATCH /api/users/:userId",
    { params: z.object({ userId: z.uuid() }), body: z.object({ displayName: z.string() }), ifMatch: "required" },
    async ({ actor, params, body, query, version }) => {
      expectTypeOf(actor).toEqualTypeOf<RequestActor>();
      expectTypeOf(params).toEqualTypeOf<{ userId: string }>();
      expectTypeOf(body).toEqualTypeOf<{ displayName: string }>();
      expectTypeOf(query).toEqualTypeOf<undefined>();
      expectTypeOf(version).toEqualTypeOf<number>();
      return {};
    },
  );
  route("PUT /api/indicators/:indicatorId/actuals/:fiscalYear", { ifMatch: "optional" }, async ({ version }) => {
    expectTypeOf(version).toEqualTypeOf<number | null>();
    return {};
  });
});

test("a route is named by its access-table key, and an open route has no caller", () => {
  // @ts-expect-error a key the access table does not name
  route("GET /api/nowhere", {}, async () => ({}));
  route("POST /api/auth/logout", {}, async ({ actor }) => {
    expectTypeOf(actor).toEqualTypeOf<undefined>();
    return {};
  });
});

test("the ETag names a field of the answer that is, or carries, a version", () => {
  route("GET /api/concerns", { etag: "version" }, async () => ({ version: 1, concerns: [] }));
  route("GET /api/users", { etag: "user" }, async () => ({ user: { version: 1 } }));
  // @ts-expect-error a list has no version
  route("GET /api/plans", { etag: "plans" }, async () => ({ plans: [] }));
});
