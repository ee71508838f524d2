import { inArray } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../../../../test/factories/municipality.js";
import { createAgencyUser } from "../../../../test/factories/support.js";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { startTestApp } from "../../../../test/helpers/test-app.js";
import { CONTACT_MODES, MEASURES } from "../../../domain/measures/catalogue.js";
import { suppress } from "../../../domain/measures/suppression.js";
import { normalizeKana } from "../../../domain/persons/kana.js";
import {
  caseRecords,
  cases,
  districts,
  householdMembers,
  households,
  meetings,
  persons,
  referrals,
} from "../../db/schema/index.js";

/**
 * Property: for generated small worlds (persons, 支援経過, meetings and つなぐシート placed on and around the fiscal
 * years' edges in Japan), the counts depend on the filter only: the coordinator and the support-side administrator
 * get the same answer, the plan office and a viewer the same suppressed one, whose shown numbers are the raw ones
 * and whose hidden cells are exactly those suppression hides in the raw counts; and the raw counts are those of the
 * generated rows. Each world is removed after its run.
 */

const DAYS = ["2024-03-31", "2024-04-01", "2024-10-10", "2025-03-31", "2025-04-01", "2025-12-01", "2026-03-31"];
/** a day's fiscal year, by the calendar: April starts the year */
const yearOfDay = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);
/** the first and last second of a day in Japan */
const instant = (day: string, late: boolean) => new Date(`${day}T${late ? "23:59:59" : "00:00:00"}+09:00`);

