import { currentFiscalYear, formatFiscalYear } from "../domain/fiscal-year";
import { formatJapaneseDate, formatJapaneseDateTime, todayInJapan } from "../domain/japanese-date";

export { formatPercentage } from "../domain/summary";
export { formatFiscalYear };

/** "令和6年度" — or the plain year if it cannot be formatted (never throws in a render). */
export function fyLabel(fy: number | null | undefined): string {
  if (fy === null || fy === undefined) return "－";
  try {
    return formatFiscalYear(fy);
  } catch {
    return `${fy}年度`;
  }
}

/** "令和7年4月1日 10:23" in Japan time (one 和暦 style everywhere: src/domain/japanese-date.ts) */
export const formatDateTime = (iso: string): string => formatJapaneseDateTime(iso);

/** "令和7年4月1日" for an ISO date "2025-04-01" (or an instant, by its day in Japan); "" for none */
export function formatEraDate(value: string | null | undefined): string {
  return value ? formatJapaneseDate(value) : "";
}

/** today as "YYYY-MM-DD" in Japan time */
export const todayIso = (): string => todayInJapan();

export { currentFiscalYear };

/**
 * Who did something, for people: the person's name. An actor without a user is shown by what it is: an operator
 * command (recorded as "cli:<os user>") or the system (the demo data); "－" when nobody is recorded.
 */
export function personName(name: string | null | undefined, recorded: string | null | undefined): string {
  if (name) return name;
  if (!recorded) return "－";
  if (recorded.startsWith("cli:")) return `運用コマンド（${recorded.slice(4)}）`;
  return recorded === "system" ? "システム" : recorded;
}

export function joinNames(names: string[] | null | undefined): string {
  return (names ?? []).filter(Boolean).join("、");
}

/** The day before an ISO date ("2025-04-01" → "2025-03-31"). */
export function previousDay(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1));
  return d.toISOString().slice(0, 10);
}
