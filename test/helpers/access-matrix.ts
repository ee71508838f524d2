/** What the access-matrix tests share: the routes a module registers, and one caller's answer checked. */
import Fastify from "fastify";
import { expect } from "vitest";
import type { Db } from "../../src/server/db/client.js";
import { registerModules } from "../../src/server/modules/index.js";
import type { ApiResponse } from "./api-client.js";

/** Every route the modules register under a URL matching `pattern`, as "METHOD /url" (HEAD left out). */
export async function registeredRoutes(db: Db, pattern: RegExp): Promise<string[]> {
  const probe = Fastify();
  const routes: string[] = [];
  probe.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) {
      if (method !== "HEAD" && pattern.test(r.url)) routes.push(`${method} ${r.url}`);
    }
  });
  registerModules(probe, db);
  await probe.ready();
  await probe.close();
  return routes;
}

/** The status a caller got is one the matrix allows it, and a refusal says why in words. */
export function expectAllowed(route: string, caller: string, res: ApiResponse, allowed: number | number[]) {
  expect([allowed].flat(), `${route} as ${caller}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
  if (res.status >= 400) expect(typeof res.body.message).toBe("string");
}
