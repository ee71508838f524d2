import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import { auditLog } from "../../db/schema/index.js";
import { chainOrder } from "../../platform/audit.js";

const app = signedInApp({ office: "keikaku" });

describe("department path ids", () => {
  it.each(["rename", "merge"])("answers a field-named 400 for a %s of a department id that is no uuid", async (op) => {
    const body =
      op === "rename"
        ? { name: "改名課", effectiveFrom: "2025-04-01" }
        : { intoDepartmentId: "00000000-0000-4000-8000-000000000000", effectiveFrom: "2025-04-01" };
    for (const id of ["not-a-uuid", "1", "%E9%95%B7", "0".repeat(90)]) {
      const res = await app.office.post(`/api/departments/${id}/${op}`, body, ifMatch(1));
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: "id", message: "課の指定が正しくありません" }]);
    }
  });

  it("answers 404 for a well-formed id of no department", async () => {
    const res = await app.office.post(
      "/api/departments/00000000-0000-4000-8000-000000000000/rename",
      { name: "改名課", effectiveFrom: "2025-04-01" },
      ifMatch(1),
    );
    expect(res.status).toBe(404);
    expect(res.body.message).toBe("課が見つかりません");
  });

  it("keeps renaming through the service: history, audit and a stale version", async () => {
    const created = (await app.office.post("/api/departments", { name: "経路確認課" })).body.department;
    const renamed = await app.office.post(
      `/api/departments/${created.id}/rename`,
      { name: "経路確認推進課", effectiveFrom: "2025-04-01" },
      ifMatch(created.version),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.department).toMatchObject({ name: "経路確認推進課", version: created.version + 1 });
    const stale = await app.office.post(
      `/api/departments/${created.id}/rename`,
      { name: "経路確認課", effectiveFrom: "2026-04-01" },
      ifMatch(created.version),
    );
    expect(stale.status).toBe(412);
    const trail = await app.t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "department"), eq(auditLog.entityId, created.id)))
      .orderBy(...chainOrder);
    expect(trail.map((r) => r.action)).toEqual(["create", "rename"]);
  });
});
