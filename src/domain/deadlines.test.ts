import { describe, expect, it } from "vitest";
import { daysUntil, deadlineState, deadlineText, isIsoDay, isOverdue, remindersDue } from "./deadlines.js";
import { fiscalYearOf } from "./fiscal-year.js";

const at = (iso: string) => new Date(iso);

describe("deadlines in Japan's day", () => {
  it("a deadline of 3月31日 is open at 23:59 JST on the 31st and overdue from 00:00 JST on 4月1日", () => {
    expect(isOverdue("2027-03-31", at("2027-03-31T23:59:59+09:00"))).toBe(false);
    expect(isOverdue("2027-03-31", at("2027-04-01T00:00:00+09:00"))).toBe(true);
    expect(deadlineState("2027-03-31", at("2027-03-31T23:59:00+09:00"))).toEqual({ kind: "today" });
    expect(deadlineState("2027-03-31", at("2027-04-01T00:00:00+09:00"))).toEqual({ kind: "overdue", daysOver: 1 });
  });

  it("the instant it becomes overdue is also the fiscal-year change", () => {
    const lastMoment = at("2027-03-31T23:59:59+09:00");
    const firstMoment = at("2027-04-01T00:00:00+09:00");
    expect(fiscalYearOf(lastMoment)).toBe(2026);
    expect(fiscalYearOf(firstMoment)).toBe(2027);
    expect(isOverdue("2027-03-31", lastMoment)).toBe(false);
    expect(isOverdue("2027-03-31", firstMoment)).toBe(true);
  });

  it("counts the day in Japan when UTC is still on the previous day", () => {
    // 15:00 UTC on the 9th is 00:00 JST on the 10th: a deadline of the 9th has passed, one of the 10th is today
    const now = at("2026-12-09T15:00:00Z");
    expect(isOverdue("2026-12-09", now)).toBe(true);
    expect(daysUntil("2026-12-10", now)).toBe(0);
    // one minute earlier it is still the 9th in Japan
    const before = at("2026-12-09T14:59:00Z");
    expect(isOverdue("2026-12-09", before)).toBe(false);
    expect(daysUntil("2026-12-10", before)).toBe(1);
  });

  it("says how many days are left or over", () => {
    const now = at("2026-12-08T10:00:00+09:00");
    expect(deadlineText(deadlineState("2026-12-15", now))).toBe("あと7日");
    expect(deadlineText(deadlineState("2026-12-08", now))).toBe("本日まで");
    expect(deadlineText(deadlineState("2026-12-05", now))).toBe("期限超過（3日）");
    expect(deadlineText(deadlineState(null, now))).toBe("期限なし");
  });

  it("counts across a month and a year end", () => {
    expect(daysUntil("2027-01-01", at("2026-12-31T23:30:00+09:00"))).toBe(1);
    expect(daysUntil("2027-03-01", at("2027-02-28T12:00:00+09:00"))).toBe(1);
  });

  it("gives the nearest reminder due: 7 days, then the day before, none once overdue", () => {
    expect(remindersDue("2026-12-20", at("2026-12-12T09:00:00+09:00"))).toEqual([]);
    expect(remindersDue("2026-12-20", at("2026-12-13T09:00:00+09:00"))).toEqual([7]);
    expect(remindersDue("2026-12-20", at("2026-12-16T09:00:00+09:00"))).toEqual([7]);
    expect(remindersDue("2026-12-20", at("2026-12-19T00:00:00+09:00"))).toEqual([1]);
    expect(remindersDue("2026-12-20", at("2026-12-20T23:59:00+09:00"))).toEqual([1]);
    expect(remindersDue("2026-12-20", at("2026-12-21T00:00:00+09:00"))).toEqual([]);
  });

  it("accepts only real ISO days", () => {
    expect(isIsoDay("2027-03-31")).toBe(true);
    expect(isIsoDay("2027-02-29")).toBe(false);
    expect(isIsoDay("2027-3-31")).toBe(false);
  });
});
