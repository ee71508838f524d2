import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { AuthContext } from "../auth/context.js";
import { registerErrorHandler } from "../errors.js";
import { routesFor } from "./route.js";

const idParams = z.object({ caseId: z.uuid() });
const noteBody = z.object({ note: z.string().min(1) });
const pageQuery = z.object({ limit: z.coerce.number().int().max(10) });
const CASE_ID = "0b6b2f4e-6f1c-4c2a-9d1e-3f0a5b7c8d9e";

let app: FastifyInstance;
const seen: RouteOptions[] = [];

/** A bare app: the helper's own behaviour, without the session or the access gate. */
async function appWith(register: (route: ReturnType<typeof routesFor>) => void, signedIn = true) {
  app = Fastify();
  registerErrorHandler(app);
  app.addHook("onRoute", (r) => void seen.push(r));
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request) => {
    request.auth = signedIn ? ({ userId: "u1", municipalityId: "m1" } as AuthContext) : null;
  });
  register(routesFor(app, "cases"));
  await app.ready();
  return app;
}

afterEach(async () => {
  seen.length = 0;
  await app?.close();
});

describe("routesFor", () => {
  it("hands the handler the caller and the parsed params, query and body", async () => {
    await appWith((route) =>
      route(
        "POST /api/cases/:caseId/records",
        { params: idParams, query: pageQuery, body: noteBody },
        async ({ actor, params, query, body }) => ({ who: actor.userId, ip: actor.ip, params, query, body }),
      ),
    );
    const res = await app.inject({
      method: "POST",
      url: `/api/cases/${CASE_ID}/records?limit=3`,
      payload: { note: "面談" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      who: "u1",
      ip: "127.0.0.1",
      params: { caseId: CASE_ID },
      query: { limit: 3 },
      body: { note: "面談" },
    });
  });

  it("refuses a bad input with the field it names, the path parameters first", async () => {
    await appWith((route) =>
      route("POST /api/cases/:caseId/records", { params: idParams, body: noteBody }, async () => ({ ok: true })),
    );
    const badBoth = await app.inject({ method: "POST", url: "/api/cases/x/records", payload: { note: "" } });
    expect(badBoth.statusCode).toBe(400);
    expect(badBoth.json().fields.map((f: { field: string }) => f.field)).toEqual(["caseId"]);
    const nul = await app.inject({
      method: "POST",
      url: `/api/cases/${CASE_ID}/records`,
      payload: { note: "a\u0000" },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().fields).toEqual([{ field: "note", message: "使用できない文字（NUL 文字）が含まれています" }]);
  });

  it("answers 401 without a session, except on a route the access table opens to anyone", async () => {
    await appWith((route) => {
      route("GET /api/departments", {}, async () => ({ ok: true }));
      route("GET /api/municipalities", {}, async ({ actor }) => ({ actor: actor ?? null }));
    }, false);
    expect((await app.inject({ method: "GET", url: "/api/departments" })).statusCode).toBe(401);
    const open = await app.inject({ method: "GET", url: "/api/municipalities" });
    expect(open.json()).toEqual({ actor: null });
  });

  it("needs If-Match when required, and reads none as null when optional", async () => {
    await appWith((route) => {
      route("PUT /api/concerns", { ifMatch: "required" }, async ({ version }) => ({ version }));
      route("PUT /api/indicators/:indicatorId/targets/:fiscalYear", { ifMatch: "optional" }, async ({ version }) => ({
        version,
      }));
    });
    expect((await app.inject({ method: "PUT", url: "/api/concerns" })).statusCode).toBe(428);
    const stated = await app.inject({ method: "PUT", url: "/api/concerns", headers: { "if-match": '"4"' } });
    expect(stated.json()).toEqual({ version: 4 });
    const none = await app.inject({ method: "PUT", url: "/api/indicators/i/targets/2025" });
    expect(none.json()).toEqual({ version: null });
  });

  it("answers with the declared status and the ETag of the named field", async () => {
    await appWith((route) => {
      route("POST /api/agencies", { status: 201, etag: "agency" }, async () => ({ agency: { version: 3 } }));
      route("GET /api/concerns", { etag: "version" }, async () => ({ version: 7, concerns: [] }));
      route("DELETE /api/indicators/:indicatorId", { status: 204 }, async () => {});
    });
    const created = await app.inject({ method: "POST", url: "/api/agencies" });
    expect([created.statusCode, created.headers.etag]).toEqual([201, '"3"']);
    const read = await app.inject({ method: "GET", url: "/api/concerns" });
    expect([read.statusCode, read.headers.etag]).toEqual([200, '"7"']);
    const deleted = await app.inject({ method: "DELETE", url: "/api/indicators/i" });
    expect([deleted.statusCode, deleted.body]).toEqual([204, ""]);
  });

  it("reads a missing body as {} only where the body may be left out", async () => {
    const optional = z.object({ reason: z.string().optional() });
    await appWith((route) => {
      route("POST /api/plans/:planId/revisions", { body: optional, bodyOptional: true }, async ({ body }) => body);
      route("POST /api/plans/:planId/evaluations", { body: optional }, async ({ body }) => body);
    });
    expect((await app.inject({ method: "POST", url: "/api/plans/p/revisions" })).json()).toEqual({});
    const required = await app.inject({ method: "POST", url: "/api/plans/p/evaluations" });
    expect(required.statusCode).toBe(400);
  });

  it("declares its input schemas and its answer on the route, where the app's route listeners read them", async () => {
    await appWith((route) => {
      route("GET /api/cases", { query: pageQuery }, async () => ({}));
      route("DELETE /api/plans/:planId/revisions/:number", { ifMatch: "required", status: 204 }, async () => ({}));
    });
    const get = seen.find((r) => r.method === "GET");
    expect(get?.config?.inputs).toEqual({ params: undefined, query: pageQuery, body: undefined });
    expect(get?.config?.declared).toEqual({
      key: "GET /api/cases",
      module: "cases",
      etag: false,
      bodyOptional: false,
      upload: false,
      alsoAnswers: [],
    });
    const remove = seen.find((r) => r.method === "DELETE");
    expect(remove?.config?.declared).toMatchObject({ ifMatch: "required", status: 204 });
  });
});
