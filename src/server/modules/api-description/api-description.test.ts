import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { newAjv, operationsOf, structuralProblems } from "../../../../test/helpers/openapi-check.js";
import { type JsonSchema, shapedBy } from "../../../../test/helpers/route-payloads.js";
import { ROUTE_TABLE, type RouteRule } from "../../../domain/access/route-table.js";
import { buildApp } from "../../app.js";
import type { Db } from "../../db/client.js";
import { registeredRouteKeys } from "../../platform/access/route-gate.js";
import type { RouteDeclaration, RouteInputs } from "../../platform/http/route.js";
import { REFERENCE_PAGE } from "./reference-page.js";

/**
 * The API description, read as a client would: fetched from GET /api/openapi.json of the app with every route
 * registered (no request here reaches a database). It must be a sound OpenAPI 3.1 document, name exactly the
 * routes the app registers, and describe each body as the route itself parses it.
 */

type Json = Record<string, unknown>;
let app: FastifyInstance;
let document: Json;
/** what each /api route declares, by access-table key (HEAD is its GET) */
const declared = new Map<string, { declaration: RouteDeclaration; inputs: RouteInputs }>();

beforeAll(async () => {
  app = await buildApp({
    db: {} as Db,
    secureCookies: true,
    webRoot: null,
    onRoute: (route) => {
      const declaration = route.config?.declared;
      if (declaration) declared.set(declaration.key, { declaration, inputs: route.config?.inputs ?? {} });
    },
  });
  const answer = await app.inject({ method: "GET", url: "/api/openapi.json" });
  expect(answer.statusCode).toBe(200);
  document = answer.json();
});
afterAll(async () => {
  await app?.close();
});

const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`;

describe("the API description", () => {
  it("is a sound OpenAPI 3.1 document: references resolve, names are unique, every schema is JSON Schema 2020-12", () => {
    expect(structuralProblems(document)).toEqual([]);
  });

  it("names exactly the API routes the app registers", () => {
    const registered = registeredRouteKeys(app);
    const described = operationsOf(document).map(({ method, path }) => keyOf(method, path));
    expect(registered.length).toBeGreaterThan(80);
    expect(described.filter((k) => !registered.includes(k))).toEqual([]);
    expect(registered.filter((k) => !described.includes(k))).toEqual([]);
  });

  it("takes each operation's summary and callers from the access table, and its headers from the route", () => {
    for (const { method, path, operation } of operationsOf(document)) {
      const key = keyOf(method, path);
      const rule: RouteRule = (ROUTE_TABLE as Record<string, RouteRule>)[key] as RouteRule;
      const route = declared.get(key);
      expect(route, key).toBeDefined();
      expect(operation.summary, key).toBe(rule.label);
      expect((operation["x-tsunagu-access"] as Json).allow, key).toEqual(rule.allow);
      expect(operation.tags, key).toEqual([route?.declaration.module]);
      expect(operation.security, key).toEqual(
        rule.allow === "public" ? [] : [{ session: [], ...(method === "get" ? {} : { csrf: [] }) }],
      );
      const responses = operation.responses as Json;
      const ifMatch = ((operation.parameters ?? []) as Json[]).find((p) => p.name === "If-Match");
      expect(ifMatch?.required, key).toBe(route?.declaration.ifMatch && route.declaration.ifMatch === "required");
      expect(Boolean(responses[428]), key).toBe(route?.declaration.ifMatch === "required");
      expect(Boolean(responses[412]), key).toBe(Boolean(route?.declaration.ifMatch));
      expect(Object.keys(responses)[0], key).toBe(String(route?.declaration.status ?? 200));
      expect(Boolean((responses[Object.keys(responses)[0] as string] as Json).headers), key).toBe(
        route?.declaration.etag,
      );
      expect(Boolean(responses[401]), key).toBe(
        rule.allow !== "public" || Boolean(route?.declaration.alsoAnswers.includes(401)),
      );
      for (const status of route?.declaration.alsoAnswers ?? [])
        expect(responses[status], `${key} ${status}`).toBeDefined();
    }
  });

  it("describes each JSON body as the route parses it: what one accepts, the other does too", () => {
    const ajv = newAjv();
    const pools = { record: [randomUUID(), randomUUID()] };
    const catalogue = { schemas: new Map(), keys: [], enumValues: [] };
    let agreedAcceptances = 0;
    let bodies = 0;
    for (const { method, path, operation } of operationsOf(document)) {
      const key = keyOf(method, path);
      const body = declared.get(key)?.inputs.body as z.ZodType | undefined;
      const schema = ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as
        | { schema: JsonSchema }
        | undefined;
      expect(Boolean(schema), key).toBe(Boolean(body));
      if (!body || !schema) continue;
      bodies++;
      const validate = ajv.compile(schema.schema);
      for (const value of fc.sample(shapedBy(schema.schema, pools, catalogue, true), { numRuns: 60, seed: 7 })) {
        const byDocument = validate(value);
        const byRoute = body.safeParse(value);
        // the document never refuses a body the route takes
        if (byRoute.success) expect(byDocument, `${key} refuses ${JSON.stringify(value)}`).toBe(true);
        // and the route refuses a body the document allows only by a rule JSON Schema cannot say (a refinement)
        if (byDocument && !byRoute.success)
          expect(
            byRoute.error.issues.filter((i) => i.code !== "custom"),
            `${key} ${JSON.stringify(value)}`,
          ).toEqual([]);
        if (byDocument && byRoute.success) agreedAcceptances++;
      }
    }
    expect(bodies).toBeGreaterThan(30);
    // the generated bodies are mostly ones both accept: the comparison is not only over refusals
    expect(agreedAcceptances).toBeGreaterThan(bodies * 20);
  });

  it("is sent gzipped to a client that accepts it", async () => {
    const answer = await app.inject({
      method: "GET",
      url: "/api/openapi.json",
      headers: { "accept-encoding": "gzip" },
    });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(answer.rawPayload).toString())).toEqual(document);
  });
});

describe("validation stays the routes' own", () => {
  it("a bad body still gets the field-named 400 of parseInput, not a second validator's answer", async () => {
    const answer = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { municipalityCode: 999001, loginId: "", extra: true },
    });
    expect(answer.statusCode).toBe(400);
    const error = answer.json();
    expect(error).toMatchObject({ error: "validation_failed", message: "入力内容に誤りがあります" });
    expect(error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(["municipalityCode", "password"]),
    );
  });
});

describe("the reference page", () => {
  it("is served from this server with its script in files of its own, and only Swagger UI's files it uses", async () => {
    const page = await app.inject({ method: "GET", url: REFERENCE_PAGE });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="ja">');
    // no inline script: each <script> names its file
    expect(page.body.match(/<script[^>]*>[^<]+<\/script>/g)).toBeNull();
    for (const src of [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string)) {
      const asset = await app.inject({ method: "GET", url: src });
      expect(asset.statusCode, src).toBe(200);
    }
    const notUsed = await app.inject({ method: "GET", url: `${REFERENCE_PAGE}/assets/oauth2-redirect.html` });
    expect(notUsed.statusCode).toBe(404);
  });
});
