import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { cliDatabaseForFile } from "../../../../test/helpers/cli.js";
import { ruleOf } from "../../../domain/access/route-table.js";
import { buildApp } from "../../app.js";
import { type Database, openDatabase } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { registeredRouteKeys } from "../../platform/access/route-gate.js";

/**
 * A real city's first steps: the operator creates the municipality and its administrator with the CLI, the
 * administrator signs in with the setup secret and can do nothing but set a password, then uses the app.
 */
// migrated before the first command, so each command's own time is only its work
const cli = cliDatabaseForFile("onboarding", { prepare: async () => {} });

describe("municipality create", () => {
  it("refuses a code with a wrong check digit, naming the field", async () => {
    const wrong = await cli.cli(
      "municipality",
      "create",
      "--code",
      "131017",
      "--name",
      "千代田区",
      "--admin",
      "a",
      "--json",
    );
    expect(wrong.code).toBe(2);
    expect(wrong.json.details).toEqual([
      { field: "code", message: expect.stringContaining("検査数字（6桁目）が正しくありません（13101 なら 6）") },
    ]);
  });

  it("refuses a code that is not six digits", async () => {
    const short = await cli.cli("municipality", "create", "--code", "13101", "--name", "千代田区", "--admin", "a");
    expect(short.code).toBe(2);
  });

  it("creates the municipality and its administrator and prints the setup secret once (--json shape)", async () => {
    // full-width digits, as a code is often typed
    const made = await cli.cli(
      "municipality",
      "create",
      "--code",
      "１３１０１６",
      "--name",
      "千代田区",
      "--admin",
      "Kanri",
      "--json",
    );
    expect(made.code).toBe(0);
    expect(made.json).toEqual({
      municipality: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), code: "131016", name: "千代田区" },
      admin: { loginId: "kanri", setupSecret: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) },
    });
    created = made.json;
  });

  it("refuses a code already registered", async () => {
    const again = await cli.cli(
      "municipality",
      "create",
      "--code",
      "131016",
      "--name",
      "別の名前",
      "--admin",
      "b",
      "--json",
    );
    expect(again.code).toBe(2);
    expect(again.json.error).toBe("団体コード 131016 の自治体（千代田区）は既に登録されています");
  });

  it("prints the secret in words without --json", async () => {
    const made = await cli.cli("municipality", "create", "--code", "011002", "--name", "札幌市", "--admin", "admin");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("自治体を登録しました: 札幌市（団体コード 011002）");
    expect(made.stdout).toMatch(/初期設定用の文字列.*\n {2}[A-Za-z0-9_-]{24}\n/);
  });
});

let created: { municipality: { id: string; code: string }; admin: { loginId: string; setupSecret: string } };

