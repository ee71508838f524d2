import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/support/api-client.js";
import { startTestApp, type TestApp } from "../../../../test/support/test-app.js";

let t: TestApp;
let office: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  office = await ApiClient.login(t.baseUrl, "keikaku");
  admin = await ApiClient.login(t.baseUrl, "admin");
});
afterAll(async () => {
  await t?.close();
});

describe("user accounts", () => {
  it("creates a department editor who can log in, and never shows a password hash", async () => {
    const dept = (await office.get("/api/departments")).body.departments.find(
      (d: { name: string }) => d.name === "防災課",
    );
    const created = await office.post("/api/users", {
      loginId: "Bousai",
      displayName: "防災 太郎",
      role: "department_editor",
      departmentIds: [dept.id],
      password: "long-enough-password",
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ loginId: "bousai", roleLabel: "担当課", departmentIds: [dept.id] });
    expect(JSON.stringify(created.body)).not.toMatch(/argon2/);
    const list = await office.get("/api/users");
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
    const bousai = await ApiClient.login(t.baseUrl, "bousai", "long-enough-password");
    expect((await bousai.get("/api/auth/session")).body.user.departmentIds).toEqual([dept.id]);
    expect((await office.post("/api/users", { ...created.body.user, password: "long-enough-password" })).status).toBe(
      400,
    );
  });

  it("validates with field names", async () => {
    const res = await office.post("/api/users", {
      loginId: "日本語",
      displayName: "",
      role: "boss",
      password: "short",
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "displayName",
      "loginId",
      "password",
      "role",
    ]);
  });

  it("disabling an account ends its sessions at once", async () => {
    await office.post("/api/users", {
      loginId: "temp",
      displayName: "一時",
      role: "viewer",
      password: "long-enough-password",
    });
    const temp = await ApiClient.login(t.baseUrl, "temp", "long-enough-password");
    expect((await temp.get("/api/plans")).status).toBe(200);
    const user = (await office.get("/api/users")).body.users.find((u: { loginId: string }) => u.loginId === "temp");
    const stale = await office.patch(`/api/users/${user.id}`, { disabled: true }, ifMatch(user.version + 5));
    expect(stale.status).toBe(412);
    const disabled = await office.patch(`/api/users/${user.id}`, { disabled: true }, ifMatch(user.version));
    expect(disabled.body.user.disabled).toBe(true);
    expect((await temp.get("/api/plans")).status).toBe(401);
    const again = new ApiClient(t.baseUrl);
    expect(
      (
        await again.post("/api/auth/login", {
          municipalityCode: "999001",
          loginId: "temp",
          password: "long-enough-password",
        })
      ).status,
    ).toBe(401);
  });

  it("only a system administrator grants the system administrator role; editors cannot manage users", async () => {
    const input = { loginId: "root2", displayName: "管理者2", role: "system_admin", password: "long-enough-password" };
    expect((await office.post("/api/users", input)).status).toBe(403);
    expect((await admin.post("/api/users", input)).status).toBe(201);
    const korei = await ApiClient.login(t.baseUrl, "korei");
    expect((await korei.get("/api/users")).status).toBe(403);
  });
});
