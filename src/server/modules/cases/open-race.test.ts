import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseWorld, startCaseWorld } from "../../../../test/helpers/case-world.js";
import { caseReferrals, cases, householdMembers } from "../../db/schema/index.js";

/**
 * Two coordinators open a case from the same referral at the same moment. Only one case may exist; the others
 * are told clearly, and nothing of theirs (case, new household) is left behind. On PostgreSQL the openings
 * really run at once; on the embedded database they queue.
 */
let w: CaseWorld;
beforeAll(async () => {
  w = await startCaseWorld();
});
afterAll(async () => {
  await w?.t.close();
});

describe("opening cases from one referral at once", () => {
  it("opens exactly one case of 20 and answers the others 409 with a Japanese message", async () => {
    const personId = await w.person(w.as.senderProvider, "ドウジ カイシ");
    const referralId = await w.referral(personId);
    const householdId = await w.household(personId);
    const before = (await w.t.database.db.select().from(cases)).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        w.as.coordinator.post("/api/cases", {
          referralIds: [referralId],
          mainPersonId: personId,
          leadAgencyId: w.agencyId.houkatsu,
          // half of them bring a new household with the case: a refused opening must not leave it behind
          ...(i % 2
            ? { householdId }
            : { household: { address: "つなぐ市（架空）", members: [{ personId, relationship: "本人" }] } }),
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body.message).toBe("指定したつなぐシートは既に別のケースになっています");
    }
    const db = w.t.database.db;
    expect((await db.select().from(cases)).length).toBe(before + 1);
    const links = (await db.select().from(caseReferrals)).filter((l) => l.referralId === referralId);
    expect(links).toHaveLength(1);
    // the household registered beforehand, and the winner's own when it brought one: no loser's household
    const winner = answers.find((a) => a.status === 201)?.body.case;
    const memberships = (await db.select().from(householdMembers)).filter((m) => m.personId === personId);
    expect(memberships).toHaveLength(winner.household.id === householdId ? 1 : 2);
  });
});
