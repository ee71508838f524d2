import { and, desc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { startTestApp, type TestApp } from "../../../../test/helpers/test-app.js";
import { auditLog, evaluationSheets, planItems } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { parseJapaneseDate } from "./dates.js";

interface Entry {
  seq: number;
  at: string;
  actor: { userId: string | null; loginId: string; displayName: string | null };
  agency: { id: string; name: string | null; asRecorded: boolean } | null;
  action: string;
  kind: string;
  actionLabel: string;
  target: { type: string; typeLabel: string; id: string | null; name: string | null; label: string };
  basis: string | null;
  basisLabel: string | null;
  ip: string | null;
}

let t: TestApp;
let office: ApiClient;
/** the support side's administrator: reads the support side's records (the plan office reads the plan side's) */
let auditor: ApiClient;
let admin: ApiClient;
let referralId: string;
let staffUserId: string;
let agencyId: Record<string, string>;

/** today in Japan as ISO and as 令和 */
const jstDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const reiwa = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `令和${(y ?? 0) - 2018}年${m}月${d}日`;
};

const entries = async (client: ApiClient, query: Record<string, string>) => {
  const res = await client.get(`/api/audit/entries?${new URLSearchParams(query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { entries: Entry[]; nextBefore: number | null };
};

beforeAll(async () => {
  t = await startTestApp();
  office = await ApiClient.login(t.baseUrl, "keikaku");
  auditor = await ApiClient.login(t.baseUrl, "shienkanri");
  admin = await ApiClient.login(t.baseUrl, "admin");
  const agencies = (await auditor.get("/api/agencies")).body.agencies as { id: string; name: string }[];
  const byName = (part: string) => agencies.find((a) => a.name.includes(part))?.id as string;
  agencyId = { houkatsu: byName("地域包括"), kikan: byName("基幹") };
  // a staff account of the receiving agency, created through the API (so the trail knows its agency over time)
  const created = await admin.post("/api/users", {
    loginId: "staff-x",
    displayName: "職員 エックス",
    role: "support_staff",
    agencyId: agencyId.houkatsu,
    password: "receiving-desk-pass-1",
  });
  expect(created.status).toBe(201);
  staffUserId = created.body.user.id;
  const jigyosha = await ApiClient.login(t.baseUrl, "jigyosha");
  const sent = (await jigyosha.get("/api/referrals")).body.referrals as {
    id: string;
    toAgency: { id: string } | null;
  }[];
  const toHoukatsu = sent.find((r) => r.toAgency?.id === agencyId.houkatsu);
  if (!toHoukatsu) throw new Error("demo referral to the 地域包括支援センター");
  referralId = toHoukatsu.id;
});
afterAll(async () => {
  await t?.close();
});

describe("audit trail: who looked at a referral", () => {
  it("finds the read (through the referral), the denial and the agency each actor belonged to at the time", async () => {
    const staff = await ApiClient.login(t.baseUrl, "staff-x", "receiving-desk-pass-1");
    expect((await staff.get(`/api/referrals/${referralId}`)).status).toBe(200);
    // moved to another agency: the same account is now refused (need-to-know), and the trail says so
    const user = (await admin.get("/api/users")).body.users.find((u: { id: string }) => u.id === staffUserId);
    expect(
      (await admin.patch(`/api/users/${staffUserId}`, { agencyId: agencyId.kikan }, ifMatch(user.version))).status,
    ).toBe(200);
    expect((await staff.get(`/api/referrals/${referralId}`)).status).toBe(404);

    const { entries: found } = await entries(auditor, { entityType: "referral", entityId: referralId });
    const mine = found.filter((e) => e.actor.userId === staffUserId);
    expect(mine.map((e) => e.kind)).toEqual(["denied", "read"]); // newest first
    const [denied, read] = mine;
    expect(read).toMatchObject({
      action: "read",
      actor: { loginId: "staff-x", displayName: "職員 エックス" },
      agency: { id: agencyId.houkatsu, name: "つなぐ中央地域包括支援センター", asRecorded: true },
      target: { type: "person", typeLabel: "対象者" },
      basis: `referral:${referralId}`,
    });
    // in words: the referral by a short id, and the part the actor's agency had in it then (the receiver)
    expect(read?.basisLabel).toBe(`つなぐシート #${referralId.slice(0, 8)}（受信機関として）`);
    expect(read?.target).toMatchObject({ name: null, label: expect.stringMatching(/^対象者 #[0-9a-f]{8}$/) });
    expect(read?.ip).toBeTruthy();
    expect(denied).toMatchObject({
      action: "denied",
      agency: { id: agencyId.kikan, name: "つなぐ市基幹相談支援センター" },
      target: { type: "referral", id: referralId },
    });
    // the creation of the demo referral is there too, and everything is newest first
    const seqs = found.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(found.every((e) => e.target.id === referralId || e.basis === `referral:${referralId}`)).toBe(true);
  });

  it("filters by action kind, actor and dates typed in Japanese form", async () => {
    const target = { entityType: "referral", entityId: referralId };
    const reads = (await entries(auditor, { ...target, action: "read" })).entries;
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.action === "read")).toBe(true);
    const denials = (await entries(auditor, { ...target, action: "denied" })).entries;
    expect(denials.length).toBeGreaterThan(0);
    expect(denials.every((e) => e.action === "denied")).toBe(true);
    const changes = (await entries(auditor, { action: "change" })).entries;
    expect(changes.some((e) => e.action === "update" && e.target.type === "user")).toBe(true);
    expect(changes.every((e) => !["read", "denied", "login", "login_failed"].includes(e.action))).toBe(true);

    const byActor = (await entries(auditor, { ...target, actorUserId: staffUserId })).entries;
    expect(byActor).toHaveLength(2);

    const today = jstDay();
    expect((await entries(auditor, { ...target, from: reiwa(today), to: reiwa(today) })).entries.length).toBe(
      (await entries(auditor, target)).entries.length,
    );
    expect((await entries(auditor, { ...target, from: jstDay(1) })).entries).toEqual([]);
    expect(
      (
        await entries(auditor, {
          ...target,
          to: `R${Number(jstDay(-1).slice(0, 4)) - 2018}.${jstDay(-1).slice(5, 7)}.${jstDay(-1).slice(8)}`,
        })
      ).entries,
    ).toEqual([]);
  });

  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const all = (await entries(office, { limit: "200" })).entries.map((e) => e.seq);
    const paged: number[] = [];
    let before: number | null = null;
    for (let i = 0; i < 100; i++) {
      const page: { entries: Entry[]; nextBefore: number | null } = await entries(office, {
        limit: "7",
        ...(before ? { before: String(before) } : {}),
      });
      paged.push(...page.entries.map((e) => e.seq));
      before = page.nextBefore;
      if (!before) break;
    }
    // each page query is itself recorded, after the first: the first page starts above the older listing
    const common = paged.filter((s) => s <= (all[0] ?? 0));
    expect(common).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it("every query of the trail is itself in the trail, with its filter (ids and dates only)", async () => {
    const before = await verifyAuditChain(t.database.db);
    await entries(auditor, { entityType: "referral", entityId: referralId, action: "read" });
    const [record] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.entityType, "audit_log")))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(record).toMatchObject({
      actorLabel: "shienkanri",
      action: "read",
      entityId: `referral:${referralId}`,
      basis: "audit_trail",
    });
    if (!record) throw new Error("no record of the query");
    expect((record.after as { filter: unknown }).filter).toEqual({
      entityType: "referral",
      entityId: referralId,
      action: "read",
    });
    const after = await verifyAuditChain(t.database.db);
    expect(after.ok).toBe(true);
    expect(after.records).toBeGreaterThan(before.records);
    // and the system administrator sees who looked at the trail
    const views = (await entries(admin, { entityType: "audit_log", limit: "5" })).entries;
    expect(views.some((e) => e.actor.loginId === "shienkanri" && e.basisLabel === "監査ログの照会")).toBe(true);
  });

  it("only the administrators read it, each its own side (403 for every other role)", async () => {
    // the plan office reads the plan side's records: nothing of a referral, a person or a case
    const planSide = (await entries(office, { entityType: "referral", entityId: referralId })).entries;
    expect(planSide).toEqual([]);
    const planAll = (await entries(office, { limit: "200" })).entries;
    expect(planAll.filter((e) => ["referral", "person", "case", "household"].includes(e.target.type))).toEqual([]);
    // and the support side's administrator nothing of the plan side's sheets
    const supportAll = (await entries(auditor, { limit: "200" })).entries;
    expect(supportAll.filter((e) => e.target.type === "evaluation_sheet")).toEqual([]);
    for (const login of ["korei", "iin", "houkatsu", "coord", "jigyosha"]) {
      const client = await ApiClient.login(t.baseUrl, login);
      const res = await client.get(`/api/audit/entries?entityType=referral&entityId=${referralId}`);
      expect(res.status, login).toBe(403);
      expect(res.body.message).toBe("この操作を行う権限がありません");
    }
    expect((await admin.get("/api/audit/entries")).status).toBe(200);
    expect((await new ApiClient(t.baseUrl).get("/api/audit/entries")).status).toBe(401);
  });

  it("answers field-named 400s for bad filters, never a 500", async () => {
    const cases: [string, string[]][] = [
      ["from=令和7年2月30日", ["from"]],
      ["from=平成31年5月1日", ["from"]],
      ["to=tomorrow", ["to"]],
      ["from=2025-05-02&to=2025-05-01", ["to"]],
      ["entityId=abc", ["entityType"]],
      ["entityType=Referral&entityId=x", ["entityType"]],
      ["entityType=person&entityId=%E5%B1%B1%E7%94%B0", ["entityId"]],
      ["actorUserId=keikaku", ["actorUserId"]],
      ["action=look", ["action"]],
      ["limit=1000", ["limit"]],
      ["before=-1", ["before"]],
      ["name=%E5%B1%B1%E7%94%B0", ["(body)"]],
      ["from=a&from=b", ["from"]],
    ];
    for (const [query, fields] of cases) {
      const res = await office.get(`/api/audit/entries?${query}`);
      expect(res.status, query).toBe(400);
      const got = (res.body.fields as { field: string }[]).map((f) => f.field);
      if (fields[0] === "(body)") expect(got.length, query).toBeGreaterThan(0);
      else expect(got, query).toEqual(fields);
    }
  });

  it("generated query strings: always a 200 or a 4xx with a Japanese message, never a 500", async () => {
    const keys = fc.constantFrom("entityType", "entityId", "actorUserId", "from", "to", "action", "before", "limit");
    const values = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("1e30", "-0", "NaN", "9".repeat(40), "令和999年99月99日", "\u0000", "referral", "read", "R1.5.1"),
      fc.uuid().map(String),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(keys, values), { maxLength: 5 }), async (pairs) => {
        const q = new URLSearchParams(pairs).toString();
        const res = await office.get(`/api/audit/entries?${q}`);
        expect(res.status, q).toBeLessThan(500);
        if (res.status !== 200) expect(res.body.message, q).toMatch(/[ぁ-んァ-ン一-龥]/);
      }),
      { numRuns: 60 },
    );
  });

  it("is per municipality: another municipality's office sees none of it, and ours none of theirs", async () => {
    const other = await createMunicipality(t.database.db, "999201");
    const otherOffice = await ApiClient.login(t.baseUrl, "office", FACTORY_PASSWORD, "999201");
    expect((await entries(otherOffice, { entityType: "referral", entityId: referralId })).entries).toEqual([]);
    const theirs = (await entries(otherOffice, { limit: "200" })).entries;
    expect(theirs.length).toBeGreaterThan(0); // at least their office's login
    expect(theirs.every((e) => e.actor.loginId === "office")).toBe(true);
    const otherUser = theirs.find((e) => e.action === "login")?.actor.userId as string;
    expect((await entries(office, { actorUserId: otherUser })).entries).toEqual([]);
    expect((await entries(office, { entityType: "user", entityId: otherUser })).entries).toEqual([]);
    expect(other.municipality.id).not.toBe(t.municipalityId);
  });
});

