/**
 * Calendar days and instants as people in a Japanese office read and write them: the one place where dates are
 * shown in 和暦 ("令和8年12月7日", "令和8年12月7日 1:23") and where typed dates are read ("昭和40年1月2日",
 * "S40.1.2", "1965/1/2", full-width digits). The API and the database keep ISO ("YYYY-MM-DD" days, ISO instants);
 * 和暦 only appears at the edges (screens, print, exports for people, the CLI's human output).
 *
 * "Today" and the day of an instant are Japan's (Asia/Tokyo), whatever the time zone of the machine. Japan has used
 * UTC+9 without daylight saving since 1952, so a fixed offset is exact for every instant this product stores.
 */

export interface Era {
  name: "令和" | "平成" | "昭和" | "大正";
  /** the letter people write for it ("R7.4.1", "S40.1.2") */
  letter: "R" | "H" | "S" | "T";
  /** the era's first day (ISO) */
  from: string;
  /** the western year of era year 1 */
  firstYear: number;
}

/** Newest first. An era lasts until the day before the next one begins. */
export const ERAS: readonly Era[] = [
  { name: "令和", letter: "R", from: "2019-05-01", firstYear: 2019 },
  { name: "平成", letter: "H", from: "1989-01-08", firstYear: 1989 },
  { name: "昭和", letter: "S", from: "1926-12-25", firstYear: 1926 },
  { name: "大正", letter: "T", from: "1912-07-30", firstYear: 1912 },
];

export const eraByName = (name: Era["name"]): Era => ERAS.find((e) => e.name === name) as Era;

/** "元" for era year 1, as official documents write it. */
export const eraYearText = (eraYear: number) => (eraYear === 1 ? "元" : String(eraYear));

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

/** The instant shifted so that its UTC fields are Japan's calendar fields. */
const inJapan = (instant: Date) => new Date(instant.getTime() + JAPAN_OFFSET_MS);

/** The ISO day ("YYYY-MM-DD") an instant falls on in Japan. */
export function japanDayOf(instant: Date): string {
  const j = inJapan(instant);
  return `${j.getUTCFullYear()}-${pad(j.getUTCMonth() + 1)}-${pad(j.getUTCDate())}`;
}

/** Today in Japan as "YYYY-MM-DD" (due dates, "this year", the default fiscal year are Japanese calendar days). */
export function todayInJapan(now: Date = new Date()): string {
  return japanDayOf(now);
}

/** The first instant of an ISO day in Japan. */
export function startOfJapaneseDay(iso: string): Date {
  return new Date(`${iso}T00:00:00+09:00`);
}

/** The first instant of the day after an ISO day in Japan (the exclusive end of "until this day"). */
export function endOfJapaneseDay(iso: string): Date {
  return new Date(startOfJapaneseDay(iso).getTime() + 24 * 60 * 60 * 1000);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The era of an ISO day, or null before 大正. */
export function eraOfDay(iso: string): Era | null {
  return ERAS.find((e) => iso >= e.from) ?? null;
}

function formatDay(iso: string): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const era = eraOfDay(iso);
  const y = era ? `${era.name}${eraYearText(year - era.firstYear + 1)}` : String(year);
  return `${y}年${month}月${day}日`;
}

/** A Date, or an ISO text: "YYYY-MM-DD" is a calendar day as written, anything longer an instant. */
function dayAndInstant(value: Date | string): { day: string; instant: Date | null } | null {
  if (typeof value === "string" && ISO_DAY.test(value)) return { day: value, instant: null };
  const instant = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return null;
  return { day: japanDayOf(instant), instant };
}

/**
 * "令和8年12月7日" (era year 1 as 元; days before 大正 in the western year). An ISO day is taken as written, an
 * instant by its day in Japan. Text that is not a date is returned unchanged (a render never throws).
 */
export function formatJapaneseDate(value: Date | string): string {
  const parsed = dayAndInstant(value);
  return parsed ? formatDay(parsed.day) : String(value);
}

