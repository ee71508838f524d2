import { describe, expect, it } from "vitest";
import { createMunicipality } from "../../../test/factories/municipality.js";
import { createAgencyUser } from "../../../test/factories/support.js";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import {
  districts,
  meetingDecisions,
  meetingKinds,
  meetingMembers,
  meetingSubjects,
  meetings,
  persons,
} from "../db/schema/index.js";

/**
 * A municipality with three meetings: a 支援会議 (under the municipality's own name 包括的支援会議) in 令和7年度 with
 * two members (one pledged, one left), one person on its agenda and a decision; a 重層的支援会議 in 令和7年度 without
 * 地区; and one in 令和8年度.
 */
const { cli } = cliDatabaseForFile("cli-meetings", {
  prepare: async ({ db }) => {
    const { municipality: m } = await createMunicipality(db, "999051");
    const municipalityId = m.id;
    const coord = await createAgencyUser(db, municipalityId, {
      loginId: "coord",
      role: "support_staff",
      agencyName: "多機関協働（テスト）",
      isCoordinator: true,
    });
    const staff = await createAgencyUser(db, municipalityId, {
      loginId: "staff",
      role: "support_staff",
      agencyName: "地域包括（テスト）",
    });
    const [art, consent] = await db
      .insert(meetingKinds)
      .values([
        { municipalityId, name: "包括的支援会議", legalBasis: "art106_6", position: 0 },
        { municipalityId, name: "重層的支援会議", legalBasis: "consent", position: 1 },
      ])
      .returning();
    const [north] = await db.insert(districts).values({ municipalityId, name: "北地区", position: 0 }).returning();
    const [person] = await db
      .insert(persons)
      .values({ municipalityId, nameKana: "カイギ タロウ", nameKanji: "会議 太郎", kanaKey: "カイギタロウ" })
      .returning();
    const meeting = (kindId: string, heldOn: string, districtId: string | null) => ({
      municipalityId,
      kindId,
      heldOn,
      districtId,
      secretariatAgencyId: coord.agencyId,
      title: "定例会（テスト）",
    });
    const [first, second, third] = await db
      .insert(meetings)
      .values([
        meeting(art?.id as string, "2025-06-10", north?.id ?? null),
        meeting(consent?.id as string, "2026-03-31", null),
        meeting(art?.id as string, "2026-04-01", north?.id ?? null),
      ])
      .returning();
    const meetingId = first?.id as string;
    await db.insert(meetingMembers).values([
      { municipalityId, meetingId, userId: staff.userId, agencyId: staff.agencyId, pledgedOn: "2025-06-01" },
      { municipalityId, meetingId, userId: coord.userId, agencyId: coord.agencyId, leftAt: new Date() },
      {
        municipalityId,
        meetingId,
        expertName: "顧問 弁護士",
        expertAffiliation: "テスト法律事務所",
        expertRole: "lawyer",
      },
    ]);
    const [subject] = await db
      .insert(meetingSubjects)
      .values({ municipalityId, meetingId, personId: person?.id as string })
      .returning();
    await db
      .insert(meetingDecisions)
      .values({ municipalityId, meetingId, subjectId: subject?.id, text: "見守りを続ける" });
    expect([second?.id, third?.id].every(Boolean)).toBe(true);
  },
});

describe("meetings CLI", () => {
  it("prints each meeting's kind by its legal basis, date, 地区 and counts, never a name", async () => {
    const res = await cli("meetings", "--municipality", "999051", "--fiscal-year", "令和7年度", "--json");
    expect(res.code, res.stdout).toBe(0);
    expect(res.json).toEqual({
      meetings: [
        {
          id: expect.any(String),
          kind: "support_meeting",
          kindName: "包括的支援会議",
          heldOn: "2025-06-10",
          district: "北地区",
          // the member who left is not counted; the outside expert is, without a pledge
          members: 2,
          pledged: 1,
          subjects: 1,
          decisions: 1,
        },
        {
          id: expect.any(String),
          kind: "multi_agency_meeting",
          kindName: "重層的支援会議",
          heldOn: "2026-03-31",
          district: null,
          members: 0,
          pledged: 0,
          subjects: 0,
          decisions: 0,
        },
      ],
    });
    expect(res.stdout).not.toMatch(/会議 太郎|カイギ|弁護士|テスト法律事務所|見守り/);
    const all = await cli("meetings", "--municipality", "999051", "--json");
    expect(all.json.meetings.map((m: { heldOn: string }) => m.heldOn)).toEqual([
      "2025-06-10",
      "2026-03-31",
      "2026-04-01",
    ]);
  });

  it("prints text in 和暦 for people, and refuses a missing municipality or a bad year", async () => {
    const text = await cli("meetings", "--municipality", "999051", "--fiscal-year", "2025");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("999051 令和7年度: 会議 2件");
    expect(text.stdout).toMatch(/\t包括的支援会議\t令和7年6月10日\t北地区\t構成員 2人（誓約 1人）\t議題 1件\t決定 1件/);
    expect(text.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const missing = await cli("meetings", "--json");
    expect(missing.code).toBe(2);
    expect(missing.json.error).toMatch(/--municipality/);
    const unknown = await cli("meetings", "--municipality", "999099", "--json");
    expect(unknown.code).toBe(2);
    const badYear = await cli("meetings", "--municipality", "999051", "--fiscal-year", "去年", "--json");
    expect(badYear.code).toBe(2);
    expect(badYear.json.error).toMatch(/--fiscal-year/);
  });
});
