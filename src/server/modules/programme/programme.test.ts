/**
 * The programme registry over HTTP: importing the Ota 重層事業 実施計画 (seed 003) through the 取込 machinery with
 * a preview, the department names that match none of the demo city's departments, versioned edits and who may do
 * what. Project contents and departments were checked by hand against lines 181–193 and 199–221 of the seed.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import { decisionsHeader } from "../../../../test/helpers/plan-import.js";
import { seed } from "../../../../test/helpers/seeds.js";
import { auditLog, imports } from "../../db/schema/index.js";

const ota = new Uint8Array(seed("003_85eef98ea598c221.txt"));
const app = signedInApp({ office: "keikaku", supportAdmin: "shienkanri", coordinator: "coord" });

interface Project {
  id: string;
  number: number;
  name: string;
  content: string;
  integrated: boolean;
  categories: { id: string; name: string; parentName: string | null }[];
  departments: { id: string; name: string }[];
  unlinkedDepartmentNames: string[];
  agencies: { id: string; name: string }[];
  version: number;
}
const registry = async (c: ApiClient = app.office) => (await c.get("/api/programme")).body;
const project = async (n: number) => ((await registry()).projects as Project[]).find((p) => p.number === n) as Project;

// the demo city has 健康づくり課 and 障害福祉課 of the thirteen projects' 所管課; the others are new to it
const NEW_NAMES = [
  "高齢福祉課",
  "障がい者総合サポートセンター",
  "地域健康課",
  "子育て支援課",
  "保育サービス課",
  "蒲田生活福祉課",
  "福祉管理課",
  "地域福祉課",
  "地域力推進課",
  "子ども家庭支援センター",
];

describe("importing the programme registry (seed 003)", () => {
  it("previews 13 projects under 5 categories and 9 sub-kinds, the unused lines, and every unknown department", async () => {
    const res = await app.office.post("/api/imports/preview", ota);
    expect(res.status).toBe(200);
    const r = res.body.report;
    expect(r).toMatchObject({ kind: "programme", projects: 13, categories: 14, topCategories: 5, integrated: 1 });
    expect(r.warnings).toEqual([expect.objectContaining({ kind: "no_content", line: 185 })]);
    // the prose of the plan is reported line by line, the registry's rows are not
    const unparsedLines = r.unparsed.map((u: { line: number }) => u.line);
    expect(unparsedLines).toContain(195);
    expect(unparsedLines).not.toContain(183);
    const named = r.departments as { name: string; status: string }[];
    expect(named.filter((d) => d.status === "existing").map((d) => d.name)).toEqual(["健康づくり課", "障害福祉課"]);
    expect(named.filter((d) => d.status === "new").map((d) => d.name)).toEqual(NEW_NAMES);
    expect((await registry()).projects).toEqual([]); // a preview writes nothing
  });

  it("writes nothing while a new department name has no decision (400 naming it)", async () => {
    const res = await app.office.post("/api/imports", ota);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(
      "departments.障がい者総合サポートセンター",
    );
    expect((await registry()).projects).toEqual([]);
  });

  it("commits the 13 projects with their categories and the departments the plan office settled", async () => {
    const { departments } = (await app.office.get("/api/departments")).body as {
      departments: { id: string; name: string }[];
    };
    const korei = departments.find((d) => d.name === "高齢支援課")?.id;
    const decisions = Object.fromEntries(NEW_NAMES.map((n) => [n, { action: "create" }]));
    const res = await app.office.post(
      "/api/imports",
      ota,
      decisionsHeader({
        ...decisions,
        高齢福祉課: { action: "map", departmentId: korei },
        障がい者総合サポートセンター: { action: "skip" },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: true, planId: null, report: { kind: "programme", projects: 13 } });

    const r = await registry();
    expect(r.projects.map((p: Project) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(r.categories.map((c: { name: string; subKinds: unknown[] }) => [c.name, c.subKinds.length])).toEqual([
      ["包括的相談支援事業", 4],
      ["多機関協働事業", 0],
      ["アウトリーチ等を通じた継続的支援事業", 0],
      ["参加支援事業", 0],
      ["地域づくり支援事業", 5],
    ]);

    // project 3 (line 183): three works under 利用者支援事業, four departments, one of them the demo's 健康づくり課
    const p3 = await project(3);
    expect(p3.categories).toEqual([
      expect.objectContaining({ name: "利用者支援事業", parentName: "包括的相談支援事業" }),
    ]);
    expect(p3.departments.map((d) => d.name)).toEqual(["健康づくり課", "地域健康課", "子育て支援課", "保育サービス課"]);
    expect(p3.content.split("\n")).toHaveLength(3);
    // project 9 (line 189): 地域介護予防活動支援事業 under 地域づくり支援事業, with the row it shares with 10 (line 276)
    const p9 = await project(9);
    expect(p9.categories.map((c) => [c.name, c.parentName])).toEqual([
      ["地域介護予防活動支援事業", "地域づくり支援事業"],
    ]);
    expect(p9.departments.map((d) => d.name)).toEqual(["高齢支援課", "福祉管理課"]); // 高齢福祉課 mapped
    expect(p9.content).toContain("地域福祉コーディネート事業：個別課題を地域課題として分析し");
    // project 2: its department was not registered; the name stays as the document wrote it
    const p2 = await project(2);
    expect(p2.departments).toEqual([]);
    expect(p2.unlinkedDepartmentNames).toEqual(["障がい者総合サポートセンター"]);
    expect(p9.unlinkedDepartmentNames).toEqual([]); // its 高齢福祉課 was mapped, not dropped
    // project 8 is the 一体的連携事業 (line 215)
    expect((await project(8)).integrated).toBe(true);

    const db = app.t.database.db;
    const [row] = await db.select().from(imports).where(eq(imports.kind, "programme"));
    expect(row).toMatchObject({ planId: null });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "import"), eq(auditLog.entityId, row?.id as string)));
    expect(audits[0]?.after).toMatchObject({ kind: "programme", projects: 13, categories: 14 });

    const again = await app.office.post("/api/imports", ota);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, report: { alreadyImported: true } });
  });
});

describe("editing a project", () => {
  it("changes fields and links at the version read (If-Match), with an audit record; a stale version is 412", async () => {
    const p8 = await project(8);
    const r = await registry(app.supportAdmin);
    expect(r.canEdit).toBe(true);
    const agency = r.choices.agencies[0] as { id: string; name: string };
    const regional = r.categories.find((c: { name: string }) => c.name === "地域づくり支援事業").id as string;
    const body = {
      categoryIds: [p8.categories[0]?.id, regional],
      agencyIds: [agency.id],
      content: "居場所を通じた参加支援（変更）",
    };
    expect((await app.supportAdmin.patch(`/api/programme/projects/${p8.id}`, body)).status).toBe(428);
    const res = await app.supportAdmin.patch(`/api/programme/projects/${p8.id}`, body, ifMatch(p8.version));
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${p8.version + 1}"`);

    const after = await project(8);
    expect(after.categories.map((c) => c.name)).toEqual(["参加支援事業", "地域づくり支援事業"]);
    expect(after.agencies).toEqual([agency]);
    expect(after.content).toBe("居場所を通じた参加支援（変更）");
    expect(after.departments.map((d) => d.name)).toEqual(["地域力推進課"]); // not in the change: kept

    const stale = await app.office.patch(
      `/api/programme/projects/${p8.id}`,
      { name: "古い版から" },
      ifMatch(p8.version),
    );
    expect(stale.status).toBe(412);
    expect((await project(8)).name).toBe("大田区若者サポートセンターフラットおおた");

    const [audit] = await app.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "programme_project"), eq(auditLog.entityId, p8.id)));
    expect(audit).toMatchObject({
      action: "update",
      before: { agencyIds: [], version: p8.version },
      after: { agencyIds: [agency.id], version: p8.version + 1 },
    });
  });

  it("refuses a link outside the municipality's records and a number another project has, by field", async () => {
    const p1 = await project(1);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const bad = await app.office.patch(
      `/api/programme/projects/${p1.id}`,
      { departmentIds: [unknown], categoryIds: [] },
      ifMatch(p1.version),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(["categoryIds"]);
    const foreign = await app.office.patch(
      `/api/programme/projects/${p1.id}`,
      { departmentIds: [unknown] },
      ifMatch(p1.version),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toEqual([expect.objectContaining({ field: "departmentIds" })]);
    const taken = await app.office.patch(`/api/programme/projects/${p1.id}`, { number: 2 }, ifMatch(p1.version));
    expect(taken.status).toBe(409);
    expect((await project(1)).version).toBe(p1.version);
  });
});

describe("who keeps the registry", () => {
  it("coordinators read it without the editors' choices and cannot change it; other roles do not reach it", async () => {
    const r = await registry(app.coordinator);
    expect(r.projects).toHaveLength(13);
    expect(r).toMatchObject({ canEdit: false, choices: { departments: [], agencies: [] } });
    const p1 = await project(1);
    const change = await app.coordinator.patch(`/api/programme/projects/${p1.id}`, { name: "x" }, ifMatch(p1.version));
    expect(change.status).toBe(403);
    for (const login of ["korei", "iin", "houkatsu", "jigyosha"]) {
      const c = await ApiClient.login(app.t.baseUrl, login);
      expect((await c.get("/api/programme")).status, login).toBe(403);
    }
    // the import is the plan office's, as for the other plan documents
    expect((await app.supportAdmin.post("/api/imports/preview", ota)).status).toBe(403);
  });
});

describe("importing a newer edition of the plan", () => {
  it("updates the projects by number at a new version and keeps the agencies the support side attached", async () => {
    const before = await project(8);
    expect(before.agencies).toHaveLength(1); // attached on screen above
    const p13 = await project(13);
    const revised = Buffer.from(ota)
      .toString("utf8")
      .replace("13 おおたフード支援ネットワーク事業\t", "13 おおたフード支援ネットワーク事業（拡充）\t");
    // the names the plan office did not register the first time are asked about again
    const skip = { action: "skip" };
    const res = await app.office.post(
      "/api/imports",
      new TextEncoder().encode(revised),
      decisionsHeader({ 高齢福祉課: skip, 障がい者総合サポートセンター: skip }),
    );
    expect(res.status).toBe(201);

    const after13 = await project(13);
    expect(after13).toMatchObject({
      id: p13.id,
      name: "おおたフード支援ネットワーク事業（拡充）",
      version: p13.version + 1,
    });
    const after8 = await project(8);
    expect(after8.agencies).toEqual(before.agencies);
    // the document's categories replace the ones chosen on screen
    expect(after8.categories.map((c) => c.name)).toEqual(["参加支援事業"]);
    expect((await registry()).projects).toHaveLength(13);
  });
});
