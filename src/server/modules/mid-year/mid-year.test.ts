import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { importRoadmap, roadmapTextForYear } from "../../../../test/helpers/roadmap.js";
import { openWorkbook } from "../../../../test/helpers/workbook.js";

const app = signedInApp({ office: "keikaku", korei: "korei", shogai: "shogai", viewer: "iin", support: "coord" });
let planId: string;
let base: string;
type Row = {
  id: string;
  version: number;
  status: string;
  progress: string | null;
  reviewComment: string | null;
  departmentNames: string[];
  item: { id: string; code: string; title: string };
};
let koreiSheets: Row[];
/** an indicator on a 高齢支援課 project, added while the plan's structure is still editable */
let indicator: { id: string; itemId: string };

/** The caller's ホーム counts of this plan's 2025 mid-year report, by item key (null: no such section). */
async function homeCounts(client: typeof app.office) {
  const sections = (await client.get("/api/home")).body.home.sections as {
    key: string;
    items: { key: string; count: number; link: string }[];
  }[];
  const section = sections.find((s) => s.key === `mid-year:${planId}:2025`);
  return section ? Object.fromEntries(section.items.map((i) => [i.key, { count: i.count, link: i.link }])) : null;
}

const sheetOf = async (id: string) => (await app.office.get(`/api/mid-year-sheets/${id}`)).body.sheet;

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  base = `/api/plans/${planId}/mid-year`;
  const yearly = (await app.korei.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets as Row[];
  const itemId = (yearly[1] as Row).item.id;
  const created = await app.office.post(`/api/plans/${planId}/indicators`, {
    itemId,
    kind: "activity",
    name: "中間報告の確認の指標",
    targets: [{ fiscalYear: 2025, source: "10回" }],
  });
  expect(created.status).toBe(201);
  indicator = { id: created.body.indicator.id, itemId };
});

