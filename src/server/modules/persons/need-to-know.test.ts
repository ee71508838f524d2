import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { createAgencyUser } from "../../../../test/factories/support.js";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { startTestApp, type TestApp } from "../../../../test/helpers/test-app.js";
import { normalizeKana } from "../../../domain/persons/kana.js";
import { nameSearchKey } from "../../../domain/persons/name.js";
import { auditLog, persons, referrals } from "../../db/schema/index.js";

/**
 * Need-to-know in the person search (and the other doors to a person: duplicate candidates, households, links,
 * referrals). Demo facts used: 地域包括 (houkatsu) registered つなぐ 太郎・梅子 and 架空 健一, received the sheet
 * about 架空 花子 and leads the cases of つなぐ家 and 架空家; 基幹 (kikan) received the sheet about 見本 一郎 (a minor),
 * leads 見本家's case and is on つなぐ家's team; the 見本 family was registered by 子ども家庭センター; the provider
 * (jigyosha) registered 架空 花子. The "outsider" agency is new and has a basis for nobody.
 */
let t: TestApp;
let coord: ApiClient;
let houkatsu: ApiClient;
let kikan: ApiClient;
let provider: ApiClient;
let outsider: ApiClient;
let outsiderAgencyId: string;

interface Found {
  id: string;
  nameKanji: string | null;
  nameKana: string;
  dateOfBirth: string | null;
  access: string;
}
interface SearchBody {
  by: "reading" | "name";
  persons: Found[];
  othersMatch: { askCoordinators: { id: string; name: string }[] } | null;
}

const search = async (client: ApiClient, query: string) => {
  const res = await client.post<SearchBody>("/api/persons/search", { query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
};
const names = (body: SearchBody) => body.persons.map((p) => p.nameKanji).sort();

/** the audit records of one actor written after `afterSeq`, oldest first */
const auditSince = async (afterSeq: number, loginId: string) =>
  (
    await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.actorLabel, loginId)))
      .orderBy(desc(auditLog.seq))
      .limit(200)
  )
    .filter((r) => r.seq > afterSeq)
    .reverse();
const lastSeq = async () =>
  (
    await t.database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.municipalityId, t.municipalityId))
      .orderBy(desc(auditLog.seq))
      .limit(1)
  )[0]?.seq ?? 0;

// a person of 基幹, with every detail that must not reach another agency
const MIKAMI = {
  nameKanji: "三上 未来",
  nameKana: "ミカミ ミライ",
  dateOfBirth: "2009-03-03",
  address: "つなぐ市北町9-9-9（テスト）",
  phone: "090-1111-2222",
};
let mikamiId: string;

beforeAll(async () => {
  t = await startTestApp();
  coord = await ApiClient.login(t.baseUrl, "coord");
  houkatsu = await ApiClient.login(t.baseUrl, "houkatsu");
  kikan = await ApiClient.login(t.baseUrl, "kikan");
  provider = await ApiClient.login(t.baseUrl, "jigyosha");
  outsiderAgencyId = (
    await createAgencyUser(t.database.db, t.municipalityId, {
      loginId: "outsider",
      role: "support_staff",
      agencyName: "つなぐ市くらし相談窓口（テスト）",
    })
  ).agencyId;
  outsider = await ApiClient.login(t.baseUrl, "outsider", FACTORY_PASSWORD);
  const created = await kikan.post("/api/persons", MIKAMI);
  expect(created.status).toBe(201);
  mikamiId = created.body.person.id;
});
afterAll(async () => {
  await t?.close();
});

