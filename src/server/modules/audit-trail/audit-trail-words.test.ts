import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { auditEntries as entries, everyAuditEntry, startAuditWorld } from "../../../../test/helpers/audit-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { evaluationSheets, planItems } from "../../db/schema/index.js";

// The trail as an administrator reads it: in Japanese words, with names only where the reader may see them.
const w = worldForFile(startAuditWorld);

describe("audit trail: in words, with names as the viewer may see them", () => {
  /** a uuid, or a code such as household:case_team, need_to_know:read or case_records */
  const RAW = /[0-9a-f]{8}-[0-9a-f]{4}|[a-z]+[_:;][a-z]/;

  it("who saw a case: its records, assessments and household too, and the reads of persons through it", async () => {
    const coord = await ApiClient.login(w.t.baseUrl, "coord");
    const kikan = await ApiClient.login(w.t.baseUrl, "kikan");
    const cases = (await coord.get("/api/cases?limit=200")).body.cases as {
      id: string;
      mainPerson: { nameKanji: string };
    }[];
    const tsunagu = cases.find((c) => c.mainPerson.nameKanji === "つなぐ 太郎");
    if (!tsunagu) throw new Error("demo case of つなぐ家");
    const caseId = tsunagu.id;
    // 基幹 (on the team) reads the case, its 支援経過, the assessments, one version, the household; writes a record
    const detail = await kikan.get(`/api/cases/${caseId}`);
    expect(detail.status).toBe(200);
    const householdId = detail.body.case.household.id as string;
    expect((await kikan.get(`/api/cases/${caseId}/records`)).status).toBe(200);
    const versions = await kikan.get(`/api/cases/${caseId}/assessments`);
    expect((await kikan.get(`/api/cases/${caseId}/assessments/${versions.body.latestVersion}`)).status).toBe(200);
    expect((await kikan.get(`/api/households/${householdId}`)).status).toBe(200);
    const written = await kikan.post(`/api/cases/${caseId}/records`, {
      kind: "電話",
      date: "2025-06-10",
      text: "本人に電話（テスト）。",
    });
    expect(written.status).toBe(201);
    // and finds 梅子 through the case by the person search
    expect((await kikan.post("/api/persons/search", { query: "つなぐ う" })).body.persons).toHaveLength(1);

    const { entries: found } = await entries(w.auditor, { entityType: "case", entityId: caseId, limit: "200" });
    const mine = found.filter((e) => e.actor.loginId === "kikan");
    const types = new Set(mine.map((e) => e.target.type));
    for (const type of [
      "case",
      "case_records",
      "case_record",
      "case_assessments",
      "case_assessment",
      "household",
      "person",
    ])
      expect(types, type).toContain(type);
    expect(mine.find((e) => e.target.type === "case_records")).toMatchObject({
      actionLabel: "閲覧",
      target: { typeLabel: "支援経過（一覧）", label: `支援経過（一覧） #${caseId.slice(0, 8)}` },
      basisLabel: expect.stringMatching(/^本人同意 #[0-9a-f]{8} に基づく$/),
    });
    expect(mine.find((e) => e.target.type === "case_record")).toMatchObject({ actionLabel: "作成" });
    expect(mine.find((e) => e.target.type === "household")?.basisLabel).toBe(
      "世帯（ケースの主担当・本人の同意がある機関として）",
    );
    expect(mine.find((e) => e.basis?.startsWith("household:"))?.basisLabel).toBe(
      `世帯 #${householdId.slice(0, 8)} の世帯員として`,
    );
    // a team agency (not the lead) reads the persons on their consent, found among the case's reads
    expect(mine.find((e) => e.target.type === "person" && e.basis?.startsWith("consent:"))?.basisLabel).toMatch(
      /^本人同意 #[0-9a-f]{8} に基づく$/,
    );
    expect(mine.find((e) => e.basis?.startsWith("search;consent:"))?.basisLabel).toMatch(
      /^対象者の検索（本人同意 #[0-9a-f]{8} に基づく）$/,
    );
    // nothing of another case
    const other = cases.find((c) => c.id !== caseId)?.id as string;
    expect(found.some((e) => e.target.id === other || e.basis?.includes(other))).toBe(false);
  });

  it("speaks Japanese: every action, target kind and basis of the trail in words, no raw code or uuid", async () => {
    const provider = await ApiClient.login(w.t.baseUrl, "jigyosha");
    await provider.post("/api/persons", { nameKana: "カクウ ハナコ", dateOfBirth: "1943-10-10" });
    const houkatsu = await ApiClient.login(w.t.baseUrl, "houkatsu");
    await houkatsu.post("/api/persons", { nameKana: "カクウ ハナコ", dateOfBirth: "1943-10-10" });
    await houkatsu.post("/api/persons/search", { query: "ミ" });
    await (await ApiClient.login(w.t.baseUrl, "kikan")).get(`/api/referrals/${w.referralId}`);
    const all = await everyAuditEntry(w.admin, 200, 50);
    const kinds = new Set(all.map((e) => `${e.action}/${e.target.type}/${(e.basis ?? "").split(/[:;]/)[0]}`));
    expect(kinds.size).toBeGreaterThanOrEqual(15);
    for (const e of all) {
      const what = `${e.action} ${e.target.type} ${e.basis}`;
      expect(e.actionLabel, what).not.toMatch(RAW);
      expect(e.actionLabel, what).not.toBe(e.action);
      expect(e.target.typeLabel, what).not.toBe(e.target.type);
      expect(e.target.label, what).not.toMatch(RAW);
      if (e.basis) expect(e.basisLabel, what).not.toMatch(RAW);
    }
    // searches: a read kind, with what happened in words
    expect(all.find((e) => e.action === "search")).toMatchObject({
      kind: "read",
      actionLabel: "検索",
      basisLabel: "対象者の検索",
    });
    // a duplicate check names the basis each candidate was shown on, in words
    expect(all.find((e) => e.basis?.startsWith("duplicate_check;"))?.basisLabel).toMatch(/^登録時の重複の確認（.+）$/);
    expect(all.find((e) => e.basis === "need_to_know:read")?.basisLabel).toBe("知る必要の範囲外（閲覧）");
  });

  it("names sheets and accounts as they are, but never a person to an administrator", async () => {
    const all = (await entries(w.auditor, { limit: "200" })).entries;
    const named = all.filter((e) => e.target.name);
    expect(named.some((e) => e.target.type === "user" && e.target.label === "利用者「職員 エックス」")).toBe(true);
    // (a search is about persons in general: no id)
    const persons = all.filter((e) => e.target.type === "person" && e.target.id);
    expect(persons.length).toBeGreaterThan(0);
    for (const e of persons) {
      expect(e.target.name).toBeNull();
      expect(e.target.label).toMatch(/^対象者 #[0-9a-f]{8}$/);
    }
    const raw = JSON.stringify(all);
    for (const name of ["つなぐ 太郎", "架空 花子", "見本 一郎", "カクウ", "1943-10-10"])
      expect(raw).not.toContain(name);
    // evaluation sheets: the year, the item's code and title
    const sheets = (await entries(w.office, { entityType: "evaluation_sheet", limit: "5" })).entries;
    expect(sheets.length).toBeGreaterThan(0);
    const [sheet] = await w.t.database.db
      .select({ fiscalYear: evaluationSheets.fiscalYear, code: planItems.code, title: planItems.title })
      .from(evaluationSheets)
      .innerJoin(
        planItems,
        and(eq(planItems.municipalityId, evaluationSheets.municipalityId), eq(planItems.id, evaluationSheets.itemId)),
      )
      .where(eq(evaluationSheets.id, sheets[0]?.target.id as string));
    expect(sheets[0]?.target.label).toBe(
      `評価表「令和${(sheet?.fiscalYear ?? 0) - 2018}年度 ${sheet?.code} ${sheet?.title}」`,
    );
  });
});
