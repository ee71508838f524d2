import { describe, expect, it } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { testAppForFile } from "../../../../test/helpers/fixtures.js";
import { DEMO_PASSWORD } from "../../demo/demo-plan.js";

const app = testAppForFile();

describe("login and sessions", () => {
  it("sets a __Host- session cookie that is Secure, HttpOnly and SameSite=Strict", async () => {
    const res = await fetch(`${app.t.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ municipalityCode: "999001", loginId: "keikaku", password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-tsunagu_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
  });

  it("accepts a full-width login id and municipality code", async () => {
    const c = new ApiClient(app.t.baseUrl);
    const res = await c.post("/api/auth/login", {
      municipalityCode: "９９９００１",
      loginId: "ＫＥＩＫＡＫＵ",
      password: DEMO_PASSWORD,
    });
    expect(res.status).toBe(200);
  });

  it("answers validation errors with field names", async () => {
    const c = new ApiClient(app.t.baseUrl);
    const res = await c.post("/api/auth/login", { municipalityCode: "", loginId: "x", extra: 1 });
    expect(res.status).toBe(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["municipalityCode", "password"]));
    expect(res.body.message).toBe("入力内容に誤りがあります");
  });

  it("refuses a wrong password with one message for unknown and known ids, then locks after 5 failures", async () => {
    const c = new ApiClient(app.t.baseUrl);
    const unknown = await c.post("/api/auth/login", { municipalityCode: "999001", loginId: "nobody", password: "x" });
    const wrong = await c.post("/api/auth/login", { municipalityCode: "999001", loginId: "shogai", password: "x" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    for (let i = 0; i < 4; i++)
      await c.post("/api/auth/login", { municipalityCode: "999001", loginId: "shogai", password: "x" });
    const locked = await c.post("/api/auth/login", {
      municipalityCode: "999001",
      loginId: "shogai",
      password: DEMO_PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/ログインできません/);
  });

  it("requires the CSRF token on every state change and refuses a foreign Origin", async () => {
    const c = await ApiClient.login(app.t.baseUrl, "keikaku");
    const plans = await c.get("/api/plans");
    const planId = plans.body.plans[0].id;
    const cookie = (c as unknown as { cookie: string }).cookie;
    const noToken = await fetch(`${app.t.baseUrl}/api/plans/${planId}/evaluations`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ fiscalYear: 2026 }),
    });
    expect(noToken.status).toBe(403);
    const foreign = await c.post(
      `/api/plans/${planId}/evaluations`,
      { fiscalYear: 2026 },
      { origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    const rounds = await c.get(`/api/plans/${planId}/evaluations`);
    expect(rounds.body.rounds.map((r: { fiscalYear: number }) => r.fiscalYear)).not.toContain(2026);
  });

  it("logout ends the session on the server", async () => {
    const c = await ApiClient.login(app.t.baseUrl, "keikaku");
    expect((await c.get("/api/auth/session")).status).toBe(200);
    await c.post("/api/auth/logout");
    expect((await c.get("/api/auth/session")).status).toBe(401);
  });

  it("rotates the session at login: a token from before login is not kept", async () => {
    const c = await ApiClient.login(app.t.baseUrl, "keikaku");
    const before = (c as unknown as { cookie: string }).cookie;
    await c.post("/api/auth/login", { municipalityCode: "999001", loginId: "keikaku", password: DEMO_PASSWORD });
    const after = (c as unknown as { cookie: string }).cookie;
    expect(after).not.toBe(before);
    const old = await fetch(`${app.t.baseUrl}/api/auth/session`, { headers: { cookie: before } });
    expect(old.status).toBe(401);
  });

  it("keeps municipalities apart: another municipality's plan is not found", async () => {
    await createMunicipality(app.t.database.db, "131000");
    const demo = await ApiClient.login(app.t.baseUrl, "keikaku");
    const planId = (await demo.get("/api/plans")).body.plans[0].id;
    const other = await ApiClient.login(app.t.baseUrl, "office", FACTORY_PASSWORD, "131000");
    expect((await other.get("/api/plans")).body.plans).toEqual([]);
    expect((await other.get(`/api/plans/${planId}`)).status).toBe(404);
    expect((await other.get(`/api/plans/${planId}/summary?fiscalYear=2024`)).status).toBe(404);
    const depts = (await other.get("/api/departments")).body.departments.map((d: { name: string }) => d.name);
    expect(depts).toEqual(["テスト課"]);
  });

  it("answers 401 without a session", async () => {
    const res = await fetch(`${app.t.baseUrl}/api/plans`);
    expect(res.status).toBe(401);
    expect((await res.json()).message).toBe("ログインしてください");
  });
});
