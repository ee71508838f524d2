import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { MIKAMI, names, search, startPersonWorld } from "../../../../test/helpers/person-world.js";
import { normalizeKana } from "../../../domain/persons/kana.js";
import { nameSearchKey } from "../../../domain/persons/name.js";
import { persons, referrals } from "../../db/schema/index.js";

/**
 * Need-to-know in the person search: who finds whom, on which basis, and what the audit trail keeps of it.
 * The demo facts used are listed in test/helpers/person-world.ts.
 */
const w = worldForFile(startPersonWorld);

describe("person search: need-to-know", () => {
  it("another agency's persons: only that others match and whom to ask, nothing of them in the answer", async () => {
    const res = await search(w.houkatsu, "ミ");
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
      w.mikamiId,
    ])
      expect(raw).not.toContain(secret);
    // nor a count of them
    expect(Object.keys(res.body.othersMatch ?? {})).toEqual(["askCoordinators"]);
  });

  it("the agency that registered a person finds it (basis: registrar)", async () => {
    const res = await search(w.kikan, "みかみ");
    expect(res.body.persons).toEqual([
      expect.objectContaining({ id: w.mikamiId, nameKanji: MIKAMI.nameKanji, access: "registrar" }),
    ]);
    expect(res.body.othersMatch).toBeNull();
  });

  it("a referral sent gives a basis, receiving one only with the person's consent (about that person only)", async () => {
    // houkatsu received the provider's sheet about 架空 花子 (registered by the provider), and leads her case
    const received = await search(w.houkatsu, "カクウ ハ");
    expect(received.body.persons).toEqual([expect.objectContaining({ nameKanji: "架空 花子", access: "case" })]);
    // a sheet about 三上 sent by the outsider (written directly: its sender had a basis when it sent it)
    const [kikanAgency] = (await w.houkatsu.get("/api/agencies")).body.agencies.filter((a: { name: string }) =>
      a.name.includes("基幹"),
    );
    await w.t.database.db.insert(referrals).values({
      municipalityId: w.t.municipalityId,
      personId: w.mikamiId,
      fromAgencyId: w.outsiderAgencyId,
      toAgencyId: kikanAgency.id,
      concerns: ["生活困窮"],
      observed: "テスト",
      urgency: "中",
      consent: "given",
    });
    const sent = await search(w.outsider, "ミカミ");
    expect(sent.body.persons).toEqual([expect.objectContaining({ id: w.mikamiId, access: "referral" })]);
    expect(sent.body.persons[0]).toMatchObject({ dateOfBirth: MIKAMI.dateOfBirth });
    // still nothing of the 見本 family for the outsider
    expect(JSON.stringify((await search(w.outsider, "ミホン")).body)).not.toContain("見本");
  });

  it("a case team: the members of its household whose consent covers the team", async () => {
    // 基幹 is on つなぐ家's team (not its lead): 太郎 (main person) and 梅子 (member) both consented, both
    // registered by houkatsu
    const res = await search(w.kikan, "つなぐ");
    expect(names(res.body)).toEqual(["つなぐ 太郎", "つなぐ 梅子"]);
    expect(res.body.persons.every((p) => p.access === "consent")).toBe(true);
    // but not 架空家 (a team without 基幹): by name, 架空 is hidden from 基幹
    const other = await search(w.kikan, "架空");
    expect(other.body).toMatchObject({
      by: "name",
      persons: [],
      othersMatch: { askCoordinators: [expect.anything()] },
    });
  });

  it("the coordinators keep the wide view", async () => {
    const res = await search(w.coord, "ミ");
    expect(names(res.body)).toEqual(expect.arrayContaining(["三上 未来", "見本 さくら", "見本 一郎", "見本 二郎"]));
    expect(res.body.persons.every((p) => p.access === "coordinator")).toBe(true);
    expect(res.body.othersMatch).toBeNull();
  });

  it("searches by name (漢字) from its beginning, whatever the spaces and widths", async () => {
    const res = await search(w.houkatsu, "架空");
    expect(res.body.by).toBe("name");
    expect(names(res.body)).toEqual(["架空 健一", "架空 花子"]);
    expect(res.body.persons.find((p) => p.nameKanji === "架空 健一")?.access).toBe("registrar");
    expect(names((await search(w.houkatsu, "架空　花")).body)).toEqual(["架空 花子"]);
    expect(names((await search(w.houkatsu, "架空花子")).body)).toEqual(["架空 花子"]);
    expect((await search(w.houkatsu, "花子")).body.persons).toEqual([]);
    // the database's name key and the one typed agree (the generated column and nameSearchKey)
    const rows = await w.t.database.db
      .select({ nameKanji: persons.nameKanji, nameKey: persons.nameKey })
      .from(persons)
      .where(eq(persons.municipalityId, w.t.municipalityId));
    for (const r of rows) expect(r.nameKey).toBe(r.nameKanji === null ? null : nameSearchKey(r.nameKanji));
    const odd = await w.houkatsu.post("/api/persons", { nameKanji: "ＡＢＣ　ﾃｽﾄ　次郎", nameKana: "テスト ジロウ" });
    const [stored] = await w.t.database.db
      .select({ nameKey: persons.nameKey })
      .from(persons)
      .where(eq(persons.id, odd.body.person.id));
    expect(stored?.nameKey).toBe("ABCテスト次郎");
    expect(names((await search(w.houkatsu, "abc")).body)).toEqual([]);
    expect(names((await search(w.houkatsu, "ABC テ")).body)).toEqual(["ＡＢＣ　ﾃｽﾄ　次郎"]);
  });

  it("a provider finds the persons its agency registered, and nothing of anyone else", async () => {
    const own = await w.provider.post("/api/persons", { nameKanji: "見目 純", nameKana: "ミルメ ジュン" });
    expect(own.status).toBe(201);
    const res = await search(w.provider, "み");
    expect(res.body.persons.map((p) => p.id)).toEqual([own.body.person.id]);
    expect(res.body.persons[0]?.access).toBe("registrar");
    expect(res.body.othersMatch).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain("見本");
    // 架空 花子 is the provider's; 架空 健一 (地域包括's) is not, even though the provider's sheet is about his mother
    expect(names((await search(w.provider, "架空")).body)).toEqual(["架空 花子"]);
    // and reuses it: a new sheet about the person it found
    const sheet = await w.provider.post("/api/referrals", {
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
    const before = await w.lastSeq();
    await search(w.kikan, "つなぐ");
    await search(w.houkatsu, "ミホン");
    await search(w.coord, "みかみ");
    await search(w.houkatsu, "架空");
    const kikanRecords = await w.auditSince(before, "kikan");
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
    expect(cases.every((b) => /^search;consent:[0-9a-f-]{36}$/.test(b ?? ""))).toBe(true);

    const hidden = await w.auditSince(before, "houkatsu");
    const hiddenSearch = hidden.filter((r) => r.action === "search");
    expect(hiddenSearch[0]).toMatchObject({
      basis: "search",
      after: { by: "reading", typed: "ミホン", shown: 0, othersMatch: true },
    });
    // the name search: 健一 (registered) and 花子 (the case houkatsu leads)
    const byName = hidden.filter((r) => r.action === "read").map((r) => r.basis);
    expect(byName.sort()).toEqual([expect.stringMatching(/^search;case:[0-9a-f-]{36}$/), "search;registrar"]);

    const coordReads = (await w.auditSince(before, "coord")).filter((r) => r.action === "read");
    expect(coordReads).toEqual([expect.objectContaining({ entityId: w.mikamiId, basis: "search;coordinator" })]);
  });

  it("a very common beginning: staff look at the first matches only, and are told to type more", async () => {
    // 1,100 persons of another agency whose readings come first, then one of houkatsu's own
    const crowd = Array.from({ length: 1100 }, (_, i) => {
      const nameKana = `ミナミア ${String(i).padStart(4, "0")}`;
      return { municipalityId: w.t.municipalityId, nameKana, kanaKey: normalizeKana(nameKana) };
    });
    await w.t.database.db.insert(persons).values(crowd);
    const own = await w.houkatsu.post("/api/persons", { nameKanji: "南 ゆい", nameKana: "ミナミユ イ" });
    expect(own.status).toBe(201);
    const common = await search(w.houkatsu, "みなみ");
    expect(common.body).toMatchObject({
      persons: [],
      partial: true,
      othersMatch: { askCoordinators: [expect.anything()] },
    });
    const more = await search(w.houkatsu, "みなみゆ");
    expect(more.body).toMatchObject({ partial: false, othersMatch: null });
    expect(more.body.persons.map((p) => p.id)).toEqual([own.body.person.id]);
    // the coordinators and the provider filter without a basis per person: no window
    expect((await search(w.coord, "みなみ")).body).toMatchObject({ partial: false });
    expect((await search(w.coord, "みなみ")).body.persons).toHaveLength(50);
  });

  it("only agency accounts search; the query is in the body, validated", async () => {
    for (const login of ["keikaku", "iin", "korei", "admin"]) {
      const client = await ApiClient.login(w.t.baseUrl, login);
      expect((await client.post("/api/persons/search", { query: "み" })).status, login).toBe(403);
    }
    const empty = await w.houkatsu.post("/api/persons/search", { query: "　" });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f: { field: string }) => f.field)).toEqual(["query"]);
    expect((await w.houkatsu.post("/api/persons/search", { kana: "み" })).status).toBe(400);
  });
});
