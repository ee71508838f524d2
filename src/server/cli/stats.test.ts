import { describe, expect, it } from "vitest";
import { createMunicipality } from "../../../test/factories/municipality.js";
import { createAgencyUser } from "../../../test/factories/support.js";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { MEASURE_KEYS } from "../../domain/labels/measures.js";
import { agencies, meetingKinds, meetings } from "../db/schema/index.js";

/**
 * A municipality with six 登録事業者 registered in 令和7年度 and one in 令和8年度, two 支援会議 held in 令和7年度 and
 * nothing else: the operator sees 6 providers and the meetings as 「5未満」.
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
});
