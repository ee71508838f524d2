import { describe, expect, it } from "vitest";
import { formatJapaneseMonth } from "./japanese-date";
import { readJapaneseMonth, shiftMonth } from "./japanese-month";

describe("months", () => {
  it("reads a month typed in 和暦 or 西暦, half- or full-width", () => {
    for (const typed of ["令和8年12月", "R8.12", "ｒ８．１２", "2026-12", "2026/12", "２０２６年１２月", " 2026 - 12 "])
      expect(readJapaneseMonth(typed), typed).toEqual({ ok: true, month: "2026-12" });
    expect(readJapaneseMonth("令和元年5月")).toEqual({ ok: true, month: "2019-05" });
  });

  it("refuses what is not a month, saying how to type one", () => {
    for (const typed of ["2026-13", "令和8年", "12月", "あした"]) {
      const r = readJapaneseMonth(typed);
      expect(r.ok, typed).toBe(false);
      if (!r.ok) expect(r.message).toContain("例: 令和8年12月");
    }
    expect(readJapaneseMonth("")).toEqual({ ok: false, message: "月を入力してください" });
  });

  it("shows a month in 和暦 and steps across years and eras", () => {
    expect(formatJapaneseMonth("2026-12")).toBe("令和8年12月");
    expect(formatJapaneseMonth("2019-04")).toBe("平成31年4月");
    expect(formatJapaneseMonth("2019-05")).toBe("令和元年5月");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2025-04", -12)).toBe("2024-04");
  });
});
