import { and, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayCall, type RouteKey, ruleOf } from "../../src/domain/access/route-table.js";
import {
  agencies,
  caseAssessments,
  caseEvents,
  caseRecords,
  cases,
  concernCategories,
  departments,
  evaluationSheets,
  householdMembers,
  households,
  indicators,
  persons,
  planItems,
  plans,
  referralEvents,
  referrals,
  users,
} from "../../src/server/db/schema/index.js";
import { DEMO_MFA_SECRETS } from "../../src/server/demo/demo-mfa.js";
import {
  ASSESSMENT_SECTIONS,
  CASE_CONSENTS,
  PHASES,
  RECORD_KINDS,
  RECORD_VISIBILITIES,
} from "../../src/server/modules/cases/schema.js";
import { RELATIONSHIPS } from "../../src/server/modules/households/schema.js";
import { REFERRAL_STATUSES } from "../../src/server/modules/referrals/schema.js";
import { routeKey } from "../../src/server/platform/access/route-gate.js";
import { cookieSettings } from "../../src/server/platform/auth/plugin.js";
import { createSession, markSecondFactor, tokenHash } from "../../src/server/platform/auth/sessions.js";
import {
  type AppRoute,
  collectRoutes,
  type GeneratedBody,
  type IdPools,
  loadSchemas,
  pathSegment,
  queryString,
  requestBody,
  type SchemaCatalogue,
  shapedBy,
} from "../helpers/route-payloads.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

/**
 * Generated requests against every route the app registers (taken from the app, so a route added later is
 * covered): path parameters (ids that exist, other uuids, numbers, unicode, huge, broken percent-encoding),
 * queries and bodies (shaped by the zod schemas the handler names, loose objects with every schema's keys and
 * hostile keys, any JSON, broken JSON, plain text, none), with and without If-Match, as callers the access table
 * lets through (a refused caller never reaches the handler). Whatever arrives, the answer is never a 500, and a
 * refusal carries a message.
 */
const catalogue: SchemaCatalogue = await loadSchemas();
const routes: AppRoute[] = await collectRoutes([...catalogue.schemas.keys()]);
/** requests per route and actor (HEAD repeats its GET handler: fewer) */
const RUNS = { HEAD: 2, other: 8 };
/** the demo's accounts by principal: each route is sent as (up to two of) those the access table lets call it */
const PRINCIPAL_OF = {
  keikaku: "plan_office",
  shienkanri: "support_admin",
  coord: "coordinator",
  houkatsu: "staff",
  korei: "department_editor",
  jigyosha: "provider",
} as const;
const ACTORS = Object.keys(PRINCIPAL_OF) as (keyof typeof PRINCIPAL_OF)[];
type Actor = (typeof ACTORS)[number];

/** The callers a route is generated for: the first two the table allows (any caller for a public route). */
function actorsOf(route: AppRoute): Actor[] {
  const key = routeKey(route.method, route.url);
  const allowed = ruleOf(key) ? ACTORS.filter((a) => mayCall(PRINCIPAL_OF[a], true, key as RouteKey)) : [];
  return (allowed.length ? allowed : ["keikaku" as const]).slice(0, 2);
}

let t: TestApp;
let pools: IdPools;
const sessions = {} as Record<Actor, { cookie: string; csrf: string }>;

/**
 * A session made in the database, past the second factor: re-made when a route ends it (logout, login, a reset of
 * the second factor), without the login rate limit. A generated reset of an actor's second factor is undone here (the
 * demo's secret put back), so that every actor keeps reaching the handlers instead of the enrolment step.
 */
async function signIn(actor: Actor) {
  const db = t.database.db;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.municipalityId, t.municipalityId), eq(users.loginId, actor)));
  if (!user || user.disabled) throw new Error(`${actor} is gone`);
  const demoSecret = DEMO_MFA_SECRETS[actor];
  if (demoSecret && user.mfaSecret === null) {
    await db
      .update(users)
      .set({ mfaSecret: demoSecret })
      .where(and(eq(users.municipalityId, t.municipalityId), eq(users.id, user.id)));
  }
  const s = await createSession(db, t.municipalityId, user.id);
  await markSecondFactor(db, t.municipalityId, tokenHash(s.token));
  sessions[actor] = { cookie: `${cookieSettings(true).name}=${s.token}`, csrf: s.csrfToken };
}

async function idPools(): Promise<IdPools> {
  const m = t.municipalityId;
  const ids = async (table: PgTable) => {
    const result = await t.database.db.execute(sql`select id::text as id from ${table} where municipality_id = ${m}`);
    return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  };
  const actors = new Set(
    (await t.database.db.select().from(users).where(eq(users.municipalityId, m)))
      .filter((u) => (ACTORS as readonly string[]).includes(u.loginId))
      .map((u) => u.id),
  );
  return {
    plan: await ids(plans),
    item: await ids(planItems),
    sheet: await ids(evaluationSheets),
    indicator: await ids(indicators),
    department: await ids(departments),
    agency: await ids(agencies),
    person: await ids(persons),
    referral: await ids(referrals),
    household: await ids(households),
    case: await ids(cases),
    // the actors themselves are left out: a generated change of their own account would end the run's sessions
    user: (await ids(users)).filter((id) => !actors.has(id)),
    fiscalyear: ["2024", "2025", "2026"],
    number: ["1", "2", "3"],
    version: ["1", "2", "3"],
  };
}