describe("the administrator's first sign-in", () => {
  let database: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  beforeAll(async () => {
    database = await openDatabase({ url: cli.env.DATABASE_URL, dataDir: cli.env.TSUNAGU_DATA_DIR, engine: "pglite" });
    app = await buildApp({ db: database.db, secureCookies: true, webRoot: null });
    await app.listen({ port: 0, host: "127.0.0.1" });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const signIn = (password: string) =>
    ApiClient.login(baseUrl, created.admin.loginId, password, created.municipality.code);

  it("stores the secret only hashed, and says the password step is pending", async () => {
    const stored = JSON.stringify(await database.db.select().from(users));
    expect(stored).not.toContain(created.admin.setupSecret);
    const admin = await signIn(created.admin.setupSecret);
    const session = await admin.get("/api/auth/session");
    expect(session.status).toBe(200);
    expect(session.body.user.role).toBe("system_admin");
    // then the second factor, which a system administrator must have
    expect(session.body.pendingSteps).toEqual(["set_password", "mfa_enroll"]);
  });

  it("refuses every other route to the pending session, before its body is read", async () => {
    const admin = await signIn(created.admin.setupSecret);
    const walked: string[] = [];
    for (const key of registeredRouteKeys(app)) {
      const rule = ruleOf(key);
      if (!rule || rule.allow === "public" || rule.during?.includes("set_password")) continue;
      const [method = "GET", path = ""] = key.split(" ");
      const url = path.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");
      const res = await admin.request(method, url, method === "GET" || method === "DELETE" ? undefined : {});
      expect({ key, status: res.status, error: res.body?.error }).toEqual({
        key,
        status: 403,
        error: "sign_in_incomplete",
      });
      walked.push(key);
    }
    expect(walked.length).toBeGreaterThan(60);
    // the routes it may call: the session, logout (and setting the password, below)
    expect((await admin.get("/api/auth/session")).status).toBe(200);
    expect((await admin.post("/api/auth/logout")).status).toBe(200);
    expect((await admin.get("/api/auth/session")).status).toBe(401);
  });

  it("sets a password by the password rule, not the secret, and then uses the app", async () => {
    const admin = await signIn(created.admin.setupSecret);
    const weak = await admin.post("/api/auth/password", { password: "password" });
    expect(weak.status).toBe(400);
    expect(weak.body.fields).toEqual([expect.objectContaining({ field: "password" })]);
    const same = await admin.post("/api/auth/password", { password: created.admin.setupSecret });
    expect(same.status).toBe(400);
    expect(same.body.fields).toEqual([
      { field: "password", message: "ログインに使ったものとは別のパスワードにしてください" },
    ]);
    const set = await admin.post("/api/auth/password", { password: "chiyoda-window-seven-42" });
    expect(set.status).toBe(200);
    // a system administrator must have a second factor: enrolment is the next step, then the app
    expect((await admin.get("/api/auth/session")).body.pendingSteps).toEqual(["mfa_enroll"]);
    expect((await admin.get("/api/users")).status).toBe(403);
    await admin.finishSignIn(["mfa_enroll"], created.municipality.code, "kanri");
    expect((await admin.get("/api/auth/session")).body.pendingSteps).toEqual([]);
    expect((await admin.get("/api/users")).status).toBe(200);
    // the secret no longer signs in; the new password does, with nothing pending
    await expect(signIn(created.admin.setupSecret)).rejects.toThrow(/401/);
    const again = await signIn("chiyoda-window-seven-42");
    expect((await again.get("/api/auth/session")).body.pendingSteps).toEqual([]);
    expect((await again.post("/api/auth/password", { password: "another-window-eight-43" })).status).toBe(409);

    // in the order they were written (a select without an order gives none)
    const records = (await auditRecords(database.db, { municipalityId: created.municipality.id })).sort(
      (a, b) => a.seq - b.seq,
    );
    expect(
      records.map((r) => [r.action, r.entityType, r.actorLabel.startsWith("cli:") ? "cli" : r.actorLabel]),
    ).toEqual([
      ["create", "municipality", "cli"],
      ["create", "user", "cli"],
      ["login", "user", "kanri"],
      ["login", "user", "kanri"],
      ["login", "user", "kanri"],
      ["set_password", "user", "kanri"],
      ["mfa_enrolled", "user", "kanri"],
      ["login_failed", "user", "kanri"],
      ["login", "user", "kanri"],
      ["mfa_verified", "user", "kanri"],
    ]);
  });

  it("makes an account whose password an administrator set choose its own at its next sign-in", async () => {
    const admin = await signIn("chiyoda-window-seven-42");
    const made = await admin.post("/api/users", {
      loginId: "keikaku",
      displayName: "計画 担当",
      role: "plan_office",
      password: "first-given-phrase-10",
    });
    expect(made.status).toBe(201);
    const fresh = await ApiClient.login(baseUrl, "keikaku", "first-given-phrase-10", created.municipality.code);
    expect((await fresh.get("/api/auth/session")).body.pendingSteps).toEqual([]);
    const reset = await admin.request(
      "PATCH",
      `/api/users/${made.body.user.id}`,
      { password: "reset-given-phrase-11" },
      { "if-match": `"${made.body.user.version}"` },
    );
    expect(reset.status).toBe(200);
    const afterReset = await ApiClient.login(baseUrl, "keikaku", "reset-given-phrase-11", created.municipality.code);
    expect((await afterReset.get("/api/auth/session")).body.pendingSteps).toEqual(["set_password"]);
    expect((await afterReset.get("/api/plans")).status).toBe(403);
  });
});