const worldArb = fc.record({
  persons: fc.array(fc.record({ agency: fc.nat(2), day: fc.constantFrom(...DAYS), late: fc.boolean() }), {
    maxLength: 8,
  }),
  records: fc.array(
    fc.record({ agency: fc.nat(1), mode: fc.constantFrom(...CONTACT_MODES), day: fc.constantFrom(...DAYS) }),
    { maxLength: 16 },
  ),
  meetings: fc.array(
    fc.record({
      consent: fc.boolean(),
      inDistrict: fc.boolean(),
      agency: fc.nat(1),
      day: fc.constantFrom(...DAYS),
    }),
    { maxLength: 6 },
  ),
  referrals: fc.array(
    fc.record({ provider: fc.boolean(), day: fc.constantFrom(...DAYS), late: fc.boolean(), completed: fc.boolean() }),
    { maxLength: 6 },
  ),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

async function startPropertyWorld() {
  const t = await startTestApp();
  const db = t.database.db;
  const code = "999072";
  const { municipality } = await createMunicipality(db, code);
  const m = municipality.id;
  const coord = await createAgencyUser(db, m, {
    loginId: "coord",
    role: "support_staff",
    agencyName: "多機関協働（性質）",
    isCoordinator: true,
  });
  const houkatsu = await createAgencyUser(db, m, {
    loginId: "houkatsu",
    role: "support_staff",
    agencyName: "包括（性質）",
  });
  const provider = await createAgencyUser(db, m, { loginId: "jigyo", role: "provider", agencyName: "事業者（性質）" });
  const login = (id: string) => ApiClient.login(t.baseUrl, id, FACTORY_PASSWORD, code);
  const as = {
    coordinator: await login("coord"),
    supportAdmin: await login("support-admin"),
    office: await login("office"),
    viewer: await login("viewer"),
  };
  const kinds = (await as.coordinator.get("/api/meeting-kinds")).body.kinds as { id: string; legalBasis: string }[];
  const [district] = await db.insert(districts).values({ municipalityId: m, name: "東地区", position: 1 }).returning();
  const [person] = await db
    .insert(persons)
    .values({ municipalityId: m, nameKana: "セイシツ ホンニン", kanaKey: normalizeKana("セイシツ ホンニン") })
    .returning();
  const [household] = await db
    .insert(households)
    .values({ municipalityId: m, name: "性質家", address: "性質市（架空）", registeredByAgencyId: houkatsu.agencyId })
    .returning();
  await db.insert(householdMembers).values({
    municipalityId: m,
    householdId: household?.id as string,
    personId: person?.id as string,
    relationship: "本人",
  });
  const [kase] = await db
    .insert(cases)
    .values({
      municipalityId: m,
      householdId: household?.id as string,
      mainPersonId: person?.id as string,
      leadAgencyId: houkatsu.agencyId,
      issues: ["介護"],
      phase: "support",
      consent: "given",
    })
    .returning();
  return {
    t,
    m,
    as,
    agencies: [coord.agencyId, houkatsu.agencyId, provider.agencyId],
    districtId: district?.id as string,
    personId: person?.id as string,
    caseId: kase?.id as string,
    kindOf: (consent: boolean) => kinds.find((k) => k.legalBasis === (consent ? "consent" : "art106_6"))?.id as string,
  };
}

const w = worldForFile(startPropertyWorld);

/** The world's rows, inserted as the app would have them (instants and days chosen, which no request can). */
async function insertWorld(world: World) {
  const db = w.t.database.db;
  const ids = { persons: [] as string[], records: [] as string[], meetings: [] as string[], referrals: [] as string[] };
  const returning = { id: persons.id };
  for (const [i, p] of world.persons.entries()) {
    const kana = `セイシツ ${"アイウエオカキクケコ"[i]}`;
    const rows = await db
      .insert(persons)
      .values({
        municipalityId: w.m,
        nameKana: kana,
        kanaKey: normalizeKana(kana),
        createdByAgencyId: w.agencies[p.agency],
        createdAt: instant(p.day, p.late),
      })
      .returning(returning);
    ids.persons.push(...rows.map((r) => r.id));
  }
  if (world.records.length > 0) {
    const rows = await db
      .insert(caseRecords)
      .values(
        world.records.map((r) => ({
          municipalityId: w.m,
          caseId: w.caseId,
          agencyId: w.agencies[r.agency] as string,
          kind: r.mode,
          date: r.day,
          text: "性質テスト（架空）",
          visibility: "team",
        })),
      )
      .returning({ id: caseRecords.id });
    ids.records.push(...rows.map((r) => r.id));
  }
  if (world.meetings.length > 0) {
    const rows = await db
      .insert(meetings)
      .values(
        world.meetings.map((x) => ({
          municipalityId: w.m,
          kindId: w.kindOf(x.consent),
          heldOn: x.day,
          districtId: x.inDistrict ? w.districtId : null,
          secretariatAgencyId: w.agencies[x.agency] as string,
          title: "性質テスト（架空）",
        })),
      )
      .returning({ id: meetings.id });
    ids.meetings.push(...rows.map((r) => r.id));
  }
  if (world.referrals.length > 0) {
    const rows = await db
      .insert(referrals)
      .values(
        world.referrals.map((r) => ({
          municipalityId: w.m,
          personId: w.personId,
          fromAgencyId: w.agencies[r.provider ? 2 : 1] as string,
          concerns: ["介護"],
          observed: "性質テスト（架空）",
          urgency: "中",
          consent: "given",
          status: r.completed ? "completed" : "sent",
          createdAt: instant(r.day, r.late),
        })),
      )
      .returning({ id: referrals.id });
    ids.referrals.push(...rows.map((r) => r.id));
  }
  return async () => {
    if (ids.referrals.length > 0) await db.delete(referrals).where(inArray(referrals.id, ids.referrals));
    if (ids.meetings.length > 0) await db.delete(meetings).where(inArray(meetings.id, ids.meetings));
    if (ids.records.length > 0) await db.delete(caseRecords).where(inArray(caseRecords.id, ids.records));
    if (ids.persons.length > 0) await db.delete(persons).where(inArray(persons.id, ids.persons));
  };
}

interface Filter {
  agency: number | null;
  district: boolean;
}

/** What the generated rows give, counted here from the generator's own description. */
function expected(world: World, year: number, f: Filter) {
  const byAgency = (agency: number) => f.agency === null || f.agency === agency;
  const persons = world.persons.filter((p) => yearOfDay(p.day) === year && byAgency(p.agency));
  const records = world.records.filter((r) => yearOfDay(r.day) === year && byAgency(r.agency));
  const meetings = world.meetings.filter(
    (x) => yearOfDay(x.day) === year && byAgency(x.agency) && (!f.district || x.inDistrict),
  );
  const sent = world.referrals.filter((r) => yearOfDay(r.day) === year && byAgency(r.provider ? 2 : 1));
  return {
    new_persons: f.district ? null : persons.length,
    contacts: f.district ? null : CONTACT_MODES.map((mode) => records.filter((r) => r.mode === mode).length),
    support_meetings: meetings.filter((x) => !x.consent).length,
    multi_agency_meetings: meetings.filter((x) => x.consent).length,
    referrals_sent: f.district ? null : sent.length,
    referrals_completed: f.district ? null : sent.filter((r) => r.completed).length,
  };
}

interface Cell {
  value: number | null;
  state: string;
}
type Answer = { threshold: number; measures: { key: string; total: Cell | null; rows: (Cell & { key: string })[] }[] };

async function answer(client: ApiClient, year: number, f: Filter) {
  const params = new URLSearchParams({ fiscalYear: String(year) });
  if (f.agency !== null) params.set("agencyId", w.agencies[f.agency] as string);
  if (f.district) params.set("districtId", w.districtId);
  const res = await client.get(`/api/stats?${params}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Answer;
}

const FILTERS: Filter[] = [
  { agency: null, district: false },
  { agency: 0, district: false },
  { agency: 1, district: false },
  { agency: 2, district: false },
  { agency: null, district: true },
];

describe("computed measures over generated worlds", () => {
  it("count the filter's rows whoever asks; the plan side sees the same counts, suppressed", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const remove = await insertWorld(world);
        try {
          for (const year of [2024, 2025])
            for (const f of FILTERS) {
              const raw = await answer(w.as.coordinator, year, f);
              expect(await answer(w.as.supportAdmin, year, f)).toEqual(raw);
              const office = await answer(w.as.office, year, f);
              expect(await answer(w.as.viewer, year, f)).toEqual(office);

              const value = (key: string) => raw.measures.find((m) => m.key === key);
              const want = expected(world, year, f);
              expect(value("new_persons")?.total?.value ?? null).toBe(want.new_persons);
              if (want.contacts) expect(value("contacts")?.rows.map((r) => r.value)).toEqual(want.contacts);
              expect(value("support_meetings")?.total?.value).toBe(want.support_meetings);
              expect(value("multi_agency_meetings")?.total?.value).toBe(want.multi_agency_meetings);
              expect(value("referrals_sent")?.total?.value ?? null).toBe(want.referrals_sent);
              expect(value("referrals_completed")?.total?.value ?? null).toBe(want.referrals_completed);

              // the plan side: the raw counts, suppressed by the rule and nothing else
              for (const measure of office.measures) {
                const r = raw.measures.find((x) => x.key === measure.key);
                const definition = MEASURES.find((x) => x.key === measure.key);
                if (!r || !definition || r.total?.state === "not_applicable") {
                  expect(measure.total?.state).toBe(r?.total?.state);
                  continue;
                }
                const additive =
                  definition.breakdown !== null && definition.breakdown !== "dynamic" && definition.breakdown.additive;
                const rule = suppress(
                  { total: r.total?.value ?? null, rows: r.rows.map((x) => x.value ?? 0), additive },
                  office.threshold,
                );
                expect(measure.total?.state ?? null).toBe(rule.total?.state ?? null);
                expect(measure.rows.map((x) => x.state)).toEqual(rule.rows.map((x) => x.state));
                for (const [i, cell] of [measure.total, ...measure.rows].entries()) {
                  const rawCell = i === 0 ? r.total : r.rows[i - 1];
                  expect(cell?.value ?? null).toBe(cell?.state === "shown" ? (rawCell?.value ?? null) : null);
                }
              }
            }
        } finally {
          await remove();
        }
      }),
      { numRuns: 6 },
    );
  }, 60_000);
});
