import { describe, expect, it } from "vitest";
import { displayWidth, rowHeightFor, rowHeightOf, wrappedLines } from "./workbook-layout.js";

describe("row heights of wrapped text", () => {
  it("counts full-width characters as two width units and half-width ones as one", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("福祉総合課")).toBe(10);
    expect(displayWidth("（ＣＳＷ）")).toBe(10);
    expect(displayWidth("ｶﾀｶﾅ")).toBe(4);
  });

  it("wraps a long 所管名 over as many lines as the column needs, and starts a line at every line break", () => {
    const fourDepartments = "健康福祉計画課、福祉総合課、高齢福祉課、障害者支援課、防災課、関係各課";
    // 35 full-width characters = 70 units in a 30-unit column: three lines
    expect(wrappedLines(fourDepartments, 30)).toBe(3);
    expect(wrappedLines("福祉総合課", 30)).toBe(1);
    expect(wrappedLines("・相談会の実施\n・周知\r\n・研修", 30)).toBe(3);
    expect(wrappedLines("", 30)).toBe(1);
    // a larger font fits fewer characters on a line
    expect(wrappedLines("あ".repeat(14), 30)).toBe(1);
    expect(wrappedLines("あ".repeat(14), 30, 13)).toBe(2);
  });

  it("gives a row the height of its tallest wrapped cell, within Excel's limit", () => {
    const one = rowHeightFor("福祉総合課", 30, 1);
    const three = rowHeightFor("健康福祉計画課、福祉総合課、高齢福祉課、障害者支援課、防災課、関係各課", 30, 1);
    expect(three - one).toBe(2 * 15);
    expect(
      rowHeightOf([
        ["短い事業名", 46],
        ["健康福祉計画課、福祉総合課、高齢福祉課、障害者支援課、防災課、関係各課", 30],
      ]),
    ).toBe(three);
    expect(rowHeightFor("あ".repeat(20_000), 30, 1)).toBe(409);
    expect(rowHeightFor(null, 30)).toBe(rowHeightFor("", 30, 2));
  });
});
