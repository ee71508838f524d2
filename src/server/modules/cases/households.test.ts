import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";

// 世帯: members with their relationships, every read of them audited, changed under If-Match.
const w = worldForFile(startReferredHouseholdWorld);

describe("households", () => {
  it("registers a household with members and relationships, and audits every read of its members", async () => {
    const res = await w.as.coordinator.get(`/api/households/${w.householdId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body.household).toMatchObject({ name: "テスト家", access: "coordinator", cases: [] });
    expect(
      res.body.household.members.map((m: { personId: string; relationship: string }) => [m.personId, m.relationship]),
    ).toEqual([
      [w.mainId, "本人"],
      [w.childId, "子"],
    ]);
    const reads = await auditRecords(w.t.database.db, { action: "read", basis: `household:${w.householdId}` });
    expect(reads.map((r) => r.entityId).sort()).toEqual([w.mainId, w.childId].sort());
  });

  it("validates members with field names", async () => {
    const bad = await w.as.lead.post("/api/households", {
      address: "",
      members: [{ personId: w.mainId, relationship: "いとこ" }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(["address", "members.0.relationship"]);
    const twice = await w.as.lead.post("/api/households", {
      address: "つなぐ市（架空）",
      members: [
        { personId: w.mainId, relationship: "本人" },
        { personId: w.mainId, relationship: "本人" },
      ],
    });
    expect(twice.body.fields.map((f: { field: string }) => f.field)).toEqual(["members.1.personId", "members"]);
    const missing = await w.as.lead.post("/api/households", {
      address: "つなぐ市（架空）",
      members: [{ personId: "00000000-0000-4000-8000-000000000000", relationship: "本人" }],
    });
    expect(missing.body.fields).toEqual([{ field: "members.0.personId", message: "対象者が見つかりません" }]);
    // a provider registers no households: refused before its body is even read
    expect((await w.as.senderProvider.post("/api/households", { address: "x", members: [] })).status).toBe(403);
  });

  it("adds and removes members with If-Match, and refuses to remove a case's main person", async () => {
    const spouse = await w.person(w.as.lead, "ケース ハイグウシャ");
    const url = `/api/households/${w.householdId}/members`;
    expect((await w.as.coordinator.post(url, { personId: spouse, relationship: "配偶者" })).status).toBe(428);
    const added = await w.as.coordinator.post(url, { personId: spouse, relationship: "配偶者" }, ifMatch(1));
    expect(added.status).toBe(201);
    expect(added.body.household.version).toBe(2);
    expect((await w.as.coordinator.post(url, { personId: spouse, relationship: "配偶者" }, ifMatch(2))).status).toBe(
      409,
    );
    const second = await w.as.coordinator.post(url, { personId: spouse, relationship: "本人" }, ifMatch(1));
    expect(second.status).toBe(412);
    const removed = await w.as.coordinator.request("DELETE", `${url}/${spouse}`, undefined, ifMatch(2));
    expect(removed.status).toBe(200);
    expect(removed.body.household.members.map((m: { personId: string }) => m.personId)).not.toContain(spouse);
    expect((await w.as.coordinator.request("DELETE", `${url}/${spouse}`, undefined, ifMatch(3))).status).toBe(404);
  });
});
