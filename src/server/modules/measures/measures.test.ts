import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { addProject, startMeasureWorld } from "../../../../test/helpers/measure-world.js";

/** The computed measures against the hand-counted year of test/helpers/measure-world.ts. */
const w = worldForFile(startMeasureWorld);

interface Published {
  value: number | null;
  state: string;
  display: string;
}
interface Measure {
  key: string;
  label: string;
  definition: string;
  total: Published | null;
  rows: (Published & { key: string; label: string })[];
  share: number | null;
  notApplicable: string | null;
}

async function stats(client: ApiClient, query = "fiscalYear=2025") {
  const res = await client.get(`/api/stats?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { fiscalYear: number; suppressed: boolean; threshold: number; measures: Measure[] };
}
const byKey = (measures: Measure[]) => Object.fromEntries(measures.map((m) => [m.key, m]));
/** a measure as numbers: its total and its rows by key (null where not shown) */
const numbers = (m: Measure | undefined) => ({
  total: m?.total?.value ?? null,
  rows: Object.fromEntries((m?.rows ?? []).map((r) => [r.key, r.value])),
});

describe("computed measures (統計)", () => {
  it("counts each measure of 令和7年度 by Japan's calendar, as counted by hand", async () => {
    const body = await stats(w.as.coordinator, `fiscalYear=${encodeURIComponent("令和7年度")}`);
    expect(body.fiscalYear).toBe(2025);
    expect(body.suppressed).toBe(false);
    const m = byKey(body.measures);
    expect(numbers(m.referrals_sent)).toEqual({ total: 2, rows: { public: 1, provider: 1 } });
    // forwarded twice, completed once: one referral
    expect(numbers(m.referrals_completed).total).toBe(1);
    expect(m.referrals_completed?.share).toBe(50);
    expect(numbers(m.new_persons).total).toBe(3);
    expect(numbers(m.contacts)).toEqual({
      total: 8,
      rows: { 面談: 6, 訪問: 0, 電話: 2, 同行: 0, オンライン: 0, 会議: 0 },
    });
    expect(numbers(m.cases_opened).total).toBe(1);
    expect(numbers(m.cases_closed).total).toBe(1);
    expect(numbers(m.cases_by_issue)).toEqual({ total: null, rows: { 介護: 1, "8050": 1 } });
    expect(numbers(m.support_meetings).total).toBe(1);
    expect(numbers(m.multi_agency_meetings).total).toBe(2);
    expect(numbers(m.support_plans).total).toBe(1);
    expect(numbers(m.outreach_plans).total).toBe(0);
    // one placement moved twice in the year, another started last year and interrupted in this one
    expect(numbers(m.placements)).toEqual({
      total: 3,
      rows: { trial: 1, participating: 1, settled: 0, interrupted: 1 },
    });
    expect(numbers(m.registered_providers).total).toBe(1);
    // the national guideline's indicators
    expect(numbers(m.consultations_received).total).toBe(2);
    expect(numbers(m.participation_persons).total).toBe(1);
    expect(numbers(m.participation_partners).total).toBe(1);
    expect(numbers(m.community_hubs).total).toBe(1);
    expect(numbers(m.hub_participants).total).toBe(12);
    expect(numbers(m.hub_organisations).total).toBe(3);
    for (const measure of body.measures) expect(measure.definition.length).toBeGreaterThan(10);
  });

  it("puts the rows just before and after the year's edges in the neighbouring years", async () => {
    const before = byKey((await stats(w.as.coordinator, "fiscalYear=2024")).measures);
    expect(numbers(before.new_persons).total).toBe(1);
    expect(numbers(before.referrals_sent)).toEqual({ total: 1, rows: { public: 0, provider: 1 } });
    expect(numbers(before.contacts).rows.面談).toBe(1);
    expect(numbers(before.registered_providers).total).toBe(0);
    const after = byKey((await stats(w.as.coordinator, "fiscalYear=R8")).measures);
    expect(numbers(after.support_meetings).total).toBe(1);
    expect(numbers(after.contacts).rows.訪問).toBe(1);
    expect(numbers(after.registered_providers).total).toBe(2);
    expect(numbers(after.cases_closed).total).toBe(0);
    expect(numbers(before.placements)).toEqual({
      total: 1,
      rows: { trial: 1, participating: 0, settled: 0, interrupted: 0 },
    });
    expect(numbers(after.placements).rows.settled).toBe(1);
    expect(numbers(before.consultations_received).total).toBe(1);
    // the placement started on 3月31日 counts its person in the year it started, the settled one in the next
    expect(numbers(before.participation_persons).total).toBe(1);
    expect(numbers(after.participation_persons).total).toBe(1);
    expect(numbers(before.community_hubs).total).toBe(0);
    expect(
      [after.community_hubs, after.hub_participants, after.hub_organisations].map((x) => numbers(x).total),
    ).toEqual([1, 9, 0]);
  });

  it("opens a case at 0:00 on 4月1日 in Japan in the new year, and one second earlier in the old", async () => {
    const db = w.t.database.db;
    const [kase] = (
      (await db.execute(
        sql`select id, created_at::text as created_at from cases where municipality_id = ${w.municipalityId}`,
      )) as unknown as {
        rows: { id: string; created_at: string }[];
      }
    ).rows;
    const openAt = (instant: string) =>
      db.execute(sql`update cases set created_at = ${instant}::timestamptz where id = ${kase?.id}`);
    const opened = async (year: number) =>
      numbers(byKey((await stats(w.as.coordinator, `fiscalYear=${year}`)).measures).cases_opened).total;
    try {
      // a change made outside the API (an operator's statement) shows in the next answer all the same
      await openAt("2025-03-31T15:00:00Z");
      expect([await opened(2024), await opened(2025)]).toEqual([0, 1]);
      await openAt("2025-03-31T14:59:59Z");
      expect([await opened(2024), await opened(2025)]).toEqual([1, 0]);
    } finally {
      await openAt(String(kase?.created_at));
    }
    expect(await opened(2025)).toBe(1);
  });

  it("counts a consultation received as a case opened without a つなぐシート, and a case opened from one only once", async () => {
    const db = w.t.database.db;
    const received = async () =>
      numbers(byKey((await stats(w.as.coordinator, "fiscalYear=2025")).measures).consultations_received).total;
    const [link] = (
      (await db.execute(
        sql`select case_id, referral_id from case_referrals where municipality_id = ${w.municipalityId}`,
      )) as unknown as { rows: { case_id: string; referral_id: string }[] }
    ).rows;
    expect(await received()).toBe(2);
    try {
      // the same case as if a person had come to the agency directly: one more consultation received
      await db.execute(sql`delete from case_referrals where municipality_id = ${w.municipalityId}`);
      expect(await received()).toBe(3);
    } finally {
      await db.execute(
        sql`insert into case_referrals (municipality_id, case_id, referral_id) values (${w.municipalityId}, ${link?.case_id}, ${link?.referral_id})`,
      );
    }
    expect(await received()).toBe(2);
  });

  it("answers the 地区 filter with meetings only, and the agency filter with the measures that have an agency", async () => {
    const answer = (await w.as.office.get("/api/stats?fiscalYear=2025")).body;
    // the filters' choices come with the answer: the plan side reads no 地区 or agency list of its own
    expect(answer.choices.districts).toEqual([{ id: w.districtId, name: "北地区" }]);
    expect(answer.choices.agencies.map((a: { id: string }) => a.id)).toContain(w.agencyId.houkatsu);
    const district = byKey((await stats(w.as.coordinator, `fiscalYear=2025&districtId=${w.districtId}`)).measures);
    expect(numbers(district.support_meetings).total).toBe(1);
    expect(numbers(district.multi_agency_meetings).total).toBe(0);
    expect(numbers(district.placements).total).toBe(3);
    expect(
      [district.participation_persons, district.community_hubs, district.hub_participants].map((x) => numbers(x).total),
    ).toEqual([1, 1, 12]);
    expect(district.consultations_received?.notApplicable).toBe("地区では絞り込めない指標です");
    expect(district.new_persons?.total?.state).toBe("not_applicable");
    expect(district.new_persons?.notApplicable).toBe("地区では絞り込めない指標です");
    const agency = byKey((await stats(w.as.coordinator, `fiscalYear=2025&agencyId=${w.agencyId.houkatsu}`)).measures);
    expect(numbers(agency.referrals_sent)).toEqual({ total: 1, rows: { public: 1, provider: 0 } });
    expect(numbers(agency.referrals_completed).total).toBe(0);
    expect(numbers(agency.new_persons).total).toBe(1);
    expect(numbers(agency.contacts).total).toBe(8);
    expect(numbers(agency.cases_opened).total).toBe(1);
    expect(numbers(agency.support_plans).total).toBe(1);
    expect(numbers(agency.support_meetings).total).toBe(0);
    // the lead agency proposed one placement: its two changes in the year, not the coordinators' interruption
    expect(numbers(agency.placements)).toEqual({
      total: 2,
      rows: { trial: 1, participating: 1, settled: 0, interrupted: 0 },
    });
    expect(agency.registered_providers?.total?.state).toBe("not_applicable");
  });

  it("counts a registry project over the agencies attached to it, as counted by hand", async () => {
    // 事業 1 carries the provider and the coordinators; 事業 2 has no agency yet
    const linked = await addProject(w, 1, "統計テストの相談支援事業", [w.agencyId.provider, w.agencyId.coord]);
    const empty = await addProject(w, 2, "統計テストの参加支援事業", []);
    const answer = await w.as.office.get("/api/stats?fiscalYear=2025");
    expect(answer.body.choices.projects).toEqual([
      { id: linked, number: 1, name: "統計テストの相談支援事業" },
      { id: empty, number: 2, name: "統計テストの参加支援事業" },
    ]);
    const body = await stats(w.as.coordinator, `fiscalYear=2025&projectId=${linked}`);
    expect(body).toMatchObject({ filter: { projectId: linked, agencyId: null, districtId: null } });
    const m = byKey(body.measures);
    // the provider's つなぐシート about ホンニン (completed); 地域包括's is not the project's
    expect(numbers(m.referrals_sent)).toEqual({ total: 1, rows: { public: 0, provider: 1 } });
    expect(numbers(m.referrals_completed).total).toBe(1);
    expect(m.referrals_completed?.share).toBe(100);
    // ホンニン (the provider) and ヨウイ (the coordinators); ゼンネン is 令和6年度
    expect(numbers(m.new_persons).total).toBe(2);
    // 地域包括 wrote every record, leads the case and its plan
    expect(numbers(m.contacts).total).toBe(0);
    expect(numbers(m.cases_opened).total).toBe(0);
    expect(numbers(m.cases_closed).total).toBe(0);
    expect(numbers(m.cases_by_issue)).toEqual({ total: null, rows: {} });
    expect(numbers(m.support_plans).total).toBe(0);
    // the coordinators are the secretariat of every meeting
    expect(numbers(m.support_meetings).total).toBe(1);
    expect(numbers(m.multi_agency_meetings).total).toBe(2);
    // the coordinators proposed the placement interrupted on 2025-04-01
    expect(numbers(m.placements)).toEqual({
      total: 1,
      rows: { trial: 0, participating: 0, settled: 0, interrupted: 1 },
    });
    expect(m.registered_providers?.total?.state).toBe("not_applicable");
    expect(m.registered_providers?.notApplicable).toBe("事業では絞り込めない指標です");
    expect(m.referrals_sent?.definition).toContain("事業で絞ると送付した機関がその事業に登録されたもの");

    // a project without agencies counts nothing, never the unfiltered number
    const none = byKey((await stats(w.as.coordinator, `fiscalYear=2025&projectId=${empty}`)).measures);
    for (const key of ["referrals_sent", "new_persons", "contacts", "support_meetings", "placements"])
      expect(numbers(none[key]).total, key).toBe(0);
    // with the agency filter too: the project's agencies that are that agency (地域包括 is not one of them)
    const both = byKey(
      (await stats(w.as.coordinator, `fiscalYear=2025&projectId=${linked}&agencyId=${w.agencyId.houkatsu}`)).measures,
    );
    expect(numbers(both.referrals_sent).total).toBe(0);
    expect(numbers(both.new_persons).total).toBe(0);
    // with the 地区: the coordinators' 支援会議 in 北地区; the 重層的支援会議 have no 地区
    const north = byKey(
      (await stats(w.as.coordinator, `fiscalYear=2025&projectId=${linked}&districtId=${w.districtId}`)).measures,
    );
    expect(numbers(north.support_meetings).total).toBe(1);
    expect(numbers(north.multi_agency_meetings).total).toBe(0);
    expect(numbers(north.placements).total).toBe(1);
    expect(north.new_persons?.notApplicable).toBe("地区では絞り込めない指標です");
    // the plan side sees the same filter suppressed: 1 and 2 are below 5
    const office = byKey((await stats(w.as.office, `fiscalYear=2025&projectId=${linked}`)).measures);
    expect(office.new_persons?.total?.display).toBe("5未満");
    expect(office.contacts?.total?.display).toBe("0");
  });

  it("gives every caller the same counts: raw to the support side's readers, the shown ones equal to those", async () => {
    const raw = await stats(w.as.coordinator);
    expect(await stats(w.as.supportAdmin)).toEqual(raw);
    const office = await stats(w.as.office);
    expect(office.suppressed).toBe(true);
    expect(await stats(w.as.viewer)).toEqual(office);
    expect(await stats(w.as.editor)).toEqual(office);
    const rawByKey = byKey(raw.measures);
    for (const m of office.measures) {
      const r = rawByKey[m.key] as Measure;
      if (m.total?.state === "shown") expect(m.total.value).toBe(r.total?.value);
      for (const [i, row] of m.rows.entries()) if (row.state === "shown") expect(row.value).toBe(r.rows[i]?.value);
    }
  });

  it("suppresses 1–4 for the plan side and never lets a row come back as the total minus the shown rows", async () => {
    const office = await stats(w.as.office);
    expect(office.threshold).toBe(5);
    const m = byKey(office.measures);
    expect(m.new_persons?.total).toEqual({ value: null, state: "small", display: "5未満" });
    expect(m.support_plans?.total?.display).toBe("5未満");
    expect(m.outreach_plans?.total).toEqual({ value: 0, state: "shown", display: "0" });
    expect(m.referrals_completed?.share).toBeNull();
    // 面談 6 and 電話 2 of 8: 電話 is small, so 面談 is hidden too, or 8 − 6 would give 電話 back
    expect(m.contacts?.total?.value).toBe(8);
    expect(m.contacts?.rows.map((r) => [r.key, r.display])).toEqual([
      ["面談", "秘匿"],
      ["訪問", "0"],
      ["電話", "5未満"],
      ["同行", "0"],
      ["オンライン", "0"],
      ["会議", "0"],
    ]);
    for (const measure of office.measures) {
      for (const cell of [measure.total, ...measure.rows])
        if (cell?.state === "shown") expect(cell.value === 0 || (cell.value ?? 0) >= 5).toBe(true);
      if (measure.total?.state !== "shown" || measure.key === "cases_by_issue") continue;
      const shownRows = measure.rows.reduce((s, r) => s + (r.state === "shown" ? (r.value ?? 0) : 0), 0);
      const left = (measure.total.value ?? 0) - shownRows;
      if (measure.rows.length > 0) expect(left === 0 || left >= 5, measure.key).toBe(true);
    }
  });

  it("follows the municipality's threshold, which the support-side administrator sets", async () => {
    const read = await w.as.supportAdmin.get("/api/settings/stats");
    expect(read.status).toBe(200);
    expect(read.body.setting.threshold).toBe(5);
    const version = read.body.setting.version as number;
    expect((await w.as.coordinator.put("/api/settings/stats", { threshold: 3 }, ifMatch(version))).status).toBe(403);
    expect((await w.as.office.get("/api/settings/stats")).status).toBe(403);
    const low = await w.as.supportAdmin.put("/api/settings/stats", { threshold: 2 }, ifMatch(version));
    expect(low.status).toBe(400);
    expect(low.body.fields).toEqual([{ field: "threshold", message: "秘匿の基準は3以上で指定してください" }]);
    const set = await w.as.supportAdmin.put("/api/settings/stats", { threshold: 3 }, ifMatch(version));
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.setting).toEqual({ threshold: 3, version: version + 1 });
    expect((await w.as.supportAdmin.put("/api/settings/stats", { threshold: 4 }, ifMatch(version))).status).toBe(412);
    try {
      const office = await stats(w.as.office);
      expect(office.threshold).toBe(3);
      const m = byKey(office.measures);
      expect(m.new_persons?.total?.value).toBe(3);
      expect(m.referrals_sent?.total?.display).toBe("3未満");
      expect(m.cases_closed?.total?.display).toBe("3未満");
      // the coordinators' counts do not move with the threshold
      expect(numbers(byKey((await stats(w.as.coordinator)).measures).referrals_sent).total).toBe(2);
    } finally {
      const back = await w.as.supportAdmin.put("/api/settings/stats", { threshold: 5 }, ifMatch(version + 1));
      expect(back.status).toBe(200);
    }
  });

  it("refuses other agencies' staff and providers, a bad year, a 地区 and a project of no one", async () => {
    expect((await w.as.houkatsu.get("/api/stats?fiscalYear=2025")).status).toBe(403);
    expect((await w.as.provider.get("/api/stats?fiscalYear=2025")).status).toBe(403);
    const bad = await w.as.coordinator.get("/api/stats?fiscalYear=きょねん");
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe("fiscalYear");
    const unknown = await w.as.coordinator.get(
      "/api/stats?fiscalYear=2025&districtId=00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([{ field: "districtId", message: "地区が見つかりません" }]);
    const noProject = await w.as.coordinator.get(
      "/api/stats?fiscalYear=2025&projectId=00000000-0000-4000-8000-000000000000",
    );
    expect(noProject.status).toBe(400);
    expect(noProject.body.fields).toEqual([{ field: "projectId", message: "事業が見つかりません" }]);
    const malformed = await w.as.coordinator.get("/api/stats?fiscalYear=2025&projectId=1");
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toEqual([{ field: "projectId", message: "事業の指定が正しくありません" }]);
  });
});
