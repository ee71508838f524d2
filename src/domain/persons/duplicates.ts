/**
 * Likely duplicates of a person being registered.
 *
 * The result is only a list of candidates offered to the support worker, who decides whether to link the records
 * (records are never merged automatically). So the scoring prefers recall: a plausible candidate with a clear reason
 * costs one look, a missed duplicate costs two case histories for one person.
 *
 * Pure functions: no I/O.
 */

import { type BirthDate, compareDates, DATE_WEIGHT, parseBirthDate } from "./birth-dates";
import { normalizeKana } from "./kana";
import { compactKanji, foldKanjiVariants } from "./kanji-names";
import { withinEditDistance } from "./levenshtein";

export interface PersonForDuplicateCheck {
  id?: string;
  nameKanji?: string | null;
  nameKana: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string | null;
}

export interface DuplicateScore {
  /** 0 (unrelated) … 1 (every known field agrees) */
  score: number;
  /** Why the pair looks alike, in Japanese, for display next to the candidate. */
  reasons: string[];
}

export interface DuplicateCandidate<P extends PersonForDuplicateCheck> extends DuplicateScore {
  person: P;
}

export interface FindDuplicateOptions {
  /** Candidates scoring below this are not offered. */
  threshold?: number;
  /** At most this many candidates, best first. */
  limit?: number;
}

/**
 * Default threshold: reached by an exact reading with a matching or nearly matching date of birth, or with no date
 * to compare; by a reading one letter off with the same date; by the same kanji name with the same date. Not reached
 * by a shared reading with a clearly different date of birth (common names such as サトウ ヒロシ are shared by many
 * people) unless the kanji name agrees too, nor by a shared date of birth alone.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.5;

export const REASONS = {
  kanaEqual: "ふりがなが一致",
  kanaOrderSwapped: "ふりがなの姓と名の順序が異なる",
  kanaOneEdit: "ふりがなが1文字違い",
  kanjiEqual: "氏名（漢字）が一致",
  kanjiEqualIgnoringVariants: "氏名（漢字）が異体字を除いて一致",
  dateEqual: "生年月日が一致",
  dateMonthDaySwapped: "生年月日の月日が入れ替わっている",
  dateOneDigit: "生年月日の数字が1文字違い",
  dateAdjacentDigitsSwapped: "生年月日の隣り合う数字が入れ替わっている",
  dateSameYearMonth: "生年月日の年月が一致",
} as const;

interface PreparedPerson {
  kanaKey: string;
  /** keys of the parts of the reading as typed, split at spaces and dots; empty when typed as one word */
  kanaPartKeys: string[];
  kanji: string | null;
  kanjiFolded: string | null;
  birthDate: BirthDate | null;
}

const KANA_PART_SEPARATOR = /[\s\u00B7\u30FB\uFF65=\uFF1D\u30A0]+/;

function prepare(p: PersonForDuplicateCheck): PreparedPerson {
  const kana = p.nameKana ?? "";
  const parts = kana
    .split(KANA_PART_SEPARATOR)
    .map(normalizeKana)
    .filter((k) => k !== "");
  const kanji = compactKanji(p.nameKanji ?? "");
  return {
    kanaKey: normalizeKana(kana),
    kanaPartKeys: parts.length >= 2 ? parts.toSorted() : [],
    kanji: kanji === "" ? null : kanji,
    kanjiFolded: kanji === "" ? null : foldKanjiVariants(kanji),
    birthDate: parseBirthDate(p.dateOfBirth),
  };
}

// Agreement of the readings, 0 … 1.
const KANA_WEIGHT = { equal: 1, orderSwapped: 0.85, oneEdit: 0.6 } as const;

const KANA_REASON: Readonly<Record<keyof typeof KANA_WEIGHT, string>> = {
  equal: REASONS.kanaEqual,
  orderSwapped: REASONS.kanaOrderSwapped,
  oneEdit: REASONS.kanaOneEdit,
};

const DATE_REASON: Readonly<Record<keyof typeof DATE_WEIGHT, string>> = {
  equal: REASONS.dateEqual,
  monthDaySwapped: REASONS.dateMonthDaySwapped,
  oneDigit: REASONS.dateOneDigit,
  adjacentDigitsSwapped: REASONS.dateAdjacentDigitsSwapped,
  sameYearMonth: REASONS.dateSameYearMonth,
};

