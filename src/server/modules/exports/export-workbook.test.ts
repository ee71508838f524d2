import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../../../test/helpers/api-client.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { downloadWorkbook, listSheets, openWorkbook } from "../../../../test/helpers/workbook.js";

const app = signedInApp({ office: "keikaku", korei: "korei" });
let planId: string;
let summary: {
  plan: { gradeScale: { code: string }[] };
  groups: { nodeId: string; counts: Record<string, number>; ungraded: number }[];
  total: { counts: Record<string, number>; ungraded: number; graded: number; percentages: Record<string, number> };
  lines: { kind: string; nodeId?: string; relisted?: boolean }[];
};

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  summary = (await app.office.get(`/api/plans/${planId}/summary?fiscalYear=2024&include=rows`)).body.summary;
});

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : String(v));

/** The rows of the 総括表 whose first cell is a count label (小計, …合計, 総合計), with their counts. */
function countRows(ws: ExcelJS.Worksheet, codes: string[]) {
  const rows: { label: string; counts: Record<string, number>; ungraded: number; row: ExcelJS.Row }[] = [];
  ws.eachRow((row) => {
    const label = text(row.getCell(1).value);
    if (label !== "小計" && !label.endsWith("合計")) return;
    const counts = Object.fromEntries(codes.map((c, i) => [c, Number(row.getCell(5 + i).value)]));
    rows.push({ label, counts, ungraded: Number(row.getCell(5 + codes.length).value), row });
  });
  return rows;
}

