import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { MIKAMI, startPersonWorld } from "../../../../test/helpers/person-world.js";

/**
 * The other doors to a person (duplicate candidates, households, links, referrals) follow the search's need-to-know.
 * The demo facts used are listed in test/helpers/person-world.ts.
 */
const w = worldForFile(startPersonWorld);

describe("the other doors to a person follow the same rule", () => {
  it("duplicate candidates: named only when the caller has a basis, otherwise the score and the reasons", async () => {
    const ichiro = { nameKana: "みほん いちろう", dateOfBirth: "2010-06-15" };
    const outsiders = await w.outsider.post("/api/persons", ichiro);
    expect(outsiders.status).toBe(201);
    expect(outsiders.body.duplicateCandidates.length).toBeGreaterThan(0);
    for (const c of outsiders.body.duplicateCandidates) expect(Object.keys(c).sort()).toEqual(["reasons", "score"]);
    expect(JSON.stringify(outsiders.body.duplicateCandidates)).not.toContain("見本");
    const before = await w.lastSeq();
    // 基幹 leads 見本家's case: it is told who the candidate is, and that read is audited with its basis
    const kikans = await w.kikan.post("/api/persons", ichiro);
    const named = kikans.body.duplicateCandidates.find(
      (c: { person?: { nameKanji: string } }) => c.person?.nameKanji === "見本 一郎",
    );
    expect(named).toBeTruthy();
    const reads = (await w.auditSince(before, "kikan")).filter((r) => r.action === "read");
    // 基幹 leads his household's case (the sheet it received about him is no basis without his consent)
    expect(reads.map((r) => r.basis)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^duplicate_check;case:[0-9a-f-]{36}$/)]),
    );
    expect(reads.every((r) => (r.after as { registered: string }).registered === kikans.body.person.id)).toBe(true);
    // the coordinators: named
    const coords = await w.coord.post("/api/persons", ichiro);
    expect(JSON.stringify(coords.body.duplicateCandidates)).toContain("見本 一郎");
  });

  it("a household shows who its members are only to those with a basis for each", async () => {
    const own = await w.houkatsu.post("/api/persons", { nameKanji: "世帯 主", nameKana: "セタイ ヌシ" });
    const created = await w.houkatsu.post("/api/households", {
      address: "つなぐ市西町1（テスト）",
      members: [{ personId: own.body.person.id, relationship: "本人" }],
    });
    expect(created.status).toBe(201);
    const household = created.body.household;
    // houkatsu cannot add 三上 (no basis: as if the person did not exist) …
    const refused = await w.houkatsu.post(
      `/api/households/${household.id}/members`,
      { personId: w.mikamiId, relationship: "子" },
      ifMatch(household.version),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(["personId"]);
    // … the coordinators can
    const added = await w.coord.post(
      `/api/households/${household.id}/members`,
      { personId: w.mikamiId, relationship: "子" },
      ifMatch(household.version),
    );
    expect(added.status).toBe(201);
    // houkatsu registered the household but has no basis for 三上: the member keeps its place, not who it is
    const before = await w.lastSeq();
    const read = await w.houkatsu.get(`/api/households/${household.id}`);
    expect(read.status).toBe(200);
    const hidden = read.body.household.members.find((m: { personId: string }) => m.personId === w.mikamiId);
    expect(hidden).toEqual({
      personId: w.mikamiId,
      nameKanji: null,
      nameKana: null,
      dateOfBirth: null,
      relationship: "子",
      hidden: true,
    });
    const list = await w.houkatsu.get(`/api/households?personId=${own.body.person.id}`);
    for (const raw of [JSON.stringify(read.body), JSON.stringify(list.body)]) {
      expect(raw).toContain("世帯 主");
      for (const secret of ["三上", "ミカミ", MIKAMI.dateOfBirth, MIKAMI.phone]) expect(raw).not.toContain(secret);
    }
    // only the members shown are audited reads
    const reads = (await w.auditSince(before, "houkatsu")).filter((r) => r.entityType === "person");
    expect(reads.map((r) => r.entityId)).not.toContain(w.mikamiId);
    expect(reads.map((r) => r.entityId)).toContain(own.body.person.id);
  });

  it("a link or a sheet about a person without a basis is refused as if the person did not exist", async () => {
    const ichiro = await w.personNamed("見本 一郎");
    const own = await w.outsider.post("/api/persons", { nameKana: "リンク テスト" });
    const link = await w.outsider.post(`/api/persons/${own.body.person.id}/links`, {
      otherPersonId: ichiro,
      reason: "同じ人に見える",
    });
    expect(link.status).toBe(400);
    expect(link.body.fields.map((f: { field: string }) => f.field)).toEqual(["otherPersonId"]);
    expect(
      (await w.houkatsu.post(`/api/persons/${w.mikamiId}/links`, { otherPersonId: own.body.person.id, reason: "x" }))
        .status,
    ).toBe(404);
    const sheet = await w.houkatsu.post("/api/referrals", {
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
