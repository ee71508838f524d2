/**
 * Months as people in a Japanese office type and read them (a list "by month"): typed in 和暦 or 西暦, half- or
 * full-width; shown in 和暦 by formatJapaneseMonth (japanese-date.ts). Stored and sent as ISO "YYYY-MM".
 */
import { readJapaneseDate } from "./japanese-date.js";

export type MonthReading = { ok: true; month: string } | { ok: false; message: string };

export const MONTH_EXAMPLES = "例: 令和8年12月、R8.12、2026-12";

/** "令和8年12月", "R8.12", "2026-12", "2026/12", "2026年12月" (full-width too) → "2026-12". */
export function readJapaneseMonth(text: string): MonthReading {
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  if (s === "") return { ok: false, message: "月を入力してください" };
  // read as the month's first day, in whichever way the day reader accepts
  const day = readJapaneseDate(s.endsWith("月") ? `${s}1日` : `${s}/1`);
  return day.ok
    ? { ok: true, month: day.iso.slice(0, 7) }
    : { ok: false, message: `月として読み取れません（${MONTH_EXAMPLES}）` };
}

/** The month `delta` months after "YYYY-MM" (before, when negative). */
export function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
