import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";

const w = worldForFile(startCaseWorld);
let supportAdmin: ApiClient;
let district: { north: string; south: string };

type Resource = {
  id: string;
  version: number;
  name: string;
  status: string;
  address: string | null;
  locationHidden: boolean;
  reviewReason: string | null;
};

const SHELTER_ADDRESS = "つなぐ市かくれ町7-7-7";
const base = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  category: "ibasho",
  operatorName: "つなぐ地区の会（テスト）",
  days: ["WE"],
  audiences: ["anyone"],
  ...extra,
});
const create = async (client: ApiClient, body: Record<string, unknown>) => {
  const res = await client.post("/api/resources", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.resource as Resource;
};
const names = async (client: ApiClient, query = "") =>
  ((await client.get(`/api/resources${query}`)).body.resources as Resource[]).map((r) => r.name);

beforeAll(async () => {
  supportAdmin = await ApiClient.login(w.t.baseUrl, "shienkanri");
  const districts = (await w.as.coordinator.get("/api/districts")).body.districts as { id: string; name: string }[];
  const byName = (n: string) => districts.find((d) => d.name === n)?.id as string;
  district = { north: byName("北地区"), south: byName("南地区") };
});

describe("who keeps the directory", () => {
  it("agency staff add to it; the support side reads it; the plan side does not", async () => {
    const added = await create(w.as.lead, base("試験サロン・あおば", { districtId: district.north }));
    expect(added).toMatchObject({ status: "active", version: 1 });
    for (const reader of [w.as.otherStaff, w.as.otherProvider, supportAdmin, w.as.coordinator])
      expect(await names(reader)).toContain("試験サロン・あおば");
    for (const planSide of [w.as.planOffice, w.as.viewer]) {
      expect((await planSide.get("/api/resources")).status).toBe(403);
      expect((await planSide.get(`/api/resources/${added.id}`)).status).toBe(403);
    }
    expect((await supportAdmin.post("/api/resources", base("管理者の資源"))).status).toBe(403);
    const [record] = await auditRecords(w.t.database.db, { entityType: "resource", entityId: added.id });
    expect(record).toMatchObject({ action: "create", actorLabel: "houkatsu" });
  });

  it("refuses a resource field by field, in Japanese", async () => {
    const res = await w.as.lead.post("/api/resources", {
      name: " ",
      category: "cafe",
      operatorName: "会",
      capacity: 0,
      days: ["XX"],
    });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(
      (res.body.fields as { field: string; message: string }[]).map((f) => [f.field, f.message]),
    );
    expect(fields.name).toBe("名称を入力してください");
    expect(fields.category).toContain("居場所");
    expect(fields.capacity).toBe("定員は1以上で入力してください");
    expect(fields["days.0"]).toContain("曜日");
    // the operator is an agency or a community group's name, one of the two
    const both = await w.as.lead.post("/api/resources", base("運営が二つ", { operatorAgencyId: w.agencyId.kikan }));
    expect(both.body.fields).toEqual([{ field: "operatorName", message: expect.stringContaining("どちらか一方") }]);
    const noAddress = await w.as.lead.post("/api/resources", base("住所なし", { locationHidden: true }));
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.fields[0].field).toBe("address");
  });

  it("an edit names the version it read: none 428, an old one 412, the current one saves (audited)", async () => {
    const r = await create(w.as.otherStaff, base("試験の通いの場", { category: "kayoinoba" }));
    const edit = {
      ...base("試験の通いの場（水・金）", { category: "kayoinoba" }),
      days: ["WE", "FR"],
      status: "active",
    };
    expect((await w.as.team.put(`/api/resources/${r.id}`, edit)).status).toBe(428);
    expect((await w.as.team.put(`/api/resources/${r.id}`, edit, ifMatch(r.version + 1))).status).toBe(412);
    const saved = await w.as.team.put(`/api/resources/${r.id}`, edit, ifMatch(r.version));
    expect(saved.status).toBe(200);
    expect(saved.body.resource).toMatchObject({ name: "試験の通いの場（水・金）", version: r.version + 1 });
    expect(saved.headers.get("etag")).toContain(String(r.version + 1));
    expect((await w.as.team.put(`/api/resources/${r.id}`, edit, ifMatch(r.version))).status).toBe(412);
    const paused = await w.as.team.put(`/api/resources/${r.id}`, { ...edit, status: "paused" }, ifMatch(r.version + 1));
    expect(paused.body.resource.statusLabel).toBe("休止");
    expect((await w.as.senderProvider.put(`/api/resources/${r.id}`, edit, ifMatch(r.version + 2))).status).toBe(403);
    const actions = (await auditRecords(w.t.database.db, { entityType: "resource", entityId: r.id })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["create", "update", "update"]);
  });
});