/** A month "YYYY-MM" as "令和7年6月" (the era of its first day); other text is returned unchanged. */
export function formatJapaneseMonth(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return formatDay(`${month}-01`).replace(/1日$/, "");
}

/** "令和8年12月7日 1:23" in Japan time, for instants where the time matters (changes, submissions, audit records). */
export function formatJapaneseDateTime(value: Date | string): string {
  const parsed = dayAndInstant(value);
  if (!parsed) return String(value);
  if (!parsed.instant) return formatDay(parsed.day);
  const j = inJapan(parsed.instant);
  return `${formatDay(parsed.day)} ${j.getUTCHours()}:${pad(j.getUTCMinutes())}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading what people type

export type DateReading = { ok: true; iso: string } | { ok: false; message: string };

/** How a day may be typed, for hints and messages. */
export const DATE_EXAMPLES = "例: 昭和40年1月2日、S40.1.2、1965-01-02";
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const ERA_BY_WRITING: Record<string, Era> = Object.fromEntries(
  ERAS.flatMap((e) => [
    [e.name, e],
    [e.letter, e],
  ]),
);
const MONTH_DAY = String.raw`(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)`;
const WESTERN = new RegExp(String.raw`^(\d{4})${MONTH_DAY}$`);
const ERA_DATE = new RegExp(String.raw`^(令和|平成|昭和|大正|R|H|S|T)(元|\d{1,3})${MONTH_DAY}$`);

/** ISO day for year/month/day when that day exists, else null. */
function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Read a calendar day as people type it: "昭和40年1月2日", "S40.1.2", "昭和40.1.2", "令和元年5月1日", "R7/4/1",
 * "1965-01-02", "1965/1/2", "1965年1月2日", with full-width digits, letters in either case and spaces anywhere.
 * An era date must fall within its era; when it does not, the message names the day in the right era
 * ("平成31年5月1日はありません（その日は令和元年5月1日です）").
 */
export function readJapaneseDate(text: string): DateReading {
  const s = text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (s === "") return { ok: false, message: "日付を入力してください" };
  const western = WESTERN.exec(s);
  if (western) {
    const [, y, m1, d1, m2, d2] = western;
    const [year, month, day] = [Number(y), Number(m1 ?? m2), Number(d1 ?? d2)];
    if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `${year}年は日付として扱えません` };
    const iso = isoDay(year, month, day);
    return iso ? { ok: true, iso } : { ok: false, message: `${year}年${month}月${day}日はありません` };
  }
  const written = ERA_DATE.exec(s);
  if (!written) return { ok: false, message: `日付として読み取れません（${DATE_EXAMPLES}）` };
  const [, eraText = "", eraYearWritten = "", m1, d1, m2, d2] = written;
  const era = ERA_BY_WRITING[eraText] as Era;
  const eraYear = eraYearWritten === "元" ? 1 : Number(eraYearWritten);
  const [month, day] = [Number(m1 ?? m2), Number(d1 ?? d2)];
  const asWritten = `${era.name}${eraYearText(eraYear)}年${month}月${day}日`;
  if (eraYear < 1)
    return { ok: false, message: `${era.name}${eraYear}年はありません（最初の年は${era.name}元年です）` };
  const year = era.firstYear + eraYear - 1;
  if (year > MAX_YEAR) return { ok: false, message: `${asWritten}は日付として扱えません` };
  const iso = isoDay(year, month, day);
  if (!iso) return { ok: false, message: `${asWritten}はありません` };
  if (eraOfDay(iso) !== era) {
    return { ok: false, message: `${asWritten}はありません（その日は${formatDay(iso)}です）` };
  }
  return { ok: true, iso };
}

/** The ISO day of what was typed, or null when it is not a date (see readJapaneseDate for the reason). */
export function parseJapaneseDate(text: string): string | null {
  const r = readJapaneseDate(text);
  return r.ok ? r.iso : null;
}
