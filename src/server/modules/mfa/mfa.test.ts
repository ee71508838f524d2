import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { testAppForFile } from "../../../../test/helpers/fixtures.js";
import { freshCode, knownSecret, rememberSecret } from "../../../../test/helpers/second-factor.js";
import { ROUTE_TABLE, type RouteRule } from "../../../domain/access/route-table.js";
import { auditLog } from "../../db/schema/index.js";
import { DEMO_PASSWORD } from "../../demo/demo-plan.js";
import { loggerOptions } from "../../platform/logging.js";

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const app = testAppForFile({ app: { logger: loggerOptions("info", stream) } });
const M = "999001";

/** The password step only: the client's session is left with its second step pending. */
async function passwordOnly(loginId: string, password = DEMO_PASSWORD) {
  const c = new ApiClient(app.t.baseUrl);
  const res = await c.post("/api/auth/login", { municipalityCode: M, loginId, password });
  expect(res.status).toBe(200);
  return { c, pendingSteps: res.body.pendingSteps as string[] };
}
const code = (loginId: string) => freshCode(app.t.baseUrl, M, loginId, knownSecret(app.t.baseUrl, M, loginId));

/** Enrols a signed-in account through the API; answers its secret and recovery codes. */
async function enrol(c: ApiClient, loginId: string) {
  const offered = await c.post("/api/mfa/enrolment");
  expect(offered.status).toBe(200);
  const secret: string = offered.body.enrolment.secret;
  rememberSecret(app.t.baseUrl, M, loginId, secret);
  const confirmed = await c.post("/api/mfa/enrolment/confirm", { code: await code(loginId) });
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[], offered: offered.body.enrolment };
}

