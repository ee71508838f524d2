import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { latestAuditRecord } from "../../../../test/helpers/audit-records.js";
import { auditEntries as entries, everyAuditEntry, startAuditWorld } from "../../../../test/helpers/audit-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { recordAuditBatch, verifyAuditChain } from "../../platform/audit.js";

const w = worldForFile(startAuditWorld);

/** today in Japan as ISO and as 令和 */
const jstDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const reiwa = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `令和${(y ?? 0) - 2018}年${m}月${d}日`;
};

describe("audit trail: who looked at a referral", () => {
  it("finds the read (through the referral), the denial and the agency each actor belonged to at the time", async () => {
    const staff = await ApiClient.login(w.t.baseUrl, "staff-x", "receiving-desk-pass-1");
    expect((await staff.get(`/api/referrals/${w.referralId}`)).status).toBe(200);
    // moved to another agency: the same account is now refused (need-to-know), and the trail says so
    const user = (await w.admin.get("/api/users")).body.users.find((u: { id: string }) => u.id === w.staffUserId);
    expect(
      (await w.admin.patch(`/api/users/${w.staffUserId}`, { agencyId: w.agencyId.kikan }, ifMatch(user.version)))
        .status,
    ).toBe(200);
    expect((await staff.get(`/api/referrals/${w.referralId}`)).status).toBe(404);

    const { entries: found } = await entries(w.auditor, { entityType: "referral", entityId: w.referralId });
    const mine = found.filter((e) => e.actor.userId === w.staffUserId);
    expect(mine.map((e) => e.kind)).toEqual(["denied", "read"]); // newest first
    const [denied, read] = mine;
    expect(read).toMatchObject({
      action: "read",
      actor: { loginId: "staff-x", displayName: "職員 エックス" },
      agency: { id: w.agencyId.houkatsu, name: "つなぐ中央地域包括支援センター", asRecorded: true },
      target: { type: "person", typeLabel: "対象者" },
      basis: `referral:${w.referralId}`,
    });
    // in words: the referral by a short id, and the part the actor's agency had in it then (the receiver)
    expect(read?.basisLabel).toBe(`つなぐシート #${w.referralId.slice(0, 8)}（受信機関として）`);
    expect(read?.target).toMatchObject({ name: null, label: expect.stringMatching(/^対象者 #[0-9a-f]{8}$/) });
    expect(read?.ip).toBeTruthy();
    expect(denied).toMatchObject({
      action: "denied",
      agency: { id: w.agencyId.kikan, name: "つなぐ市基幹相談支援センター" },
      target: { type: "referral", id: w.referralId },
    });
    // the creation of the demo referral is there too, and everything is newest first
    const seqs = found.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(found.every((e) => e.target.id === w.referralId || e.basis === `referral:${w.referralId}`)).toBe(true);
  });

  it("finds a person in a read of many (a list page) with the basis it had, and says how many were shown", async () => {
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    const caseIds = [crypto.randomUUID(), crypto.randomUUID()];
    await w.t.database.db.transaction((tx) =>
      recordAuditBatch(
        tx,
        [first, second].map((id, i) => ({
          municipalityId: w.t.municipalityId,
          actorUserId: null,
          actorLabel: "cli:lister",
          action: "read",
          entityType: "person",
          entityId: id,
          basis: `case:${caseIds[i]}`,
        })),
      ),
    );
    const { entries: bySecond } = await entries(w.auditor, { entityType: "person", entityId: second });
    expect(bySecond).toHaveLength(1);
    expect(bySecond[0]).toMatchObject({
      kind: "read",
      target: { type: "person", id: second, shown: 2 },
      basis: `case:${caseIds[1]}`,
    });
    expect(bySecond[0]?.target.label).toMatch(/^対象者 #[0-9a-f]{8}（2件の一覧の中で）$/);
    // asked about the case it was read through, the same record answers with that case's person
    const { entries: byCase } = await entries(w.auditor, { entityType: "case", entityId: caseIds[0] as string });
    expect(byCase.map((e) => [e.target.id, e.basis])).toEqual([[first, `case:${caseIds[0]}`]]);
    // unasked, it is one line: the kind and how many were shown
    const { entries: all } = await entries(w.auditor, { limit: "5" });
    const line = all.find((e) => e.actor.loginId === "cli:lister");
    expect(line?.target).toMatchObject({ id: null, label: "対象者 2件", shown: 2 });
  });

  it("filters by action kind, actor and dates typed in Japanese form", async () => {
    const target = { entityType: "referral", entityId: w.referralId };
    const reads = (await entries(w.auditor, { ...target, action: "read" })).entries;
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.action === "read")).toBe(true);
    const denials = (await entries(w.auditor, { ...target, action: "denied" })).entries;
    expect(denials.length).toBeGreaterThan(0);
    expect(denials.every((e) => e.action === "denied")).toBe(true);
    const changes = (await entries(w.auditor, { action: "change" })).entries;
    expect(changes.some((e) => e.action === "update" && e.target.type === "user")).toBe(true);
    expect(changes.every((e) => !["read", "denied", "login", "login_failed"].includes(e.action))).toBe(true);

    const byActor = (await entries(w.auditor, { ...target, actorUserId: w.staffUserId })).entries;
    expect(byActor).toHaveLength(2);

    const today = jstDay();
    expect((await entries(w.auditor, { ...target, from: reiwa(today), to: reiwa(today) })).entries.length).toBe(
      (await entries(w.auditor, target)).entries.length,
    );
    expect((await entries(w.auditor, { ...target, from: jstDay(1) })).entries).toEqual([]);
    expect(
      (
        await entries(w.auditor, {
          ...target,
          to: `R${Number(jstDay(-1).slice(0, 4)) - 2018}.${jstDay(-1).slice(5, 7)}.${jstDay(-1).slice(8)}`,
        })
      ).entries,
    ).toEqual([]);
  });

  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const all = (await entries(w.office, { limit: "200" })).entries.map((e) => e.seq);
    const paged = (await everyAuditEntry(w.office, 7)).map((e) => e.seq);
    // each page query is itself recorded, after the first: the first page starts above the older listing
    const common = paged.filter((s) => s <= (all[0] ?? 0));
    expect(common).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it("every query of the trail is itself in the trail, with its filter (ids and dates only)", async () => {
    const before = await verifyAuditChain(w.t.database.db);
    await entries(w.auditor, { entityType: "referral", entityId: w.referralId, action: "read" });
    const record = await latestAuditRecord(w.t.database.db, {
      municipalityId: w.t.municipalityId,
      entityType: "audit_log",
    });
    expect(record).toMatchObject({
      actorLabel: "shienkanri",
      action: "read",
      entityId: `referral:${w.referralId}`,
      basis: "audit_trail",
    });
    if (!record) throw new Error("no record of the query");
    expect((record.after as { filter: unknown }).filter).toEqual({
      entityType: "referral",
      entityId: w.referralId,
      action: "read",
    });
    const after = await verifyAuditChain(w.t.database.db);
    expect(after.ok).toBe(true);
    expect(after.records).toBeGreaterThan(before.records);
    // and the system administrator sees who looked at the trail
    const views = (await entries(w.admin, { entityType: "audit_log", limit: "5" })).entries;
    expect(views.some((e) => e.actor.loginId === "shienkanri" && e.basisLabel === "監査ログの照会")).toBe(true);
  });

  it("only the administrators read it, each its own side (403 for every other role)", async () => {
    // the plan office reads the plan side's records: nothing of a referral, a person or a case
    const planSide = (await entries(w.office, { entityType: "referral", entityId: w.referralId })).entries;
    expect(planSide).toEqual([]);
    const planAll = (await entries(w.office, { limit: "200" })).entries;
    expect(planAll.filter((e) => ["referral", "person", "case", "household"].includes(e.target.type))).toEqual([]);
    // and the support side's administrator nothing of the plan side's sheets
    const supportAll = (await entries(w.auditor, { limit: "200" })).entries;
    expect(supportAll.filter((e) => e.target.type === "evaluation_sheet")).toEqual([]);
    for (const login of ["korei", "iin", "houkatsu", "coord", "jigyosha"]) {
      const client = await ApiClient.login(w.t.baseUrl, login);
      const res = await client.get(`/api/audit/entries?entityType=referral&entityId=${w.referralId}`);
      expect(res.status, login).toBe(403);
      expect(res.body.message).toBe("この操作を行う権限がありません");
    }
    expect((await w.admin.get("/api/audit/entries")).status).toBe(200);
    expect((await new ApiClient(w.t.baseUrl).get("/api/audit/entries")).status).toBe(401);
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
      const res = await w.office.get(`/api/audit/entries?${query}`);
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
        const res = await w.office.get(`/api/audit/entries?${q}`);
        expect(res.status, q).toBeLessThan(500);
        if (res.status !== 200) expect(res.body.message, q).toMatch(/[ぁ-んァ-ン一-龥]/);
      }),
      { numRuns: 60 },
    );
  });

  it("is per municipality: another municipality's office sees none of it, and ours none of theirs", async () => {
    const other = await createMunicipality(w.t.database.db, "999201");
    const otherOffice = await ApiClient.login(w.t.baseUrl, "office", FACTORY_PASSWORD, "999201");
    expect((await entries(otherOffice, { entityType: "referral", entityId: w.referralId })).entries).toEqual([]);
    const theirs = (await entries(otherOffice, { limit: "200" })).entries;
    expect(theirs.length).toBeGreaterThan(0); // at least their office's login
    expect(theirs.every((e) => e.actor.loginId === "office")).toBe(true);
    const otherUser = theirs.find((e) => e.action === "login")?.actor.userId as string;
    expect((await entries(w.office, { actorUserId: otherUser })).entries).toEqual([]);
    expect((await entries(w.office, { entityType: "user", entityId: otherUser })).entries).toEqual([]);
    expect(other.municipality.id).not.toBe(w.t.municipalityId);
  });
});
