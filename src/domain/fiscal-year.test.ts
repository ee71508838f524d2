import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  currentFiscalYear,
  type FiscalYearStyle,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  formatFiscalYearRange,
  parseFiscalYear,
  parseFiscalYearRange,
} from "./fiscal-year";
import { japanDayOf, startOfJapaneseDay } from "./japanese-date";

/** Runs fn with the process in another time zone (Node reads TZ again when it changes). */
function inTimeZone(tz: string, fn: () => void) {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe("fiscalYearOf", () => {
  it.each([
    ["2025-03-31", 2024],
    ["2025-04-01", 2025],
    ["2025-01-01", 2024],
    ["2024-12-31", 2024],
    ["2019-04-01", 2019],
    ["2019-03-31", 2018],
    // the written date counts, not its UTC equivalent (which would be 2025-03-31T15:00Z)
    ["2025-04-01T00:00:00+09:00", 2025],
    ["2024-02-29", 2023],
  ])("%s → %i", (input, expected) => {
    expect(fiscalYearOf(input)).toBe(expected);
  });

  it("reads a Date by its day in Japan, whatever the machine's time zone", () => {
    for (const tz of ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"]) {
      inTimeZone(tz, () => {
        // 00:30 on 1 April in Japan, still 31 March in UTC
        expect(fiscalYearOf(new Date("2025-03-31T15:30:00Z")), tz).toBe(2025);
        expect(currentFiscalYear(new Date("2025-03-31T15:30:00Z")), tz).toBe(2025);
        // 23:59 on 31 March in Japan, already 1 April further east
        expect(fiscalYearOf(new Date("2025-03-31T14:59:00Z")), tz).toBe(2024);
        expect(currentFiscalYear(new Date("2025-03-31T14:59:00Z")), tz).toBe(2024);
      });
    }
  });

  it.each(["", "not a date", "2025-13-01", "2025-02-30", "2023-02-29"])("rejects %j", (input) => {
    expect(() => fiscalYearOf(input)).toThrow(RangeError);
  });

  it("rejects an invalid Date", () => {
    expect(() => fiscalYearOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("fiscalYearRange", () => {
  it("runs April to March", () => {
    expect(fiscalYearRange(2024)).toEqual({ start: "2024-04-01", end: "2025-03-31" });
    expect(fiscalYearRange(2019)).toEqual({ start: "2019-04-01", end: "2020-03-31" });
  });

  it("rejects non-years", () => {
    expect(() => fiscalYearRange(2024.5)).toThrow(RangeError);
    expect(() => fiscalYearRange(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatFiscalYear", () => {
  it.each<[number, FiscalYearStyle | undefined, string]>([
    [2024, undefined, "令和6年度"],
    [2024, "long", "令和6年度"],
    [2024, "short", "R6"],
    [2024, "withIso", "令和6(2024)年度"],
    [2019, "long", "令和元年度"],
    [2019, "short", "R1"],
    [2019, "withIso", "令和元(2019)年度"],
    [2028, "long", "令和10年度"],
    [2018, "long", "平成30年度"],
    [2018, "short", "H30"],
    [2018, "withIso", "平成30(2018)年度"],
    [1989, "long", "平成元年度"],
    [1988, "long", "1988年度"],
    [1988, "short", "1988"],
  ])("%i %s → %s", (fy, style, expected) => {
    expect(formatFiscalYear(fy, style)).toBe(expected);
  });
});

describe("formatFiscalYearRange", () => {
  it.each([
    [2024, 2028, "令和6～10年度"],
    [2019, 2023, "令和元～5年度"],
    [2016, 2018, "平成28～30年度"],
    [2017, 2020, "平成29年度～令和2年度"],
    [2024, 2024, "令和6年度"],
  ])("%i–%i → %s", (from, to, expected) => {
    expect(formatFiscalYearRange(from, to)).toBe(expected);
  });

  it("rejects a backwards range", () => {
    expect(() => formatFiscalYearRange(2028, 2024)).toThrow(RangeError);
  });
});

describe("parseFiscalYear", () => {
  it.each([
    ["令和6年度", 2024],
    ["令和６年度", 2024],
    ["R6", 2024],
    ["Ｒ６", 2024],
    ["r6", 2024],
    ["6年度", 2024],
    ["６年度", 2024],
    ["令和6(2024)", 2024],
    ["令和6（2024）年度", 2024],
    ["令和6(2024)年度", 2024],
    ["令和6年度(2024年度)", 2024],
    ["2024年度", 2024],
    ["2024", 2024],
    ["２０２４年度", 2024],
    ["令和元年度", 2019],
    ["令和1年度", 2019],
    ["R元", 2019],
    ["元年度", 2019],
    ["平成30年度", 2018],
    ["平成31年度", 2019],
    ["H30", 2018],
    ["平成元年度", 1989],
    [" 令和 6 年度 ", 2024],
    ["FY2024", 2024],
    ["令和100年度", 2118], // 令和 has no last year: whatever formatFiscalYear writes must parse back
  ])("%j → %i", (text, expected) => {
    expect(parseFiscalYear(text)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "令和",
    "年度",
    "abc",
    "6", // a bare number could be anything
    "令和0年度",
    "R0",
    "平成32年度", // 平成 ended in its 31st year
    "令和1000年度",
    "令和6(2023)年度", // contradicts itself
    "昭和60年度",
    "令和6年",
    "2024-04-01",
    "123",
    "12345",
    "令和6～10年度",
    "X6",
  ])("%j → null", (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });
});

describe("parseFiscalYearRange", () => {
  it.each([
    ["令和6～10年度", { from: 2024, to: 2028 }],
    ["令和6年度～令和10年度", { from: 2024, to: 2028 }],
    ["令和６〜１０年度", { from: 2024, to: 2028 }],
    ["令和6~10", { from: 2024, to: 2028 }],
    ["R6-R10", { from: 2024, to: 2028 }],
    ["令和元～5年度", { from: 2019, to: 2023 }],
    ["平成28～30年度", { from: 2016, to: 2018 }],
    ["平成29年度～令和2年度", { from: 2017, to: 2020 }],
    ["2024～2028年度", { from: 2024, to: 2028 }],
    ["令和6(2024)～10(2028)年度", { from: 2024, to: 2028 }],
    ["令和6年度", { from: 2024, to: 2024 }],
  ])("%j → %o", (text, expected) => {
    expect(parseFiscalYearRange(text)).toEqual(expected);
  });

  it.each(["", "令和10～6年度", "令和6～", "～令和10年度", "令和6～8～10年度", "あ～い"])("%j → null", (text) => {
    expect(parseFiscalYearRange(text)).toBeNull();
  });
});

describe("properties", () => {
  const fiscalYear = fc.integer({ min: 1989, max: 2100 });
  const style = fc.constantFrom<FiscalYearStyle>("long", "short", "withIso");

  it("parse ∘ format is the identity for 2019..2100 in every style", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2100 }), style, (fy, s) => {
        expect(parseFiscalYear(formatFiscalYear(fy, s))).toBe(fy);
      }),
    );
  });

  it("parse ∘ format is the identity for 平成 years too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1989, max: 2018 }), style, (fy, s) => {
        expect(parseFiscalYear(formatFiscalYear(fy, s))).toBe(fy);
      }),
    );
  });

  it("parseRange ∘ formatRange is the identity", () => {
    fc.assert(
      fc.property(fiscalYear, fc.integer({ min: 0, max: 20 }), (from, span) => {
        const to = from + span;
        expect(parseFiscalYearRange(formatFiscalYearRange(from, to))).toEqual({ from, to });
      }),
    );
  });

  it("every day of a fiscal year's range belongs to that fiscal year", () => {
    fc.assert(
      fc.property(fiscalYear, fc.integer({ min: 0, max: 365 }), (fy, offset) => {
        const { start, end } = fiscalYearRange(fy);
        const startMs = Date.parse(`${start}T00:00:00Z`);
        const endMs = Date.parse(`${end}T00:00:00Z`);
        const dayMs = Math.min(startMs + offset * 86_400_000, endMs);
        const iso = new Date(dayMs).toISOString().slice(0, 10);
        expect(iso >= start && iso <= end).toBe(true);
        expect(fiscalYearOf(iso)).toBe(fy);
        expect(fiscalYearOf(new Date(startOfJapaneseDay(iso).getTime() + 12 * 3_600_000))).toBe(fy);
      }),
    );
  });

  it("fiscalYearOf of any date lies within that year's range", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }), (date) => {
        const fy = fiscalYearOf(date);
        const iso = japanDayOf(date);
        const { start, end } = fiscalYearRange(fy);
        expect(iso >= start && iso <= end).toBe(true);
        expect(fiscalYearOf(iso)).toBe(fy);
      }),
    );
  });
});
