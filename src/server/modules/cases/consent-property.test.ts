import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startCaseWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";

/**
 * Over random sequences of consent grants, withdrawals, team changes and 支援会議 memberships, the team agency's
 * staff member reads the case's records exactly when a basis holds at that moment (a consent in force that covers
 * the agency, or a pledged, current membership of a 支援会議 with the case on its agenda, while the agency is on the
 * team), and the read's audit record names that basis.
 */
const w = worldForFile(startCaseWorld);

type Step =
  | { kind: "grant"; scope: "team" | "team_agency" | "other_agency" }
  | { kind: "withdraw"; pick: number }
  | { kind: "leave" }
  | { kind: "join" }
  /** the coordinators add the team staff member to the case's 支援会議; `pledge`: the member signs the pledge */
  | { kind: "member"; pledge: boolean }
  | { kind: "unmember" }
  | { kind: "pledge" }
  /** the case is taken off the meeting's agenda, or put on it again */
  | { kind: "agenda" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("grant" as const), scope: fc.constantFrom("team", "team_agency", "other_agency") }),
  fc.record({ kind: fc.constant("withdraw" as const), pick: fc.nat(5) }),
  fc.constant({ kind: "leave" as const }),
  fc.constant({ kind: "join" as const }),
  fc.record({ kind: fc.constant("member" as const), pledge: fc.boolean() }),
  fc.constant({ kind: "unmember" as const }),
  fc.constant({ kind: "pledge" as const }),
  fc.constant({ kind: "agenda" as const }),
);

let artKindId: string;
let teamUserId: string;
beforeAll(async () => {
  const kinds = (await w.as.coordinator.get("/api/meeting-kinds")).body.kinds as { id: string; legalBasis: string }[];
  artKindId = kinds.find((k) => k.legalBasis === "art106_6")?.id as string;
  const users = (await w.as.systemAdmin.get("/api/users")).body.users as { id: string; loginId: string }[];
  teamUserId = users.find((u) => u.loginId === "team-staff")?.id as string;
});

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
        // the case's 支援会議 and the team staff member's place on it (the model of the meeting basis)
        const meeting = await w.as.coordinator.post("/api/meetings", {
          kindId: artKindId,
          heldOn: "2025-06-01",
          secretariatAgencyId: w.agencyId.coord,
          title: `性質の確認 ${run}`,
        });
        expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
        const meetingId = meeting.body.meeting.id as string;
        const onAgenda = async () => {
          const res = await w.as.coordinator.post(`/api/meetings/${meetingId}/subjects`, { caseId });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          const current = (
            res.body.meeting.subjects as { id: string; caseId: string | null; removedAt: unknown }[]
          ).find((x) => x.caseId === caseId && !x.removedAt);
          return current?.id as string;
        };
        let subjectId: string | null = await onAgenda();
        let memberId: string | null = null;
        let pledged = false;
        const pledge = async () => {
          const res = await w.as.team.post(`/api/meetings/${meetingId}/members/${memberId}/pledge`, {
            pledgedOn: "2025-06-01",
          });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          pledged = true;
        };
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
          } else if (s.kind === "member" && !memberId) {
            const res = await w.as.coordinator.post(`/api/meetings/${meetingId}/members`, { userId: teamUserId });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            const members = res.body.meeting.members as { id: string; userId: string | null; leftAt: unknown }[];
            memberId = members.find((m) => m.userId === teamUserId && !m.leftAt)?.id as string;
            pledged = false;
            if (s.pledge) await pledge();
          } else if (s.kind === "pledge" && memberId && !pledged) {
            await pledge();
          } else if (s.kind === "unmember" && memberId) {
            const res = await w.as.coordinator.request("DELETE", `/api/meetings/${meetingId}/members/${memberId}`);
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            memberId = null;
            pledged = false;
          } else if (s.kind === "agenda") {
            if (subjectId) {
              const res = await w.as.coordinator.request("DELETE", `/api/meetings/${meetingId}/subjects/${subjectId}`);
              expect(res.status, JSON.stringify(res.body)).toBe(200);
              subjectId = null;
            } else subjectId = await onAgenda();
          }
          const covering = inForce.filter((c) => c.covers(onTeam)).map((c) => c.id);
          const meetingBasis = memberId !== null && pledged && subjectId !== null;
          const read = await w.as.team.get(`/api/cases/${caseId}/records`);
          expect(read.status, JSON.stringify(s)).toBe(onTeam && (covering.length || meetingBasis) ? 200 : 404);
          if (read.status === 200) {
            const [last] = (
              await auditRecords(w.t.database.db, {
                action: "read",
                entityType: "case_records",
                entityId: caseId,
                actorLabel: "team-staff",
              })
            ).slice(-1);
            // a consent in force is named first; the meeting only when no consent covers the agency
            const bases = covering.length ? covering.map((id) => `consent:${id}`) : [`art106_6:meeting:${meetingId}`];
            expect(bases).toContain(last?.basis);
          }
        }
      }),
      {
        numRuns: 8,
        // the meeting basis alone, and its ends (subject removed, team left, member removed), always among the runs
        examples: [
          [
            [
              { kind: "member", pledge: false },
              { kind: "pledge" },
              { kind: "agenda" },
              { kind: "agenda" },
              { kind: "leave" },
              { kind: "join" },
              { kind: "unmember" },
            ],
          ],
        ],
      },
    );
  });
});
