import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../../platform/audit.js";

// Participation support: proposing a resource for a case's person, its status order, follow-ups, access, unmet needs.
const w = worldForFile(startReferredHouseholdWorld);

let caseId: string;
let resourceId: string;
let districtId: string;

const resource = async (name: string) => {
  const res = await w.as.coordinator.post("/api/resources", {
    name,
    category: "work_experience",
    operatorName: "農園の会",
    districtId,
    days: ["TU"],
    audiences: ["youth"],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.resource.id as string;
};

describe("placements", () => {
  it("proposes a resource to the case's person and keeps it from those without a basis", async () => {
    caseId = (await w.openCase({ referralIds: [w.referralId], householdId: w.householdId, mainPersonId: w.mainId })).id;
    districtId = (await w.as.coordinator.post("/api/districts", { name: "参加支援地区" })).body.district.id;
    resourceId = await resource("畑の就労体験");
    const url = `/api/cases/${caseId}/placements`;
    const body = { resourceId, wishes: "外で体を動かしたい", startedOn: "2025-06-03", followUpOn: "2025-06-10" };

    expect((await w.as.team.post(url, body)).status).toBe(403);
    expect((await w.as.otherStaff.post(url, body)).status).toBe(404);
    const proposed = await w.as.lead.post(url, body);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.headers.get("etag")).toBe('"1"');
    expect(proposed.body.placement).toMatchObject({
      resource: { id: resourceId, name: "畑の就労体験" },
      wishes: "外で体を動かしたい",
      status: "trial",
      statusLabel: "見学・体験",
      statusOn: "2025-06-03",
      followUpOn: "2025-06-10",
      followUpDue: true,
      nextStatuses: ["participating", "interrupted"],
      history: [{ status: "trial", on: "2025-06-03" }],
    });

    // the team agency reads it on the person's consent; another agency and a provider do not learn it exists
    const asTeam = await w.as.team.get(url);
    expect(asTeam.status).toBe(200);
    expect(asTeam.body).toMatchObject({ canManage: false, placements: [{ id: proposed.body.placement.id }] });
    expect((await w.as.otherStaff.get(url)).status).toBe(404);
    expect((await w.as.senderProvider.get(url)).status).toBe(404);
    expect((await w.as.otherMunicipality.get(url)).status).toBe(404);
    const denied = await auditRecords(w.t.database.db, { action: "denied", entityId: caseId });
    expect(denied.map((r) => `${r.actorLabel} ${r.basis}`)).toContain("kikan need_to_know:placements");

    // only a resource in the directory can be proposed (not a provider's pending proposal)
    const pending = await w.as.senderProvider.post("/api/resources", {
      name: "提案中の居場所",
      category: "ibasho",
      operatorName: "有志",
      days: ["MO"],
      audiences: ["anyone"],
    });
    const refused = await w.as.lead.post(url, { ...body, resourceId: pending.body.resource.id });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: "resourceId", message: "公開中の地域資源を選んでください" }]);
  });

  it("moves a placement only in the order, at its version, and keeps its history", async () => {
    const list = (await w.as.lead.get(`/api/cases/${caseId}/placements`)).body.placements;
    const p = list[0];
    const url = `/api/cases/${caseId}/placements/${p.id}/status`;

    expect((await w.as.lead.post(url, { status: "participating", on: "2025-06-20" })).status).toBe(428);
    expect((await w.as.lead.post(url, { status: "participating", on: "2025-06-20" }, ifMatch(5))).status).toBe(412);
    const skipped = await w.as.lead.post(url, { status: "settled", on: "2025-06-20" }, ifMatch(p.version));
    expect(skipped.status).toBe(400);
    expect(skipped.body.fields.map((f: { field: string }) => f.field)).toEqual(["status"]);
    const backwards = await w.as.lead.post(url, { status: "participating", on: "2025-06-01" }, ifMatch(p.version));
    expect(backwards.body.fields.map((f: { field: string }) => f.field)).toEqual(["on"]);
    expect((await w.as.team.post(url, { status: "participating", on: "2025-06-20" }, ifMatch(p.version))).status).toBe(
      403,
    );

    const joined = await w.as.lead.post(
      url,
      { status: "participating", on: "2025-06-20", followUpOn: "2099-01-10" },
      ifMatch(p.version),
    );
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body.placement).toMatchObject({
      status: "participating",
      statusLabel: "参加",
      followUpOn: "2099-01-10",
      followUpDue: false,
      version: p.version + 1,
    });

    const noReason = await w.as.coordinator.post(
      url,
      { status: "interrupted", on: "2025-07-01" },
      ifMatch(p.version + 1),
    );
    expect(noReason.body.fields).toEqual([{ field: "reason", message: "中断の理由を選んでください" }]);
    const stopped = await w.as.coordinator.post(
      url,
      { status: "interrupted", on: "2025-07-01", reason: "transport", note: "バスの便が減った" },
      ifMatch(p.version + 1),
    );
    expect(stopped.status).toBe(200);
    expect(stopped.body.placement).toMatchObject({
      status: "interrupted",
      interruptionReasonLabel: "移動手段",
      followUpOn: null,
      followUpDue: false,
      nextStatuses: [],
    });
    expect(
      stopped.body.placement.history.map((h: { statusLabel: string; on: string }) => `${h.statusLabel} ${h.on}`),
    ).toEqual(["見学・体験 2025-06-03", "参加 2025-06-20", "中断 2025-07-01"]);
    const again = await w.as.lead.post(url, { status: "settled", on: "2025-08-01" }, ifMatch(p.version + 2));
    expect(again.body.fields).toEqual([{ field: "status", message: "中断した参加支援の状況は変えられません" }]);

    const db = w.t.database.db;
    const changes = await auditRecords(db, { entityType: "placement", entityId: p.id });
    expect(changes.map((r) => r.action)).toEqual(["create", "update", "update"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("records needs no resource met, listed for the coordinators without the case or person", async () => {
    const url = `/api/cases/${caseId}/unmet-needs`;
    const need = { lookedFor: "夜に通える居場所", districtId, audiences: ["youth", "youth"] };
    expect((await w.as.team.post(url, need)).status).toBe(403);
    expect((await w.as.otherStaff.post(url, need)).status).toBe(404);
    const recorded = await w.as.lead.post(url, need);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const bad = await w.as.lead.post(url, { ...need, districtId: caseId });
    expect(bad.body.fields).toEqual([{ field: "districtId", message: "地区を一覧から選んでください" }]);

    const list = await w.as.coordinator.get("/api/unmet-needs");
    expect(list.status).toBe(200);
    expect(list.body.unmetNeeds).toHaveLength(1);
    expect(list.body.unmetNeeds[0]).toMatchObject({
      lookedFor: "夜に通える居場所",
      district: { id: districtId, name: "参加支援地区" },
      audiences: [{ code: "youth", label: "若者" }],
    });
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(caseId);
    expect(text).not.toContain(w.mainId);
    expect((await w.as.lead.get("/api/unmet-needs")).status).toBe(403);
  });

  it("shows a resource's operator agency only the placements its person's consent covers", async () => {
    const operated = async (name: string, operatorAgencyId: string) => {
      const res = await w.as.coordinator.post("/api/resources", {
        name,
        category: "salon",
        operatorAgencyId,
        days: ["FR"],
        audiences: ["anyone"],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.resource.id as string;
    };
    // the team agency is covered by the person's consent; the other agency is not
    const byTeam = await operated("チームの機関のサロン", w.agencyId.team);
    const byOther = await operated("他の機関のサロン", w.agencyId.kikan);
    for (const resourceId of [byTeam, byOther]) {
      const res = await w.as.lead.post(`/api/cases/${caseId}/placements`, {
        resourceId,
        wishes: "話し相手がほしい",
        startedOn: "2025-08-01",
      });
      expect(res.status).toBe(201);
    }
    const seen = await w.as.team.get(`/api/resources/${byTeam}/placements`);
    expect(seen.status).toBe(200);
    expect(seen.body.placements).toMatchObject([
      { caseId, personId: w.mainId, wishes: "話し相手がほしい", status: "trial" },
    ]);
    const uncovered = await w.as.otherStaff.get(`/api/resources/${byOther}/placements`);
    expect(uncovered.status).toBe(200);
    expect(uncovered.body.placements).toEqual([]);
    expect((await w.as.coordinator.get(`/api/resources/${byOther}/placements`)).body.placements).toHaveLength(1);
    // not the operator: 404, and the attempt is in the audit log
    expect((await w.as.lead.get(`/api/resources/${byTeam}/placements`)).status).toBe(404);
    expect((await w.as.otherStaff.get(`/api/resources/${byTeam}/placements`)).status).toBe(404);
    const denied = await auditRecords(w.t.database.db, { action: "denied", entityId: byTeam });
    expect(denied.map((r) => r.basis)).toContain("need_to_know:resource_placements");
  });
});
