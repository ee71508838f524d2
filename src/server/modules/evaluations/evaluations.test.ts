import { beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";

const app = signedInApp({ office: "keikaku", korei: "korei", shogai: "shogai", viewer: "iin" });
let planId: string;
type Row = {
  id: string;
  version: number;
  status: string;
  grade: string | null;
  departmentNames: string[];
  item: { code: string; title: string };
};
let koreiSheets: Row[];

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  koreiSheets = (await app.korei.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets;
});

/** The 令和7年度 sheets of a department that nobody has touched yet (other tests write to korei's). */
const notStarted = async (client: ApiClient): Promise<Row[]> =>
  (await client.get(`/api/plans/${planId}/evaluations/2025/sheets?status=not_started`)).body.sheets;

const summaryTotal = async (fy: number) =>
  (await app.office.get(`/api/plans/${planId}/summary?fiscalYear=${fy}`)).body.summary.total;

describe("evaluation sheets", () => {
  it("lists only the department's own items for a department editor", async () => {
    expect(koreiSheets.length).toBeGreaterThan(0);
    for (const s of koreiSheets) expect(s.departmentNames).toContain("高齢支援課");
    const all = (await app.office.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets;
    expect(all.length).toBeGreaterThan(koreiSheets.length);
  });

  it("gives 404 for another department's sheet, in reads and writes", async () => {
    const shogaiOnly = (await app.shogai.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets.find(
      (s: Row) => !s.departmentNames.includes("高齢支援課"),
    ) as Row;
    const read = await app.korei.get(`/api/sheets/${shogaiOnly.id}`);
    expect(read.status).toBe(404);
    expect(read.body.message).toMatch(/見つかりません/);
    const write = await app.korei.put(`/api/sheets/${shogaiOnly.id}`, { results: "x" }, ifMatch(shogaiOnly.version));
    expect(write.status).toBe(404);
    expect((await app.korei.get(`/api/sheets/${shogaiOnly.id}/history`)).status).toBe(404);
    const after = (await app.office.get(`/api/sheets/${shogaiOnly.id}`)).body.sheet;
    expect(after.version).toBe(shogaiOnly.version);
  });

  it("answers field-named 400s for bad input and changes nothing", async () => {
    const s = koreiSheets.find((r) => r.status === "not_started") as Row;
    const res = await app.korei.put(`/api/sheets/${s.id}`, { results: 5, unknownField: "x" }, ifMatch(s.version));
    expect(res.status).toBe(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["results"]));
    const badGrade = await app.korei.put(`/api/sheets/${s.id}`, { grade: "Z" }, ifMatch(s.version));
    expect(badGrade.status).toBe(400);
    expect(badGrade.body.fields[0]).toMatchObject({ field: "grade" });
    const badId = await app.korei.get("/api/sheets/not-a-uuid");
    expect(badId.status).toBe(400);
    expect(badId.body.fields[0].field).toBe("sheetId");
    expect((await app.korei.get(`/api/sheets/${s.id}`)).body.sheet.version).toBe(s.version);
  });

  it("requires a version and refuses a stale one with 412, changing nothing", async () => {
    const s = koreiSheets.find((r) => r.status === "not_started") as Row;
    expect((await app.korei.put(`/api/sheets/${s.id}`, { results: "a" })).status).toBe(428);
    const first = await app.korei.put(`/api/sheets/${s.id}`, { results: "一人目の入力" }, ifMatch(s.version));
    expect(first.status).toBe(200);
    const stale = await app.korei.put(`/api/sheets/${s.id}`, { results: "二人目の入力" }, ifMatch(s.version));
    expect(stale.status).toBe(412);
    expect(stale.body.details.currentVersion).toBe(s.version + 1);
    const now = (await app.korei.get(`/api/sheets/${s.id}`)).body.sheet;
    expect(now.results).toBe("一人目の入力");
  });

  it("lets exactly one of two parallel editors win", async () => {
    const s = koreiSheets.filter((r) => r.status === "not_started")[1] as Row;
    const results = await Promise.all(
      ["A", "B", "C", "D"].map((v) => app.korei.put(`/api/sheets/${s.id}`, { results: v }, ifMatch(s.version))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(3);
  });

  it("runs draft → submit → accept, and the 総括表 counts the grade only once accepted", async () => {
    const s = koreiSheets.filter((r) => r.status === "not_started")[2] ?? koreiSheets[0];
    if (!s) throw new Error("no sheet");
    const before = await summaryTotal(2025);
    let sheet = (await app.korei.get(`/api/sheets/${s.id}`)).body.sheet;
    const incomplete = await app.korei.post(`/api/sheets/${s.id}/submit`, {}, ifMatch(sheet.version));
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "grade",
      "reason",
      "results",
    ]);
    sheet = (
      await app.korei.put(
        `/api/sheets/${s.id}`,
        { results: "実績を入力", grade: "A", reason: "理由" },
        ifMatch(sheet.version),
      )
    ).body.sheet;
    expect(sheet.status).toBe("draft");
    sheet = (await app.korei.post(`/api/sheets/${s.id}/submit`, {}, ifMatch(sheet.version))).body.sheet;
    expect(sheet.status).toBe("submitted");
    expect((await summaryTotal(2025)).counts.A).toBe(before.counts.A);
    const locked = await app.korei.put(`/api/sheets/${s.id}`, { results: "後から変更" }, ifMatch(sheet.version));
    expect(locked.status).toBe(409);
    expect((await app.korei.post(`/api/sheets/${s.id}/accept`, {}, ifMatch(sheet.version))).status).toBe(403);
    expect((await app.viewer.put(`/api/sheets/${s.id}`, { results: "x" }, ifMatch(sheet.version))).status).toBe(403);
    sheet = (await app.office.post(`/api/sheets/${s.id}/accept`, {}, ifMatch(sheet.version))).body.sheet;
    expect(sheet.status).toBe("accepted");
    const after = await summaryTotal(2025);
    expect(after.counts.A).toBe(before.counts.A + 1);
    expect(after.ungraded).toBe(before.ungraded - 1);
  });

  it("a refused submission changes nothing: status, fields, version and history stay as they were", async () => {
    const s = (await notStarted(app.shogai))[0] as Row;
    const before = (await app.shogai.get(`/api/sheets/${s.id}`)).body.sheet;
    const historyBefore = (await app.shogai.get(`/api/sheets/${s.id}/history`)).body.history;
    // the fields on screen come with the submission; the grade and reason are missing
    const refused = await app.shogai.post(
      `/api/sheets/${s.id}/submit`,
      { results: "途中まで書いた実績", issues: "課題" },
      ifMatch(before.version),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(["grade", "reason"]);
    const after = (await app.shogai.get(`/api/sheets/${s.id}`)).body.sheet;
    expect(after).toMatchObject({ status: "not_started", version: before.version, results: before.results });
    expect(after.issues).toBe(before.issues);
    expect((await app.shogai.get(`/api/sheets/${s.id}/history`)).body.history).toEqual(historyBefore);
    // a grade outside the scale is refused the same way
    const badGrade = await app.shogai.post(
      `/api/sheets/${s.id}/submit`,
      { results: "実績", grade: "Z", reason: "理由" },
      ifMatch(before.version),
    );
    expect(badGrade.status).toBe(400);
    expect((await app.shogai.get(`/api/sheets/${s.id}`)).body.sheet.version).toBe(before.version);
  });

  it("saves the fields and submits them in one step, as one history entry", async () => {
    const s = (await notStarted(app.shogai))[1] as Row;
    const historyBefore = (await app.shogai.get(`/api/sheets/${s.id}/history`)).body.history;
    const res = await app.shogai.post(
      `/api/sheets/${s.id}/submit`,
      { results: "一度に提出した実績", grade: "B", reason: "一度に提出した理由" },
      ifMatch(s.version),
    );
    expect(res.status).toBe(200);
    expect(res.body.sheet).toMatchObject({
      status: "submitted",
      version: s.version + 1,
      results: "一度に提出した実績",
      grade: "B",
      reason: "一度に提出した理由",
    });
    const history = (await app.shogai.get(`/api/sheets/${s.id}/history`)).body.history;
    expect(history).toHaveLength(historyBefore.length + 1);
    expect(history.at(-1).action).toBe("submit");
    expect(
      history
        .at(-1)
        .changes.map((c: { field: string }) => c.field)
        .sort(),
    ).toEqual(["grade", "reason", "results", "status"].sort());
  });

  it("returns a sheet with a comment, and keeps who/when/before/after as history", async () => {
    const s = (await app.office.get(`/api/plans/${planId}/evaluations/2025/sheets?status=submitted`)).body
      .sheets[0] as Row;
    const missing = await app.office.post(`/api/sheets/${s.id}/return`, {}, ifMatch(s.version));
    expect(missing.status).toBe(400);
    expect(missing.body.fields[0].field).toBe("comment");
    const returned = await app.office.post(
      `/api/sheets/${s.id}/return`,
      { comment: "実績の数値を追記してください" },
      ifMatch(s.version),
    );
    expect(returned.body.sheet).toMatchObject({ status: "returned", reviewComment: "実績の数値を追記してください" });
    const history = (await app.office.get(`/api/sheets/${s.id}/history`)).body.history;
    const last = history.at(-1);
    // people are shown by name; the login id stays as recorded
    expect(last).toMatchObject({
      actor: "keikaku",
      actorName: "計画 花子（福祉政策課）",
      action: "return",
      actionLabel: "差戻し",
    });
    // the demo data was written by the system, which has no name
    expect(history[0]).toMatchObject({ actor: "system", actorName: null });
    expect(last.changes).toEqual(
      expect.arrayContaining([
        { field: "status", label: "状態", before: "提出済", after: "差戻し" },
        { field: "reviewComment", label: "差戻しコメント", before: null, after: "実績の数値を追記してください" },
      ]),
    );
    expect(new Date(last.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("opens a new fiscal year with one sheet per project, carrying last year's results forward", async () => {
    expect((await app.korei.post(`/api/plans/${planId}/evaluations`, { fiscalYear: 2026 })).status).toBe(403);
    const bad = await app.office.post(`/api/plans/${planId}/evaluations`, { fiscalYear: "来年" });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe("fiscalYear");
    const opened = await app.office.post(`/api/plans/${planId}/evaluations`, { fiscalYear: "令和８年度" });
    expect(opened.status).toBe(201);
    expect(opened.body.round).toMatchObject({ fiscalYear: 2026, sheets: 13 });
    expect((await app.office.post(`/api/plans/${planId}/evaluations`, { fiscalYear: 2026 })).status).toBe(409);
    const sheets = (await app.office.get(`/api/plans/${planId}/evaluations/R8/sheets`)).body.sheets;
    expect(sheets).toHaveLength(13);
  });
});
