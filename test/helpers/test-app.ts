import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "../../src/server/app.js";
import { type Database, openDatabase } from "../../src/server/db/client.js";
import { municipalities } from "../../src/server/db/schema/index.js";
import { DEMO_MUNICIPALITY } from "../../src/server/demo/demo-plan.js";
import {
  MIGRATED_ONLY,
  pgliteTemplate,
  postgresDatabaseFrom,
  postgresEmptyDatabase,
  type TemplateContent,
} from "./database-templates.js";

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
 * PostgreSQL server named by DATABASE_URL (so the same tests run on both). The database is a copy of the run's
 * migrated template with the demo loaded (test/helpers/database-templates.ts), not migrated again here.
 */
export async function startTestApp(
  opts: {
    demo?: boolean;
    webRoot?: string | null;
    demoIndicators?: boolean;
    /** the demo plan with its 第1版 approved, as `npm start` loads it */
    demoBaseline?: boolean;
    /** the demo's committee review as `npm start` loads it: 令和6年度 closed, committees, an answered opinion */
    demoCommittees?: boolean;
    /** a logger (e.g. one writing to a stream the test reads) and a route listener */
    app?: Pick<AppOptions, "logger" | "onRoute" | "jobs" | "mail">;
  } = {},
): Promise<TestApp> {
  // Tests get the demo plan without its indicators unless they ask: most build their own indicators and count them.
  // They also get it not yet approved (策定中: its structure editable in place) unless they ask for its 第1版, as
  // `npm start` loads it: the tests of approved, frozen structure ask; the tests of editing do not need a revision.
  const { database, url, dropDatabase } = await freshDatabase(
    opts.demo === false
      ? MIGRATED_ONLY
      : {
          demo: true,
          indicators: opts.demoIndicators ?? false,
          baseline: opts.demoBaseline ?? false,
          ...(opts.demoCommittees ? { committees: true } : {}),
        },
  );
  const demo = opts.demo === false ? null : await demoMunicipality(database);
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

/**
 * A database of the caller's own, copied from the run's template holding `content` (migrated, with the demo if
 * asked): a new in-memory PGlite, or a new database on the PostgreSQL server DATABASE_URL names.
 */
export async function freshDatabase(content: TemplateContent = MIGRATED_ONLY): Promise<{
  database: Database;
  url?: string;
  dropDatabase: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    return { database: await openDatabase({ fromDump: await pgliteTemplate(content) }), dropDatabase: async () => {} };
  const copy = await postgresDatabaseFrom(serverUrl, content);
  return { database: await openDatabase({ url: copy.url }), url: copy.url, dropDatabase: copy.drop };
}

/** A database with nothing in it, not migrated (a restore's target): a new in-memory PGlite, or a new database. */
export async function emptyDatabase(): Promise<{
  database: Database;
  url?: string;
  dropDatabase: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { database: await openDatabase({}), dropDatabase: async () => {} };
  const empty = await postgresEmptyDatabase(serverUrl);
  return { database: await openDatabase({ url: empty.url }), url: empty.url, dropDatabase: empty.drop };
}

/** The demo municipality the template put in the database. */
async function demoMunicipality(database: Database): Promise<{ municipalityId: string }> {
  const [demo] = await database.db
    .select({ municipalityId: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.code, DEMO_MUNICIPALITY.code));
  if (!demo) throw new Error("the template has no demo municipality");
  return demo;
}