describe("person search: need-to-know", () => {
  it("another agency's persons: only that others match and whom to ask, nothing of them in the answer", async () => {
    const res = await search(houkatsu, "ミ");
    expect(res.body.persons).toEqual([]);
    expect(res.body.othersMatch).toEqual({
      askCoordinators: [{ id: expect.any(String), name: "つなぐ市 多機関協働推進室" }],
    });
    // the raw answer: no name, reading, birth date, address or phone of 見本 一郎 (a minor), his family or 三上
    const raw = JSON.stringify(res.body);
    for (const secret of [
      "見本",
      "ミホン",
      "2010-06-15",
      "2014-01-20",
      "1980-09-09",
      "三上",
      "ミカミ",
      MIKAMI.dateOfBirth,
      MIKAMI.address,
      MIKAMI.phone,
      mikamiId,
    ])
      expect(raw).not.toContain(secret);
    // nor a count of them
    expect(Object.keys(res.body.othersMatch ?? {})).toEqual(["askCoordinators"]);
  });

  it("the agency that registered a person finds it (basis: registrar)", async () => {
    const res = await search(kikan, "みかみ");
    expect(res.body.persons).toEqual([
      expect.objectContaining({ id: mikamiId, nameKanji: MIKAMI.nameKanji, access: "registrar" }),
    ]);
    expect(res.body.othersMatch).toBeNull();
  });

  it("a referral received and a referral sent give a basis (about that person only)", async () => {
    // houkatsu received the provider's sheet about 架空 花子 (registered by the provider)
    const received = await search(houkatsu, "カクウ ハ");
    expect(received.body.persons).toEqual([expect.objectContaining({ nameKanji: "架空 花子", access: "referral" })]);
    // a sheet about 三上 sent by the outsider (written directly: its sender had a basis when it sent it)
    const [kikanAgency] = (await houkatsu.get("/api/agencies")).body.agencies.filter((a: { name: string }) =>
      a.name.includes("基幹"),
    );
    await t.database.db.insert(referrals).values({
      municipalityId: t.municipalityId,
      personId: mikamiId,
      fromAgencyId: outsiderAgencyId,
      toAgencyId: kikanAgency.id,
      concerns: ["生活困窮"],
      observed: "テスト",
      urgency: "中",
      consent: "given",
    });
    const sent = await search(outsider, "ミカミ");
    expect(sent.body.persons).toEqual([expect.objectContaining({ id: mikamiId, access: "referral" })]);
    expect(sent.body.persons[0]).toMatchObject({ dateOfBirth: MIKAMI.dateOfBirth });
    // still nothing of the 見本 family for the outsider
    expect(JSON.stringify((await search(outsider, "ミホン")).body)).not.toContain("見本");
  });

  it("a case team: the case's main person and the other members of its household", async () => {
    // 基幹 is on つなぐ家's team: 太郎 (main person) and 梅子 (member), both registered by houkatsu
    const res = await search(kikan, "つなぐ");
    expect(names(res.body)).toEqual(["つなぐ 太郎", "つなぐ 梅子"]);
    expect(res.body.persons.every((p) => p.access === "case")).toBe(true);
    // but not 架空家 (a team without 基幹): by name, 架空 is hidden from 基幹
    const other = await search(kikan, "架空");
    expect(other.body).toMatchObject({
      by: "name",
      persons: [],
      othersMatch: { askCoordinators: [expect.anything()] },
    });
  });

  it("the coordinators keep the wide view", async () => {
    const res = await search(coord, "ミ");
    expect(names(res.body)).toEqual(expect.arrayContaining(["三上 未来", "見本 さくら", "見本 一郎", "見本 二郎"]));
    expect(res.body.persons.every((p) => p.access === "coordinator")).toBe(true);
    expect(res.body.othersMatch).toBeNull();
  });

  it("searches by name (漢字) from its beginning, whatever the spaces and widths", async () => {
    const res = await search(houkatsu, "架空");
    expect(res.body.by).toBe("name");
    expect(names(res.body)).toEqual(["架空 健一", "架空 花子"]);
    expect(res.body.persons.find((p) => p.nameKanji === "架空 健一")?.access).toBe("registrar");
    expect(names((await search(houkatsu, "架空　花")).body)).toEqual(["架空 花子"]);
    expect(names((await search(houkatsu, "架空花子")).body)).toEqual(["架空 花子"]);
    expect((await search(houkatsu, "花子")).body.persons).toEqual([]);
    // the database's name key and the one typed agree (the generated column and nameSearchKey)
    const rows = await t.database.db
      .select({ nameKanji: persons.nameKanji, nameKey: persons.nameKey })
      .from(persons)
      .where(eq(persons.municipalityId, t.municipalityId));
    for (const r of rows) expect(r.nameKey).toBe(r.nameKanji === null ? null : nameSearchKey(r.nameKanji));
    const odd = await houkatsu.post("/api/persons", { nameKanji: "ＡＢＣ　ﾃｽﾄ　次郎", nameKana: "テスト ジロウ" });
    const [stored] = await t.database.db
      .select({ nameKey: persons.nameKey })
      .from(persons)
      .where(eq(persons.id, odd.body.person.id));
    expect(stored?.nameKey).toBe("ABCテスト次郎");
    expect(names((await search(houkatsu, "abc")).body)).toEqual([]);
    expect(names((await search(houkatsu, "ABC テ")).body)).toEqual(["ＡＢＣ　ﾃｽﾄ　次郎"]);
  });

  it("a provider finds the persons its agency registered, and nothing of anyone else", async () => {
    const own = await provider.post("/api/persons", { nameKanji: "見目 純", nameKana: "ミルメ ジュン" });
    expect(own.status).toBe(201);
    const res = await search(provider, "み");
    expect(res.body.persons.map((p) => p.id)).toEqual([own.body.person.id]);
    expect(res.body.persons[0]?.access).toBe("registrar");
    expect(res.body.othersMatch).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain("見本");
    // 架空 花子 is the provider's; 架空 健一 (地域包括's) is not, even though the provider's sheet is about his mother
    expect(names((await search(provider, "架空")).body)).toEqual(["架空 花子"]);
    // and reuses it: a new sheet about the person it found
    const sheet = await provider.post("/api/referrals", {
      personId: own.body.person.id,
      toAgencyId: null,
      concerns: ["生活困窮"],
      observed: "再度の相談（テスト）",
      urgency: "低",
      consent: "given",
      consentDate: "2025-05-01",
      consentMethod: "口頭",
    });
    expect(sheet.status).toBe(201);
  });

  it("audits each person shown with its basis, and every search (also one that showed nobody)", async () => {
    const before = await lastSeq();
    await search(kikan, "つなぐ");
    await search(houkatsu, "ミホン");
    await search(coord, "みかみ");
    await search(houkatsu, "架空");
    const kikanRecords = await auditSince(before, "kikan");
    expect(kikanRecords[0]).toMatchObject({
      action: "search",
      entityType: "person",
      entityId: null,
      basis: "search",
      after: { by: "reading", typed: "つなぐ", shown: 2, othersMatch: false },
    });
    const reads = kikanRecords.filter((r) => r.action === "read");
    expect(reads).toHaveLength(2);
    const cases = reads.map((r) => r.basis);
    expect(cases.every((b) => /^search;case:[0-9a-f-]{36}$/.test(b ?? ""))).toBe(true);

    const hidden = await auditSince(before, "houkatsu");
    const hiddenSearch = hidden.filter((r) => r.action === "search");
    expect(hiddenSearch[0]).toMatchObject({
      basis: "search",
      after: { by: "reading", typed: "ミホン", shown: 0, othersMatch: true },
    });
    // the name search: 健一 (registered) and 花子 (the sheet houkatsu received)
    const byName = hidden.filter((r) => r.action === "read").map((r) => r.basis);
    expect(byName.sort()).toEqual([`search;referral:${await sheetAbout("架空 花子")}`, "search;registrar"].sort());

    const coordReads = (await auditSince(before, "coord")).filter((r) => r.action === "read");
    expect(coordReads).toEqual([expect.objectContaining({ entityId: mikamiId, basis: "search;coordinator" })]);
  });

  it("a very common beginning: staff look at the first matches only, and are told to type more", async () => {
    // 1,100 persons of another agency whose readings come first, then one of houkatsu's own
    const crowd = Array.from({ length: 1100 }, (_, i) => {
      const nameKana = `ミナミア ${String(i).padStart(4, "0")}`;
      return { municipalityId: t.municipalityId, nameKana, kanaKey: normalizeKana(nameKana) };
    });
    await t.database.db.insert(persons).values(crowd);
    const own = await houkatsu.post("/api/persons", { nameKanji: "南 ゆい", nameKana: "ミナミユ イ" });
    expect(own.status).toBe(201);
    const common = await search(houkatsu, "みなみ");
    expect(common.body).toMatchObject({
      persons: [],
      partial: true,
      othersMatch: { askCoordinators: [expect.anything()] },
    });
    const more = await search(houkatsu, "みなみゆ");
    expect(more.body).toMatchObject({ partial: false, othersMatch: null });
    expect(more.body.persons.map((p) => p.id)).toEqual([own.body.person.id]);
    // the coordinators and the provider filter without a basis per person: no window
    expect((await search(coord, "みなみ")).body).toMatchObject({ partial: false });
    expect((await search(coord, "みなみ")).body.persons).toHaveLength(50);
  });

  it("only agency accounts search; the query is in the body, validated", async () => {
    for (const login of ["keikaku", "iin", "korei", "admin"]) {
      const client = await ApiClient.login(t.baseUrl, login);
      expect((await client.post("/api/persons/search", { query: "み" })).status, login).toBe(403);
    }
    const empty = await houkatsu.post("/api/persons/search", { query: "　" });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f: { field: string }) => f.field)).toEqual(["query"]);
    expect((await houkatsu.post("/api/persons/search", { kana: "み" })).status).toBe(400);
  });
});