describe("mid-year report (中間報告)", () => {
  it("is opened by the plan office once per plan and year, with a sheet per project", async () => {
    expect((await app.korei.post(base, { fiscalYear: 2025 })).status).toBe(403);
    expect((await app.viewer.post(base, { fiscalYear: 2025 })).status).toBe(403);
    const outside = await app.office.post(base, { fiscalYear: 2040 });
    expect(outside.status).toBe(400);
    expect(outside.body.fields[0].field).toBe("fiscalYear");

    const opened = await app.office.post(base, { fiscalYear: "令和7年度" });
    expect(opened.status).toBe(201);
    expect(opened.body.round).toMatchObject({ fiscalYear: 2025, status: "open", statusLabel: "受付中" });
    // one sheet per project of the yearly evaluation: the same items, in a round of its own
    const yearly = (await app.office.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets;
    expect(opened.body.round.sheets).toBe(yearly.length);
    expect((await app.office.post(base, { fiscalYear: 2025 })).status).toBe(409);

    const rounds = (await app.viewer.get(base)).body.rounds;
    expect(rounds.map((r: { fiscalYear: number }) => r.fiscalYear)).toEqual([2025]);
    expect((await app.support.get(base)).status).toBe(403);
  });

  it("lists a department's own sheets only and hides other departments' sheets (404)", async () => {
    koreiSheets = (await app.korei.get(`${base}/2025/sheets`)).body.sheets;
    expect(koreiSheets.length).toBeGreaterThan(1);
    for (const s of koreiSheets) expect(s.departmentNames).toContain("高齢支援課");
    const all: Row[] = (await app.office.get(`${base}/2025/sheets`)).body.sheets;
    expect(all.length).toBeGreaterThan(koreiSheets.length);
    const other = all.find((s) => !s.departmentNames.includes("高齢支援課")) as Row;
    expect((await app.korei.get(`/api/mid-year-sheets/${other.id}`)).status).toBe(404);
    const write = await app.korei.put(`/api/mid-year-sheets/${other.id}`, { issues: "x" }, ifMatch(other.version));
    expect(write.status).toBe(404);
    expect((await sheetOf(other.id)).version).toBe(other.version);
    // a viewer reads but never writes
    const mine = koreiSheets[0] as Row;
    expect((await app.viewer.get(`/api/mid-year-sheets/${mine.id}`)).status).toBe(200);
    expect((await app.viewer.put(`/api/mid-year-sheets/${mine.id}`, {}, ifMatch(mine.version))).status).toBe(403);
  });

  it("saves with If-Match, answers field-named 400s, and submits only a complete sheet", async () => {
    const s = koreiSheets[0] as Row;
    const url = `/api/mid-year-sheets/${s.id}`;
    expect((await app.korei.put(url, { issues: "a" })).status).toBe(428);
    const bad = await app.korei.put(url, { progress: "great", issues: 5 }, ifMatch(s.version));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(["progress", "issues"]),
    );

    const saved = await app.korei.put(url, { progress: "delayed", issues: "担い手の確保" }, ifMatch(s.version));
    expect(saved.status).toBe(200);
    expect(saved.body.sheet).toMatchObject({ status: "draft", progress: "delayed", progressLabel: "遅れ" });
    expect((await app.korei.put(url, { issues: "古い版" }, ifMatch(s.version))).status).toBe(412);

    const incomplete = await app.korei.post(`${url}/submit`, {}, ifMatch(saved.body.sheet.version));
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields.map((f: { field: string }) => f.field)).toEqual(["secondHalfPlan"]);
    expect((await sheetOf(s.id)).status).toBe("draft");

    const submitted = await app.korei.post(
      `${url}/submit`,
      { secondHalfPlan: "下半期に研修を2回" },
      ifMatch(saved.body.sheet.version),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.sheet).toMatchObject({ status: "submitted", secondHalfPlan: "下半期に研修を2回" });
    const locked = await app.korei.put(url, { issues: "提出後" }, ifMatch(submitted.body.sheet.version));
    expect(locked.status).toBe(409);
    expect((await app.korei.post(`${url}/accept`, {}, ifMatch(submitted.body.sheet.version))).status).toBe(403);
  });

  it("is returned with a reason the department sees, then resubmitted and accepted", async () => {
    const s = koreiSheets[0] as Row;
    const url = `/api/mid-year-sheets/${s.id}`;
    const now = await sheetOf(s.id);
    const noReason = await app.office.post(`${url}/return`, { comment: " " }, ifMatch(now.version));
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0].field).toBe("comment");
    const returned = await app.office.post(`${url}/return`, { comment: "遅れの理由を具体的に" }, ifMatch(now.version));
    expect(returned.status).toBe(200);
    const listed = (await app.korei.get(`${base}/2025/sheets?status=returned`)).body.sheets as Row[];
    expect(listed.map((r) => [r.id, r.reviewComment])).toEqual([[s.id, "遅れの理由を具体的に"]]);
    // ホーム: the department sees it came back (the link lists it with the reason); the plan office has none waiting
    const korei = await homeCounts(app.korei);
    expect(korei?.mid_year_returned).toEqual({
      count: 1,
      link: `/mid-year?planId=${planId}&fy=2025&status=returned`,
    });
    expect(korei?.mid_year_to_fill?.count).toBe(koreiSheets.length - 1);
    expect((await homeCounts(app.office))?.mid_year_submitted?.count).toBe(0);
    expect(await homeCounts(app.viewer)).toBeNull();

    const fixed = await app.korei.post(
      `${url}/submit`,
      { issues: "担い手の確保（募集が10月にずれた）" },
      ifMatch(returned.body.sheet.version),
    );
    expect(fixed.status).toBe(200);
    expect((await homeCounts(app.office))?.mid_year_submitted?.count).toBe(1);
    expect((await homeCounts(app.korei))?.mid_year_returned?.count).toBe(0);
    const accepted = await app.office.post(`${url}/accept`, {}, ifMatch(fixed.body.sheet.version));
    expect(accepted.status).toBe(200);
    expect(accepted.body.sheet).toMatchObject({ status: "accepted", statusLabel: "確認済", reviewComment: null });

    const trail = (await app.office.get(`/api/audit/entries?entityType=mid_year_sheet&entityId=${s.id}`)).body
      .entries as { action: string }[];
    expect(trail.map((e) => e.action).sort()).toEqual(["accept", "return", "submit", "submit", "update"].sort());
  });

  it("records the mid-year actual of the item's own indicators only", async () => {
    const s = koreiSheets.find((r) => r.item.id === indicator.itemId) as Row;
    const id = indicator.id;
    const url = `/api/mid-year-sheets/${s.id}`;
    const foreign = await app.korei.put(
      url,
      { indicatorActuals: { "00000000-0000-4000-8000-000000000000": "1回" } },
      ifMatch(s.version),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields[0].field).toBe("indicatorActuals");
    const saved = await app.korei.put(
      url,
      { progress: "on_track", secondHalfPlan: "予定どおり", indicatorActuals: { [id]: "上半期 4回" } },
      ifMatch(s.version),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.sheet.indicators).toEqual([{ id, name: "中間報告の確認の指標", actual: "上半期 4回" }]);
  });

  it("reports progress by the plan tree with counts, late and unsubmitted items, page and xlsx alike", async () => {
    const report = (await app.office.get(`${base}/2025/report`)).body.report;
    const all: Row[] = (await app.office.get(`${base}/2025/sheets`)).body.sheets;
    expect(report.total).toBe(all.length);
    const shown = report.groups.flatMap((g: { sheets: { id: string }[] }) => g.sheets.map((s) => s.id));
    expect(shown.sort()).toEqual(all.map((s) => s.id).sort());
    // every project sits under its ancestors (基本目標 → 施策 …), never at the top
    for (const g of report.groups) expect(g.path.length).toBeGreaterThan(0);
    const count = (list: { key: string; count: number }[], key: string) => list.find((c) => c.key === key)?.count;
    expect(count(report.byProgress, "delayed")).toBe(1);
    expect(count(report.byProgress, "on_track")).toBe(1);
    expect(count(report.byProgress, "none")).toBe(all.length - 2);
    expect(count(report.byStatus, "accepted")).toBe(1);
    expect(report.late.map((s: { id: string }) => s.id)).toEqual([koreiSheets[0]?.id]);
    expect(report.unsubmitted.length).toBe(all.length - 1);
    expect(report.roadmaps).toEqual([]);

    // a department's report: its own items only
    const own = (await app.korei.get(`${base}/2025/report`)).body.report;
    expect(own.total).toBe(koreiSheets.length);

    const res = await app.office.get(`${base}/2025/report.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("mid_year_report_2025.xlsx");
    const wb = await openWorkbook(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["中間報告", "集計"]);
    const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : String(v));
    const rows: string[][] = [];
    wb.getWorksheet("中間報告")?.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(text));
    });
    const delayed = report.late[0];
    expect(rows).toContainEqual([
      delayed.code,
      delayed.title,
      delayed.departmentNames.join("、"),
      "確認済",
      "遅れ",
      "担い手の確保（募集が10月にずれた）",
      "下半期に研修を2回",
      "",
    ]);
    const onTrack = report.groups
      .flatMap((g: { sheets: { progress: string | null }[] }) => g.sheets)
      .find((s: { progress: string | null }) => s.progress === "on_track");
    expect(rows.find((r) => r[1] === onTrack.title)?.[7]).toBe("中間報告の確認の指標: 上半期 4回");
    // each group opens with a row naming its place in the tree
    for (const g of report.groups) {
      const path = g.path.map((p: { code: string | null; title: string }) =>
        [p.code, p.title].filter(Boolean).join(" "),
      );
      expect(rows.map((r) => r[0])).toContain(path.join(" ＞ "));
    }
    const counts: string[][] = [];
    wb.getWorksheet("集計")?.eachRow((row) => {
      counts.push((row.values as ExcelJS.CellValue[]).slice(1).map(text));
    });
    expect(counts).toContainEqual(["遅れ", "1"]);
    expect(counts).toContainEqual(["計", String(all.length)]);
    expect(counts).toContainEqual([`未提出の事業（${all.length - 1}件）`]);

    // a department's workbook: its own items only, as its report
    const ownBook = await openWorkbook((await app.korei.get(`${base}/2025/report.xlsx`)).body as Buffer);
    const ownTitles: string[] = [];
    ownBook.getWorksheet("中間報告")?.eachRow((row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(text);
      if (n > 2 && values.length === 8 && values[0] !== values[1]) ownTitles.push(values[1] as string);
    });
    expect(ownTitles.sort()).toEqual(koreiSheets.map((s) => s.item.title).sort());
  });

  it("shows the monthly roadmaps of the items it reports on, as they stand, to whoever reads those items", async () => {
    const item = koreiSheets[0]?.item.id as string;
    // the Meguro roadmap moved to 令和7年度: 12 months, 10 with what actually happened, none flagged as slipped
    await importRoadmap(app.t, { itemId: item }, roadmapTextForYear(2025), 2025);
    const report = (await app.office.get(`${base}/2025/report`)).body.report;
    // the year is over (the tests run after 令和8年3月), so every month is due
    expect(report.roadmaps).toEqual([
      expect.objectContaining({ itemId: item, fiscalYear: 2025, monthsDue: 12, monthsDone: 10, monthsSlipped: 0 }),
    ]);
    expect(report.roadmaps[0].title).toBe(koreiSheets[0]?.item.title);
    // the department that owns the item sees it in its report; another department's report has no roadmap
    expect((await app.korei.get(`${base}/2025/report`)).body.report.roadmaps).toHaveLength(1);
    expect((await app.shogai.get(`${base}/2025/report`)).body.report.roadmaps).toEqual([]);
  });

  it("refuses to close while a submission waits, then freezes every sheet once closed", async () => {
    const s = koreiSheets.find((r) => r.item.id === indicator.itemId) as Row;
    const url = `/api/mid-year-sheets/${s.id}`;
    const submitted = await app.korei.post(`${url}/submit`, {}, ifMatch((await sheetOf(s.id)).version));
    expect(submitted.status).toBe(200);
    const refused = await app.office.post(`${base}/2025/close`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.details.waitingSheetIds).toEqual([s.id]);
    expect((await app.korei.post(`${base}/2025/close`, {})).status).toBe(403);

    const accepted = await app.office.post(`${url}/accept`, {}, ifMatch(submitted.body.sheet.version));
    expect(accepted.status).toBe(200);
    const closed = await app.office.post(`${base}/2025/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.round).toMatchObject({ status: "closed", statusLabel: "締切済" });

    const draft = koreiSheets.find((r) => r.id !== s.id && r.id !== koreiSheets[0]?.id) as Row;
    const frozen = await app.korei.put(
      `/api/mid-year-sheets/${draft.id}`,
      { issues: "締切後" },
      ifMatch(draft.version),
    );
    expect(frozen.status).toBe(409);
    expect(frozen.body.message).toContain("締め切られています");
    const returned = await app.office.post(
      `${url}/return`,
      { comment: "再確認" },
      ifMatch(accepted.body.sheet.version),
    );
    expect(returned.status).toBe(409);
    expect((await app.korei.get(`/api/mid-year-sheets/${draft.id}`)).body.sheet).toMatchObject({
      editable: false,
      roundClosed: true,
      issues: null,
    });
    expect((await app.office.post(`${base}/2025/close`, {})).status).toBe(409);
    // the report still reads, now as closed
    expect((await app.office.get(`${base}/2025/report`)).body.report.round.status).toBe("closed");
  });
});
