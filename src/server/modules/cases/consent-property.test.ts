import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";

/**
 * Over random sequences of consent grants, withdrawals and team changes, the team agency reads the case's
 * records exactly when a consent in force covers it at that moment, and the read's audit record names that consent.
 */
const w = worldForFile(startCaseWorld);

type Step =
  | { kind: "grant"; scope: "team" | "team_agency" | "other_agency" }
  | { kind: "withdraw"; pick: number }
  | { kind: "leave" }
  | { kind: "join" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("grant" as const), scope: fc.constantFrom("team", "team_agency", "other_agency") }),
  fc.record({ kind: fc.constant("withdraw" as const), pick: fc.nat(5) }),
  fc.constant({ kind: "leave" as const }),
  fc.constant({ kind: "join" as const }),
);

let run = 0;

describe("consent as the basis of a team agency's reads (property)", () => {
  it("holds after every step of a random sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        run += 1;
        const kana = `セイシツ ${"アイウエオカキクケコサシスセソタチツテト".charAt(run % 20)}${"ナニヌネノ".charAt(Math.floor(run / 20) % 5)}`;
        const personId = await w.person(w.as.senderProvider, kana);
        const referralId = await w.referral(personId, "unknown");
        const householdId = await w.household(personId);
        const { id: caseId } = await w.openCase({ referralIds: [referralId], householdId, mainPersonId: personId });
        const version = async () => (await w.as.coordinator.get(`/api/cases/${caseId}`)).body.case.version as number;
        // the model: the consents in force and whether the team agency is on the team
        const inForce: { id: string; covers: (onTeam: boolean) => boolean }[] = [];
        let onTeam = true;
        for (const s of steps) {
          if (s.kind === "grant") {
            const body =
              s.scope === "team"
                ? { scope: "team" }
                : { scope: "agencies", agencyIds: [s.scope === "team_agency" ? w.agencyId.team : w.agencyId.kodomo] };
            const res = await w.as.lead.post(
              `/api/cases/${caseId}/consents`,
              { personId, givenOn: "2025-06-01", method: "oral", ...body },
              ifMatch(await version()),
            );
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            const id = res.body.case.consents.at(-1).id as string;
            inForce.push({
              id,
              covers: (team) => (s.scope === "team" ? team : s.scope === "team_agency"),
            });
          } else if (s.kind === "withdraw" && inForce.length) {
            const [gone] = inForce.splice(s.pick % inForce.length, 1);
            const res = await w.as.lead.post(
              `/api/cases/${caseId}/consents/${gone?.id}/withdrawal`,
              { withdrawnOn: "2025-06-02" },
              ifMatch(await version()),
            );
            expect(res.status, JSON.stringify(res.body)).toBe(200);
          } else if (s.kind === "leave" && onTeam) {
            const res = await w.as.lead.request(
              "DELETE",
              `/api/cases/${caseId}/team/${w.agencyId.team}`,
              undefined,
              ifMatch(await version()),
            );
            expect(res.status).toBe(200);
            onTeam = false;
          } else if (s.kind === "join" && !onTeam) {
            const res = await w.as.lead.post(
              `/api/cases/${caseId}/team`,
              { agencyId: w.agencyId.team },
              ifMatch(await version()),
            );
            expect(res.status).toBe(201);
            onTeam = true;
          }
          const covering = inForce.filter((c) => c.covers(onTeam)).map((c) => c.id);
          const read = await w.as.team.get(`/api/cases/${caseId}/records`);
          expect(read.status, JSON.stringify(s)).toBe(onTeam && covering.length ? 200 : 404);
          if (read.status === 200) {
            const [last] = (
              await auditRecords(w.t.database.db, {
                action: "read",
                entityType: "case_records",
                entityId: caseId,
                actorLabel: "team-staff",
              })
            ).slice(-1);
            expect(covering.map((id) => `consent:${id}`)).toContain(last?.basis);
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});
