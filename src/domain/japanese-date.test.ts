import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ERAS,
  eraOfDay,
  formatJapaneseDate,
  formatJapaneseDateTime,
  formatJapaneseMonth,
  japanDayOf,
  parseJapaneseDate,
  readJapaneseDate,
  todayInJapan,
} from "./japanese-date";

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse("1912-07-30T00:00:00Z"); // 大正元年7月30日
const LAST_DAY = Date.parse("2999-12-31T00:00:00Z");
/** any ISO day from the first day of 大正 on */
const isoDay = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS })
  .map((n) => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10));

const fullWidth = (s: string) => s.replace(/[0-9A-Za-z./-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The ways people write one day: 和暦 long and short, western with -, / and 年月日. */
function writings(iso: string): string[] {
  const [y = 0, m = 0, d = 0] = iso.split("-").map(Number);
  const era = eraOfDay(iso);
  const out = [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}.${String(m).padStart(2, "0")}.${d}`];
  if (era) {
    const n = y - era.firstYear + 1;
    out.push(
      formatJapaneseDate(iso),
      `${era.letter}${n}.${m}.${d}`,
      `${era.letter.toLowerCase()}${n}/${m}/${d}`,
      `${era.name}${n}.${m}.${d}`,
      `${era.name}${n}年${m}月${d}日`,
      `${era.name} ${n} 年 ${m} 月 ${d} 日`,
    );
  }
  return [...out, ...out.map(fullWidth)];
}

describe("formatJapaneseDate / formatJapaneseDateTime", () => {
  it.each([
    ["2026-12-07", "令和8年12月7日"],
    ["2019-05-01", "令和元年5月1日"],
    ["2019-04-30", "平成31年4月30日"],
    ["1989-01-08", "平成元年1月8日"],
    ["1989-01-07", "昭和64年1月7日"],
    ["1965-01-02", "昭和40年1月2日"],
    ["1926-12-24", "大正15年12月24日"],
    ["1912-07-29", "1912年7月29日"],
  ])("%s → %s", (iso, text) => {
    expect(formatJapaneseDate(iso)).toBe(text);
  });

  it("shows an instant by its day and time in Japan, whatever the machine's time zone", () => {
    expect(formatJapaneseDateTime("2026-12-06T16:23:00Z")).toBe("令和8年12月7日 1:23");
    expect(formatJapaneseDateTime(new Date("2026-12-07T03:05:00+09:00"))).toBe("令和8年12月7日 3:05");
    expect(formatJapaneseDateTime("2026-12-07T14:59:59Z")).toBe("令和8年12月7日 23:59");
    expect(formatJapaneseDate("2025-03-31T15:30:00Z")).toBe("令和7年4月1日");
    // a calendar day has no time to show
    expect(formatJapaneseDateTime("2026-12-07")).toBe("令和8年12月7日");
    expect(formatJapaneseDate("not a date")).toBe("not a date");
  });

  it("today in Japan turns at midnight Japan time", () => {
    expect(todayInJapan(new Date("2025-03-31T14:59:59Z"))).toBe("2025-03-31");
    expect(todayInJapan(new Date("2025-03-31T15:00:00Z"))).toBe("2025-04-01");
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (d) => {
        const tokyo = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(d);
        expect(japanDayOf(d)).toBe(tokyo);
      }),
    );
  });
});

describe("readJapaneseDate", () => {
  it.each([
    "昭和40年1月2日",
    "S40.1.2",
    "s40.1.2",
    "昭和40.1.2",
    "1965-01-02",
    "1965/1/2",
    "1965年1月2日",
    "１９６５／１／２",
    "昭和４０年１月２日",
    "Ｓ４０．１．２",
    " 昭和 40 年 1 月 2 日 ",
    "㍼40年1月2日",
  ])("%s is 1965-01-02", (text) => {
    expect(readJapaneseDate(text)).toEqual({ ok: true, iso: "1965-01-02" });
  });

  it.each([
    ["平成31年5月1日", "平成31年5月1日はありません（その日は令和元年5月1日です）"],
    ["H31.5.1", "平成31年5月1日はありません（その日は令和元年5月1日です）"],
    ["令和元年4月30日", "令和元年4月30日はありません（その日は平成31年4月30日です）"],
    ["昭和64年1月8日", "昭和64年1月8日はありません（その日は平成元年1月8日です）"],
    ["令和7年2月29日", "令和7年2月29日はありません"],
    ["2025-02-30", "2025年2月30日はありません"],
    ["昭和0年1月1日", "昭和0年はありません（最初の年は昭和元年です）"],
    ["1865-01-02", "1865年は日付として扱えません"],
    ["昨日", "日付として読み取れません（例: 昭和40年1月2日、S40.1.2、1965-01-02）"],
    ["40年1月2日", "日付として読み取れません（例: 昭和40年1月2日、S40.1.2、1965-01-02）"],
    ["", "日付を入力してください"],
  ])("%s: %s", (text, message) => {
    expect(readJapaneseDate(text)).toEqual({ ok: false, message });
    expect(parseJapaneseDate(text)).toBeNull();
  });

  it("reads every way of writing a day back to that day", () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        for (const text of writings(iso)) expect(readJapaneseDate(text), text).toEqual({ ok: true, iso });
      }),
    );
  });

  it("refuses a day written in an era it is not in, naming the day in its own era", () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom(...ERAS), (iso, era) => {
        const own = eraOfDay(iso);
        const [y = 0, m = 0, d = 0] = iso.split("-").map(Number);
        const n = y - era.firstYear + 1;
        fc.pre(own !== era && n >= 1 && n <= 999); // era years are written with up to three digits
        const r = readJapaneseDate(`${era.name}${n}年${m}月${d}日`);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message).toContain(`その日は${formatJapaneseDate(iso)}です`);
      }),
    );
  });

  it("never throws, and what it reads formats and reads back the same", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const r = readJapaneseDate(text);
        if (r.ok) expect(readJapaneseDate(formatJapaneseDate(r.iso))).toEqual(r);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("a month in 和暦", () => {
  it("names the era of the month's first day, and leaves other text alone", () => {
    expect(formatJapaneseMonth("2025-06")).toBe("令和7年6月");
    expect(formatJapaneseMonth("2019-05")).toBe("令和元年5月");
    // 平成31年4月 is still 平成 on its first day
    expect(formatJapaneseMonth("2019-04")).toBe("平成31年4月");
    expect(formatJapaneseMonth("2025-6")).toBe("2025-6");
  });
});
