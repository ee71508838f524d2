/**
 * 提出期限 / 確認期限 on a round (set and changed under If-Match, audited) and the daily scan that turns them into
 * notices: 7 days and 1 day before, overdue from 00:00 JST after the day, to the departments that still owe a sheet
 * (and the plan office once overdue); a department's own 提出期限 wins; a second run writes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { registeredDailyJobs } from "../../platform/jobs/daily.js";
import { generateDueNotices } from "./due-notices.js";

const app = signedInApp({ office: "keikaku", korei: "korei", shogai: "shogai", soudan: "soudan", viewer: "iin" });
const OWED = ["not_started", "draft", "returned"];
let planId: string;
let base: string;
const round = async () =>
  (await app.office.get(`/api/plans/${planId}/evaluations`)).body.rounds.find(
    (r: { fiscalYear: number }) => r.fiscalYear === 2024,
  );
const kindsOf = async (c: (typeof app)["office"]) =>
  ((await c.get("/api/notices?limit=100")).body.notices as { kind: string; text: string; link: string }[]).filter(
    (n) => n.kind.startsWith("deadline") || n.kind.startsWith("confirmation"),
  );
const owes = async (c: (typeof app)["office"]) =>
  ((await c.get(`${base}/sheets`)).body.sheets as { status: string }[]).some((s) => OWED.includes(s.status));
const scan = (at: string) => generateDueNotices(app.t.database.db, app.t.municipalityId, new Date(at));
/** The same scan as the job table runs it each morning: the handler the notices module registered. */
const dailyRun = async (at: string) => {
  const handler = registeredDailyJobs().get("notices.due");
  if (!handler) throw new Error("the notices module registers no daily job");
  await handler(app.t.database.db, app.t.municipalityId, new Date(at));
};

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  base = `/api/plans/${planId}/evaluations/2024`;
  // 高齢支援課 owes a sheet again: the plan office returns one of its accepted sheets
  const own = (await app.korei.get(`${base}/sheets?status=accepted`)).body.sheets[0];
  const res = await app.office.post(
    `/api/sheets/${own.id}/return`,
    { comment: "補ってください" },
    ifMatch(own.version),
  );
  expect(res.status).toBe(200);
});

