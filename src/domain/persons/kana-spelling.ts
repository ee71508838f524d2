/**
 * The spellings one sound of a reading has, folded to one: small kana, old and foreign letters (LETTER_FOLDS,
 * VU_WITH_VOWEL) and long vowels (lengthens). The tables normalizeKana (kana.ts) keys a reading with.
 */

/**
 * One-to-one folds applied to each katakana letter, each collapsing spellings that stand for the same sound:
 * - small kana → full size (ァ→ア, ッ→ツ, ャ→ヤ, ヮ→ワ, ヵ→カ, ヶ→ケ, Ainu small ㇰ→ク …): many older systems
 *   (bank transfers, mainframe registers) cannot store small kana and write "ｼﾖｳｺ" for "ショウコ". The cost is that
 *   readings differing only in size collide (キョウコ / キヨコ), which the date of birth then tells apart.
 * - ヂ→ジ, ヅ→ズ: since 1946 the two pairs are the same sound and people pick either (ツヅキ / ツズキ).
 * - ヲ→オ, ヰ→イ, ヱ→エ: old spellings still found in elderly people's names (カヲル, ヱミ) and typed either way.
 * - ヷヸヹヺ → バビベボ: the same reason as ヴ→ブ below.
 */
export const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ァ: "ア",
  ィ: "イ",
  ゥ: "ウ",
  ェ: "エ",
  ォ: "オ",
  ッ: "ツ",
  ャ: "ヤ",
  ュ: "ユ",
  ョ: "ヨ",
  ヮ: "ワ",
  ヵ: "カ",
  ヶ: "ケ",
  ㇰ: "ク",
  ㇱ: "シ",
  ㇲ: "ス",
  ㇳ: "ト",
  ㇴ: "ヌ",
  ㇵ: "ハ",
  ㇶ: "ヒ",
  ㇷ: "フ",
  ㇸ: "ヘ",
  ㇹ: "ホ",
  ㇺ: "ム",
  ㇻ: "ラ",
  ㇼ: "リ",
  ㇽ: "ル",
  ㇾ: "レ",
  ㇿ: "ロ",
  ヂ: "ジ",
  ヅ: "ズ",
  ヲ: "オ",
  ヰ: "イ",
  ヱ: "エ",
  ヷ: "バ",
  ヸ: "ビ",
  ヹ: "ベ",
  ヺ: "ボ",
  ヴ: "ブ",
};

/**
 * ヴ followed by a vowel is one syllable that is just as often written with the B-row: "ヴァン" / "バン" (very common
 * in Vietnamese names), "ダヴィド" / "ダビド". Large vowels are included because systems without small kana write
 * "ヴアン". A lone ヴ becomes ブ (LETTER_FOLDS).
 */
export const VU_WITH_VOWEL: Readonly<Record<string, string>> = {
  ァ: "バ",
  ア: "バ",
  ィ: "ビ",
  イ: "ビ",
  ェ: "ベ",
  エ: "ベ",
  ォ: "ボ",
  オ: "ボ",
};

export type Vowel = "a" | "i" | "u" | "e" | "o";

// Vowel of each (already folded) katakana letter. ン and non-kana characters have none.
export const VOWEL_OF: ReadonlyMap<string, Vowel> = new Map(
  (
    [
      ["a", "アカガサザタダナハバパマヤラワ"],
      ["i", "イキギシジチニヒビピミリ"],
      ["u", "ウクグスズツヌフブプムユル"],
      ["e", "エケゲセゼテデネヘベペメレ"],
      ["o", "オコゴソゾトドノホボポモヨロ"],
    ] as const
  ).flatMap(([vowel, letters]) => Array.from(letters, (letter) => [letter, vowel] as const)),
);

export const LONG = "ー";
export const KATAKANA_LETTER = /^[\u30A1-\u30FA\u31F0-\u31FF]$/;

/**
 * Whether `letter`, following a syllable with vowel `previous`, only lengthens that syllable. Such letters become ー
 * in the key, so the typical ways of writing one long vowel give the same key:
 * - the same vowel again: オオノ = オーノ, イイダ = イーダ, ユウキ = ユーキ, サアヤ = サーヤ;
 * - ウ after an O-row syllable: standard spelling of long o (サトウ = サトー = サトオ, トオヤマ = トウヤマ, ショウ);
 * - イ after an E-row syllable: standard spelling of long e (ケイコ = ケーコ, セイジ = セージ).
 *
 * A long vowel is deliberately kept as ー instead of being dropped: dropping it would make distinct, common names
 * equal (オオノ 大野 / オノ 小野, ユウキ / ユキ, イイダ / イダ, オオタ / オタ). Readings that differ only in vowel length
 * (a romanised "ONO" typed back as オノ) are still one edit apart, and duplicate scoring accepts one edit.
 */
export function lengthens(letter: string, previous: Vowel): boolean {
  const vowel = VOWEL_OF.get(letter);
  return (
    "アイウエオ".includes(letter) &&
    (vowel === previous || (letter === "ウ" && previous === "o") || (letter === "イ" && previous === "e"))
  );
}
