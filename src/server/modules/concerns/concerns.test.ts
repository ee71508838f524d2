import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import { concernCategories } from "../../db/schema/index.js";
import { DEFAULT_CONCERNS } from "../referrals/schema.js";

type Category = { id: string | null; label: string; active: boolean };

const app = signedInApp({ office: "shienkanri", provider: "jigyosha", coordinator: "coord" });
let personId: string;
let toAgencyId: string;

const referral = (concerns: unknown) => ({
  personId,
  toAgencyId,
  concerns,
  observed: "分類の確認",
  urgency: "低",
  // sent to an agency, not to the coordinators: only with the person's consent
  consent: "given",
  consentDate: "2025-05-01",
  consentMethod: "口頭",
});

beforeAll(async () => {
  const agencies = (await app.office.get("/api/agencies")).body.agencies as { id: string; name: string }[];
  toAgencyId = agencies.find((a) => a.name.includes("地域包括"))?.id as string;
  personId = (await app.provider.post("/api/persons", { nameKana: "ブンルイ テスト" })).body.person.id;
});

describe("concern categories", () => {
  it("a municipality without its own list reads the default list (version 0); only the support side", async () => {
    const res = await app.provider.get("/api/concerns");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"0"');
    expect(res.body.version).toBe(0);
    expect(res.body.categories.map((c: Category) => c.label)).toEqual([...DEFAULT_CONCERNS]);
    expect(res.body.categories.every((c: Category) => c.id === null && c.active)).toBe(true);
    expect((await app.office.get("/api/concerns")).status).toBe(200);
    expect((await (await ApiClient.login(app.t.baseUrl, "iin")).get("/api/concerns")).status).toBe(403);
    expect((await (await ApiClient.login(app.t.baseUrl, "keikaku")).get("/api/concerns")).status).toBe(403);
    expect((await (await ApiClient.login(app.t.baseUrl, "korei")).get("/api/concerns")).status).toBe(403);
  });

  it("the support-side administrator edits the whole list with If-Match (428 without, 412 when stale); others get 403", async () => {
    const used = await app.provider.post("/api/referrals", referral(["子育て"]));
    expect(used.status).toBe(201);
    const labels = [...DEFAULT_CONCERNS].map((label) => ({ label }));
    const body = {
      categories: [
        { label: "　就労 " },
        ...labels.filter((c) => c.label !== "外国籍"),
        { label: "外国籍", active: false },
      ],
    };
    expect((await app.office.put("/api/concerns", body)).status).toBe(428);
    expect((await app.coordinator.put("/api/concerns", body, ifMatch(0))).status).toBe(403);
    expect((await app.provider.put("/api/concerns", body, ifMatch(0))).status).toBe(403);
    const planOffice = await ApiClient.login(app.t.baseUrl, "keikaku");
    expect((await planOffice.put("/api/concerns", body, ifMatch(0))).status).toBe(403);
    const saved = await app.office.put("/api/concerns", body, ifMatch(0));
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe('"1"');
    expect(saved.body.categories[0]).toMatchObject({ label: "就労", active: true });
    expect(saved.body.categories.at(-1)).toMatchObject({ label: "外国籍", active: false });
    expect(saved.body.categories.every((c: Category) => typeof c.id === "string")).toBe(true);
    const stale = await app.office.put("/api/concerns", body, ifMatch(0));
    expect(stale.status).toBe(412);
    expect(stale.body.message).toContain("他の人が先に更新しました");
    const read = await app.coordinator.get("/api/concerns");
    expect(read.body).toEqual(saved.body);

    const [entry] = await auditRecords(app.t.database.db, {
      municipalityId: app.t.municipalityId,
      entityType: "concern_categories",
    });
    expect(entry?.action).toBe("update");
    expect(entry?.before).toMatchObject({ version: 0 });
    expect(entry?.after).toMatchObject({
      version: 1,
      categories: expect.arrayContaining([expect.objectContaining({ label: "就労" })]),
    });
  });

  it("a used category cannot be removed or renamed (field-named 400); it can be made inactive, and an unused one renamed", async () => {
    const current = (await app.office.get("/api/concerns")).body as { version: number; categories: Category[] };
    const without = current.categories.filter((c) => c.label !== "子育て");
    const removed = await app.office.put("/api/concerns", { categories: without }, ifMatch(current.version));
    expect(removed.status).toBe(400);
    expect(removed.body.fields).toEqual([{ field: "categories", message: expect.stringContaining("「子育て」") }]);
    const index = current.categories.findIndex((c) => c.label === "子育て");
    const renamed = current.categories.map((c) => (c.label === "子育て" ? { ...c, label: "子育て支援" } : c));
    const refused = await app.office.put("/api/concerns", { categories: renamed }, ifMatch(current.version));
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([
      { field: `categories.${index}.label`, message: expect.stringContaining("「子育て」") },
    ]);
    const duplicate = await app.office.put(
      "/api/concerns",
      { categories: [...current.categories, { label: "就労" }] },
      ifMatch(current.version),
    );
    expect(duplicate.body.fields.map((f: { field: string }) => f.field)).toEqual([
      `categories.${current.categories.length}.label`,
    ]);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ label: `分類${i}` }));
    expect((await app.office.put("/api/concerns", { categories: tooMany }, ifMatch(current.version))).status).toBe(400);
    const tooLong = await app.office.put("/api/concerns", { categories: [{ label: "あ".repeat(31) }] }, ifMatch(1));
    expect(tooLong.body.fields[0].field).toBe("categories.0.label");

    const next = current.categories
      .map((c) => (c.label === "子育て" ? { ...c, active: false } : c))
      .map((c) => (c.label === "就労" ? { ...c, label: "就労・社会参加" } : c))
      .filter((c) => c.label !== "その他");
    const ok = await app.office.put("/api/concerns", { categories: next }, ifMatch(current.version));
    expect(ok.status).toBe(200);
    const after = ok.body.categories as Category[];
    expect(after.find((c) => c.label === "子育て")?.active).toBe(false);
    expect(after.find((c) => c.label === "就労・社会参加")?.id).toBe(
      current.categories.find((c) => c.label === "就労")?.id,
    );
    expect(after.some((c) => c.label === "その他")).toBe(false);
  });

  it("referrals take the municipality's active categories only; an existing one keeps an inactive category", async () => {
    const inactive = await app.provider.post("/api/referrals", referral(["介護", "子育て"]));
    expect(inactive.status).toBe(400);
    expect(inactive.body.fields).toEqual([{ field: "concerns.1", message: expect.stringContaining("子育て") }]);
    const unknown = await app.provider.post("/api/referrals", referral(["宇宙"]));
    expect(unknown.body.fields.map((f: { field: string }) => f.field)).toEqual(["concerns.0"]);
    const fullWidth = await app.provider.post("/api/referrals", referral(["就労・社会参加", "８０５０"]));
    expect(fullWidth.status).toBe(201);
    expect(fullWidth.body.referral.concerns).toEqual(["就労・社会参加", "8050"]);
    const list = (await app.provider.get("/api/referrals")).body.referrals as { concerns: string[] }[];
    expect(list.some((r) => r.concerns.includes("子育て"))).toBe(true);
  });

  it("case issues take active categories; a case keeps the issues it has", async () => {
    const cases = (await app.coordinator.get("/api/cases")).body.cases as { id: string }[];
    const id = cases[0]?.id as string;
    const c = (await app.coordinator.get(`/api/cases/${id}`)).body.case as { version: number; issues: string[] };
    const bad = await app.coordinator.patch(
      `/api/cases/${id}`,
      { issues: [...c.issues, "子育て"] },
      ifMatch(c.version),
    );
    if (!c.issues.includes("子育て")) {
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].field).toBe(`issues.${c.issues.length}`);
    }
    const good = await app.coordinator.patch(
      `/api/cases/${id}`,
      { issues: [...c.issues.filter((i) => i !== "子育て"), "就労・社会参加"] },
      ifMatch((await app.coordinator.get(`/api/cases/${id}`)).body.case.version),
    );
    expect(good.status).toBe(200);
    expect(good.body.case.issues).toContain("就労・社会参加");
  });

  it("each municipality has its own list", async () => {
    const other = await createMunicipality(app.t.database.db, "999031");
    const otherOffice = await ApiClient.login(app.t.baseUrl, "support-admin", FACTORY_PASSWORD, "999031");
    const theirs = await otherOffice.get("/api/concerns");
    expect(theirs.body.version).toBe(0);
    expect(theirs.body.categories.map((c: Category) => c.label)).toEqual([...DEFAULT_CONCERNS]);
    const saved = await otherOffice.put("/api/concerns", { categories: [{ label: "よその分類" }] }, ifMatch(0));
    expect(saved.status).toBe(200);
    const mine = (await app.office.get("/api/concerns")).body.categories as Category[];
    expect(mine.some((c) => c.label === "よその分類")).toBe(false);
    const rows = await app.t.database.db
      .select()
      .from(concernCategories)
      .where(eq(concernCategories.municipalityId, other.municipality.id));
    expect(rows.map((r) => r.label)).toEqual(["よその分類"]);
  });
});