beforeAll(async () => {
  t = await startTestApp({ demoIndicators: true });
  for (const actor of ACTORS) await signIn(actor);
  pools = await idPools();
  for (const [kind, list] of Object.entries(pools)) expect(list.length, kind).toBeGreaterThan(0);
});
afterAll(async () => {
  await t?.close();
});

const ifMatch = fc.option(
  fc.constantFrom('"0"', '"1"', '"2"', '"3"', 'W/"1"', '"99999999999999999999"', '"-1"', "*", "garbage"),
  { nil: undefined },
);

function generated(route: AppRoute) {
  // the schemas of the body and query (a schema of the path parameters alone shapes neither)
  const shapes = route.schemaNames
    .map((n) => catalogue.schemas.get(n) ?? {})
    .filter((schema) => Object.keys(schema.properties ?? {}).some((k) => !route.params.includes(k)))
    .flatMap((schema) => [
      { weight: 3, arbitrary: shapedBy(schema, pools, catalogue, true) },
      { weight: 2, arbitrary: shapedBy(schema, pools, catalogue, false) },
    ]);
  const segments = Object.fromEntries(
    route.params.map((p) => {
      const previous = route.url.split(`/:${p}`)[0]?.split("/").pop() ?? "";
      return [p, pathSegment(pools, [p, previous])];
    }),
  );
  return fc.record({
    segments: fc.record(segments),
    query: queryString(shapes, pools, catalogue),
    body: requestBody(shapes, pools, catalogue),
    ifMatch,
  });
}

async function send(actor: Actor, route: AppRoute, path: string, body: GeneratedBody, version?: string) {
  const session = sessions[actor];
  const headers: Record<string, string> = { cookie: session.cookie, "x-csrf-token": session.csrf };
  if (body.contentType) headers["content-type"] = body.contentType;
  if (version) headers["if-match"] = version;
  const res = await fetch(t.baseUrl + path, {
    method: route.method,
    headers,
    body: route.method === "GET" || route.method === "HEAD" ? undefined : body.body,
  });
  const text = await res.text();
  const ended = res.status === 401 && route.url !== "/api/auth/login";
  // an actor that reset its own second factor keeps its session, with enrolment to do: a new one is made
  const unfinished = res.status === 403 && text.includes('"sign_in_incomplete"');
  if (res.headers.get("set-cookie") || ended || unfinished) await signIn(actor);
  return { status: res.status, type: res.headers.get("content-type") ?? "", text };
}

describe("generated requests to every route", () => {
  it("takes the routes from the app", () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => r.params.length).length).toBeGreaterThan(50);
    // most handlers name the schema they parse with, so their bodies and queries are generated in its shape
    expect(routes.filter((r) => r.schemaNames.length).length).toBeGreaterThan(50);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))("never answers 500: %s", async (_, route) => {
    for (const actor of actorsOf(route)) {
      await fc.assert(
        fc.asyncProperty(generated(route), async ({ segments, query, body, ifMatch: version }) => {
          const path = route.url.replace(/:(\w+)/g, (_m, p: string) => segments[p] as string) + query;
          const res = await send(actor, route, path, body, version);
          expect(res.status, `${route.method} ${path} as ${actor}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400 && route.method !== "HEAD") {
            expect(res.type).toMatch(/json/);
            expect(typeof JSON.parse(res.text).message).toBe("string");
          }
        }),
        { numRuns: route.method === "HEAD" ? RUNS.HEAD : RUNS.other },
      );
    }
  });

  it("stored nothing outside the schemas", async () => {
    const db = t.database.db;
    for (const row of await db.select().from(referrals)) {
      expect(REFERRAL_STATUSES as readonly string[]).toContain(row.status);
      expect(["高", "中", "低"]).toContain(row.urgency);
    }
    for (const e of await db.select().from(referralEvents))
      expect(REFERRAL_STATUSES as readonly string[]).toContain(e.status);
    for (const row of await db.select().from(agencies)) expect(["public", "provider"]).toContain(row.kind);
    for (const row of await db.select().from(persons)) expect(row.kanaKey.length).toBeGreaterThan(0);
    for (const row of await db.select().from(households)) expect(row.address.trim().length).toBeGreaterThan(0);
    for (const row of await db.select().from(householdMembers))
      expect(RELATIONSHIPS as readonly string[]).toContain(row.relationship);
    for (const row of await db.select().from(cases)) {
      expect(PHASES as readonly string[]).toContain(row.phase);
      expect(CASE_CONSENTS as readonly string[]).toContain(row.consent);
    }
    for (const e of await db.select().from(caseEvents))
      expect(["opened", "phase", "consent", "issues_changed", "team_added", "team_removed", "lead_changed"]).toContain(
        e.kind,
      );
    for (const row of await db.select().from(caseRecords)) {
      expect(RECORD_KINDS as readonly string[]).toContain(row.kind);
      expect(RECORD_VISIBILITIES as readonly string[]).toContain(row.visibility);
    }
    const sectionKeys: string[] = ASSESSMENT_SECTIONS.map((s) => s.key);
    for (const row of await db.select().from(caseAssessments))
      for (const key of Object.keys(row.sections)) expect(sectionKeys).toContain(key);
    const labels = (await db.select().from(concernCategories)).map((r) => r.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) {
      expect(label).toBe(label.trim());
      expect([...label].length).toBeGreaterThanOrEqual(1);
      expect([...label].length).toBeLessThanOrEqual(30);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stored labels must have none
      expect(label).not.toMatch(/[\u0000-\u001f\uFF01-\uFF5E]/);
    }
  });
});