describe("a round's deadlines", () => {
  it("are changed by the plan office under If-Match, checked and audited", async () => {
    const r = await round();
    expect(r).toMatchObject({ submissionDue: null, confirmationDue: null });
    const url = `${base}/deadlines`;
    const reversed = await app.office.put(
      url,
      { submissionDue: "2027-01-20", confirmationDue: "2027-01-10" },
      ifMatch(r.version),
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields).toEqual([
      { field: "confirmationDue", message: "確認期限は提出期限の日以降にしてください" },
    ]);
    expect((await app.korei.put(url, { submissionDue: "2027-01-20" }, ifMatch(r.version))).status).toBe(403);
    const set = await app.office.put(
      url,
      { submissionDue: "2027-01-20", confirmationDue: "2027-01-31" },
      ifMatch(r.version),
    );
    expect(set.status).toBe(200);
    expect(set.body.round).toMatchObject({ submissionDue: "2027-01-20", confirmationDue: "2027-01-31" });
    expect(set.headers.get("etag")).toBe(`"${r.version + 1}"`);
    expect(set.body.round.version).toBe(r.version + 1);
    expect((await app.office.put(url, { submissionDue: "2027-01-21" }, ifMatch(r.version))).status).toBe(412);
    const audits = await auditRecords(app.t.database.db, { action: "round_deadlines" });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ submissionDue: "2027-01-20", confirmationDue: "2027-01-31" });
  });

  it("remind the departments that owe a sheet 7 days before, once however often the scan runs", async () => {
    expect(await scan("2027-01-12T23:59:00+09:00")).toEqual([]);
    const written = await scan("2027-01-13T00:00:00+09:00");
    expect(written.length).toBeGreaterThan(0);
    expect(await scan("2027-01-13T12:00:00+09:00")).toEqual([]);
    expect(await owes(app.korei)).toBe(true);
    const korei = await kindsOf(app.korei);
    expect(korei.map((n) => n.kind)).toEqual(["deadline_soon"]);
    expect(korei[0]?.text).toBe("評価表の提出期限が近づいています（令和6年度 提出期限 令和9年1月20日）");
    expect(korei[0]?.link).toBe(`/evaluations?planId=${planId}&fy=2024`);
    for (const c of [app.shogai, app.soudan]) expect((await kindsOf(c)).length).toBe((await owes(c)) ? 1 : 0);
    // the plan office and the viewer are not reminded of the submission
    expect(await kindsOf(app.office)).toEqual([]);
    expect(await kindsOf(app.viewer)).toEqual([]);
  });

  it("tell the department and the plan office once the day has ended in Japan; a department's own day wins", async () => {
    const r = await round();
    const departments = (await app.office.get("/api/departments")).body.departments as { id: string; name: string }[];
    const shogai = departments.find((d) => d.name === "障害福祉課")?.id as string;
    const set = await app.office.put(
      `${base}/deadlines`,
      { departments: [{ departmentId: shogai, submissionDue: "2027-02-28" }] },
      ifMatch(r.version),
    );
    expect(set.status).toBe(200);
    expect(set.body.round.departmentDeadlines).toEqual([{ departmentId: shogai, submissionDue: "2027-02-28" }]);
    // 23:59 JST on the 20th: still open (the day-before reminder has come), here from the registered daily job
    await dailyRun("2027-01-20T14:59:00Z");
    expect((await kindsOf(app.korei)).map((n) => n.kind)).toEqual(["deadline_soon", "deadline_soon"]);
    // 00:00 JST on the 21st (15:00 UTC on the 20th): overdue
    await scan("2027-01-20T15:00:00Z");
    expect((await kindsOf(app.korei)).map((n) => n.kind)[0]).toBe("deadline_overdue");
    expect((await kindsOf(app.office)).map((n) => n.kind)).toContain("deadline_overdue");
    expect((await kindsOf(app.shogai)).map((n) => n.kind)).not.toContain("deadline_overdue");
    expect(await scan("2027-01-21T09:00:00+09:00")).toEqual([]);
  });

  it("are on ホーム: a department its own 提出期限, the plan office both, a viewer none", async () => {
    // ホーム shows the plan's newest open year, 令和7年度: the same days are set on it, 障害福祉課's own as well
    const rounds = (await app.office.get(`/api/plans/${planId}/evaluations`)).body.rounds;
    const r2025 = rounds.find((r: { fiscalYear: number }) => r.fiscalYear === 2025);
    const departments = (await app.office.get("/api/departments")).body.departments as { id: string; name: string }[];
    const shogai = departments.find((d) => d.name === "障害福祉課")?.id as string;
    const set = await app.office.put(
      `/api/plans/${planId}/evaluations/2025/deadlines`,
      {
        submissionDue: "2027-01-20",
        confirmationDue: "2027-01-31",
        departments: [{ departmentId: shogai, submissionDue: "2027-02-28" }],
      },
      ifMatch(r2025.version),
    );
    expect(set.status).toBe(200);
    const deadlinesOn = async (c: (typeof app)["office"]) => {
      const sections = (await c.get("/api/home")).body.home.sections as {
        key: string;
        deadlines: { label: string; day: string }[];
      }[];
      return sections.find((s) => s.key === `plan:${planId}:2025`)?.deadlines ?? [];
    };
    expect(await deadlinesOn(app.korei)).toEqual([{ label: "提出期限", day: "2027-01-20" }]);
    expect(await deadlinesOn(app.shogai)).toEqual([{ label: "提出期限（自分の課）", day: "2027-02-28" }]);
    expect(await deadlinesOn(app.office)).toEqual([
      { label: "提出期限", day: "2027-01-20" },
      { label: "確認期限", day: "2027-01-31" },
    ]);
    expect(await deadlinesOn(app.viewer)).toEqual([]);
  });
});
