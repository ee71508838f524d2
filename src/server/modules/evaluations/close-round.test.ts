/**
 * Closing a year: refused while sheets are open (listing them), closed once every sheet is accepted or 未評価 with a
 * reason, frozen after (every write of the year answers the refusal), reopened only with a reason, each step audited.
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { CELL, downloadWorkbook, editWorkbook, importBytes, openWorkbook } from "../../../../test/helpers/workbook.js";

const app = signedInApp(
  { office: "keikaku", korei: "korei", viewer: "iin", support: "shienkanri" },
  { demoIndicators: true },
);
let planId: string;
let year: string;
type Row = { id: string; version: number; status: string; item: { code: string; title: string } };
const sheetsOf2024 = async (): Promise<Row[]> => (await app.office.get(`${year}/sheets`)).body.sheets;
const sheet = async (id: string) => (await app.office.get(`/api/sheets/${id}`)).body.sheet;

/** the 2024 indicator the tests write actuals to: one of 高齢支援課's, with an actual already entered */
let indicator: { id: string; actual: { version: number } };

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  year = `/api/plans/${planId}/evaluations/2024`;
  const list = (await app.korei.get(`/api/plans/${planId}/indicators?fiscalYear=2024`)).body.indicators;
  indicator = list.find((i: { actual: unknown }) => i.actual !== null);
  // the demo's 2024 has one sheet never written; one of 高齢支援課's accepted sheets goes back to it as well
  const own = (await app.korei.get(`${year}/sheets?status=accepted`)).body.sheets[0] as Row;
  const returned = await app.office.post(
    `/api/sheets/${own.id}/return`,
    { comment: "実績の記載を補ってください" },
    ifMatch(own.version),
  );
  if (returned.status !== 200) throw new Error(`return: ${returned.status}`);
});

