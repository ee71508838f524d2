import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  findDuplicateCandidates,
  type PersonForDuplicateCheck,
  REASONS,
  scoreCandidate,
} from "./duplicates";

const taro: PersonForDuplicateCheck = { nameKanji: "山田 太郎", nameKana: "ヤマダ タロウ", dateOfBirth: "1980-03-05" };

describe("scoreCandidate", () => {
  it.each<[string, PersonForDuplicateCheck, PersonForDuplicateCheck, number, string[]]>([
    [
      "everything equal",
      taro,
      { nameKanji: "山田太郎", nameKana: "やまだ たろう", dateOfBirth: "1980-03-05" },
      1,
      [REASONS.kanaEqual, REASONS.kanjiEqual, REASONS.dateEqual],
    ],
    [
      "kana typed differently, no kanji on one side",
      taro,
      { nameKana: "ﾔﾏﾀﾞ ﾀﾛｰ", dateOfBirth: "1980-03-05" },
      0.9,
      [REASONS.kanaEqual, REASONS.dateEqual],
    ],
    [
      "variant kanji",
      { nameKanji: "髙橋 一郎", nameKana: "タカハシ イチロウ", dateOfBirth: "1950-11-20" },
      { nameKanji: "高橋　一郎", nameKana: "タカハシイチロー", dateOfBirth: "1950-11-20" },
      1,
      [REASONS.kanaEqual, REASONS.kanjiEqualIgnoringVariants, REASONS.dateEqual],
    ],
    [
      "variant kanji 﨑 / 崎 and 邊 / 辺",
      { nameKanji: "山﨑 邊", nameKana: "ヤマサキ ホトリ", dateOfBirth: "1950-11-20" },
      { nameKanji: "山崎 辺", nameKana: "ヤマサキ ホトリ", dateOfBirth: "1950-11-20" },
      1,
      [REASONS.kanaEqual, REASONS.kanjiEqualIgnoringVariants, REASONS.dateEqual],
    ],
    [
      "same reading, different date, no kanji",
      { nameKana: "サトウ ヒロシ", dateOfBirth: "1970-01-01" },
      { nameKana: "サトウ ヒロシ", dateOfBirth: "1985-06-12" },
      0.45,
      [REASONS.kanaEqual],
    ],
    [
      "reading one letter off, kanji differ",
      { nameKanji: "佐藤 博", nameKana: "サトウ ヒロシ", dateOfBirth: "1970-01-01" },
      { nameKanji: "斎藤 博", nameKana: "サイトウ ヒロシ", dateOfBirth: "1970-01-01" },
      0.48,
      [REASONS.kanaOneEdit, REASONS.dateEqual],
    ],
    [
      "reading one letter off (vowel length), no kanji",
      { nameKana: "オノ ユミ", dateOfBirth: "1970-01-01" },
      { nameKana: "オオノ ユミ", dateOfBirth: "1970-01-01" },
      0.54,
      [REASONS.kanaOneEdit, REASONS.dateEqual],
    ],
    [
      "family and given name in the other order",
      { nameKana: "グエン・ヴァン・アン", dateOfBirth: "1995-07-01" },
      { nameKana: "ヴァン アン グエン", dateOfBirth: "1995-07-01" },
      0.765,
      [REASONS.kanaOrderSwapped, REASONS.dateEqual],
    ],
    [
      "reading misheard, kanji and date equal",
      { nameKanji: "東海林 聡", nameKana: "トウカイリン サトシ", dateOfBirth: "1960-02-29" },
      { nameKanji: "東海林 聡", nameKana: "ショウジ サトシ", dateOfBirth: "1960-02-29" },
      0.5,
      [REASONS.kanjiEqual, REASONS.dateEqual],
    ],
    [
      "only the date of birth in common",
      taro,
      { nameKanji: "鈴木 花子", nameKana: "スズキ ハナコ", dateOfBirth: "1980-03-05" },
      0,
      [REASONS.dateEqual],
    ],
    [
      "nothing in common",
      taro,
      { nameKanji: "鈴木 花子", nameKana: "スズキ ハナコ", dateOfBirth: "2001-12-24" },
      0,
      [],
    ],
    ["empty readings never match", { nameKana: "" }, { nameKana: " " }, 0, []],
    ["different short readings", { nameKana: "アイ" }, { nameKana: "アオ" }, 0, []],
  ])("%s", (_, a, b, score, reasons) => {
    const result = scoreCandidate(a, b);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.reasons).toEqual(reasons);
  });

  // the same person but for the date of birth: the reading and the kanji agree, the date says how much
  it.each<[string, string | null, number, string[]]>([
    ["month and day swapped", "1980-05-03", 0.85, [REASONS.dateMonthDaySwapped]],
    ["one digit wrong in the year", "1981-03-05", 0.8, [REASONS.dateOneDigit]],
    ["neighbouring digits swapped", "1908-03-05", 0.8, [REASONS.dateAdjacentDigitsSwapped]],
    ["same year and month only", "1980-03-27", 0.65, [REASONS.dateSameYearMonth]],
    ["same name, clearly different date", "1992-08-17", 0.5, []],
    ["date unknown", null, 0.6, []],
  ])("%s", (_, dateOfBirth, score, dateReasons) => {
    const result = scoreCandidate(taro, { ...taro, dateOfBirth });
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.reasons).toEqual([REASONS.kanaEqual, REASONS.kanjiEqual, ...dateReasons]);
  });

  it.each([
    ["サトウ タロウ", "サイトウ ジロウ"],
    ["オノ ハナコ", "オオタ ハナコ"],
    ["ヤマダ ハナコ", "ヤマモト ハナコ"],
  ])("keeps names that only sound alike apart: %s / %s", (a, b) => {
    const score = scoreCandidate(
      { nameKana: a, dateOfBirth: "1980-03-05" },
      { nameKana: b, dateOfBirth: "1980-03-05" },
    ).score;
    expect(score).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD);
  });
});