describe("the other doors to a person follow the same rule", () => {
  it("duplicate candidates: named only when the caller has a basis, otherwise the score and the reasons", async () => {
    const ichiro = { nameKana: "みほん いちろう", dateOfBirth: "2010-06-15" };
    const outsiders = await outsider.post("/api/persons", ichiro);
    expect(outsiders.status).toBe(201);
    expect(outsiders.body.duplicateCandidates.length).toBeGreaterThan(0);
    for (const c of outsiders.body.duplicateCandidates) expect(Object.keys(c).sort()).toEqual(["reasons", "score"]);
    expect(JSON.stringify(outsiders.body.duplicateCandidates)).not.toContain("見本");
    const before = await lastSeq();
    // 基幹 leads 見本家's case: it is told who the candidate is, and that read is audited with its basis
    const kikans = await kikan.post("/api/persons", ichiro);
    const named = kikans.body.duplicateCandidates.find(
      (c: { person?: { nameKanji: string } }) => c.person?.nameKanji === "見本 一郎",
    );
    expect(named).toBeTruthy();
    const reads = (await auditSince(before, "kikan")).filter((r) => r.action === "read");
    // the sheet 基幹 received about him comes first (it also leads his household's case)
    expect(reads.map((r) => r.basis)).toContain(`duplicate_check;referral:${await sheetAbout("見本 一郎")}`);
    expect(reads.every((r) => (r.after as { registered: string }).registered === kikans.body.person.id)).toBe(true);
    // the coordinators: named
    const coords = await coord.post("/api/persons", ichiro);
    expect(JSON.stringify(coords.body.duplicateCandidates)).toContain("見本 一郎");
  });

  it("a household shows who its members are only to those with a basis for each", async () => {
    const own = await houkatsu.post("/api/persons", { nameKanji: "世帯 主", nameKana: "セタイ ヌシ" });
    const created = await houkatsu.post("/api/households", {
      address: "つなぐ市西町1（テスト）",
      members: [{ personId: own.body.person.id, relationship: "本人" }],
    });
    expect(created.status).toBe(201);
    const household = created.body.household;
    // houkatsu cannot add 三上 (no basis: as if the person did not exist) …
    const refused = await houkatsu.post(
      `/api/households/${household.id}/members`,
      { personId: mikamiId, relationship: "子" },
      ifMatch(household.version),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(["personId"]);
    // … the coordinators can
    const added = await coord.post(
      `/api/households/${household.id}/members`,
      { personId: mikamiId, relationship: "子" },
      ifMatch(household.version),
    );
    expect(added.status).toBe(201);
    // houkatsu registered the household but has no basis for 三上: the member keeps its place, not who it is
    const before = await lastSeq();
    const read = await houkatsu.get(`/api/households/${household.id}`);
    expect(read.status).toBe(200);
    const hidden = read.body.household.members.find((m: { personId: string }) => m.personId === mikamiId);
    expect(hidden).toEqual({
      personId: mikamiId,
      nameKanji: null,
      nameKana: null,
      dateOfBirth: null,
      relationship: "子",
      hidden: true,
    });
    const list = await houkatsu.get(`/api/households?personId=${own.body.person.id}`);
    for (const raw of [JSON.stringify(read.body), JSON.stringify(list.body)]) {
      expect(raw).toContain("世帯 主");
      for (const secret of ["三上", "ミカミ", MIKAMI.dateOfBirth, MIKAMI.phone]) expect(raw).not.toContain(secret);
    }
    // only the members shown are audited reads
    const reads = (await auditSince(before, "houkatsu")).filter((r) => r.entityType === "person");
    expect(reads.map((r) => r.entityId)).not.toContain(mikamiId);
    expect(reads.map((r) => r.entityId)).toContain(own.body.person.id);
  });

  it("a link or a sheet about a person without a basis is refused as if the person did not exist", async () => {
    const ichiro = await personNamed("見本 一郎");
    const own = await outsider.post("/api/persons", { nameKana: "リンク テスト" });
    const link = await outsider.post(`/api/persons/${own.body.person.id}/links`, {
      otherPersonId: ichiro,
      reason: "同じ人に見える",
    });
    expect(link.status).toBe(400);
    expect(link.body.fields.map((f: { field: string }) => f.field)).toEqual(["otherPersonId"]);
    expect(
      (await houkatsu.post(`/api/persons/${mikamiId}/links`, { otherPersonId: own.body.person.id, reason: "x" }))
        .status,
    ).toBe(404);
    const sheet = await houkatsu.post("/api/referrals", {
      personId: ichiro,
      toAgencyId: null,
      concerns: ["生活困窮"],
      observed: "テスト",
      urgency: "中",
      consent: "unknown",
    });
    expect(sheet.status).toBe(400);
    expect(sheet.body.fields.map((f: { field: string }) => f.field)).toEqual(["personId"]);
  });
});

/** the demo sheet about the demo person named so */
async function sheetAbout(nameKanji: string) {
  const [sheet] = await t.database.db
    .select({ id: referrals.id })
    .from(referrals)
    .innerJoin(persons, and(eq(persons.municipalityId, referrals.municipalityId), eq(persons.id, referrals.personId)))
    .where(and(eq(referrals.municipalityId, t.municipalityId), eq(persons.nameKanji, nameKanji)));
  return sheet?.id;
}

/** the id of the demo person named so */
async function personNamed(nameKanji: string) {
  const [row] = await t.database.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.municipalityId, t.municipalityId), eq(persons.nameKanji, nameKanji)));
  return row?.id as string;
}
