import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";

/**
 * Separation of duties: the plan office administers the plan side's accounts, the support-side administrator the
 * support side's, the system administrator all; nobody grants a role above its own or of the other side, and every
 * change to a support-side account is shown to the coordinators.
 */
const app = signedInApp({ office: "keikaku", supportAdmin: "shienkanri", admin: "admin", coord: "coord" });
let coordAgencyId: string;
const password = "a-long-enough-passphrase";

interface Account {
  id: string;
  loginId: string;
  role: string;
  version: number;
}
const accountsOf = async (c: ApiClient) => (await c.get("/api/users")).body.users as Account[];

beforeAll(async () => {
  coordAgencyId = (await app.coord.get("/api/auth/session")).body.user.agencyId;
});

describe("separation of duties in account administration", () => {
  it("the plan office cannot make itself a coordinator account, nor take over one, so it never reaches a case", async () => {
    const staffInCoordinators = {
      loginId: "office-made-staff",
      displayName: "計画課が作った職員",
      role: "support_staff",
      agencyId: coordAgencyId,
      password,
    };
    expect((await app.office.post("/api/users", staffInCoordinators)).status).toBe(403);
    for (const role of ["provider", "support_admin", "system_admin"]) {
      const res = await app.office.post("/api/users", { ...staffInCoordinators, loginId: `office-${role}`, role });
      expect(res.status, role).toBe(403);
    }
    // the support side's accounts are not in its list, and changing or resetting one is "not found"
    const listed = await accountsOf(app.office);
    expect(listed.map((u) => u.role).sort()).toEqual(
      expect.arrayContaining(["plan_office", "department_editor", "viewer"]),
    );
    expect(listed.filter((u) => !["plan_office", "department_editor", "viewer"].includes(u.role))).toEqual([]);
    const coordAccount = (await accountsOf(app.admin)).find((u) => u.loginId === "coord") as Account;
    const reset = await app.office.patch(`/api/users/${coordAccount.id}`, { password }, ifMatch(coordAccount.version));
    expect(reset.status).toBe(404);
    // so the coordinator's password still works and nobody else's does
    expect((await ApiClient.login(app.t.baseUrl, "coord")).baseUrl).toBe(app.t.baseUrl);
    // nor can it move one of its own accounts to the support side
    const editor = listed.find((u) => u.loginId === "korei") as Account;
    const moved = await app.office.patch(
      `/api/users/${editor.id}`,
      { role: "support_staff", agencyId: coordAgencyId },
      ifMatch(editor.version),
    );
    expect(moved.status).toBe(403);
    // and its own plan side works as before
    const created = await app.office.post("/api/users", {
      loginId: "office-made-viewer",
      displayName: "委員 追加",
      role: "viewer",
      password,
    });
    expect(created.status).toBe(201);
  });

  it("the support-side administrator manages the support side only", async () => {
    const created = await app.supportAdmin.post("/api/users", {
      loginId: "new-coord-staff",
      displayName: "協働 新人",
      role: "support_staff",
      agencyId: coordAgencyId,
      password,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const role of ["plan_office", "department_editor", "viewer", "system_admin"]) {
      const res = await app.supportAdmin.post("/api/users", {
        loginId: `sa-${role}`,
        displayName: "x",
        role,
        password,
      });
      expect(res.status, role).toBe(403);
    }
    const listed = await accountsOf(app.supportAdmin);
    expect(listed.every((u) => ["support_admin", "support_staff", "provider"].includes(u.role))).toBe(true);
    const keikaku = (await accountsOf(app.admin)).find((u) => u.loginId === "keikaku") as Account;
    expect(
      (await app.supportAdmin.patch(`/api/users/${keikaku.id}`, { password }, ifMatch(keikaku.version))).status,
    ).toBe(404);
    // it administers; it does not read a person's data
    expect((await app.supportAdmin.get("/api/cases")).status).toBe(403);
    expect((await app.supportAdmin.get("/api/referrals")).status).toBe(403);
  });

  it("shows every change to a support-side account to the coordinators, not to others", async () => {
    const staff = (await accountsOf(app.admin)).find((u) => u.loginId === "new-coord-staff") as Account;
    const reset = await app.admin.patch(
      `/api/users/${staff.id}`,
      { password: "another-long-passphrase", disabled: true },
      ifMatch(staff.version),
    );
    expect(reset.status).toBe(200);
    const res = await app.coord.get("/api/account-changes");
    expect(res.status).toBe(200);
    const mine = res.body.changes.filter(
      (c: { account: { loginId: string } }) => c.account.loginId === "new-coord-staff",
    );
    expect(mine.map((c: { actionLabel: string }) => c.actionLabel)).toEqual(["パスワードの再設定", "登録"]);
    expect(mine[0].by).toBe("システム管理者");
    expect(mine[0].changes).toEqual([{ field: "状態", from: "利用中", to: "停止" }]);
    expect(mine[1]).toMatchObject({ by: "支援 管理（重層的支援の管理者）", account: { roleLabel: "支援機関職員" } });
    // plan-side account changes are not the support side's business
    const planSide = res.body.changes.filter(
      (c: { account: { loginId: string } }) => c.account.loginId === "office-made-viewer",
    );
    expect(planSide).toEqual([]);
    for (const login of ["houkatsu", "jigyosha", "keikaku", "iin"]) {
      const other = await ApiClient.login(app.t.baseUrl, login);
      expect((await other.get("/api/account-changes")).status, login).toBe(403);
    }
  });
});
