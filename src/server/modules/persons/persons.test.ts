import { describe, expect, it } from "vitest";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import { normalizeKana } from "../../../domain/persons/kana.js";
import { persons } from "../../db/schema/index.js";

const app = signedInApp({ staff: "houkatsu", provider: "jigyosha" });

const auditOf = (action: string, basis: string) =>
  auditRecords(app.t.database.db, { municipalityId: app.t.municipalityId, action, basis });

describe("persons", () => {
  let first: string;
  let second: string;
  /** the provider's record of サトウ ハジメ */
  let provided: string;

  it("offers duplicate candidates on registration (half-width, hiragana, same date of birth) and audits the reads", async () => {
    const a = await app.staff.post("/api/persons", {
      nameKanji: "佐藤 一",
      nameKana: "サトウ ハジメ",
      dateOfBirth: "1960-01-02",
      address: "つなぐ市本町1-1（架空）",
    });
    expect(a.status).toBe(201);
    first = a.body.person.id;
    // a different reading with the same date of birth is in the pool, but is not a candidate
    await app.staff.post("/api/persons", { nameKana: "スズキ ハナコ", dateOfBirth: "1960-01-02" });

    const b = await app.staff.post("/api/persons", { nameKana: "ｻﾄｳ ﾊｼﾞﾒ", dateOfBirth: "1960-01-02" });
    expect(b.status).toBe(201);
    second = b.body.person.id;
    expect(b.body.duplicateCandidates).toHaveLength(1);
    expect(b.body.duplicateCandidates[0]).toMatchObject({ person: { id: first, nameKanji: "佐藤 一" } });
    expect(b.body.duplicateCandidates[0].score).toBeGreaterThanOrEqual(0.9);

    const c = await app.staff.post("/api/persons", { nameKana: "さとう はじめ", dateOfBirth: "1960-01-02" });
    expect(c.body.duplicateCandidates.map((x: { person: { id: string } }) => x.person.id).sort()).toEqual(
      [first, second].sort(),
    );
    // each candidate named is a read, with the basis (this agency registered them) and the record being registered
    const reads = (await auditOf("read", "duplicate_check;registrar")).filter(
      (r) => (r.after as { registered: string }).registered === c.body.person.id,
    );
    expect(reads.map((r) => r.entityId).sort()).toEqual([first, second].sort());

    // a provider learns that similar records exist, never whose
    const d = await app.provider.post("/api/persons", { nameKana: "サトウ ハジメ", dateOfBirth: "1960-01-02" });
    expect(d.status).toBe(201);
    expect(d.body.duplicateCandidates.length).toBeGreaterThanOrEqual(3);
    for (const candidate of d.body.duplicateCandidates)
      expect(Object.keys(candidate).sort()).toEqual(["reasons", "score"]);
    expect(JSON.stringify(d.body.duplicateCandidates)).not.toContain("佐藤");
    const providerReads = await auditRecords(app.t.database.db, {
      municipalityId: app.t.municipalityId,
      actorLabel: "jigyosha",
    });
    expect(providerReads.filter((r) => r.action === "read")).toEqual([]);
    provided = d.body.person.id;
  });

  it("searches by reading in the body (never in the URL) and audits every person returned", async () => {
    const res = await app.staff.post("/api/persons/search", { query: "ｻﾄ" });
    expect(res.status).toBe(200);
    const ids = res.body.persons.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([first, second]));
    // the provider's record of the same reading is not this agency's
    expect(ids).not.toContain(provided);
    const reads = await auditOf("read", "search;registrar");
    expect(reads.map((r) => r.entityId)).toEqual(expect.arrayContaining(ids));
    // LIKE's wildcards are searched as typed
    const wildcard = await app.staff.post("/api/persons/search", { query: "%" });
    expect(wildcard.status).toBe(200);
    expect(wildcard.body.persons).toEqual([]);
    // a provider finds only what its agency registered
    const own = await app.provider.post("/api/persons/search", { query: "さと" });
    expect(own.body.persons.map((p: { id: string }) => p.id)).toEqual([provided]);
    expect((await app.staff.get("/api/persons?kana=さと")).status).toBe(404);
  });

  it("links two records (never merges them), once", async () => {
    const link = await app.staff.post(`/api/persons/${second}/links`, {
      otherPersonId: first,
      reason: "読みと生年月日が一致",
    });
    expect(link.status).toBe(201);
    expect(link.body.link).toMatchObject({ reason: "読みと生年月日が一致" });
    expect(
      (await app.staff.post(`/api/persons/${first}/links`, { otherPersonId: second, reason: "再度" })).status,
    ).toBe(409);
    const self = await app.staff.post(`/api/persons/${first}/links`, { otherPersonId: first, reason: "x" });
    expect(self.body.fields.map((f: { field: string }) => f.field)).toEqual(["otherPersonId"]);
    const missing = await app.staff.post(`/api/persons/${first}/links`, {
      otherPersonId: "00000000-0000-4000-8000-000000000000",
      reason: "x",
    });
    expect(missing.status).toBe(400);
    expect(
      (await app.provider.post(`/api/persons/${first}/links`, { otherPersonId: second, reason: "x" })).status,
    ).toBe(403);
  });

  it("finds a duplicate among thousands of records sharing the first letters of its reading", async () => {
    // 1,200 readings that all start with サト and sort before the one registered twice
    const crowd = Array.from({ length: 1200 }, (_, i) => {
      const nameKana = `サトア ${String(i).padStart(4, "0")}`;
      return { municipalityId: app.t.municipalityId, nameKana, kanaKey: normalizeKana(nameKana) };
    });
    await app.t.database.db.insert(persons).values(crowd);
    const original = await app.staff.post("/api/persons", { nameKanji: "里見 未来", nameKana: "サトミ ミライ" });
    expect(original.status).toBe(201);
    const again = await app.staff.post("/api/persons", { nameKana: "さとみ　みらい" });
    expect(again.body.duplicateCandidates.map((c: { person: { id: string } }) => c.person.id)).toContain(
      original.body.person.id,
    );
  });

  it("validates with field names in Japanese", async () => {
    const res = await app.staff.post("/api/persons", { nameKana: "abc", dateOfBirth: "2020-02-30", phone: "電話" });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(["dateOfBirth", "nameKana", "phone"]);
    expect((await app.staff.post("/api/persons", { nameKana: "テスト", admin: true })).status).toBe(400);
    // a date in the wrong form gets one message saying the form, not a second one besides it
    const form = await app.staff.post("/api/persons", { nameKana: "テスト", dateOfBirth: "令和2年2月3日" });
    expect(form.body.fields).toEqual([{ field: "dateOfBirth", message: "生年月日は YYYY-MM-DD で入力してください" }]);
  });
});
