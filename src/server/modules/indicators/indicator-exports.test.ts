import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { fields, startSeededIndicatorWorld } from "../../../../test/helpers/indicator-world.js";

// The indicators' CSV and the 実施計画 workbook.
const w = worldForFile(startSeededIndicatorWorld);

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("exports", () => {
  it("writes the CSV in UTF-8 with a BOM, and in Shift_JIS on request, with the same rows", async () => {
    const comment = 'カンマ, と "引用" と\r\n改行';
    const put = await w.korei.put(
      `/api/indicators/${w.ids.gte}/actuals/2025`,
      { kind: "number", value: 18, comment },
      ifMatch(1),
    );
    expect(put.status).toBe(200);
    const utf8 = await w.korei.get(`/api/plans/${w.planId}/indicators/export.csv?fiscalYear=2025`);
    expect(utf8.status).toBe(200);
    expect(utf8.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = decodeURIComponent(utf8.headers.get("content-disposition") ?? "");
    expect(disposition).toContain("令和7年度_指標_つなぐ市地域福祉総合計画.csv");
    const bytes = utf8.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual([
      "基本目標",
      "施策",
      "取組",
      "指標",
      "目標（令和7年度）",
      "実績",
      "達成状況",
      "達成率",
      "コメント",
    ]);
    expect(rows).toHaveLength(1 + 5); // korei sees 1-2-1's five indicators
    expect(rows[1]).toEqual([
      `1 ${w.itemByCode.get("1")?.title}`,
      `1-2 ${w.itemByCode.get("1-2")?.title}`,
      `1-2-1 ${w.itemByCode.get("1-2-1")?.title}`,
      "通いの場の数",
      "１５か所以上",
      "18か所",
      "達成",
      "120.0%",
      comment,
    ]);

    const sjis = await w.korei.get(`/api/plans/${w.planId}/indicators/export.csv?fiscalYear=2025&encoding=shift_jis`);
    expect(sjis.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
    const decoded = iconv.decode(sjis.body as Buffer, "cp932");
    expect(decoded.charCodeAt(0)).not.toBe(0xfeff);
    expect(parseCsv(decoded)).toEqual(rows);
    expect(
      fields(await w.korei.get(`/api/plans/${w.planId}/indicators/export.csv?fiscalYear=2025&encoding=latin1`)),
    ).toEqual(["encoding"]);
  });

  it("writes the implementation plan as blocks per initiative, one column per fiscal year", async () => {
    const res = await w.office.get(`/api/plans/${w.planId}/implementation-plan/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("実施計画");
    if (!ws) throw new Error("no sheet");
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? "");
    // row 2: when the copy was made and which approved version the content builds on
    expect(text(2, 1)).toMatch(/^作成日 令和\d+年\d+月\d+日　状態: (施行中の版: 第\d+版|策定中（)/);
    const blockRows: number[] = [];
    ws.eachRow((_row, r) => {
      if (text(r, 1) === "取組No.") blockRows.push(r);
    });
    expect(blockRows).toHaveLength(13);
    const first = blockRows.find((r) => text(r, 2) === "1-2-1") as number;
    expect(text(first, 4)).toBe(w.itemByCode.get("1-2-1")?.title);
    expect(text(first + 1, 1)).toBe("担当課");
    expect(text(first + 1, 2)).toBe("高齢支援課");
    expect(text(first + 2, 1)).toBe("区分");
    expect(text(first + 3, 1)).toBe("事業概要");
    const header = first + 5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => text(header, c))).toEqual([
      "事業(取組)内容",
      "担当課",
      "成果(活動)指標",
      "令和6年度",
      "令和7年度",
      "令和8年度",
      "令和9年度",
      "令和10年度",
    ]);
    const milestoneRow = header + 4;
    expect(text(milestoneRow, 3)).toBe("支援体制の構築");
    expect([4, 5, 6, 7].map((c) => text(milestoneRow, c))).toEqual(["調査・研究", "支援の試行実施", "実施", ""]);
    expect(ws.getCell(milestoneRow, 5).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(1).width).toBe(34);

    // a department editor gets the blocks whose indicators it may see
    const mine = await w.korei.get(`/api/plans/${w.planId}/implementation-plan/export.xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mine.body as unknown as ExcelJS.Buffer);
    const ws2 = wb2.getWorksheet("実施計画");
    let shogaiIndicator = false;
    ws2?.eachRow((row) => {
      if (String(row.getCell(3).value ?? "") === "緊急時の受入れ件数") shogaiIndicator = true;
    });
    expect(shogaiIndicator).toBe(false);
  });
});
