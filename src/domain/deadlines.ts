/**
 * Deadlines as people in a Japanese office read them: a deadline is a day in Japan (JST), open until the last instant
 * of that day and overdue from 00:00 JST of the next, whatever the server's clock zone. No I/O.
 */
import { endOfJapaneseDay, japanDayOf } from "./japanese-date.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The days before a deadline on which a reminder is due (7 days before, the day before). */
export const REMINDER_DAYS = [7, 1] as const;
export type ReminderDay = (typeof REMINDER_DAYS)[number];

/** Whole days from one ISO day to another (both days in Japan; negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** True once the deadline's day has ended in Japan. */
export function isOverdue(deadline: string, now: Date): boolean {
  return now.getTime() >= endOfJapaneseDay(deadline).getTime();
}

/** Days left until the deadline: 0 on its day, 1 the day before, negative once it has passed (-1 the day after). */
export function daysUntil(deadline: string, now: Date): number {
  return daysBetween(japanDayOf(now), deadline);
}

export type DeadlineState =
  | { kind: "none" }
  | { kind: "open"; daysLeft: number }
  | { kind: "today" }
  | { kind: "overdue"; daysOver: number };

/** Where a deadline stands now; a deadline that is not set is "none" (deadlines are optional). */
export function deadlineState(deadline: string | null | undefined, now: Date): DeadlineState {
  if (!deadline) return { kind: "none" };
  const left = daysUntil(deadline, now);
  if (left < 0) return { kind: "overdue", daysOver: -left };
  if (left === 0) return { kind: "today" };
  return { kind: "open", daysLeft: left };
}

/** The words a screen shows beside a deadline: 「あと3日」「本日まで」「期限超過（2日）」. */
export function deadlineText(state: DeadlineState): string {
  switch (state.kind) {
    case "none":
      return "期限なし";
    case "open":
      return `あと${state.daysLeft}日`;
    case "today":
      return "本日まで";
    case "overdue":
      return `期限超過（${state.daysOver}日）`;
  }
}

/**
 * The reminders due by now for a deadline: each of REMINDER_DAYS whose day has come (so a scan that missed a day
 * still sends it) while the deadline is still open. A reminder is an occasion, so sending it twice is the caller's
 * idempotent key's business, not this function's.
 */
export function remindersDue(deadline: string, now: Date): ReminderDay[] {
  const left = daysUntil(deadline, now);
  if (left < 0) return [];
  // only the nearest reminder: on the day before, the 7-day one would say nothing new
  const due = REMINDER_DAYS.filter((n) => left <= n);
  return due.length ? [due[due.length - 1] as ReminderDay] : [];
}

/** A typed ISO day (YYYY-MM-DD) that is a real day of the calendar. */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
