import { count } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { downloadWorkbook, importBytes } from "../../../../test/helpers/workbook.js";
import { manyEntriesZip, sharedStringsBomb } from "../../../../test/helpers/zip-bomb.js";
import { auditLog, evaluationSheets, imports } from "../../db/schema/index.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const app = signedInApp({ office: "keikaku", korei: "korei" });
let planId: string;

// ExcelJS opens a workbook with this method; a hostile file must be refused before it is ever called.
const xlsxReader = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: (...args: unknown[]) => unknown };
const load = vi.spyOn(xlsxReader, "load");

beforeAll(async () => {
  planId = await demoPlanId(app.office);
});
afterEach(() => {
  load.mockClear();
});

async function stored() {
  const db = app.t.database.db;
  const [i] = await db.select({ n: count() }).from(imports);
  const [a] = await db.select({ n: count() }).from(auditLog);
  const [s] = await db.select({ n: count() }).from(evaluationSheets);
  return { imports: i?.n, audit: a?.n, sheets: s?.n };
}

/** Peak resident memory of this process (the server runs in it) so far, in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const bombs: [string, () => Uint8Array, number, RegExp][] = [
  [
    "sharedStrings.xml inflating to 1.5 GB",
    () => sharedStringsBomb({ inflatedBytes: 1.5 * GiB }),
    413,
    /展開すると大きすぎます（xl\/sharedStrings\.xml が 1,53\d(\.\d)? MB、上限 32 MB）/,
  ],
  [
    "sharedStrings.xml inflating to 1.5 GB that declares 1 MB",
    () => sharedStringsBomb({ inflatedBytes: 1.5 * GiB, declaredBytes: MiB }),
    400,
    /xl\/sharedStrings\.xml）の大きさが、ファイルに記録された大きさと一致しません/,
  ],
  [
    "sharedStrings.xml inflating to 1.5 GB that declares 30 MB (within the limits)",
    () => sharedStringsBomb({ inflatedBytes: 1.5 * GiB, declaredBytes: 30 * MiB }),
    400,
    /一致しません/,
  ],
  ["10,001 entries", () => manyEntriesZip(10_001 - 5), 413, /ファイル（シートなど）が多すぎます（上限 10,000）/],
];

describe("a zip bomb sent as an xlsx", () => {
  it("is refused with a Japanese message before ExcelJS opens it, for the editor and the plan office, on preview and import; memory stays bounded and nothing is stored", async () => {
    const before = await stored();
    const rssBefore = peakRss();
    for (const [label, build, status, message] of bombs) {
      const bytes = build();
      for (const client of [app.korei, app.office]) {
        for (const path of ["/api/imports/preview", "/api/imports"]) {
          const res = await importBytes(client, bytes, path);
          expect(res.status, `${label} ${path}`).toBe(status);
          expect(res.body.message, label).toMatch(message);
          expect(res.body.message, label).toMatch(/何も取り込んでいません。$/);
        }
      }
    }
    expect(load).not.toHaveBeenCalled();
    // each bomb inflates to 1.5 GB; refused, none of it is ever held
    expect(peakRss() - rssBefore).toBeLessThan(150 * MiB);
    expect(await stored()).toEqual(before);

    // the server still answers, and a real workbook still goes through ExcelJS and imports
    expect((await fetch(`${app.t.baseUrl}/healthz`)).status).toBe(200);
    const { bytes } = await downloadWorkbook(app.korei, planId, 2024);
    const res = await importBytes(app.korei, bytes, "/api/imports/preview");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: "evaluation-xlsx", planId, problems: [] });
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe("upload sizes", () => {
  it("refuses a body over 20 MB before receiving it, and text over 5 MB before decoding it", async () => {
    const before = await stored();
    const huge = new Uint8Array(20 * MiB + 1).fill(0x41);
    for (const path of ["/api/imports/preview", "/api/imports"]) {
      const res = await app.office.post(path, huge);
      expect(res.status).toBe(413);
      expect(res.body.message).toBe("ファイルが大きすぎます（20.1 MB、上限 20 MB）。何も取り込んでいません。");
    }
    const text = new Uint8Array(5 * MiB + 1).fill(0x41);
    for (const path of ["/api/imports/preview", "/api/imports"]) {
      const res = await app.office.post(path, text);
      expect(res.status).toBe(413);
      expect(res.body.message).toMatch(/^テキストファイルが大きすぎます（5.1 MB、上限 5 MB）。文書を分けて/);
    }
    expect(await stored()).toEqual(before);
    expect((await fetch(`${app.t.baseUrl}/healthz`)).status).toBe(200);
  });
});
