import { formatFiscalYear } from "../domain/fiscal-year";

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

const dateTimeFormat = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const eraDateFormat = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  timeZone: "Asia/Tokyo",
  era: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** "2025/4/1 10:23" in Japan time */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

/** "令和7年4月1日" for an ISO date "2025-04-01" */
export function formatEraDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  // noon UTC stays on the same calendar day in Japan
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 3));
  return eraDateFormat.format(d);
}

/** today as "YYYY-MM-DD" in Japan time */
export function todayIso(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
  return parts;
}

/** The current fiscal year in Japan (April–March). */
export function currentFiscalYear(): number {
  const [y, m] = todayIso().split("-").map(Number);
  return (m ?? 4) >= 4 ? (y ?? 2024) : (y ?? 2025) - 1;
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