function compareKana(a: PreparedPerson, b: PreparedPerson): keyof typeof KANA_WEIGHT | null {
  if (a.kanaKey === "" || b.kanaKey === "") return null;
  if (a.kanaKey === b.kanaKey) return "equal";
  // Family and given name in the other order: frequent with foreign residents, whose documents use either order.
  if (
    a.kanaPartKeys.length > 0 &&
    a.kanaPartKeys.length === b.kanaPartKeys.length &&
    a.kanaPartKeys.every((k, i) => k === b.kanaPartKeys[i])
  ) {
    return "orderSwapped";
  }
  // One edit covers a mistyped, missing or extra letter and a vowel length written differently (オノ / オーノ). Not
  // for two very short keys, where one edit turns any reading into an unrelated one.
  const lengthA = Array.from(a.kanaKey).length;
  const lengthB = Array.from(b.kanaKey).length;
  if (Math.max(lengthA, lengthB) >= 3 && withinEditDistance(a.kanaKey, b.kanaKey, 1)) {
    return "oneEdit";
  }
  return null;
}

function scorePrepared(a: PreparedPerson, b: PreparedPerson): DuplicateScore {
  const reasons: string[] = [];

  const kanaMatch = compareKana(a, b);
  const kana = kanaMatch === null ? 0 : KANA_WEIGHT[kanaMatch];
  if (kanaMatch !== null) reasons.push(KANA_REASON[kanaMatch]);

  // Name evidence, 0 … 1. The reading is the primary key (it is always entered and does not depend on the input
  // method's kanji); the kanji name confirms it, or — when equal — rescues a reading that was misheard or misread.
  let name: number;
  if (a.kanji === null || b.kanji === null) {
    // Unknown kanji on one side: neither confirms nor contradicts, but an unconfirmed reading is worth a bit less.
    name = 0.9 * kana;
  } else if (a.kanjiFolded === b.kanjiFolded) {
    name = 0.5 + 0.5 * kana;
    reasons.push(a.kanji === b.kanji ? REASONS.kanjiEqual : REASONS.kanjiEqualIgnoringVariants);
  } else {
    // Different kanji with the same reading: a variant missing from the table, or another person of the same name.
    name = 0.8 * kana;
  }

  // Date factor. Multiplying (instead of adding) keeps a shared birthday alone from producing a candidate, and
  // lets a clearly different date pull a same-name pair down: dates of birth are rarely wrong by more than a typo.
  let dateFactor: number;
  if (a.birthDate === null || b.birthDate === null) {
    dateFactor = 0.6;
  } else {
    const dateMatch = compareDates(a.birthDate, b.birthDate);
    dateFactor = 0.5 + 0.5 * (dateMatch === null ? 0 : DATE_WEIGHT[dateMatch]);
    if (dateMatch !== null) reasons.push(DATE_REASON[dateMatch]);
  }

  // Rounded so that equal evidence gives exactly equal scores (stable ordering, thresholds without float noise).
  return { score: Math.round(name * dateFactor * 1000) / 1000, reasons };
}

/**
 * How much `existing` looks like the same person as `newPerson`. Symmetric: the order of the two does not matter.
 *
 * score = name × dateFactor, where
 * - name: reading equal 1 / family and given swapped 0.85 / one edit apart 0.6 / else 0 (on `normalizeKana` keys);
 *   × 0.9 if a kanji name is missing, 0.5 + 0.5 × reading if the kanji names agree (variants folded),
 *   × 0.8 if they differ;
 * - dateFactor: 0.6 if a date is unknown, otherwise 0.5 + 0.5 × (equal 1 / month and day swapped 0.7 / one digit
 *   or two neighbouring digits 0.6 / same year and month 0.3 / else 0).
 */
export function scoreCandidate(newPerson: PersonForDuplicateCheck, existing: PersonForDuplicateCheck): DuplicateScore {
  return scorePrepared(prepare(newPerson), prepare(existing));
}

/**
 * Registered people who may be `newPerson`, best first (ties keep the order of `people`). A record with the same id
 * as `newPerson` is skipped, so the check also works when an existing record is edited.
 */
export function findDuplicateCandidates<P extends PersonForDuplicateCheck>(
  newPerson: PersonForDuplicateCheck,
  people: readonly P[],
  options: FindDuplicateOptions = {},
): DuplicateCandidate<P>[] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const target = prepare(newPerson);
  const candidates: DuplicateCandidate<P>[] = [];
  for (const person of people) {
    if (newPerson.id !== undefined && person.id === newPerson.id) continue;
    const { score, reasons } = scorePrepared(target, prepare(person));
    if (score > 0 && score >= threshold) candidates.push({ person, score, reasons });
  }
  // Array.prototype.sort is stable, so equal scores keep the input order.
  candidates.sort((x, y) => y.score - x.score);
  return options.limit === undefined ? candidates : candidates.slice(0, options.limit);
}
