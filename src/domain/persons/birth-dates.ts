/**
 * Dates of birth as duplicate detection compares them (duplicates.ts): equal, or one of the typing errors seen in
 * registration.
 */

export interface BirthDate {
  year: string;
  month: string;
  day: string;
  /** the 8 digits YYYYMMDD, for typo comparison */
  digits: string;
}

export function parseBirthDate(s: string | null | undefined): BirthDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec((s ?? "").trim());
  if (!m) return null;
  const [, year = "", month = "", day = ""] = m;
  return { year, month, day, digits: year + month + day };
}

export type DateMatch = keyof typeof DATE_WEIGHT | null;

/**
 * Agreement of two known dates of birth, 0 … 1. The near-misses are the typing errors seen in registration:
 * month and day entered in the wrong order, one wrong digit, two neighbouring digits swapped. Same year and month is
 * weak evidence (a day slip, or a date only known approximately).
 */
export const DATE_WEIGHT = {
  equal: 1,
  monthDaySwapped: 0.7,
  oneDigit: 0.6,
  adjacentDigitsSwapped: 0.6,
  sameYearMonth: 0.3,
} as const;

export function compareDates(a: BirthDate, b: BirthDate): DateMatch {
  if (a.digits === b.digits) return "equal";
  if (a.year === b.year && a.month === b.day && a.day === b.month) return "monthDaySwapped";
  const differing: number[] = [];
  for (let i = 0; i < a.digits.length; i++) {
    if (a.digits[i] !== b.digits[i]) differing.push(i);
  }
  if (differing.length === 1) return "oneDigit";
  const [first, second] = differing;
  if (
    differing.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a.digits[first] === b.digits[second] &&
    a.digits[second] === b.digits[first]
  ) {
    return "adjacentDigitsSwapped";
  }
  if (a.year === b.year && a.month === b.month) return "sameYearMonth";
  return null;
}
