import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { manyEntriesZip, sharedStringsBomb, writeZip } from "../../../../test/helpers/zip-bomb.js";
import { inspectXlsx, type XlsxLimits } from "./inspect-xlsx.js";
import { UPLOAD_LIMITS } from "./limits.js";
import { readZipDirectory } from "./zip-directory.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const loose: XlsxLimits = {
  maxEntries: 1000,
  maxEntryBytes: 4 * GiB,
  maxTotalBytes: 8 * GiB,
  maxRatio: Number.POSITIVE_INFINITY,
  ratioFloorBytes: 0,
};

async function realWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("1-1-1");
  ws.getCell("A1").value = "計画事業の実績等";
  ws.getCell("C1").value = "支援会議を15回開催した。";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The EOCD offset of a zip written by writeZip (no comment). */
const eocdOf = (zip: Uint8Array) => zip.length - 22;
const view = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);

describe("reading the zip directory as JSZip (and so ExcelJS) does", () => {
  it("finds the same entries with the same sizes as JSZip in a workbook ExcelJS wrote", async () => {
    const bytes = await realWorkbook();
    const dir = readZipDirectory(bytes, 100);
    if (!dir.ok) throw new Error(dir.detail);
    const zip = await JSZip.loadAsync(bytes);
    const theirs = await Promise.all(
      Object.values(zip.files).map(async (f) => [f.name, (await f.async("uint8array")).length] as const),
    );
    expect(dir.entries.map((e) => [e.name, e.uncompressedSize] as const).sort()).toEqual([...theirs].sort());
    const inspected = await inspectXlsx(bytes, UPLOAD_LIMITS.xlsx);
    expect(inspected).toMatchObject({ ok: true, stats: { entries: dir.entries.length } });
  });

  it("refuses what a spreadsheet program does not write and two readers could read differently", async () => {
    const good = await realWorkbook();
    const patched = (edit: (v: DataView, zip: Uint8Array) => void) => {
      const copy = new Uint8Array(good);
      edit(view(copy), copy);
      return copy;
    };
    const eocd = eocdOf(good);
    const centralOffset = view(good).getUint32(eocd + 16, true);
    const cases: [string, Uint8Array, string][] = [
      ["zip64 marker", patched((v) => v.setUint16(eocd + 10, 0xffff, true)), "unsupported"],
      ["encrypted entry", patched((v) => v.setUint16(centralOffset + 8, 1, true)), "unsupported"],
      ["bzip2 entry", patched((v) => v.setUint16(centralOffset + 10, 12, true)), "unsupported"],
      ["several disks", patched((v) => v.setUint16(eocd + 4, 1, true)), "unsupported"],
      ["bytes after the archive", new Uint8Array([...good, 0]), "not_zip"],
      ["bytes before the archive", new Uint8Array([0, ...good]), "not_zip"],
      [
        "count that does not match",
        patched((v) => {
          const fewer = v.getUint16(eocd + 10, true) - 1;
          v.setUint16(eocd + 8, fewer, true);
          v.setUint16(eocd + 10, fewer, true);
        }),
        "not_zip",
      ],
      [
        "local name differs",
        patched((_, z) => z.set([0x58], view(good).getUint32(centralOffset + 42, true) + 30)),
        "not_zip",
      ],
      ["truncated", good.subarray(0, good.length - 30), "not_zip"],
      ["not a zip", new TextEncoder().encode("PK\u0003\u0004 hello"), "not_zip"],
    ];
    for (const [label, bytes, reason] of cases) {
      expect(await inspectXlsx(bytes, loose), label).toMatchObject({ ok: false, reason });
    }
  });

  it("refuses entries that share their bytes (one compressed stream inflated many times over)", async () => {
    const one = writeZip([{ name: "a.xml", data: new Uint8Array([0x03, 0x00]), method: 8, crc: 0, declaredSize: 0 }]);
    // the same central record twice: both entries point at the one local header and its data
    const central = one.subarray(eocdOf(one) - 46 - 5, eocdOf(one));
    const local = one.subarray(0, eocdOf(one) - central.length);
    const eocd = new Uint8Array(one.subarray(eocdOf(one)));
    const v = view(eocd);
    v.setUint16(8, 2, true);
    v.setUint16(10, 2, true);
    v.setUint32(12, central.length * 2, true);
    const twice = new Uint8Array([...local, ...central, ...central, ...eocd]);
    expect(readZipDirectory(twice, 10)).toMatchObject({ ok: false, reason: "not_zip", detail: "entries share bytes" });
  });
});

describe("limits on what the entries inflate to", () => {
  it("refuses by the declared sizes before inflating anything", async () => {
    // entry_too_large comes from the declared sizes alone (inflating would answer size_mismatch); how quickly it
    // answers is measured by bench/upload-checks.ts
    const bomb = sharedStringsBomb({ inflatedBytes: 2 * GiB });
    expect(await inspectXlsx(bomb, UPLOAD_LIMITS.xlsx)).toMatchObject({
      ok: false,
      reason: "entry_too_large",
      name: "xl/sharedStrings.xml",
    });
    expect(
      await inspectXlsx(sharedStringsBomb({ inflatedBytes: 5 * MiB }), { ...loose, maxTotalBytes: 4 * MiB }),
    ).toMatchObject({ ok: false, reason: "total_too_large" });
    expect(
      await inspectXlsx(sharedStringsBomb({ inflatedBytes: 5 * MiB }), {
        ...loose,
        maxRatio: 200,
        ratioFloorBytes: MiB,
      }),
    ).toMatchObject({ ok: false, reason: "ratio_too_high", name: "xl/sharedStrings.xml" });
    expect(await inspectXlsx(manyEntriesZip(20), { ...loose, maxEntries: 20 })).toMatchObject({
      ok: false,
      reason: "too_many_entries",
    });
  });

  it("stops inflating an entry as soon as it passes its declared size, and holds none of it", async () => {
    // declared 30 MB (within every limit), inflates to 2 GB
    const liar = sharedStringsBomb({ inflatedBytes: 2 * GiB, declaredBytes: 30 * MiB });
    // the memory it holds is checked here; the time it takes, by bench/upload-checks.ts
    const rssBefore = process.resourceUsage().maxRSS;
    expect(await inspectXlsx(liar, UPLOAD_LIMITS.xlsx)).toMatchObject({
      ok: false,
      reason: "size_mismatch",
      name: "xl/sharedStrings.xml",
    });
    expect((process.resourceUsage().maxRSS - rssBefore) * 1024).toBeLessThan(64 * MiB);
    // deflate data that is not deflate data
    const garbage = writeZip([
      { name: "xl/workbook.xml", data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, crc: 0, declaredSize: 10 },
    ]);
    expect(await inspectXlsx(garbage, loose)).toMatchObject({
      ok: false,
      reason: "corrupt",
      detail: "xl/workbook.xml",
    });
    // and one that inflates to less than it declares is refused too
    const short = sharedStringsBomb({ inflatedBytes: 2 * MiB, declaredBytes: 3 * MiB });
    expect(await inspectXlsx(short, loose)).toMatchObject({ ok: false, reason: "size_mismatch" });
  });

  it("accepts a file within the limits and reports what it holds", async () => {
    const ok = await inspectXlsx(sharedStringsBomb({ inflatedBytes: 3 * MiB }), loose);
    expect(ok).toMatchObject({ ok: true, stats: { entries: 6, largestEntry: { name: "xl/sharedStrings.xml" } } });
  });
});
