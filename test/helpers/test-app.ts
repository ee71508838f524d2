import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { type AppOptions, buildApp } from "../../src/server/app.js";
import { type Database, openDatabase } from "../../src/server/db/client.js";
import { ensureDemoMunicipality } from "../../src/server/demo/load-demo.js";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  baseUrl: string;
  municipalityId: string;
  /** the throwaway PostgreSQL database of this app (absent on PGlite): another process may open it too */
  databaseUrl?: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a fresh database: in-memory PGlite by default, or a new throwaway database on the
 * PostgreSQL server named by DATABASE_URL (so the same tests run on both).
 */
export async function startTestApp(
  opts: {
    demo?: boolean;
    webRoot?: string | null;
    demoIndicators?: boolean;
    /** the demo plan with its 第1版 approved, as `npm start` loads it */
    demoBaseline?: boolean;
    /** a logger (e.g. one writing to a stream the test reads) and a route listener */
    app?: Pick<AppOptions, "logger" | "onRoute">;
  } = {},
): Promise<TestApp> {
  const { database, url, dropDatabase } = await freshDatabase();
  await database.migrate();
  // Tests get the demo plan without its indicators unless they ask: most build their own indicators and count them.
  // They also get it not yet approved (策定中: its structure editable in place) unless they ask for its 第1版, as
  // `npm start` loads it: the tests of approved, frozen structure ask; the tests of editing do not need a revision.
  const demo =
    opts.demo === false
      ? null
      : await ensureDemoMunicipality(database.db, {
          indicators: opts.demoIndicators ?? false,
          baseline: opts.demoBaseline ?? false,
        });
  const app = await buildApp({ db: database.db, secureCookies: true, webRoot: opts.webRoot ?? null, ...opts.app });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    municipalityId: demo?.municipalityId ?? "",
    ...(url ? { databaseUrl: url } : {}),
    close: async () => {
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}

export async function freshDatabase(): Promise<{
  database: Database;
  url?: string;
  dropDatabase: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({}), dropDatabase: async () => {} };
  const name = `tsunagu_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString() });
  return {
    database,
    url: testUrl.toString(),
    dropDatabase: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // every pool is closed by now; force only if a straggling connection still holds the database
      try {
        await c.query(`drop database if exists ${name}`);
      } catch {
        await c.query(`drop database if exists ${name} with (force)`);
      }
      await c.end();
    },
  };
}
