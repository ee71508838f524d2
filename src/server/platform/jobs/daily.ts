import type { Db } from "../../db/client.js";

/** A job run once a day for every municipality (the notices of deadlines, for example). */
export type DailyHandler = (db: Db, municipalityId: string, now: Date) => Promise<void>;

/**
 * The daily jobs, registered when their module is loaded and scheduled by every job runner that starts afterwards.
 * A name is a pg-boss queue name: letters, digits, "-", "_" and ".".
 */
const dailyJobs = new Map<string, DailyHandler>();

// e.g. the notices module registers its deadline scan ("notices.due") when it is loaded, before the app starts
export function registerDailyJob(name: string, handler: DailyHandler) {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`a job name is letters, digits, - _ and . only: ${name}`);
  dailyJobs.set(name, handler);
}

export function registeredDailyJobs(): ReadonlyMap<string, DailyHandler> {
  return dailyJobs;
}

/** Japan's early morning: after the day's work, before anyone reads the notices it makes. */
export const DAILY_CRON = "30 5 * * *";
export const DAILY_TIME_ZONE = "Asia/Tokyo";
