import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayCall, type RouteKey } from "../../src/domain/access/route-table.js";
import { MAX_JSON_BYTES, MAX_JSON_DEPTH } from "../../src/server/platform/http/json-body.js";
import { ApiClient } from "../helpers/api-client.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

/** Hostile request shapes that used to reach a 500: refused before the body is parsed or the route runs. */
let t: TestApp;
let office: ApiClient;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  t = await startTestApp({
    app: {
      onRoute: (r: RouteOptions) => {
        for (const method of [r.method].flat()) routes.push({ method, url: r.url });
      },
    },
  });
  office = await ApiClient.login(t.baseUrl, "keikaku");
});
afterAll(async () => {
  await t?.close();
});

const nested = (depth: number) => `${'{"a":['.repeat(depth)}1${"]}".repeat(depth)}`;

async function raw(client: ApiClient | null, method: string, path: string, body: string, headers = {}) {
  const c = client as unknown as { cookie: string; csrf: string } | null;
  const res = await fetch(t.baseUrl + path, {
    method,
    headers: {
      "content-type": "application/json",
      ...(c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {}),
      ...headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Every route of the app that takes a body, with its path parameters filled with a well-formed uuid. */
function bodyRoutes() {
  const filled = routes
    .filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method))
    .map((r) => ({
      method: r.method,
      url: r.url,
      path: r.url.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000"),
    }));
  expect(filled.length).toBeGreaterThan(30);
  return filled;
}

describe("request bodies", () => {
  it("refuses a JSON body nested deeper than the limit on every route, logged in or not, with a Japanese 400", async () => {
    const deep = nested(8_000);
    for (const caller of [office, null]) {
      const principal = caller ? "plan_office" : null;
      const answers = await Promise.all(
        bodyRoutes().map(async (r) => ({ route: r, res: await raw(caller, r.method, r.path, deep) })),
      );
      for (const { route, res } of answers) {
        const key = `${route.method} ${route.url}` as RouteKey;
        // a caller the access table refuses is refused before its body is read; everyone else gets the 400
        if (!mayCall(principal, principal !== null, key)) {
          expect([401, 403, 404], key).toContain(res.status);
          continue;
        }
        expect(res.status, key).toBe(400);
        expect(res.body.error).toBe("too_deep");
        expect(res.body.message).toMatch(/入れ子が深すぎます/);
      }
    }
  });

  it("parses a body nested up to the limit as before (then validation answers)", async () => {
    const res = await raw(null, "POST", "/api/auth/login", nested(MAX_JSON_DEPTH / 2 - 1));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("validation_failed");
    // brackets inside strings are text, not nesting
    const login = await raw(
      null,
      "POST",
      "/api/auth/login",
      JSON.stringify({ municipalityCode: "999001", loginId: "keikaku", password: "[{".repeat(90) }),
    );
    expect(login.status).toBe(401);
  });

  it("refuses a JSON body over the size limit with a 413 and a Japanese message", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_JSON_BYTES) });
    const res = await raw(office, "POST", "/api/departments", big);
    expect(res.status).toBe(413);
    expect(res.body.message).toBe("ファイルまたはデータが大きすぎます");
    expect((await office.get("/api/departments")).body.departments.length).toBeGreaterThan(0);
  });
});

describe("Origin", () => {
  it.each(["null", "not a url", "", "file://"])(
    "refuses a state change with Origin %j as bad_origin (403)",
    async (origin) => {
      for (const client of [office, null]) {
        const res = await raw(client, "POST", "/api/departments", JSON.stringify({ name: "越境課" }), { origin });
        expect(res.status).toBe(403);
        expect(res.body.error).toBe("bad_origin");
        expect(res.body.message).toBe("別のサイトからの操作は受け付けられません");
      }
      const login = await raw(
        null,
        "POST",
        "/api/auth/login",
        JSON.stringify({ municipalityCode: "999001", loginId: "keikaku", password: "x" }),
        { origin },
      );
      expect(login.status).toBe(403);
    },
  );

  it("accepts this host's own Origin", async () => {
    const res = await raw(office, "POST", "/api/departments", JSON.stringify({ name: "同一生成元課" }), {
      origin: t.baseUrl,
    });
    expect(res.status).toBe(201);
  });
});

describe("If-Match", () => {
  it("answers a version larger than any stored one with a Japanese 400, not a failed statement", async () => {
    const created = (await office.post("/api/departments", { name: "版番号確認課" })).body.department;
    const res = await raw(
      office,
      "POST",
      `/api/departments/${created.id}/rename`,
      JSON.stringify({ name: "版番号確認推進課", effectiveFrom: "2025-04-01" }),
      { "if-match": '"99999999999999999999"' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("bad_version");
    expect(res.body.message).toMatch(/版番号/);
  });
});

describe("bodies that are not JSON", () => {
  it("answers raw bytes sent to a JSON route with one field-named 400, without walking them", async () => {
    const bytes = "x".repeat(8 * 1024 * 1024);
    const started = performance.now();
    const res = await raw(office, "POST", "/api/departments", bytes, { "content-type": "text/plain" });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: "(body)", message: "データは JSON（application/json）で送ってください" },
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
