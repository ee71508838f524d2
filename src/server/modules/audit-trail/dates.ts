/**
 * Calendar days as people in a Japanese office type them, read into ISO "YYYY-MM-DD". Pure (shared with the web).
 *
 * Accepted: "2025-04-01", "2025/4/1", "2025.4.1", "2025年4月1日", "令和7年4月1日", "令和元年5月1日", "R7.4.1",
 * "R7/4/1", "H31.4.30", "平成31年4月30日", with full-width digits and spaces anywhere. An era date must fall within
 * its era (令和 from 2019-05-01, 平成 from 1989-01-08 to 2019-04-30), and the day must exist.
 */

interface Era {
  firstYear: number;
  /** first and last ISO day of the era (last: null while it lasts) */
  from: string;
  until: string | null;
}

const REIWA: Era = { firstYear: 2019, from: "2019-05-01", until: null };
const HEISEI: Era = { firstYear: 1989, from: "1989-01-08", until: "2019-04-30" };
const ERAS: Record<string, Era> = { 令和: REIWA, R: REIWA, 平成: HEISEI, H: HEISEI };

const WESTERN = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/;
const ERA_DATE = /^(令和|平成|R|H)(元|\d{1,3})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO day for year/month/day when that day exists, else null. */
function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function parseJapaneseDate(text: string): string | null {
  const s = text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  const western = WESTERN.exec(s);
  if (western) {
    const [, y, m1, d1, m2, d2] = western;
    return isoDay(Number(y), Number(m1 ?? m2), Number(d1 ?? d2));
  }
  const era = ERA_DATE.exec(s);
  if (!era) return null;
  const [, name = "", eraYear = "", m1, d1, m2, d2] = era;
  const def = ERAS[name];
  if (!def) return null;
  const year = def.firstYear + (eraYear === "元" ? 1 : Number(eraYear)) - 1;
  const iso = isoDay(year, Number(m1 ?? m2), Number(d1 ?? d2));
  if (!iso || iso < def.from || (def.until !== null && iso > def.until)) return null;
  return iso;
}

/** The first instant of an ISO day in Japan (UTC+9, no daylight saving). */
export function startOfJapaneseDay(iso: string): Date {
  return new Date(`${iso}T00:00:00+09:00`);
}

/** The first instant of the day after an ISO day in Japan (the exclusive end of "until this day"). */
export function endOfJapaneseDay(iso: string): Date {
  return new Date(startOfJapaneseDay(iso).getTime() + 24 * 60 * 60 * 1000);
}
