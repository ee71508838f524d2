import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../../test/helpers/test-app.js";
import { buildApp } from "../../app.js";
import { type Database, openDatabase } from "../../db/client.js";
import { auditLog, users } from "../../db/schema/index.js";
import { DEMO_PASSWORD } from "../../demo/demo-plan.js";
import { verifyAuditChain } from "../../platform/audit.js";
import * as passwords from "../../platform/auth/passwords.js";
import { MAX_FAILURES } from "../../platform/auth/throttle.js";
import { loggerOptions } from "../../platform/logging.js";

// Count every password check (argon2): a refused attempt must not reach one.
vi.mock("../../platform/auth/passwords.js", async (importOriginal) => {
  const original = await importOriginal<typeof passwords>();
  return {
    ...original,
    verifyPassword: vi.fn(original.verifyPassword),
    burnPasswordCheck: vi.fn(original.burnPasswordCheck),
  };
});
const checks = () =>
  vi.mocked(passwords.verifyPassword).mock.calls.length + vi.mocked(passwords.burnPasswordCheck).mock.calls.length;

const lines: string[] = [];
let t: TestApp;
/** a second instance of the app on the same database (its own connection pool on PostgreSQL), as a second process */
let second: { app: FastifyInstance; baseUrl: string; database: Database | null };

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  t = await startTestApp({ app: { logger: loggerOptions("info", stream) } });
  const database = t.databaseUrl ? await openDatabase({ url: t.databaseUrl }) : null;
  const app = await buildApp({ db: (database ?? t.database).db, secureCookies: true, webRoot: null });
  await app.listen({ port: 0, host: "127.0.0.1" });
  second = { app, database, baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
});
afterAll(async () => {
  await second?.app.close();
  await second?.database?.close();
  await t?.close();
});

function login(baseUrl: string, body: Record<string, string>) {
  return fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));
}

const auditOf = (action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.action, action)));

describe("login attempts at once", () => {
  it(`checks only ${MAX_FAILURES} of 25 simultaneous wrong passwords for one account; the rest are refused as locked`, async () => {
    const before = checks();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        login(i % 2 ? second.baseUrl : t.baseUrl, {
          municipalityCode: "999001",
          loginId: "soudan",
          password: `wrong-password-${i}`,
        }),
      ),
    );
    expect(checks() - before).toBe(MAX_FAILURES);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - MAX_FAILURES);
    for (const a of answers.filter((x) => x.status === 429)) expect(a.body.error).toBe("locked");
    // the right password is refused too while the lock holds, without a check
    const right = await login(t.baseUrl, { municipalityCode: "999001", loginId: "soudan", password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
    expect(checks() - before).toBe(MAX_FAILURES);
  });
});

describe("failed logins are recorded", () => {
  it("records an unknown login id in the municipality's audit trail, normalised, and the chain still verifies", async () => {
    const res = await login(t.baseUrl, { municipalityCode: "９９９００１", loginId: "ＮｏＢｏｄｙ", password: "x" });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe("ログインIDまたはパスワードが正しくありません");
    const failed = (await auditOf("login_failed")).filter((r) => r.basis === "unknown_login_id");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ actorUserId: null, actorLabel: "nobody", entityType: "user", entityId: null });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("records a disabled account's attempt as failed, as for an unknown id", async () => {
    const [viewer] = await t.database.db
      .update(users)
      .set({ disabled: true })
      .where(and(eq(users.municipalityId, t.municipalityId), eq(users.loginId, "iin")))
      .returning();
    const res = await login(t.baseUrl, { municipalityCode: "999001", loginId: "iin", password: DEMO_PASSWORD });
    expect(res.status).toBe(401);
    const failed = (await auditOf("login_failed")).filter((r) => r.basis === "disabled_user");
    expect(failed).toMatchObject([{ actorUserId: viewer?.id, actorLabel: "iin", entityId: viewer?.id }]);
  });

  it("logs an unknown municipality code to the server log only, without the password", async () => {
    const before = await t.database.db.select().from(auditLog);
    const password = "unknown-municipality-secret-7391";
    const res = await login(t.baseUrl, { municipalityCode: "000000", loginId: "Keikaku", password });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe("ログインIDまたはパスワードが正しくありません");
    expect(await t.database.db.select().from(auditLog)).toHaveLength(before.length);
    const warned = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "login failed: unknown municipality code");
    expect(warned).toMatchObject([{ municipalityCode: "000000", loginId: "keikaku" }]);
    for (const line of lines) expect(line).not.toContain(password);
  });
});
