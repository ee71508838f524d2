import { describe, expect, it } from "vitest";
import { findingsCsv, findingsOf, kindCounts, sourceLinesOf } from "./importFindingsCsv";

const text = '総括表\r\n1\t事業A\t○\n=HYPERLINK("x")\n小計\t1';
const bytes = new TextEncoder().encode(text).buffer;

describe("import findings for the CSV download", () => {
  const lines = sourceLinesOf(bytes);
  const findings = findingsOf(
    [
      { kind: "grade_mismatch", line: 2, message: "評価が異なります" },
      { kind: "subtotal_mismatch", line: 4, message: "小計が一致しません" },
      { kind: "grade_mismatch", line: 4, message: "もう一つ" },
    ],
    [{ line: 3, text: '=HYPERLINK("x")' }],
    lines,
  );

  it("numbers the lines as the server does and puts each finding next to its line's text", () => {
    expect(lines).toEqual(["総括表", "1\t事業A\t○", '=HYPERLINK("x")', "小計\t1"]);
    expect(findings.map((f) => [f.line, f.kind, f.source])).toEqual([
      [2, "grade_mismatch", "1\t事業A\t○"],
      [3, "unparsed", '=HYPERLINK("x")'],
      [4, "subtotal_mismatch", "小計\t1"],
      [4, "grade_mismatch", "小計\t1"],
    ]);
    expect(kindCounts(findings)).toEqual([
      ["grade_mismatch", 2],
      ["unparsed", 1],
      ["subtotal_mismatch", 1],
    ]);
  });

  it("reads a Shift_JIS file back too", () => {
    const sjis = new Uint8Array([0x91, 0x8d, 0x8a, 0x87, 0x95, 0x5c, 0x0a, 0x8f, 0xac, 0x8c, 0x76]); // 総括表\n小計
    expect(sourceLinesOf(sjis.buffer)).toEqual(["総括表", "小計"]);
  });

  it("writes UTF-8 CSV with a BOM: line, kind in Japanese, message, source text; formulas neutralised", () => {
    const csv = findingsCsv(findings, { grade_mismatch: "評価の不一致", subtotal_mismatch: "小計の不一致" });
    expect(csv.startsWith("\uFEFF行,種類,内容,原文\r\n")).toBe(true);
    expect(csv).toContain("2,評価の不一致,評価が異なります,1\t事業A\t○\r\n");
    expect(csv).toContain(`3,読み取れなかった行,読み取れなかった行,"'=HYPERLINK(""x"")"\r\n`);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(5);
  });
});