describe("GET /api/plans/:planId/evaluations/:fiscalYear/export.xlsx", () => {
  it("returns a workbook whose 総括表 has the summary API's numbers, one sheet per project, A4 landscape", async () => {
    const started = performance.now();
    const { res, bytes } = await downloadWorkbook(app.office, planId, "令和6年度");
    const elapsed = performance.now() - started;
    console.info(`export of the demo plan (FY2024): ${elapsed.toFixed(0)} ms, ${bytes.length} bytes`);
    expect(res.headers.get("content-type")).toContain("spreadsheetml.sheet");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment;/);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("令和6年度_評価_つなぐ市地域福祉総合計画.xlsx");

    const wb = await openWorkbook(bytes);
    const ws = wb.getWorksheet("総括表");
    if (!ws) throw new Error("no 総括表");
    expect(text(ws.getCell("A1").value)).toBe("つなぐ市地域福祉総合計画（令和6～10年度）事業別評価総括表 令和6年度");
    // row 2: when the copy was made, what it counts and the data's state (as the printed screen says)
    const graded = summary.total.graded;
    const all = graded + summary.total.ungraded;
    expect(text(ws.getCell("A2").value)).toMatch(
      new RegExp(
        `^作成日 令和\\d+年\\d+月\\d+日　集計対象: 承認済みの評価表　状態: (集計中（承認済み ${graded}件／全${all}件|確定（全${all}件)`,
      ),
    );
    const codes = summary.plan.gradeScale.map((g) => g.code);
    expect(codes.map((_, i) => text(ws.getRow(4).getCell(5 + i).value))).toEqual(codes);
    // every project row has a height from its wrapped 事業名 and 所管名 (at least one line)
    let projectRows = 0;
    ws.eachRow((row, n) => {
      if (n <= 4 || !/^\d+(-\d+)*$/.test(text(row.getCell(1).value))) return;
      projectRows++;
      expect(row.height, `row ${n}`).toBeGreaterThanOrEqual(21);
    });
    expect(projectRows).toBe(summary.lines.filter((l) => l.kind === "project").length);

    const rows = countRows(ws, codes);
    const total = rows.find((r) => r.label === "総合計");
    expect(total?.counts).toEqual(summary.total.counts);
    expect(total?.ungraded).toBe(summary.total.ungraded);
    // every 小計/合計 row, in order, equals the API group of the same heading
    const groupById = new Map(summary.groups.map((g) => [g.nodeId, g]));
    const expected = summary.lines.filter((l) => l.kind === "subtotal").map((l) => groupById.get(l.nodeId ?? ""));
    const subtotals = rows.filter((r) => r.label !== "総合計");
    expect(subtotals).toHaveLength(expected.length);
    subtotals.forEach((r, i) => {
      expect(r.counts).toEqual(expected[i]?.counts);
      expect(r.ungraded).toBe(expected[i]?.ungraded);
    });
    // the percentage row right below the grand total
    const pct = ws.getRow((total?.row.number ?? 0) + 1);
    expect(text(pct.getCell(1).value)).toBe(`対象事業（${summary.total.graded}件）における評価の割合`);
    codes.forEach((c, i) => {
      expect(Number(pct.getCell(5 + i).value) * 100).toBeCloseTo(summary.total.percentages[c] ?? 0, 6);
    });
    // one ○ per project row: as many as project lines
    let marks = 0;
    ws.eachRow((row) => {
      for (let c = 5; c <= 5 + codes.length; c++) if (row.getCell(c).value === "○") marks++;
    });
    expect(marks).toBe(summary.lines.filter((l) => l.kind === "project").length);

    // A4 landscape, one page wide, header rows repeated, frozen header
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("3:4");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });

    // one worksheet per project sheet, named by project code
    const sheets = await listSheets(app.office, planId, 2024);
    const projectSheets = wb.worksheets.filter((w) => w.name !== "総括表" && w.name !== "_tsunagu");
    expect(projectSheets.map((w) => w.name).sort()).toEqual(sheets.map((s) => s.item.code).sort());
    for (const p of projectSheets) {
      expect(p.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
      expect(p.name.length).toBeLessThanOrEqual(31);
      // printed with the day of the copy and the sheet's state in the page header
      expect(p.headerFooter.oddHeader).toMatch(
        /^&R&9作成日 令和\d+年\d+月\d+日　状態: (承認済|提出済|作成中|未着手|差戻し)$/,
      );
    }

    const meta = wb.getWorksheet("_tsunagu");
    expect(meta?.state).toBe("veryHidden");
  });

  it("lays out each 評価表 with labels derived from the year and the sheet's values as plain text", async () => {
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const wb = await openWorkbook(bytes);
    const row = (await listSheets(app.office, planId, 2024)).find((s) => s.item.code === "1-1-1");
    const sheet = (await app.office.get(`/api/sheets/${row?.id}`)).body.sheet;
    const ws = wb.getWorksheet("1-1-1");
    if (!ws) throw new Error("no 1-1-1");
    expect(text(ws.getCell("A2").value)).toBe("事業名");
    expect(text(ws.getCell("B2").value)).toContain(sheet.item.title);
    expect(text(ws.getCell("D2").value)).toBe("担当課");
    expect(text(ws.getCell("E2").value)).toBe(sheet.departmentNames.join("、"));
    expect(text(ws.getCell("A3").value)).toBe("事業概要");
    expect(text(ws.getCell("A4").value)).toBe("前年度（令和5年度）実施状況");
    expect([text(ws.getCell("A5").value), text(ws.getCell("B5").value)]).toEqual(["事業目標", "前期"]);
    expect([text(ws.getCell("A6").value), text(ws.getCell("B6").value)]).toEqual(["事業目標", "後期"]);
    expect(text(ws.getCell("A7").value)).toBe("計画事業の実績等（令和6年度）");
    expect(text(ws.getCell("C7").value)).toBe(sheet.results);
    expect(text(ws.getCell("A8").value)).toBe("評価");
    expect(text(ws.getCell("C8").value)).toBe("B ある程度達成した");
    expect(text(ws.getCell("A9").value)).toBe("効果又は評価の理由");
    expect(text(ws.getCell("A10").value)).toBe("今後の課題及び事業推進の方策");
    for (const address of ["C4", "C5", "C6", "C7", "C8", "C9", "C10"]) {
      expect(typeof ws.getCell(address).value).toBe("string"); // no formulas, no numbers
      expect(ws.getCell(address).alignment?.wrapText).toBe(true);
    }
    expect(ws.getColumn(3).width).toBeGreaterThan(40);
  });

  it("gives a department editor only its own project sheets, with the whole 総括表", async () => {
    const { bytes } = await downloadWorkbook(app.korei, planId, 2024);
    const wb = await openWorkbook(bytes);
    const own = await listSheets(app.korei, planId, 2024);
    expect(own.length).toBeGreaterThan(0);
    const names = wb.worksheets.filter((w) => w.name !== "総括表" && w.name !== "_tsunagu").map((w) => w.name);
    expect(names.sort()).toEqual(own.map((s) => s.item.code).sort());
    expect(names.length).toBeLessThan((await listSheets(app.office, planId, 2024)).length);
    const total = countRows(wb.getWorksheet("総括表") as ExcelJS.Worksheet, Object.keys(summary.total.counts)).find(
      (r) => r.label === "総合計",
    );
    expect(total?.counts).toEqual(summary.total.counts);
  });

  it("answers 404 for a year without evaluation, 400 for a bad year, 401 when logged out", async () => {
    const missing = await app.office.get(`/api/plans/${planId}/evaluations/2027/export.xlsx`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain("令和9年度の評価");
    expect((await app.office.get(`/api/plans/${planId}/evaluations/abc/export.xlsx`)).status).toBe(400);
    const anonymous = new ApiClient(app.t.baseUrl);
    expect((await anonymous.get(`/api/plans/${planId}/evaluations/2024/export.xlsx`)).status).toBe(401);
  });
});