describe("audit trail: in words, with names as the viewer may see them", () => {
  /** a uuid, or a code such as household:case_team, need_to_know:read or case_records */
  const RAW = /[0-9a-f]{8}-[0-9a-f]{4}|[a-z]+[_:;][a-z]/;

  it("who saw a case: its records, assessments and household too, and the reads of persons through it", async () => {
    const coord = await ApiClient.login(t.baseUrl, "coord");
    const kikan = await ApiClient.login(t.baseUrl, "kikan");
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

    const { entries: found } = await entries(auditor, { entityType: "case", entityId: caseId, limit: "200" });
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
      basisLabel: "ケース（チームの機関として）・本人同意: 同意あり",
    });
    expect(mine.find((e) => e.target.type === "case_record")).toMatchObject({ actionLabel: "作成" });
    expect(mine.find((e) => e.target.type === "household")?.basisLabel).toBe("世帯（ケースのチームの機関として）");
    expect(mine.find((e) => e.basis?.startsWith("household:"))?.basisLabel).toBe(
      `世帯 #${householdId.slice(0, 8)} の世帯員として`,
    );
    expect(mine.find((e) => e.basis === `case:${caseId}`)?.basisLabel).toBe(
      `ケース #${caseId.slice(0, 8)}（チームの機関として）`,
    );
    expect(mine.find((e) => e.basis === `search;case:${caseId}`)?.basisLabel).toBe(
      `対象者の検索（ケース #${caseId.slice(0, 8)}（チームの機関として））`,
    );
    // nothing of another case
    const other = cases.find((c) => c.id !== caseId)?.id as string;
    expect(found.some((e) => e.target.id === other || e.basis?.includes(other))).toBe(false);
  });

  it("speaks Japanese: every action, target kind and basis of the trail in words, no raw code or uuid", async () => {
    const provider = await ApiClient.login(t.baseUrl, "jigyosha");
    await provider.post("/api/persons", { nameKana: "カクウ ハナコ", dateOfBirth: "1943-10-10" });
    const houkatsu = await ApiClient.login(t.baseUrl, "houkatsu");
    await houkatsu.post("/api/persons", { nameKana: "カクウ ハナコ", dateOfBirth: "1943-10-10" });
    await houkatsu.post("/api/persons/search", { query: "ミ" });
    await (await ApiClient.login(t.baseUrl, "kikan")).get(`/api/referrals/${referralId}`);
    const all: Entry[] = [];
    let before: number | null = null;
    for (let i = 0; i < 50; i++) {
      const page: { entries: Entry[]; nextBefore: number | null } = await entries(admin, {
        limit: "200",
        ...(before ? { before: String(before) } : {}),
      });
      all.push(...page.entries);
      before = page.nextBefore;
      if (!before) break;
    }
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
    expect(all.find((e) => e.basis === `duplicate_check;referral:${referralId}`)?.basisLabel).toBe(
      `登録時の重複の確認（つなぐシート #${referralId.slice(0, 8)}（受信機関として））`,
    );
    expect(all.find((e) => e.basis === "need_to_know:read")?.basisLabel).toBe("知る必要の範囲外（閲覧）");
  });

  it("names sheets and accounts as they are, but never a person to an administrator", async () => {
    const all = (await entries(auditor, { limit: "200" })).entries;
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
    const sheets = (await entries(office, { entityType: "evaluation_sheet", limit: "5" })).entries;
    expect(sheets.length).toBeGreaterThan(0);
    const [sheet] = await t.database.db
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

describe("dates typed in Japanese form", () => {
  it("reads western and era dates, full-width too, and refuses days that do not exist", () => {
    expect(parseJapaneseDate("2025-04-01")).toBe("2025-04-01");
    expect(parseJapaneseDate("2025/4/1")).toBe("2025-04-01");
    expect(parseJapaneseDate("2025年4月1日")).toBe("2025-04-01");
    expect(parseJapaneseDate("令和7年4月1日")).toBe("2025-04-01");
    expect(parseJapaneseDate("令和７年４月１日")).toBe("2025-04-01");
    expect(parseJapaneseDate(" R7.4.1 ")).toBe("2025-04-01");
    expect(parseJapaneseDate("r7/12/31")).toBe("2025-12-31");
    expect(parseJapaneseDate("令和元年5月1日")).toBe("2019-05-01");
    expect(parseJapaneseDate("平成31年4月30日")).toBe("2019-04-30");
    expect(parseJapaneseDate("H30.2.28")).toBe("2018-02-28");
    expect(parseJapaneseDate("令和6年2月29日")).toBe("2024-02-29");
    for (const bad of ["令和7年2月29日", "令和元年4月30日", "平成31年5月1日", "2025-13-01", "7年4月1日", "", "昨日"]) {
      expect(parseJapaneseDate(bad), bad).toBeNull();
    }
  });
});