describe("closing a year", () => {
  it("refuses while sheets are open, naming each of them, and changes nothing", async () => {
    const open = (await sheetsOf2024()).filter((s) => s.status !== "accepted");
    expect(open.map((s) => s.status).sort()).toEqual(["not_started", "returned"]);
    const res = await app.office.post(`${year}/close`, {});
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("sheets_open");
    expect(res.body.message).toContain(`${open.length}件`);
    const listed = res.body.details.openSheets as { sheetId: string; code: string; message: string }[];
    expect(listed.map((s) => s.sheetId).sort()).toEqual(open.map((s) => s.id).sort());
    const first = listed[0] as (typeof listed)[number];
    expect(first.message).toContain(first.code);
    expect(listed.map((s) => s.message).join("\n")).toMatch(/未着手。承認するか、理由を付けて未評価としてください/);
    const round = (await app.office.get(`/api/plans/${planId}/evaluations`)).body.rounds.find(
      (r: { fiscalYear: number }) => r.fiscalYear === 2024,
    );
    expect(round).toMatchObject({ status: "open", statusLabel: "評価中", closedAt: null });
  });

  it("marks a sheet 未評価 only with a reason, and only by the plan office", async () => {
    const s = (await sheetsOf2024()).find((r) => r.status === "not_started") as Row;
    const noReason = await app.office.post(`/api/sheets/${s.id}/not-evaluated`, { reason: " " }, ifMatch(s.version));
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([{ field: "reason", message: "未評価とする理由を入力してください" }]);
    const byDepartment = await app.korei.post(`/api/sheets/${s.id}/not-evaluated`, { reason: "x" }, ifMatch(s.version));
    expect(byDepartment.status).toBe(403);
    const marked = await app.office.post(
      `/api/sheets/${s.id}/not-evaluated`,
      { reason: "事業を休止したため" },
      ifMatch(s.version),
    );
    expect(marked.status).toBe(200);
    expect(marked.body.sheet).toMatchObject({ status: "not_evaluated", statusLabel: "未評価" });
    expect(marked.body.sheet.notEvaluatedReason).toBe("事業を休止したため");
    // nobody submits over the plan office's decision (it returns the sheet first)
    const submit = await app.office.post(`/api/sheets/${s.id}/submit`, {}, ifMatch(marked.body.sheet.version));
    expect(submit.status).toBe(409);
    expect(submit.body.message).toContain("未評価");
    expect((await sheet(s.id)).status).toBe("not_evaluated");
  });

  it("still refuses with the one sheet left, then closes once it is accepted", async () => {
    const open = (await sheetsOf2024()).filter((s) => s.status !== "accepted" && s.status !== "not_evaluated");
    expect(open.map((s) => s.status)).toEqual(["returned"]);
    const last = open[0] as Row;
    // the department completes its returned sheet and submits it
    const submitted = await app.korei.post(
      `/api/sheets/${last.id}/submit`,
      { results: "年度内に実施した（補足）" },
      ifMatch(last.version),
    );
    expect(submitted.status).toBe(200);
    const refused = await app.office.post(`${year}/close`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.details.openSheets.map((s: { sheetId: string }) => s.sheetId)).toEqual([last.id]);
    expect(refused.body.details.openSheets[0].statusLabel).toBe("提出済");

    const accepted = await app.office.post(`/api/sheets/${last.id}/accept`, {}, ifMatch(submitted.body.sheet.version));
    expect(accepted.status).toBe(200);
    expect((await app.korei.post(`${year}/close`, {})).status).toBe(403);
    const closed = await app.office.post(`${year}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.round).toMatchObject({
      fiscalYear: 2024,
      status: "closed",
      statusLabel: "締切済",
      closedByName: "計画 花子（福祉政策課）",
    });
    expect(closed.body.round.closedAt).not.toBeNull();
    // the plan had never been approved: its 第1版 is frozen so that the closed year keeps its structure
    expect(closed.body.round.closedRevision).toMatchObject({ number: 1 });
    expect((await app.office.post(`${year}/close`, {})).status).toBe(409);

    const audits = await auditRecords(app.t.database.db, {
      action: "close_evaluation",
      entityId: closed.body.round.id,
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ status: "closed", fiscalYear: 2024, notEvaluated: 1 });
    // the demo's indicators fed by measures keep the year's counts as they stood at closing, in the same transaction
    expect(
      (audits[0]?.after as { fedIndicatorsFrozen?: number } | undefined)?.fedIndicatorsFrozen,
    ).toBeGreaterThanOrEqual(3);
    const all = (await app.office.get(`/api/plans/${planId}/indicators?fiscalYear=2024`)).body.indicators as {
      id: string;
      name: string;
    }[];
    const meetings = all.find((i) => i.name === "支援会議の開催回数") as { id: string };
    const fed = (await app.office.get(`/api/indicators/${meetings.id}/feed`)).body.suggestions as {
      fiscalYear: number;
      source: string;
    }[];
    expect(fed.find((f) => f.fiscalYear === 2024)?.source).toBe("frozen");
  });
});

describe("a closed year is frozen", () => {
  let summaryBefore: unknown;
  beforeAll(async () => {
    summaryBefore = (await app.office.get(`/api/plans/${planId}/summary?fiscalYear=2024&include=rows`)).body;
  });

  it("refuses every change to its sheets, for every role that could make it", async () => {
    const sheets = await sheetsOf2024();
    const accepted = sheets.find((s) => s.status === "accepted") as Row;
    const notEvaluated = sheets.find((s) => s.status === "not_evaluated") as Row;
    const v = ifMatch(accepted.version);
    const writes = [
      await app.office.put(`/api/sheets/${accepted.id}`, { results: "締め後の変更" }, v),
      await app.office.post(`/api/sheets/${accepted.id}/return`, { comment: "戻す" }, v),
      await app.office.post(`/api/sheets/${accepted.id}/accept`, {}, v),
      await app.office.post(`/api/sheets/${notEvaluated.id}/submit`, {}, ifMatch(notEvaluated.version)),
      await app.office.post(
        `/api/sheets/${notEvaluated.id}/not-evaluated`,
        { reason: "x" },
        ifMatch(notEvaluated.version),
      ),
    ];
    for (const res of writes) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: "year_closed" });
      expect(res.body.message).toContain("この年度は締め切られています");
    }
    const shown = await sheet(accepted.id);
    expect(shown).toMatchObject({ version: accepted.version, editable: false, yearClosed: true });
    expect(shown.results).not.toBe("締め後の変更");
    // a department editor's own sheet says the same
    const own = (await app.korei.get(`${year}/sheets`)).body.sheets[0] as Row;
    expect((await app.korei.get(`/api/sheets/${own.id}`)).body.sheet).toMatchObject({
      editable: false,
      yearClosed: true,
    });
  });

  it("refuses the year's actuals, and a workbook of the year", async () => {
    const put = await app.korei.put(
      `/api/indicators/${indicator.id}/actuals/2024`,
      { kind: "number", value: 1 },
      ifMatch(indicator.actual.version),
    );
    expect(put.status).toBe(409);
    expect(put.body.error).toBe("year_closed");
    const del = await app.korei.request(
      "DELETE",
      `/api/indicators/${indicator.id}/actuals/2024`,
      undefined,
      ifMatch(indicator.actual.version),
    );
    expect(del.status).toBe(409);
    // another year of the same indicator is not closed
    const next = await app.korei.put(`/api/indicators/${indicator.id}/actuals/2025`, { kind: "text", text: "実施中" });
    expect(next.status).toBe(200);

    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const accepted = (await sheetsOf2024()).find((s) => s.status === "accepted") as Row;
    const edited = await editWorkbook(bytes, { [accepted.item.code]: { [CELL.results]: "Excelでの変更" } });
    const imported = await importBytes(app.office, edited);
    expect(imported.status).toBe(409);
    expect(imported.body.error).toBe("year_closed");
    expect((await sheet(accepted.id)).results).not.toBe("Excelでの変更");
  });

  it("shows the same 総括表 after every refused write", async () => {
    const after = (await app.office.get(`/api/plans/${planId}/summary?fiscalYear=2024&include=rows`)).body;
    expect(after).toEqual(summaryBefore);
  });
});

describe("the 評価結果報告書 of a closed year", () => {
  it("holds the 総括表, every sheet and the indicators with attainment", async () => {
    const res = await app.office.get(`${year}/report`);
    expect(res.status).toBe(200);
    const report = res.body.report;
    const summary = (await app.office.get(`/api/plans/${planId}/summary?fiscalYear=2024&include=rows`)).body.summary;
    expect(report.summary).toEqual(summary);
    expect(report.round).toMatchObject({ status: "closed", closedRevision: { number: 1 } });
    const sheets = await sheetsOf2024();
    expect(report.sheets.map((s: { id: string }) => s.id).sort()).toEqual(sheets.map((s) => s.id).sort());
    const notEvaluated = report.sheets.find((s: { status: string }) => s.status === "not_evaluated");
    expect(notEvaluated).toMatchObject({ statusLabel: "未評価", grade: null });
    expect(notEvaluated.notEvaluatedReason).toBeTruthy();
    const withActual = report.indicators.find((i: { id: string }) => i.id === indicator.id);
    expect(withActual.actual).toBeTruthy();
    expect(withActual.attainment.statusLabel).toBeTruthy();
    expect(report.attainment.indicators).toBe(report.indicators.length);
    // a department editor reads the whole 総括表 but only its own sheets and indicators
    const own = (await app.korei.get(`${year}/report`)).body.report;
    expect(own.summary.total).toEqual(report.summary.total);
    const ownSheets = (await app.korei.get(`${year}/sheets`)).body.sheets.map((s: Row) => s.id).sort();
    expect(own.sheets.map((s: { id: string }) => s.id).sort()).toEqual(ownSheets);
    expect(own.indicators.length).toBeLessThan(report.indicators.length);
    expect((await app.viewer.get(`${year}/report`)).status).toBe(200);
    expect((await app.support.get(`${year}/report`)).status).toBe(403);
  });

  it("exports an xlsx that reads back as the report", async () => {
    const report = (await app.office.get(`${year}/report`)).body.report;
    const res = await app.office.get(`${year}/report.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("evaluation_report_2024.xlsx");
    const wb = await openWorkbook(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["総括表", "評価表", "指標"]);

    const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : String(v));
    const tableRows = (name: string) => {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      const rows: string[][] = [];
      ws.eachRow((row, n) => {
        if (n > 2) rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(text));
      });
      return rows;
    };
    type ReportSheet = Record<string, string | null> & { departmentNames: string[] };
    expect(tableRows("評価表")).toEqual(
      report.sheets.map((s: ReportSheet) =>
        [
          s.code,
          s.title,
          s.departmentNames.join("、"),
          s.statusLabel,
          s.grade,
          s.results,
          s.reason,
          s.issues,
          s.notEvaluatedReason,
        ].map((v) => v ?? ""),
      ),
    );
    type ReportIndicator = Record<string, string | null> & { attainment: { statusLabel: string } };
    expect(tableRows("指標")).toEqual(
      report.indicators.map((i: ReportIndicator) =>
        [i.itemCode, i.itemTitle, i.name, i.target, i.actual, i.attainment.statusLabel].map((v) => v ?? ""),
      ),
    );
    // the 総括表: one row per project line, its ○ under the grade the report counts
    const scale = report.summary.plan.gradeScale.map((g: { code: string }) => g.code);
    const summarySheet = wb.getWorksheet("総括表") as ExcelJS.Worksheet;
    const projectRows: { code: string; grade: string | null }[] = [];
    summarySheet.eachRow((row) => {
      // a project's row has exactly one ○, under a grade or under 未評価; headings and counts have none
      const marks = [...scale, null].map((_: string | null, i: number) => text(row.getCell(5 + i).value));
      if (marks.filter((m) => m === "○").length !== 1) return;
      const at = marks.indexOf("○");
      projectRows.push({ code: text(row.getCell(1).value), grade: at < scale.length ? scale[at] : null });
    });
    const projectLines = report.summary.lines.filter((l: { kind: string }) => l.kind === "project");
    expect(projectRows).toEqual(
      projectLines.map((l: { code: string; grade: string | null }) => ({ code: l.code, grade: l.grade })),
    );
    expect(projectLines.length).toBeGreaterThan(0);
  });
});

