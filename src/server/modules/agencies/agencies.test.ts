import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";

const app = signedInApp({ staff: "houkatsu" });

describe("agencies", () => {
  it("the support-side administrator registers agencies; the support side reads them, the plan side does not", async () => {
    const office = await ApiClient.login(app.t.baseUrl, "shienkanri");
    const created = await office.post("/api/agencies", { name: "つなぐ市社会福祉協議会", category: "地域づくり" });
    expect(created.status).toBe(201);
    expect(created.body.agency).toMatchObject({ kind: "public", kindLabel: "支援機関", isCoordinator: false });
    expect(
      (await office.post("/api/agencies", { name: "つなぐ市社会福祉協議会", category: "地域づくり" })).status,
    ).toBe(409);
    const bad = await office.post("/api/agencies", {
      name: "",
      category: "福祉",
      kind: "provider",
      isCoordinator: true,
    });
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(["category", "name"]);
    const names = (await app.staff.get("/api/agencies")).body.agencies.map((a: { name: string }) => a.name);
    expect(names).toContain("つなぐ市社会福祉協議会");
    expect(names).toHaveLength(6);
    expect((await app.staff.post("/api/agencies", { name: "x", category: "参加支援" })).status).toBe(403);
    // registering an agency (a coordinator one widens access) is not the plan side's to do, nor to read
    for (const login of ["keikaku", "iin"]) {
      const planSide = await ApiClient.login(app.t.baseUrl, login);
      expect((await planSide.get("/api/agencies")).status, login).toBe(403);
      expect((await planSide.post("/api/agencies", { name: "x", category: "参加支援" })).status, login).toBe(403);
    }
    const session = (await app.staff.get("/api/auth/session")).body.user;
    expect(session).toMatchObject({ role: "support_staff", roleLabel: "支援機関職員", isCoordinator: false });
    expect(typeof session.agencyId).toBe("string");
  });
});
