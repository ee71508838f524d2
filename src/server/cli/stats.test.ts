import { describe, expect, it } from "vitest";
import { createMunicipality } from "../../../test/factories/municipality.js";
import { createAgencyUser } from "../../../test/factories/support.js";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { MEASURE_KEYS } from "../../domain/labels/measures.js";
import { agencies, meetingKinds, meetings, programmeProjectAgencies, programmeProjects } from "../db/schema/index.js";

/**
 * A municipality with six 登録事業者 registered in 令和7年度 and one in 令和8年度, two 支援会議 held in 令和7年度 and
 * nothing else: the operator sees 6 providers and the meetings as 「5未満」. The registry's 事業 1 carries the
 * coordinators (the meetings' secretariat), 事業 2 no agency.
 */
const { cli } = cliDatabaseForFile("cli-stats", {
  prepare: async ({ db }) => {
    const { municipality: m } = await createMunicipality(db, "999062");
    const municipalityId = m.id;
    const coord = await createAgencyUser(db, municipalityId, {
      loginId: "coord",
      role: "support_staff",
      agencyName: "多機関協働（統計）",
      isCoordinator: true,
    });
    await db.insert(agencies).values(
      [1, 2, 3, 4, 5, 6, 7].map((n) => ({
        municipalityId,
        name: `事業者${n}（統計）`,
        category: "参加支援",
        kind: "provider",
        createdAt: new Date(n === 7 ? "2026-04-01T00:00:00+09:00" : "2025-06-01T00:00:00+09:00"),
      })),
    );
    const [kind] = await db
      .insert(meetingKinds)
      .values({ municipalityId, name: "支援会議", legalBasis: "art106_6", position: 0 })
      .returning();
    await db.insert(meetings).values(
      ["2025-04-01", "2026-03-31"].map((heldOn) => ({
        municipalityId,
        kindId: kind?.id as string,
        heldOn,
        secretariatAgencyId: coord.agencyId,
        title: "定例会（統計）",
      })),
    );
    const [carried] = await db
      .insert(programmeProjects)
      .values([
        { municipalityId, number: 1, name: "相談支援事業（統計）" },
        { municipalityId, number: 2, name: "参加支援事業（統計）" },
      ])
      .returning();
    await db
      .insert(programmeProjectAgencies)
      .values({ municipalityId, projectId: carried?.id as string, agencyId: coord.agencyId });
  },
});

describe("stats CLI", () => {
  it("prints every measure of the year as { key, label, value, suppressed }, small counts suppressed", async () => {
    const res = await cli("stats", "--municipality", "999062", "--fiscal-year", "令和7年度", "--json");
    expect(res.code, res.stdout).toBe(0);
    expect(res.json.fiscalYear).toBe(2025);
    expect(res.json.measures.map((m: { key: string }) => m.key)).toEqual([...MEASURE_KEYS]);
    const byKey = Object.fromEntries(res.json.measures.map((m: { key: string }) => [m.key, m]));
    expect(byKey.registered_providers).toEqual({
      key: "registered_providers",
      label: "登録事業者数（年度末）",
      value: 6,
      suppressed: false,
    });
    expect(byKey.support_meetings).toEqual({
      key: "support_meetings",
      label: "支援会議の開催回数",
      value: null,
      suppressed: true,
    });
    expect(byKey.new_persons).toMatchObject({ value: 0, suppressed: false });
    expect(byKey.contacts.rows).toHaveLength(6);
    const r8 = await cli("stats", "--municipality", "999062", "--fiscal-year", "2026", "--json");
    expect(r8.json.measures.find((m: { key: string }) => m.key === "registered_providers").value).toBe(7);
  });

  it("prints text in 和暦, and refuses a missing year", async () => {
    const text = await cli("stats", "--municipality", "999062", "--fiscal-year", "R7");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("999062 令和7年度: 重層的支援の統計（5未満は秘匿）");
    expect(text.stdout).toMatch(/支援会議の開催回数\t5未満/);
    expect(text.stdout).toMatch(/登録事業者数（年度末）\t6/);
    const missing = await cli("stats", "--municipality", "999062", "--json");
    expect(missing.code).toBe(2);
    expect(missing.json.error).toMatch(/--fiscal-year/);
  });

  it("counts a registry project named by number or name, and refuses one it cannot find", async () => {
    const args = ["stats", "--municipality", "999062", "--fiscal-year", "R7", "--json"];
    const carried = await cli(...args, "--project", "1");
    expect(carried.code, carried.stdout).toBe(0);
    expect(carried.json.project).toMatchObject({ number: 1, name: "相談支援事業（統計）" });
    const one = Object.fromEntries(carried.json.measures.map((m: { key: string }) => [m.key, m]));
    expect(one.support_meetings).toMatchObject({ value: null, suppressed: true });
    expect(one.registered_providers).toEqual({
      key: "registered_providers",
      label: "登録事業者数（年度末）",
      value: null,
      suppressed: false,
      notApplicable: "事業では絞り込めない指標です",
    });
    // no agency in 事業 2: its meetings are 0, not the municipality's 2
    const empty = await cli(...args, "--project", "参加支援事業（統計）");
    expect(empty.code, empty.stdout).toBe(0);
    const two = Object.fromEntries(empty.json.measures.map((m: { key: string }) => [m.key, m]));
    expect(two.support_meetings).toMatchObject({ value: 0, suppressed: false });
    const text = await cli("stats", "--municipality", "999062", "--fiscal-year", "R7", "--project", "2");
    expect(text.stdout).toContain("999062 令和7年度 事業 2 参加支援事業（統計）: 重層的支援の統計");
    expect(text.stdout).toMatch(/登録事業者数（年度末）\t事業では絞り込めない指標です/);
    const unknown = await cli(...args, "--project", "99");
    expect(unknown.code).toBe(2);
    expect(unknown.json.error).toMatch(/事業が見つかりません: 99/);
  });
});