describe("enrolment", () => {
  it("offers a secret as QR code and text, completes only with a valid code, then shows ten recovery codes once", async () => {
    const korei = await ApiClient.login(app.t.baseUrl, "korei");
    expect((await korei.get("/api/mfa")).body.mfa).toMatchObject({ enrolled: false, required: false });
    const offered = await korei.post("/api/mfa/enrolment");
    const { secret, uri, qrSvg } = offered.body.enrolment;
    expect(decodeURIComponent(uri)).toContain("issuer=tsunagu（つなぐ市（デモ））");
    expect(decodeURIComponent(uri)).toContain(":korei?");
    expect(qrSvg).toMatch(/^<svg/);
    const wrong = await korei.post("/api/mfa/enrolment/confirm", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toEqual([{ field: "code", message: "確認コードが正しくないか、期限が切れています" }]);
    rememberSecret(app.t.baseUrl, M, "korei", secret);
    const done = await korei.post("/api/mfa/enrolment/confirm", { code: await code("korei") });
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(new Set(done.body.recoveryCodes).size).toBe(10);
    expect((await korei.get("/api/mfa")).body.mfa).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    // the secret is never sent again: a second enrolment is refused, the status names none
    expect((await korei.post("/api/mfa/enrolment")).status).toBe(409);
    expect(JSON.stringify((await korei.get("/api/mfa")).body)).not.toContain(secret);
    expect(await auditRecords(app.t.database.db, { action: "mfa_enrolled", actorLabel: "korei" })).toHaveLength(1);
  });
});

describe("sign-in with a second factor", () => {
  it("asks for the code after the password; a code is never accepted twice", async () => {
    const first = await passwordOnly("soudan");
    expect(first.pendingSteps).toEqual([]);
    await enrol(first.c, "soudan");

    const a = await passwordOnly("soudan");
    expect(a.pendingSteps).toEqual(["mfa_verify"]);
    expect((await a.c.get("/api/auth/session")).body.pendingSteps).toEqual(["mfa_verify"]);
    const c1 = await code("soudan");
    expect((await a.c.post("/api/mfa/verify", { code: c1 })).status).toBe(200);
    expect((await a.c.get("/api/auth/session")).body.pendingSteps).toEqual([]);
    expect((await a.c.get("/api/plans")).status).toBe(200);
    // the same code on another sign-in (a replay) is refused
    const b = await passwordOnly("soudan");
    const replay = await b.c.post("/api/mfa/verify", { code: c1 });
    expect(replay.status).toBe(400);
    expect((await b.c.get("/api/plans")).status).toBe(403);
    const verified = await auditRecords(app.t.database.db, { action: "mfa_verified", actorLabel: "soudan" });
    expect(verified.map((r) => r.basis)).toEqual(["totp"]);
  });

  it("accepts each recovery code once, in any width, case or grouping", async () => {
    const first = await ApiClient.login(app.t.baseUrl, "shogai");
    const { recoveryCodes } = await enrol(first, "shogai");
    const [one, two] = recoveryCodes as [string, string];
    const a = await passwordOnly("shogai");
    const fullWidth = one.toLowerCase().replace(/[0-9a-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    expect((await a.c.post("/api/mfa/verify", { recoveryCode: fullWidth })).status).toBe(200);
    const b = await passwordOnly("shogai");
    const again = await b.c.post("/api/mfa/verify", { recoveryCode: one });
    expect(again.status).toBe(400);
    expect(again.body.fields[0]).toEqual({
      field: "recoveryCode",
      message: "回復コードが正しくないか、すでに使われています",
    });
    expect((await b.c.post("/api/mfa/verify", { recoveryCode: two.replace("-", "") })).status).toBe(200);
    expect((await b.c.get("/api/mfa")).body.mfa.recoveryCodesLeft).toBe(8);
    // new codes void the old ones
    const renewed = await b.c.post("/api/mfa/recovery-codes", { code: await code("shogai") });
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const c = await passwordOnly("shogai");
    expect((await c.c.post("/api/mfa/verify", { recoveryCode: recoveryCodes[2] })).status).toBe(400);
  });

  it("throttles wrong codes like wrong passwords, and audits each failure", async () => {
    const a = await passwordOnly("jigyosha");
    expect(a.pendingSteps).toEqual(["mfa_verify"]);
    for (let i = 0; i < 5; i++) expect((await a.c.post("/api/mfa/verify", { code: "000000" })).status).toBe(400);
    const locked = await a.c.post("/api/mfa/verify", { code: await code("jigyosha") });
    expect(locked.status).toBe(429);
    expect(await auditRecords(app.t.database.db, { action: "mfa_failed", actorLabel: "jigyosha" })).toHaveLength(5);
  });
});

describe("a session with a step left", () => {
  it("may call nothing but the second factor's routes, the session and logout: every other route answers 401/403", async () => {
    const { c, pendingSteps } = await passwordOnly("coord");
    expect(pendingSteps).toEqual(["mfa_verify"]);
    const id = "00000000-0000-4000-8000-000000000000";
    const answered: string[] = [];
    for (const [key, rule] of Object.entries(ROUTE_TABLE) as [string, RouteRule][]) {
      if (rule.allow === "public" || rule.during?.includes("mfa_verify")) continue;
      const [method, path] = key.split(" ") as [string, string];
      const url = path.replace(/:[A-Za-z]+/g, (p) => (p === ":fiscalYear" ? "2025" : p === ":number" ? "1" : id));
      const res = await c.request(method, url, method === "GET" ? undefined : {});
      if (![401, 403].includes(res.status) || (res.status === 403 && res.body.error !== "sign_in_incomplete"))
        answered.push(`${key} → ${res.status}`);
    }
    expect(answered).toEqual([]);
    expect((await c.get("/api/auth/session")).status).toBe(200);
    expect((await c.get("/api/mfa")).status).toBe(200);
    // enrolment is not this session's step
    expect((await c.post("/api/mfa/enrolment")).status).toBe(403);
    expect((await c.post("/api/auth/logout")).status).toBe(200);
  });

  it("leads an account that must use a second factor straight to enrolment, and nothing else answers until done", async () => {
    const admin = await ApiClient.login(app.t.baseUrl, "shienkanri");
    const agencyId = (await admin.get("/api/agencies")).body.agencies[0].id;
    const made = await admin.post("/api/users", {
      loginId: "new-staff",
      displayName: "新任 職員",
      role: "support_staff",
      agencyId,
      password: "a-long-enough-passphrase",
    });
    expect(made.status).toBe(201);
    const { c, pendingSteps } = await passwordOnly("new-staff", "a-long-enough-passphrase");
    expect(pendingSteps).toEqual(["mfa_enroll"]);
    expect((await c.get("/api/referrals")).status).toBe(403);
    expect((await c.post("/api/mfa/verify", { code: "123456" })).status).toBe(403);
    await enrol(c, "new-staff");
    expect((await c.get("/api/referrals")).status).toBe(200);
    // required: it cannot be turned off
    expect((await c.request("DELETE", "/api/mfa", { code: await code("new-staff") })).status).toBe(409);
  });
});

describe("the municipality's setting for the plan side", () => {
  it("is the plan office's to change (audited); when required, plan-side accounts must enrol", async () => {
    const office = await ApiClient.login(app.t.baseUrl, "keikaku");
    const supportAdmin = await ApiClient.login(app.t.baseUrl, "shienkanri");
    const read = await office.get("/api/settings/mfa");
    expect(read.body.policy).toEqual({ planSide: "optional", version: 1 });
    expect(read.headers.get("etag")).toBe('"1"');
    expect((await supportAdmin.put("/api/settings/mfa", { planSide: "required" }, ifMatch(1))).status).toBe(403);
    const bad = await office.put("/api/settings/mfa", { planSide: "always" }, ifMatch(1));
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe("planSide");
    expect((await office.put("/api/settings/mfa", { planSide: "required" })).status).toBe(428);
    expect((await office.put("/api/settings/mfa", { planSide: "required" }, ifMatch(1))).status).toBe(200);
    // the system administrator, still looking at version 1, cannot undo that change unseen
    const admin = await ApiClient.login(app.t.baseUrl, "admin");
    const stale = await admin.put("/api/settings/mfa", { planSide: "optional" }, ifMatch(1));
    expect(stale.status).toBe(412);
    expect((await admin.get("/api/settings/mfa")).body.policy).toEqual({ planSide: "required", version: 2 });
    const [record] = await auditRecords(app.t.database.db, { action: "update", entityType: "municipality" });
    expect(record).toMatchObject({ actorLabel: "keikaku", after: { mfaForPlanSide: "required" } });
    expect((await passwordOnly("iin")).pendingSteps).toEqual(["mfa_enroll"]);
    // the office's own session is already signed in; its account must enrol at its next sign-in
    expect((await passwordOnly("keikaku")).pendingSteps).toEqual(["mfa_enroll"]);
    const office2 = await ApiClient.login(app.t.baseUrl, "keikaku");
    expect((await office2.put("/api/settings/mfa", { planSide: "optional" }, ifMatch(2))).status).toBe(200);
    expect((await passwordOnly("iin")).pendingSteps).toEqual([]);
    // an optional account may turn its factor off again
    expect((await office2.request("DELETE", "/api/mfa", { code: await code("keikaku") })).status).toBe(200);
    expect((await passwordOnly("keikaku")).pendingSteps).toEqual([]);
  });
});

describe("reset by an administrator", () => {
  it("ends the user's sessions, makes it enrol again, is audited with who and whom, and keeps to the side rule", async () => {
    const houkatsu = await ApiClient.login(app.t.baseUrl, "houkatsu");
    const supportAdmin = await ApiClient.login(app.t.baseUrl, "shienkanri");
    const office = await ApiClient.login(app.t.baseUrl, "keikaku");
    const users = (await supportAdmin.get("/api/users")).body.users as { id: string; loginId: string }[];
    const target = users.find((u) => u.loginId === "houkatsu")?.id as string;
    // the plan office does not manage support-side accounts: not found
    expect((await office.post(`/api/users/${target}/mfa-reset`)).status).toBe(404);
    const reset = await supportAdmin.post(`/api/users/${target}/mfa-reset`);
    expect(reset.status).toBe(200);
    expect((await houkatsu.get("/api/auth/session")).status).toBe(401);
    const [record] = await auditRecords(app.t.database.db, { action: "mfa_reset", entityId: target });
    expect(record).toMatchObject({ actorLabel: "shienkanri", after: { loginId: "houkatsu", mfaEnrolled: false } });
    expect((await passwordOnly("houkatsu")).pendingSteps).toEqual(["mfa_enroll"]);
  });
});

describe("secrets stay on the server", () => {
  it("never writes a secret or a recovery code to the log or the audit trail", async () => {
    const viewer = await ApiClient.login(app.t.baseUrl, "iin");
    const { secret, recoveryCodes, offered } = await enrol(viewer, "iin");
    const audit = JSON.stringify(await app.t.database.db.select().from(auditLog));
    const log = lines.join("\n");
    for (const text of [secret, offered.uri, ...recoveryCodes]) {
      expect(audit).not.toContain(text);
      expect(log).not.toContain(text);
    }
    expect(log.length).toBeGreaterThan(0);
  });
});