describe("findDuplicateCandidates", () => {
  const people = [
    { id: "p1", nameKanji: "鈴木 花子", nameKana: "スズキ ハナコ", dateOfBirth: "1980-03-05" },
    { id: "p2", nameKanji: "山田 太郎", nameKana: "ヤマダ タロウ", dateOfBirth: "1980-05-03" },
    { id: "p3", nameKanji: "山田 太郎", nameKana: "ﾔﾏﾀﾞ ﾀﾛｳ", dateOfBirth: "1980-03-05" },
    { id: "p4", nameKana: "ヤマダ タロー", dateOfBirth: null },
    { id: "p5", nameKanji: "山田 太郎", nameKana: "ヤマダ タロウ", dateOfBirth: "1999-09-09" },
    { id: "p6", nameKanji: "山田 次郎", nameKana: "ヤマダ ジロウ", dateOfBirth: "1980-03-05" },
  ];

  it("returns candidates above the threshold, best first, with the caller's records", () => {
    const result = findDuplicateCandidates(taro, people);
    expect(result.map((c) => [c.person.id, c.score])).toEqual([
      ["p3", 1],
      ["p2", 0.85],
      ["p4", 0.54],
      ["p5", 0.5],
    ]);
    expect(result[0]?.person).toBe(people[2]);
  });

  it("applies the threshold and the limit", () => {
    expect(findDuplicateCandidates(taro, people, { threshold: 0.8 }).map((c) => c.person.id)).toEqual(["p3", "p2"]);
    expect(findDuplicateCandidates(taro, people, { limit: 1 }).map((c) => c.person.id)).toEqual(["p3"]);
    // a threshold of 0 still leaves out people with no similarity at all
    expect(findDuplicateCandidates(taro, people, { threshold: 0 }).map((c) => c.person.id)).not.toContain("p1");
  });

  it("skips the record being edited", () => {
    expect(findDuplicateCandidates({ ...taro, id: "p3" }, people).map((c) => c.person.id)).not.toContain("p3");
  });

  it("finds nothing in an empty list", () => {
    expect(findDuplicateCandidates(taro, [])).toEqual([]);
  });
});

describe("scoreCandidate properties", () => {
  // Small alphabets so that equal and nearly equal values actually occur.
  const person: fc.Arbitrary<PersonForDuplicateCheck> = fc.record({
    nameKanji: fc.option(fc.constantFrom("山田太郎", "山田 太郎", "髙橋一郎", "高橋 一郎", "佐藤博", "斎藤博", ""), {
      nil: null,
    }),
    nameKana: fc.constantFrom(
      "ヤマダ タロウ",
      "やまだたろう",
      "ﾔﾏﾀﾞ ﾀﾛｰ",
      "タロウ ヤマダ",
      "タカハシ イチロウ",
      "サトウ ヒロシ",
      "サイトウ ヒロシ",
      "サトー ヒロシ",
      "",
    ),
    dateOfBirth: fc.option(
      fc.constantFrom("1980-03-05", "1980-05-03", "1981-03-05", "1908-03-05", "1980-03-27", "1992-08-17", "oops"),
      { nil: null },
    ),
  });

  it("is symmetric and within 0..1", () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const ab = scoreCandidate(a, b);
        const ba = scoreCandidate(b, a);
        expect(ab).toEqual(ba);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("scores a complete record against itself as 1", () => {
    fc.assert(
      fc.property(person, (p) => {
        fc.pre(Boolean(p.nameKanji) && p.nameKana.trim() !== "" && /^\d{4}-\d{2}-\d{2}$/.test(p.dateOfBirth ?? ""));
        expect(scoreCandidate(p, p).score).toBe(1);
      }),
    );
  });
});
