/**
 * Likely duplicates of a person being registered.
 *
 * The result is only a list of candidates offered to the support worker, who decides whether to link the records
 * (records are never merged automatically). So the scoring prefers recall: a plausible candidate with a clear reason
 * costs one look, a missed duplicate costs two case histories for one person.
 *
 * Pure functions: no I/O.
 */

import { normalizeKana } from "./kana";
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

// ---------------------------------------------------------------------------------------------------------------
// Kanji names
// ---------------------------------------------------------------------------------------------------------------

/**
 * Variant kanji (異体字) that stand for the same name character and are typed either way, depending on whether the
 * input method offers the registered form. Mapped onto the common form. Kept small on purpose: only forms frequent
 * in surnames, and only pairs where treating both as equal cannot hide a real difference between two people
 * (the reading and the date of birth still have to agree for a high score).
 */
const KANJI_VARIANTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    髙: "高",
    﨑: "崎", // U+FA11 has no NFKC mapping, unlike most compatibility ideographs
    嵜: "崎",
    碕: "崎",
    邊: "辺",
    邉: "辺",
    澤: "沢",
    濱: "浜",
    濵: "浜",
    // 斎藤 / 齋藤 / 齊藤 / 斉藤 are registered separately but are the name most often typed in the wrong form.
    齋: "斎",
    齊: "斎",
    斉: "斎",
    櫻: "桜",
    廣: "広",
    國: "国",
    眞: "真",
    德: "徳",
    惠: "恵",
    榮: "栄",
    實: "実",
    藏: "蔵",
    壽: "寿",
    冨: "富",
    𠮷: "吉", // U+20BB7 (つちよし), outside the BMP
    槇: "槙",
    瀨: "瀬",
    峯: "峰",
    嶋: "島",
    嶌: "島",
    圓: "円",
    淺: "浅",
    龍: "竜",
  }),
);

// Spaces and middle dots between family and given name; variation selectors (U+FE00–FE0F, IVS U+E0100–E01EF) that
// pick one glyph of the same character and are present or absent depending on the system that produced the text.
const KANJI_NOISE = /[\s\u00B7\u30FB\uFF65]|\p{Variation_Selector}/gu;

// NFKC also folds the compatibility ideographs that do have a mapping (塚 U+FA10 → 塚) and full-width latin letters of
// foreign names; case is not part of a name.
function compactKanji(s: string): string {
  return s.normalize("NFKC").replace(KANJI_NOISE, "").toUpperCase();
}

function foldKanjiVariants(s: string): string {
  return Array.from(s, (c) => KANJI_VARIANTS.get(c) ?? c).join("");
}

// ---------------------------------------------------------------------------------------------------------------
// Dates of birth
// ---------------------------------------------------------------------------------------------------------------

interface BirthDate {
  year: string;
  month: string;
  day: string;
  /** the 8 digits YYYYMMDD, for typo comparison */
  digits: string;
}

function parseBirthDate(s: string | null | undefined): BirthDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec((s ?? "").trim());
  if (!m) return null;
  const [, year = "", month = "", day = ""] = m;
  return { year, month, day, digits: year + month + day };
}

type DateMatch = keyof typeof DATE_WEIGHT | null;

/**
 * Agreement of two known dates of birth, 0 … 1. The near-misses are the typing errors seen in registration:
 * month and day entered in the wrong order, one wrong digit, two neighbouring digits swapped. Same year and month is
 * weak evidence (a day slip, or a date only known approximately).
 */
const DATE_WEIGHT = {
  equal: 1,
  monthDaySwapped: 0.7,
  oneDigit: 0.6,
  adjacentDigitsSwapped: 0.6,
  sameYearMonth: 0.3,
} as const;

const DATE_REASON: Readonly<Record<keyof typeof DATE_WEIGHT, string>> = {
  equal: REASONS.dateEqual,
  monthDaySwapped: REASONS.dateMonthDaySwapped,
  oneDigit: REASONS.dateOneDigit,
  adjacentDigitsSwapped: REASONS.dateAdjacentDigitsSwapped,
  sameYearMonth: REASONS.dateSameYearMonth,
};

function compareDates(a: BirthDate, b: BirthDate): DateMatch {
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

// ---------------------------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------------------------

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
  if (kanaMatch === "equal") reasons.push(REASONS.kanaEqual);
  if (kanaMatch === "orderSwapped") reasons.push(REASONS.kanaOrderSwapped);
  if (kanaMatch === "oneEdit") reasons.push(REASONS.kanaOneEdit);

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
