import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import {
  CELL,
  downloadWorkbook,
  editWorkbook,
  importBytes,
  listSheets,
  openWorkbook,
  type SheetRowDto,
  versionsOf,
} from "../../../../test/helpers/workbook.js";

const app = signedInApp({ office: "keikaku", korei: "korei", viewer: "iin" });
let planId: string;

beforeAll(async () => {
  planId = await demoPlanId(app.office);
});

const summaryTotal = async () =>
  (await app.office.get(`/api/plans/${planId}/summary?fiscalYear=2024`)).body.summary.total;
const byCode = (sheets: SheetRowDto[], code: string) => {
  const s = sheets.find((x) => x.item.code === code);
  if (!s) throw new Error(`no sheet ${code}`);
  return s;
};
const getSheet = async (id: string) => (await app.office.get(`/api/sheets/${id}`)).body.sheet;

describe("importing an exported workbook edited in Excel", () => {
  it("applies exactly the edited sheet: new values, version + 1, history, summary moved by one", async () => {
    const before = await listSheets(app.office, planId, 2024);
    const target = byCode(before, "1-1-1");
    expect(target.grade).toBe("B");
    const totalBefore = await summaryTotal();
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const edited = await editWorkbook(bytes, {
      "1-1-1": { [CELL.results]: "支援会議を15回開催した。\r\n関係機関向け研修も実施した。", [CELL.grade]: "Ａ" },
    });

    const res = await importBytes(app.office, edited);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: "evaluation-xlsx", planId, fiscalYear: 2024, conflicts: [], problems: [] });
    expect(res.body.report.kind).toBe("evaluation-xlsx");
    expect(res.body.changed).toHaveLength(1);
    expect(res.body.changed[0]).toMatchObject({ sheetId: target.id, code: "1-1-1" });
    expect(res.body.changed[0].fields.map((f: { field: string }) => f.field).sort()).toEqual(["grade", "results"]);
    expect(res.body.unchanged).toBe(before.length - 1);

    const sheet = await getSheet(target.id);
    expect(sheet.results).toBe("支援会議を15回開催した。\n関係機関向け研修も実施した。");
    expect(sheet.grade).toBe("A");
    expect(sheet.version).toBe(target.version + 1);
    expect(sheet.status).toBe("accepted");
    const history = (await app.office.get(`/api/sheets/${target.id}/history`)).body.history;
    const last = history[history.length - 1];
    expect(last.action).toBe("import_xlsx");
    expect(last.changes.map((c: { field: string }) => c.field).sort()).toEqual(["grade", "results"]);

    const after = versionsOf(await listSheets(app.office, planId, 2024));
    for (const s of before) if (s.id !== target.id) expect(after[s.id]).toBe(s.version);
    const totalAfter = await summaryTotal();
    expect(totalAfter.counts.B).toBe(totalBefore.counts.B - 1);
    expect(totalAfter.counts.A).toBe(totalBefore.counts.A + 1);
  });

  it("changes nothing for an unedited file, nor for a cell that differs only by Excel's \\r\\n", async () => {
    const target = byCode(await listSheets(app.office, planId, 2024), "1-1-3");
    await app.office.put(`/api/sheets/${target.id}`, { results: "一行目\n二行目" }, ifMatch(target.version));
    const before = await listSheets(app.office, planId, 2024);
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);

    const plain = await importBytes(app.office, bytes);
    expect(plain.status).toBe(200);
    expect(plain.body.changed).toEqual([]);
    expect(plain.body.unchanged).toBe(before.length);

    const crlf = await importBytes(
      app.office,
      await editWorkbook(bytes, { "1-1-3": { [CELL.results]: "一行目\r\n二行目" } }),
    );
    expect(crlf.body.changed).toEqual([]);
    expect(versionsOf(await listSheets(app.office, planId, 2024))).toEqual(versionsOf(before));
  });

  it("shows imported lists one item per line in the cells, and reads an untouched cell back as unchanged", async () => {
    const target = byCode(await listSheets(app.office, planId, 2024), "1-1-2");
    const stored = "<ul><li>・相談会の実施</li> <li>・周知</li></ul>";
    const inline = "実績 ・支援会議の開催 ・研修の実施";
    const saved = await app.office.put(
      `/api/sheets/${target.id}`,
      { previousStatus: stored, results: inline },
      ifMatch(target.version),
    );
    expect(saved.status).toBe(200);
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const ws = (await openWorkbook(bytes)).getWorksheet("1-1-2");
    if (!ws) throw new Error("no worksheet 1-1-2");
    expect(ws.getCell("C4").value).toBe("・相談会の実施\n・周知");
    expect(ws.getCell(CELL.results).value).toBe("実績\n・支援会議の開催\n・研修の実施");
    expect(ws.getCell(CELL.results).alignment?.wrapText).toBe(true);
    // the row is tall enough for its three lines
    expect(ws.getRow(7).height).toBeGreaterThanOrEqual(3 * 15);

    const untouched = await importBytes(app.office, bytes);
    expect(untouched.body.changed).toEqual([]);
    // another field edited: only that field changes, the lists stay exactly as stored
    const edited = await importBytes(
      app.office,
      await editWorkbook(bytes, { "1-1-2": { [CELL.issues]: "課題を追記" } }),
    );
    expect(edited.body.changed).toHaveLength(1);
    expect(edited.body.changed[0].fields.map((f: { field: string }) => f.field)).toEqual(["issues"]);
    const sheet = await getSheet(target.id);
    expect(sheet).toMatchObject({ previousStatus: stored, results: inline, issues: "課題を追記" });
  });

  it("reports a conflict when the same field was changed in tsunagu after the export, and keeps tsunagu's value", async () => {
    const sheets = await listSheets(app.office, planId, 2024);
    const clash = byCode(sheets, "1-2-1");
    const merge = byCode(sheets, "2-2-1");
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    // after the export, someone saves on screen: the same field of one sheet, another field of a second
    const api = await app.office.put(
      `/api/sheets/${clash.id}`,
      { results: "画面で更新した実績" },
      ifMatch(clash.version),
    );
    expect(api.status).toBe(200);
    await app.office.put(`/api/sheets/${merge.id}`, { issues: "画面で更新した課題" }, ifMatch(merge.version));
    const edited = await editWorkbook(bytes, {
      "1-2-1": { [CELL.results]: "Excelで書いた実績" },
      "2-2-1": { [CELL.results]: "Excelで書いた実績（別の欄）" },
    });

    const res = await importBytes(app.office, edited);
    expect(res.status).toBe(200);
    expect(res.body.conflicts).toHaveLength(1);
    expect(res.body.conflicts[0]).toMatchObject({
      sheetId: clash.id,
      exportedVersion: clash.version,
      currentVersion: clash.version + 1,
      fields: [{ field: "results", file: "Excelで書いた実績", current: "画面で更新した実績" }],
    });
    const kept = await getSheet(clash.id);
    expect(kept.results).toBe("画面で更新した実績");
    expect(kept.version).toBe(clash.version + 1);
    // edits to different fields merge: the file's results and the screen's issues are both kept
    expect(res.body.changed.map((c: { sheetId: string }) => c.sheetId)).toEqual([merge.id]);
    const merged = await getSheet(merge.id);
    expect(merged).toMatchObject({ results: "Excelで書いた実績（別の欄）", issues: "画面で更新した課題" });
  });

  it("refuses the whole file with 400 when a grade cannot be read, writing nothing", async () => {
    const before = await listSheets(app.office, planId, 2024);
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const edited = await editWorkbook(bytes, {
      "3-1-1": { [CELL.results]: "正しく書けた欄" },
      "2-2-2": { [CELL.grade]: "Z" },
    });
    const res = await importBytes(app.office, edited);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("評価「Z」を読み取れません");
    expect(res.body.message).toContain("2-2-2");
    expect(res.body.details.problems[0]).toMatchObject({ kind: "unreadable", worksheet: "2-2-2", cell: "C8" });
    expect(versionsOf(await listSheets(app.office, planId, 2024))).toEqual(versionsOf(before));
  });

  it("previews without writing, and refuses a zip that is not a tsunagu workbook", async () => {
    const before = await listSheets(app.office, planId, 2024);
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const edited = await editWorkbook(bytes, { "3-2-1": { [CELL.results]: "下書き" } });
    const preview = await importBytes(app.office, edited, "/api/imports/preview");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, report: { kind: "evaluation-xlsx" } });
    expect(preview.body.changed).toHaveLength(1);
    expect(versionsOf(await listSheets(app.office, planId, 2024))).toEqual(versionsOf(before));

    const other = new ExcelJS.Workbook();
    other.addWorksheet("Sheet1").getCell("A1").value = "関係ない表";
    const foreign = await importBytes(app.office, new Uint8Array(await other.xlsx.writeBuffer()));
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toBe("tsunaguから書き出したExcelファイルではありません");
    const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await importBytes(app.office, junk)).body.message).toBe("tsunaguから書き出したExcelファイルではありません");
  });

  it("still finds a project sheet renamed in Excel", async () => {
    const target = byCode(await listSheets(app.office, planId, 2024), "2-3-1");
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const wb = await openWorkbook(bytes);
    const ws = wb.getWorksheet("2-3-1") as ExcelJS.Worksheet;
    ws.name = "避難行動要支援者";
    ws.getCell(CELL.results).value = "名簿を更新した";
    const res = await importBytes(app.office, new Uint8Array(await wb.xlsx.writeBuffer()), "/api/imports/preview");
    expect(res.body.changed).toEqual([expect.objectContaining({ sheetId: target.id, worksheet: "避難行動要支援者" })]);
    expect(res.body.problems).toEqual([]);
  });

  it("never registers a department: a 担当課 cell rewritten in Excel is not imported", async () => {
    const departments = async () =>
      ((await app.office.get("/api/departments")).body.departments as { name: string }[]).map((d) => d.name).sort();
    const before = await departments();
    const target = byCode(await listSheets(app.office, planId, 2024), "3-1-1");
    const { bytes } = await downloadWorkbook(app.office, planId, 2024);
    const edited = await editWorkbook(bytes, {
      "3-1-1": { E2: "新設推進課、各課、関係各課", [CELL.results]: "担当課も書き換えた" },
    });
    const res = await importBytes(app.office, edited);
    expect(res.status).toBe(200);
    expect(res.body.changed).toEqual([expect.objectContaining({ sheetId: target.id })]);
    expect(res.body.changed[0].fields.map((f: { field: string }) => f.field)).toEqual(["results"]);
    expect(await departments()).toEqual(before);
    expect((await getSheet(target.id)).departmentNames).toEqual(target.departmentNames);
  });

  it("lets a department apply its own open sheets only; other departments' and submitted ones are problems", async () => {
    const own = (await listSheets(app.korei, planId, 2025)).find((s) => s.status === "not_started");
    if (!own) throw new Error("korei has no open 2025 sheet");
    const all2025 = await listSheets(app.office, planId, 2025);
    const foreign = all2025.find((s) => !s.departmentNames.includes("高齢支援課"));
    if (!foreign) throw new Error("no other department's sheet");

    const mine = await downloadWorkbook(app.korei, planId, 2025);
    const res = await importBytes(
      app.korei,
      await editWorkbook(mine.bytes, { [own.item.code]: { [CELL.results]: "高齢支援課の実績" } }),
    );
    expect(res.status).toBe(200);
    expect(res.body.changed.map((c: { sheetId: string }) => c.sheetId)).toEqual([own.id]);
    expect(await getSheet(own.id)).toMatchObject({
      results: "高齢支援課の実績",
      status: "draft",
      version: own.version + 1,
    });

    // a plan-office file with another department's sheet edited: refused for that sheet only
    const full = await downloadWorkbook(app.office, planId, 2025);
    const res2 = await importBytes(
      app.korei,
      await editWorkbook(full.bytes, { [foreign.item.code]: { [CELL.results]: "越権" } }),
    );
    expect(res2.status).toBe(200);
    expect(res2.body.changed).toEqual([]);
    expect(res2.body.problems).toEqual([
      expect.objectContaining({
        kind: "permission",
        worksheet: foreign.item.code,
        message: expect.stringContaining("権限がありません"),
      }),
    ]);
    expect((await getSheet(foreign.id)).version).toBe(foreign.version);

    // accepted FY2024 sheets are locked for a department, as on screen
    const accepted = (await listSheets(app.korei, planId, 2024)).find((s) => s.status === "accepted") as SheetRowDto;
    const old = await downloadWorkbook(app.korei, planId, 2024);
    const res3 = await importBytes(
      app.korei,
      await editWorkbook(old.bytes, { [accepted.item.code]: { [CELL.results]: "x" } }),
    );
    expect(res3.body.problems[0]).toMatchObject({ kind: "locked", worksheet: accepted.item.code });
    expect((await getSheet(accepted.id)).version).toBe(accepted.version);

    // a viewer may not import at all, and a department may not import text documents
    expect((await importBytes(app.viewer, full.bytes)).status).toBe(403);
    expect((await importBytes(app.korei, new TextEncoder().encode("事業別評価総括表"))).status).toBe(403);
  });
});
