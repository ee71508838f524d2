import { describe, expect, it } from "vitest";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { households } from "../../db/schema/index.js";

// Opening a case with what it needs in the same request: a new household, the consent confirmed at opening.
const w = worldForFile(startReferredHouseholdWorld);

describe("opening a case in one request", () => {
  it("registers a new household with the case in one transaction: a refused case leaves no household behind", async () => {
    const person = await w.person(w.as.senderProvider, "シンセタイ ホンニン");
    const sheet = await w.referral(person);
    const household = {
      name: "新世帯",
      address: "つなぐ市西町（架空）",
      members: [{ personId: person, relationship: "本人" }],
    };
    const countHouseholds = async () => (await w.t.database.db.select().from(households)).length;
    const before = await countHouseholds();
    const both = await w.as.coordinator.post("/api/cases", {
      referralIds: [sheet],
      householdId: w.householdId,
      household,
      mainPersonId: person,
      leadAgencyId: w.agencyId.houkatsu,
    });
    expect(both.body.fields).toEqual([
      {
        field: "householdId",
        message: "世帯は、登録済みの世帯を選ぶか新しい世帯を指定するか、どちらか一方にしてください",
      },
    ]);
    const badMember = await w.as.coordinator.post("/api/cases", {
      referralIds: [sheet],
      household: { ...household, address: "", members: [{ personId: person, relationship: "いとこ" }] },
      mainPersonId: person,
      leadAgencyId: w.agencyId.houkatsu,
    });
    expect(badMember.body.fields.map((f: { field: string }) => f.field)).toEqual([
      "household.address",
      "household.members.0.relationship",
    ]);
    // the household would be valid, the case is not (an unknown lead agency): nothing is stored
    const refused = await w.as.coordinator.post("/api/cases", {
      referralIds: [sheet],
      household,
      mainPersonId: person,
      leadAgencyId: "00000000-0000-4000-8000-000000000000",
    });
    expect(refused.body.fields).toEqual([{ field: "leadAgencyId", message: "機関が見つかりません" }]);
    expect(await countHouseholds()).toBe(before);
    const opened = await w.as.coordinator.post("/api/cases", {
      referralIds: [sheet],
      household,
      mainPersonId: person,
      leadAgencyId: w.agencyId.houkatsu,
    });
    expect(opened.status).toBe(201);
    expect(opened.body.case.household).toMatchObject({ name: "新世帯", address: "つなぐ市西町（架空）", version: 1 });
    expect(await countHouseholds()).toBe(before + 1);
    const created = await auditRecords(w.t.database.db, { action: "create", entityId: opened.body.case.household.id });
    expect(created).toHaveLength(1);
  });

  it("takes the consent confirmed when opening, in the same request (else it derives it from the referrals)", async () => {
    const person = await w.person(w.as.senderProvider, "ケース ドウイ");
    const referral = await w.referral(person);
    const home = await w.household(person, []);
    const body = {
      householdId: home,
      mainPersonId: person,
      leadAgencyId: w.agencyId.houkatsu,
      referralIds: [referral],
    };
    const missing = await w.as.coordinator.post("/api/cases", { ...body, consent: { consent: "given" } });
    expect(missing.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "consent.consentDate",
      "consent.consentMethod",
    ]);
    const opened = await w.as.coordinator.post("/api/cases", {
      ...body,
      consent: { consent: "not_given", reason: "本人が共有を望まなかった" },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.case).toMatchObject({ consent: "not_given" });
    expect(opened.body.case.consentHistory[0]).toMatchObject({ consent: "not_given" });
  });
});
