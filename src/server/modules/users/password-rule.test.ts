import { describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import { PASSWORD_MESSAGES } from "../../../domain/passwords.js";
import { DEMO_PASSWORD, DEMO_USERS } from "../../demo/demo-plan.js";
import { DEMO_SUPPORT_USERS } from "../../demo/demo-support.js";

const app = signedInApp({ office: "keikaku" });

const newViewer = (loginId: string, password: string) =>
  app.office.post("/api/users", { loginId, displayName: "規則 確認", role: "viewer", password });

describe("password rule on accounts", () => {
  it.each([
    ["aaaaaaaaaaaa", PASSWORD_MESSAGES.repetitive],
    ["123412341234", PASSWORD_MESSAGES.repetitive],
    ["short-pass", PASSWORD_MESSAGES.tooShort],
    ["qwerty123456", PASSWORD_MESSAGES.common],
    ["password2024!", PASSWORD_MESSAGES.common],
    ["rule-check-new-spring", PASSWORD_MESSAGES.containsLoginId],
  ])("refuses %j for a new account with a field-named Japanese 400", async (password, message) => {
    const res = await newViewer("rule-check", password);
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: "password", message }]);
    expect((await app.office.get("/api/users")).body.users.map((u: { loginId: string }) => u.loginId)).not.toContain(
      "rule-check",
    );
  });

  it("refuses a changed password that breaks the rule, checked against that account's login id", async () => {
    const created = await newViewer("rule-change", "amber-lantern-river");
    expect(created.status).toBe(201);
    const id = created.body.user.id;
    for (const [password, message] of [
      ["rule-change-2025", PASSWORD_MESSAGES.containsLoginId],
      ["aaaaaaaaaaaa", PASSWORD_MESSAGES.repetitive],
      ["iloveyou1234567", PASSWORD_MESSAGES.common],
    ]) {
      const res = await app.office.patch(`/api/users/${id}`, { password }, ifMatch(created.body.user.version));
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: "password", message }]);
    }
    const ok = await app.office.patch(`/api/users/${id}`, { password: "quiet-harbor-lights" }, ifMatch(1));
    expect(ok.status).toBe(200);
    await ApiClient.login(app.t.baseUrl, "rule-change", "quiet-harbor-lights");
  });

  it("keeps the demo password valid: every demo account logs in with it", async () => {
    for (const u of [...DEMO_USERS, ...DEMO_SUPPORT_USERS])
      await ApiClient.login(app.t.baseUrl, u.loginId, DEMO_PASSWORD);
  });
});
