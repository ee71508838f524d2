import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../../../../test/helpers/api-client.js";
import { latestAuditRecord } from "../../../../test/helpers/audit-records.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { addProject, startMeasureWorld } from "../../../../test/helpers/measure-world.js";
import { openWorkbook } from "../../../../test/helpers/workbook.js";
import { MEASURE_GROUP_LABELS, type MeasureGroup } from "../../../domain/labels/measures.js";

/**
 * The statistics page as xlsx and CSV: the files hold exactly the caller's answer for the same filter (suppressed
 * for the plan side, raw for the coordinators), with the municipality, the year in 和暦 and the filters, and no
 * person's name; each download is in the audit trail.
 */
const w = worldForFile(startMeasureWorld);

interface Cell {
  value: number | null;
  state: string;
  display: string;
}
interface Answer {
  fiscalYear: number;
  suppressed: boolean;
  measures: {
    group: MeasureGroup;
    label: string;
    unit: string;
    definition: string;
    total: Cell | null;
    rows: (Cell & { label: string })[];
    share: number | null;
    notApplicable: string | null;
  }[];
}

/** The table the files must hold, worked out from the JSON: a shown count as a number, anything else as shown. */
function expectedRows(answer: Answer): (string | number)[][] {
  const written = (c: Cell) => (c.state === "shown" ? (c.value as number) : c.display);
  return answer.measures.flatMap((m) => {
    const line = (part: string, value: string | number, unit = m.unit) => [
      MEASURE_GROUP_LABELS[m.group],
      m.label,
      part,
      value,
      unit,
      m.definition,
    ];
    const total = m.notApplicable ?? (m.total ? written(m.total) : "―");
    return [
      ...(m.total || m.rows.length === 0 ? [line("合計", total)] : []),
      ...m.rows.map((r) => line(r.label, written(r))),
      ...(m.share === null ? [] : [line("割合", m.share, "%")]),
    ];
  });
}

/** RFC 4180 as the export writes it: CRLF lines, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const pair = text.slice(i, i + 2);
    i += 1;
    if (quoted && pair === '""') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      line.push(field);
      field = "";
    } else if (!quoted && pair === "\r\n") {
      line.push(field);
      lines.push(line);
      line = [];
      field = "";
      i += 1;
    } else {
      field += c;
    }
  }
  return lines;
}

const sheetLines = (ws: ExcelJS.Worksheet) => {
  const lines: (string | number)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: (string | number)[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).value as string | number);
    lines.push(cells);
  }
  return lines;
};
const tableOf = <T>(lines: T[][]) => lines.slice(lines.findIndex((l) => l[0] === "分類") + 1);

async function download(client: ApiClient, format: "csv" | "xlsx", query: string) {
  const res = await client.get(`/api/stats/export.${format}?${query}`);
  expect(res.status, String(res.body)).toBe(200);
  return res;
}

describe("statistics export (xlsx, CSV)", () => {
  it("writes the plan office's suppressed answer for a project, 「5未満」 in both files, with the filters", async () => {
    const projectId = await addProject(w, 3, "統計テストの書き出し事業", [w.agencyId.provider, w.agencyId.coord]);
    const query = `fiscalYear=${encodeURIComponent("令和7年度")}&projectId=${projectId}`;
    const answer = (await w.as.office.get(`/api/stats?${query}`)).body as Answer;
    expect(answer.suppressed).toBe(true);
    const municipality = (await w.as.office.get("/api/auth/session")).body.municipality.name as string;
    const expected = expectedRows(answer);
    // ホンニン and ヨウイ: 2 new persons, below the threshold
    expect(expected).toContainEqual(expect.arrayContaining(["新規相談者数", "合計", "5未満"]));

    const csv = await download(w.as.office, "csv", query);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain("stats_2025.csv");
    const text = (csv.body as Buffer).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = parseCsv(text.slice(1));
    expect(lines[0]).toEqual([`${municipality} 重層的支援の統計（令和7年度）`]);
    expect(lines).toContainEqual(["年度", "令和7年度"]);
    expect(lines).toContainEqual(["地区", "すべて"]);
    expect(lines).toContainEqual(["事業", "3 統計テストの書き出し事業"]);
    expect(lines).toContainEqual(["5未満の件数は「5未満」と表示し、合計から逆算できる欄は「秘匿」としています。"]);
    expect(tableOf(lines)).toEqual(expected.map((l) => l.map(String)));

    const xlsx = await download(w.as.office, "xlsx", query);
    const wb = await openWorkbook(xlsx.body as Buffer);
    const ws = wb.getWorksheet("統計") as ExcelJS.Worksheet;
    const cells = sheetLines(ws);
    expect(cells[0]).toEqual([`${municipality} 重層的支援の統計（令和7年度）`]);
    expect(cells).toContainEqual(["事業", "3 統計テストの書き出し事業"]);
    expect(tableOf(cells)).toEqual(expected);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });

    const record = await latestAuditRecord(w.t.database.db, { action: "export", entityType: "stats" });
    expect(record).toMatchObject({
      actorLabel: "office",
      after: { format: "xlsx", fiscalYear: 2025, projectId, suppressed: true },
    });
  });

  it("writes the coordinators' raw counts, which equal their JSON and name no person", async () => {
    const query = "fiscalYear=2025";
    const answer = (await w.as.coordinator.get(`/api/stats?${query}`)).body as Answer;
    expect(answer.suppressed).toBe(false);
    const expected = expectedRows(answer);
    expect(expected).toContainEqual(expect.arrayContaining(["新規相談者数", "合計", 3]));
    const text = ((await download(w.as.coordinator, "csv", query)).body as Buffer).toString("utf8");
    const lines = parseCsv(text.slice(1));
    expect(tableOf(lines)).toEqual(expected.map((l) => l.map(String)));
    const wb = await openWorkbook((await download(w.as.coordinator, "xlsx", query)).body as Buffer);
    const cells = sheetLines(wb.getWorksheet("統計") as ExcelJS.Worksheet);
    expect(tableOf(cells)).toEqual(expected);
    // the world's persons are トウケイ … / 架空 統計; the households 統計家
    const everything = [text, ...cells.flat().map(String)].join("\n");
    for (const name of ["トウケイ", "架空", "統計家"]) expect(everything).not.toContain(name);
    expect(await latestAuditRecord(w.t.database.db, { action: "export", actorLabel: "coord" })).toMatchObject({
      entityType: "stats",
      after: { format: "xlsx", suppressed: false, projectId: null },
    });
  });

  it("refuses whom the page refuses, and a filter it refuses, without a record of an export", async () => {
    expect((await w.as.houkatsu.get("/api/stats/export.csv?fiscalYear=2025")).status).toBe(403);
    expect((await w.as.provider.get("/api/stats/export.xlsx?fiscalYear=2025")).status).toBe(403);
    const before = await latestAuditRecord(w.t.database.db, { action: "export" });
    const unknown = await w.as.coordinator.get(
      "/api/stats/export.xlsx?fiscalYear=2025&projectId=00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([{ field: "projectId", message: "事業が見つかりません" }]);
    expect((await latestAuditRecord(w.t.database.db, { action: "export" }))?.seq).toBe(before?.seq);
  });
});