describe("a provider's proposal", () => {
  it("waits for a coordinator, who accepts it into the directory", async () => {
    const proposed = await create(w.as.senderProvider, base("提案の子ども食堂", { category: "kodomo_shokudo" }));
    expect(proposed.status).toBe("proposed");
    expect(await names(w.as.senderProvider)).toContain("提案の子ども食堂");
    expect(await names(w.as.coordinator, "?status=proposed")).toContain("提案の子ども食堂");
    for (const other of [w.as.otherStaff, w.as.otherProvider, supportAdmin]) {
      expect(await names(other)).not.toContain("提案の子ども食堂");
      expect((await other.get(`/api/resources/${proposed.id}`)).status).toBe(404);
    }
    // staff cannot edit it into the directory, nor decide it
    const edit = { ...base("提案の子ども食堂"), status: "active" };
    expect((await w.as.coordinator.put(`/api/resources/${proposed.id}`, edit, ifMatch(1))).status).toBe(409);
    expect(
      (await w.as.lead.post(`/api/resources/${proposed.id}/review`, { decision: "accept" }, ifMatch(1))).status,
    ).toBe(403);

    const accepted = await w.as.coordinator.post(
      `/api/resources/${proposed.id}/review`,
      { decision: "accept" },
      ifMatch(proposed.version),
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.resource).toMatchObject({ status: "active", proposedBy: { id: expect.any(String) } });
    expect(await names(w.as.otherProvider)).toContain("提案の子ども食堂");
    const again = await w.as.coordinator.post(
      `/api/resources/${proposed.id}/review`,
      { decision: "reject", reason: "重複" },
      ifMatch(proposed.version + 1),
    );
    expect(again.status).toBe(409);
    const [review] = await auditRecords(w.t.database.db, { entityType: "resource", action: "review" });
    expect(review).toMatchObject({ entityId: proposed.id, actorLabel: "coord" });
  });

  it("is turned down only with a reason, which the proposing provider reads", async () => {
    const proposed = await create(w.as.senderProvider, base("提案のボランティア", { category: "volunteer" }));
    const bare = await w.as.coordinator.post(
      `/api/resources/${proposed.id}/review`,
      { decision: "reject" },
      ifMatch(proposed.version),
    );
    expect(bare.status).toBe(400);
    expect(bare.body.fields[0]).toEqual({ field: "reason", message: "見送る理由を入力してください" });
    const rejected = await w.as.coordinator.post(
      `/api/resources/${proposed.id}/review`,
      { decision: "reject", reason: "既に同じ活動が登録されています" },
      ifMatch(proposed.version),
    );
    expect(rejected.body.resource).toMatchObject({ status: "rejected", statusLabel: "見送り" });
    const seen = (await w.as.senderProvider.get(`/api/resources/${proposed.id}`)).body.resource as Resource;
    expect(seen.reviewReason).toBe("既に同じ活動が登録されています");
    expect(await names(w.as.otherStaff)).not.toContain("提案のボランティア");
  });
});

describe("a hidden location (a shelter)", () => {
  let shelter: Resource;
  beforeAll(async () => {
    shelter = await create(
      w.as.coordinator,
      base("試験の一時避難の場", {
        operatorName: null,
        operatorAgencyId: w.agencyId.team,
        address: SHELTER_ADDRESS,
        locationHidden: true,
        tags: ["避難"],
      }),
    );
  });

  it("is shown to the coordinators and the operator agency only", async () => {
    for (const sees of [w.as.coordinator, w.as.team]) {
      expect((await sees.get(`/api/resources/${shelter.id}`)).body.resource.address).toBe(SHELTER_ADDRESS);
      expect(JSON.stringify((await sees.get("/api/resources")).body)).toContain(SHELTER_ADDRESS);
    }
    for (const other of [w.as.lead, w.as.otherStaff, w.as.senderProvider, supportAdmin]) {
      const detail = await other.get(`/api/resources/${shelter.id}`);
      expect(detail.body.resource).toMatchObject({ address: null, locationHidden: true });
      expect(JSON.stringify(detail.body)).not.toContain("かくれ町");
      expect(JSON.stringify((await other.get("/api/resources")).body)).not.toContain("かくれ町");
      // nor found by searching its street
      expect(await names(other, `?q=${encodeURIComponent("かくれ町")}`)).toEqual([]);
    }
    expect(await names(w.as.coordinator, `?q=${encodeURIComponent("かくれ町")}`)).toEqual([]);
  });

  it("is edited only by those who see it, and never written into the audit trail", async () => {
    const edit = {
      ...base("試験の一時避難の場"),
      operatorName: null,
      operatorAgencyId: w.agencyId.team,
      address: "別の場所",
      locationHidden: false,
      status: "active",
    };
    expect((await w.as.lead.put(`/api/resources/${shelter.id}`, edit, ifMatch(shelter.version))).status).toBe(403);
    const records = await auditRecords(w.t.database.db, { entityType: "resource", entityId: shelter.id });
    expect(records.length).toBe(1);
    expect(JSON.stringify(records)).not.toContain("かくれ町");
  });

  it("is never in an export, whoever asks", async () => {
    const json = await w.as.coordinator.get("/api/resources/export.json");
    expect(json.status).toBe(200);
    expect(JSON.stringify(json.body)).not.toContain("かくれ町");
    const service = json.body.services.find((s: { id: string }) => s.id === shelter.id);
    expect(service).toMatchObject({ name: "試験の一時避難の場", organization_id: w.agencyId.team });
    expect(json.body.service_at_locations.some((l: { service_id: string }) => l.service_id === shelter.id)).toBe(false);
    const csv = await w.as.coordinator.get("/api/resources/export.csv");
    const text = (csv.body as Buffer).toString("utf8");
    expect(text).not.toContain("かくれ町");
    expect(text).toContain("試験の一時避難の場");
  });
});

