import { beforeAll, describe, expect, it } from "vitest";
import { createMunicipality } from "../../../../test/factories/municipality.js";
import { createAgencyUser } from "../../../../test/factories/support.js";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { latestAuditRecord } from "../../../../test/helpers/audit-records.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";

const app = signedInApp({ office: "keikaku", admin: "admin" });

/** A staff account (and its agency) of a new municipality: the demo municipality's administrators must not reach it. */
async function staffOfAnotherMunicipality(code: string, loginId: string, agencyName: string) {
  const other = await createMunicipality(app.t.database.db, code);
  return createAgencyUser(app.t.database.db, other.municipality.id, { loginId, role: "support_staff", agencyName });
}

describe("user accounts", () => {
  it("creates a department editor who can log in, and never shows a password hash", async () => {
    const dept = (await app.office.get("/api/departments")).body.departments.find(
      (d: { name: string }) => d.name === "防災課",
    );
    const created = await app.office.post("/api/users", {
      loginId: "Bousai",
      displayName: "防災 太郎",
      role: "department_editor",
      departmentIds: [dept.id],
      password: "long-enough-password",
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ loginId: "bousai", roleLabel: "担当課", departmentIds: [dept.id] });
    expect(JSON.stringify(created.body)).not.toMatch(/argon2/);
    const list = await app.office.get("/api/users");
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
    const bousai = await ApiClient.login(app.t.baseUrl, "bousai", "long-enough-password");
    expect((await bousai.get("/api/auth/session")).body.user.departmentIds).toEqual([dept.id]);
    expect(
      (await app.office.post("/api/users", { ...created.body.user, password: "long-enough-password" })).status,
    ).toBe(400);
  });

  it("validates with field names", async () => {
    const res = await app.office.post("/api/users", {
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
    await app.office.post("/api/users", {
      loginId: "temp",
      displayName: "一時",
      role: "viewer",
      password: "long-enough-password",
    });
    const temp = await ApiClient.login(app.t.baseUrl, "temp", "long-enough-password");
    expect((await temp.get("/api/plans")).status).toBe(200);
    const user = (await app.office.get("/api/users")).body.users.find((u: { loginId: string }) => u.loginId === "temp");
    const stale = await app.office.patch(`/api/users/${user.id}`, { disabled: true }, ifMatch(user.version + 5));
    expect(stale.status).toBe(412);
    const disabled = await app.office.patch(`/api/users/${user.id}`, { disabled: true }, ifMatch(user.version));
    expect(disabled.body.user.disabled).toBe(true);
    expect((await temp.get("/api/plans")).status).toBe(401);
    const again = new ApiClient(app.t.baseUrl);
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
    expect((await app.office.post("/api/users", input)).status).toBe(403);
    expect((await app.admin.post("/api/users", input)).status).toBe(201);
    const korei = await ApiClient.login(app.t.baseUrl, "korei");
    expect((await korei.get("/api/users")).status).toBe(403);
  });
});

describe("agency membership (支援機関職員・登録事業者)", () => {
  let agencies: { id: string; name: string; kind: string }[];
  const agency = (part: string) => {
    const found = agencies.find((a) => a.name.includes(part));
    if (!found) throw new Error(`demo agency ${part}`);
    return found.id;
  };
  const body = (over: Record<string, unknown>) => ({
    loginId: "staff-a",
    displayName: "職員 一",
    role: "support_staff",
    password: "long-enough-password",
    ...over,
  });
  const fieldsOf = (res: { body: { fields?: { field: string; message: string }[] } }) =>
    (res.body.fields ?? []).map((f) => f.field);

  beforeAll(async () => {
    agencies = (await app.admin.get("/api/agencies")).body.agencies;
  });

  it("creates a staff account of an agency; the session carries the agency", async () => {
    const created = await app.admin.post("/api/users", body({ loginId: "staff-a", agencyId: agency("地域包括") }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.user).toMatchObject({ role: "support_staff", agencyId: agency("地域包括") });
    const staff = await ApiClient.login(app.t.baseUrl, "staff-a", "long-enough-password");
    expect((await staff.get("/api/auth/session")).body.user.agencyId).toBe(agency("地域包括"));
    // a staff account of an agency reads the referrals sent to it
    expect((await staff.get("/api/referrals")).status).toBe(200);
    const listed = (await app.admin.get("/api/users")).body.users.find(
      (u: { loginId: string }) => u.loginId === "staff-a",
    );
    expect(listed.agencyId).toBe(agency("地域包括"));
  });

  it("refuses a missing, foreign, unknown or mismatched agency, and an agency for other roles (field-named 400)", async () => {
    const foreign = await staffOfAnotherMunicipality("999101", "foreign-staff", "よその市の包括");
    const cases: [Record<string, unknown>, RegExp][] = [
      [body({ loginId: "x1" }), /所属機関を指定してください/],
      [body({ loginId: "x2", role: "provider", agencyId: null }), /所属機関を指定してください/],
      [body({ loginId: "x3", agencyId: foreign.agencyId }), /存在しない機関/],
      [body({ loginId: "x4", agencyId: "00000000-0000-4000-8000-000000000000" }), /存在しない機関/],
      [body({ loginId: "x5", agencyId: "not-a-uuid" }), /所属機関の指定が正しくありません/],
      [body({ loginId: "x6", role: "provider", agencyId: agency("地域包括") }), /登録事業者を指定/],
      [body({ loginId: "x7", agencyId: agency("架空ケア") }), /支援機関（登録事業者以外）/],
      [body({ loginId: "x8", role: "viewer", agencyId: agency("地域包括") }), /だけ指定できます/],
      [body({ loginId: "x9", role: "department_editor", agencyId: agency("基幹") }), /だけ指定できます/],
    ];
    for (const [input, message] of cases) {
      const res = await app.admin.post("/api/users", input);
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(fieldsOf(res), JSON.stringify(input)).toEqual(["agencyId"]);
      expect(res.body.fields[0].message).toMatch(message);
    }
    const users = (await app.admin.get("/api/users")).body.users.map((u: { loginId: string }) => u.loginId);
    expect(users.filter((l: string) => /^x\d$/.test(l))).toEqual([]);
    // a provider account of a 登録事業者 is fine
    expect(
      (await app.admin.post("/api/users", body({ loginId: "prov-a", role: "provider", agencyId: agency("架空ケア") })))
        .status,
    ).toBe(201);
  });

  it("moving an account to another agency takes effect on its next request, audited with before and after", async () => {
    const staff = await ApiClient.login(app.t.baseUrl, "staff-a", "long-enough-password");
    const seen = async () =>
      ((await staff.get("/api/referrals")).body.referrals as { id: string }[]).map((r) => r.id).sort();
    const before = await seen();
    expect(before.length).toBeGreaterThan(0);
    const user = (await app.admin.get("/api/users")).body.users.find(
      (u: { loginId: string }) => u.loginId === "staff-a",
    );

    const bad = await app.admin.patch(`/api/users/${user.id}`, { agencyId: null }, ifMatch(user.version));
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(["agencyId"]);
    const stale = await app.admin.patch(
      `/api/users/${user.id}`,
      { agencyId: agency("基幹") },
      ifMatch(user.version + 3),
    );
    expect(stale.status).toBe(412);

    const moved = await app.admin.patch(`/api/users/${user.id}`, { agencyId: agency("基幹") }, ifMatch(user.version));
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.user.agencyId).toBe(agency("基幹"));
    // same session, next request: the new agency and what it may see
    expect((await staff.get("/api/auth/session")).body.user.agencyId).toBe(agency("基幹"));
    const after = await seen();
    expect(after).not.toEqual(before);

    const record = await latestAuditRecord(app.t.database.db, { entityType: "user", entityId: user.id });
    if (!record) throw new Error("no audit record");
    expect(record.action).toBe("update");
    expect((record.before as { agencyId: string }).agencyId).toBe(agency("地域包括"));
    expect((record.after as { agencyId: string }).agencyId).toBe(agency("基幹"));

    // a role without an agency clears it; giving one with such a role is refused
    const refused = await app.admin.patch(
      `/api/users/${user.id}`,
      { role: "viewer", agencyId: agency("基幹") },
      ifMatch(moved.body.user.version),
    );
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toEqual(["agencyId"]);
    const viewer = await app.admin.patch(`/api/users/${user.id}`, { role: "viewer" }, ifMatch(moved.body.user.version));
    expect(viewer.status).toBe(200);
    expect(viewer.body.user).toMatchObject({ role: "viewer", agencyId: null });
    // back to staff needs an agency again
    const noAgency = await app.admin.patch(
      `/api/users/${user.id}`,
      { role: "support_staff" },
      ifMatch(viewer.body.user.version),
    );
    expect(fieldsOf(noAgency)).toEqual(["agencyId"]);
  });

  it("a user of another municipality cannot be changed (404)", async () => {
    const foreign = await staffOfAnotherMunicipality("999102", "foreign-staff2", "よその市の基幹");
    const res = await app.admin.patch(`/api/users/${foreign.userId}`, { displayName: "乗っ取り" }, ifMatch(1));
    expect(res.status).toBe(404);
  });
});
