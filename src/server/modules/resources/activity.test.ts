import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";

const w = worldForFile(startCaseWorld);
let hubId: string;

beforeAll(async () => {
  const res = await w.as.coordinator.post("/api/resources", {
    name: "拠点の確認・みんなの広場",
    category: "kayoinoba",
    operatorName: "広場の会（テスト）",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  hubId = res.body.resource.id;
});

describe("a community hub's months (地域づくりの拠点)", () => {
  it("records how many took part and which organisations joined, month by month, under If-Match", async () => {
    const june = `/api/resources/${hubId}/activity/2025-06`;
    const first = await w.as.lead.put(june, { participants: 18, organisations: ["北町内会", "民生委員協議会"] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.activity).toMatchObject({ month: "2025-06", participants: 18, version: 1 });
    // a month already recorded is corrected with its version: none 428, an old one 412
    expect((await w.as.team.put(june, { participants: 20 })).status).toBe(428);
    expect((await w.as.team.put(june, { participants: 20 }, ifMatch(2))).status).toBe(412);
    const corrected = await w.as.team.put(
      june,
      { participants: 20, organisations: ["北町内会", "民生委員協議会", "北町内会"] },
      ifMatch(1),
    );
    expect(corrected.body.activity).toMatchObject({ participants: 20, organisations: ["北町内会", "民生委員協議会"] });
    expect((await w.as.lead.put(`/api/resources/${hubId}/activity/2025-07`, { participants: 11 })).status).toBe(200);

    // everyone who reads the directory reads the months, newest first, with the total
    const read = await w.as.senderProvider.get(`/api/resources/${hubId}/activity`);
    expect(read.body.months.map((m: { month: string }) => m.month)).toEqual(["2025-07", "2025-06"]);
    expect(read.body.participants).toBe(31);
    // a provider does not record them, the plan side does not read them
    expect(
      (await w.as.senderProvider.put(`/api/resources/${hubId}/activity/2025-08`, { participants: 1 })).status,
    ).toBe(403);
    expect((await w.as.planOffice.get(`/api/resources/${hubId}/activity`)).status).toBe(403);
    const actions = (await auditRecords(w.t.database.db, { entityType: "resource_activity", entityId: hubId })).map(
      (r) => r.action,
    );
    expect(actions).toEqual(["create", "update", "create"]);
  });

  it("refuses a month or a number field by field", async () => {
    const bad = await w.as.lead.put(`/api/resources/${hubId}/activity/2025-13`, {
      participants: -1,
      organisations: [""],
    });
    expect(bad.status).toBe(400);
    expect((bad.body.fields as { field: string }[]).map((f) => f.field)).toEqual(["month"]);
    const negative = await w.as.lead.put(`/api/resources/${hubId}/activity/2025-09`, { participants: -1 });
    expect(negative.body.fields).toEqual([{ field: "participants", message: "参加者数は0以上で入力してください" }]);
  });

  it("is not kept for a proposal", async () => {
    const proposal = await w.as.senderProvider.post("/api/resources", {
      name: "拠点の確認・提案",
      category: "salon",
      operatorName: "提案の会（テスト）",
    });
    const res = await w.as.coordinator.put(`/api/resources/${proposal.body.resource.id}/activity/2025-06`, {
      participants: 3,
    });
    expect(res.status).toBe(409);
  });
});