describe("finding a resource", () => {
  beforeAll(async () => {
    await create(
      w.as.lead,
      base("試験の畑の居場所", {
        districtId: district.south,
        days: ["TU", "SA"],
        audiences: ["youth", "disability"],
        tags: ["畑", "短時間"],
        address: "つなぐ市南町1-1",
        description: "土に触れる活動",
      }),
    );
    await create(
      w.as.lead,
      base("試験の就労体験・喫茶", {
        category: "work_experience",
        districtId: district.south,
        days: ["TU"],
        audiences: ["youth"],
        tags: ["接客"],
      }),
    );
  });

  it("filters by tag, 地区, day of week, audience, category and free text, all at once", async () => {
    const coordinator = w.as.otherStaff;
    const only = (query: string) => names(coordinator, query).then((n) => n.filter((x) => x.startsWith("試験の")));
    expect(await only(`?districtId=${district.south}`)).toEqual(["試験の就労体験・喫茶", "試験の畑の居場所"]);
    expect(await only(`?tag=${encodeURIComponent("畑")}`)).toEqual(["試験の畑の居場所"]);
    expect(await only(`?tag=${encodeURIComponent("畑")}&tag=${encodeURIComponent("接客")}`)).toEqual([]);
    expect(await only(`?districtId=${district.south}&day=SA`)).toEqual(["試験の畑の居場所"]);
    expect(await only(`?districtId=${district.south}&audience=youth&category=work_experience`)).toEqual([
      "試験の就労体験・喫茶",
    ]);
    expect(await only(`?q=${encodeURIComponent("土に触れる")}`)).toEqual(["試験の畑の居場所"]);
    expect(await only(`?q=${encodeURIComponent("南町")}`)).toEqual(["試験の畑の居場所"]);
    const bad = await coordinator.get("/api/resources?day=XX&districtId=1");
    expect(bad.status).toBe(400);
    expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(["day", "districtId"]);
  });

  it("exports the directory as HSDS-shaped JSON and as CSV with a BOM", async () => {
    const json = await w.as.otherStaff.get("/api/resources/export.json");
    const hsds = json.body as {
      services: { id: string; name: string; organization_id: string; schedules: { byday: string }[] }[];
      organizations: { id: string; name: string }[];
      locations: { id: string; addresses: { address_1: string }[] }[];
      service_at_locations: { service_id: string; location_id: string }[];
    };
    const farm = hsds.services.find((s) => s.name === "試験の畑の居場所");
    expect(farm?.schedules[0]?.byday).toBe("TU,SA");
    expect(hsds.organizations.find((o) => o.id === farm?.organization_id)?.name).toBe("つなぐ地区の会（テスト）");
    const at = hsds.service_at_locations.find((l) => l.service_id === farm?.id);
    expect(hsds.locations.find((l) => l.id === at?.location_id)?.addresses[0]?.address_1).toBe("つなぐ市南町1-1");
    // proposals are not part of the directory
    expect(hsds.services.some((s) => s.name === "提案のボランティア")).toBe(false);

    const csv = await w.as.otherStaff.get("/api/resources/export.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "ID,名称,種別,運営,地区,所在地,曜日,日時の補足,対象,定員,連絡先,バリアフリー・配慮,タグ,状態",
    );
    expect(lines.find((l) => l.includes("試験の畑の居場所"))).toContain("南地区,つなぐ市南町1-1,火・土");
  });
});