describe("reopening a closed year", () => {
  it("needs a reason and the plan office; shows who, when and why; lets the year change again", async () => {
    const noReason = await app.office.post(`${year}/reopen`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0]).toMatchObject({ field: "reason", message: "再開する理由を入力してください" });
    expect((await app.korei.post(`${year}/reopen`, { reason: "直したい" })).status).toBe(403);
    const reopened = await app.office.post(`${year}/reopen`, { reason: "実績の誤りを訂正するため" });
    expect(reopened.status).toBe(200);
    expect(reopened.body.round).toMatchObject({
      status: "open",
      reopenReason: "実績の誤りを訂正するため",
      reopenedByName: "計画 花子（福祉政策課）",
    });
    expect(reopened.body.round.reopenedAt).not.toBeNull();
    const listed = (await app.viewer.get(`/api/plans/${planId}/evaluations`)).body.rounds.find(
      (r: { fiscalYear: number }) => r.fiscalYear === 2024,
    );
    expect(listed).toMatchObject({ status: "open", reopenReason: "実績の誤りを訂正するため" });
    const audits = await auditRecords(app.t.database.db, { action: "reopen_evaluation" });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ reason: "実績の誤りを訂正するため" });
    // the year takes changes again, and has no report until it is closed again
    const put = await app.korei.put(
      `/api/indicators/${indicator.id}/actuals/2024`,
      { kind: "number", value: 3 },
      ifMatch(indicator.actual.version),
    );
    expect(put.status).toBe(200);
    expect((await app.office.get(`${year}/report`)).status).toBe(409);
    expect((await app.office.post(`${year}/reopen`, { reason: "もう一度" })).status).toBe(409);
  });
});
