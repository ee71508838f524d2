/**
 * Kana handling for person names (ふりがな).
 *
 * Support workers type the reading of a name in many ways: half-width ｶﾀｶﾅ copied from older systems, full-width
 * カタカナ, ひらがな, with or without small kana, with ー or with the vowel spelt out, with a space or a middle dot
 * between family and given name. `normalizeKana` turns all of these into one search key so that duplicate
 * detection and prefix search do not depend on how the reading happened to be typed.
 *
 * The key is an internal comparison value: it is never shown to users and never stored instead of the typed kana.
 * Pure functions: no I/O, no locale-dependent behaviour.
 */

import { KATAKANA_LETTER, LETTER_FOLDS, LONG, lengthens, VOWEL_OF, type Vowel, VU_WITH_VOWEL } from "./kana-spelling";
import { toKatakana } from "./katakana";

export { toKatakana } from "./katakana";

// ---------------------------------------------------------------------------------------------------------------
// normalizeKana
// ---------------------------------------------------------------------------------------------------------------

/**
 * Characters that only separate parts of a name: every kind of space, middle dots (・ is also how foreign names are
 * split: "グエン・ヴァン・アン"), and the equals signs used for the same purpose (゠, =). Separators never change the
 * key, so "ヤマダ タロウ", "ヤマダ　タロウ", "ヤマダ・タロウ" and "ヤマダタロウ" are the same.
 */
const SEPARATOR_CHARS = "\\s\\u00B7\\u2022\\u2027\\u2219\\u30FB\\uFF65=\\uFF1D\\u30A0";
const SEPARATOR = new RegExp(`[${SEPARATOR_CHARS}]`);

/**
 * Characters read as the long-vowel mark ー. Without an IME, or in half-width input, people type a hyphen, a dash
 * or a wave dash where they mean ー ("ｻﾄ-"); in a kana name field none of them has another meaning.
 */
const LONG_MARK_CHARS = "\\u30FC\\uFF70\\-\\u2010-\\u2015\\u2212\\uFF0D~\\u301C\\uFF5E";
const LONG_MARK = new RegExp(`[${LONG_MARK_CHARS}]`);

interface KeyResult {
  key: string;
  /** The input ends in ヴ, whose key letter still depends on the next letter typed (ヴ→ブ, ヴァ→バ). */
  endsWithOpenVu: boolean;
}

function buildKey(s: string): KeyResult {
  const chars = Array.from(
    toKatakana(
      // The spacing marks ゛゜ decompose under NFKC into a space plus a combining mark, which would then not compose
      // with the letter before it; turn them into the combining marks first so "カ゛" composes to ガ.
      s
        .replace(/\u309B/g, "\u3099")
        .replace(/\u309C/g, "\u309A")
        // NFKC: half-width → full-width (with voiced marks composed), full-width latin → ASCII, ㌀ → アパート.
        .normalize("NFKC"),
    ),
  );

  const out: string[] = [];
  // Vowel of the last syllable that a following vowel letter could lengthen; null after ン, after a long vowel
  // (a long vowel absorbs one mora only: オオオカ 大岡 = オーオカ, not オーカ 大鹿) and after non-kana.
  let lastVowel: Vowel | null = null;
  // Last letter written, repeated by the iteration marks ヽヾ (サヽキ = ササキ, スヾキ = スズキ).
  let lastLetter: string | null = null;
  let endsWithOpenVu = false;

  const emitLong = (): void => {
    // ー with nothing to lengthen (at the start, after ン, after another ー) carries no sound: drop it.
    if (lastVowel !== null) out.push(LONG);
    lastVowel = null;
  };
  const emitLetter = (letter: string): void => {
    const folded = LETTER_FOLDS[letter] ?? letter;
    if (lastVowel !== null && lengthens(folded, lastVowel)) {
      emitLong();
    } else {
      out.push(folded);
      lastVowel = VOWEL_OF.get(folded) ?? null;
    }
    lastLetter = folded;
  };

  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (SEPARATOR.test(c)) continue;
    endsWithOpenVu = false;
    if (LONG_MARK.test(c)) {
      emitLong();
    } else if (c === "ヴ") {
      // Look past separators, like everything else does, so "ヴ ァ" is still ヴァ.
      let j = i + 1;
      while (j < chars.length && SEPARATOR.test(chars[j] as string)) j++;
      const next = chars[j];
      const merged = next === undefined ? undefined : VU_WITH_VOWEL[next];
      if (merged !== undefined) {
        emitLetter(merged);
        i = j;
      } else {
        emitLetter(c);
        endsWithOpenVu = next === undefined;
      }
    } else if (c === "ヽ" || c === "ヾ") {
      if (lastLetter !== null) {
        const voiced = `${lastLetter}\u3099`.normalize("NFC");
        emitLetter(c === "ヾ" && voiced.length === 1 ? voiced : lastLetter);
      }
    } else if (KATAKANA_LETTER.test(c)) {
      emitLetter(c);
    } else if (c === "\u3099" || c === "\u309A") {
      // A mark that could not be composed with the character before it carries no usable information.
    } else {
      // Latin letters (foreign names typed in romaji), digits, stray kanji: kept so different text stays different;
      // case is folded because it is not part of a reading.
      out.push(/[a-z]/.test(c) ? c.toUpperCase() : c);
      lastVowel = null;
      lastLetter = null;
    }
  }
  // Removing a separator can bring a base character and a combining mark together ("A \u0301"); compose them now so
  // that the key is already in the form the next call would produce (idempotence).
  return { key: out.join("").normalize("NFKC"), endsWithOpenVu };
}

/**
 * The canonical search key of a kana reading: typical spelling variants of one name give the same key, different
 * names keep different keys wherever the variants allow it. Rules, in order:
 * 1. NFKC, then hiragana → katakana (half-width, full-width and hiragana input are the same; separately typed voiced
 *    marks "ｶﾞ", "か\u3099", "カ゛" compose to ガ).
 * 2. Separators (spaces of every width, middle dots, ゠ and =) are removed: whether and how the family and given
 *    names were separated is not part of the reading. They are ignored by the later rules too, so a vowel starting
 *    the given name can lengthen the end of the family name ("ヤマダ アキラ" → ヤマダーキラ): odd to read, but the
 *    key must not depend on whether a space was typed.
 * 3. Small kana → full size; ヂ→ジ, ヅ→ズ; ヲ→オ, ヰ→イ, ヱ→エ; ヴ→ブ and ヴァ/ヴィ/ヴェ/ヴォ → バ/ビ/ベ/ボ (see LETTER_FOLDS).
 * 4. Long vowels are written as one ー: the mark itself (and hyphens/dashes typed for it), a repeated vowel (オオ),
 *    ウ after O-row (オウ) and イ after E-row (エイ). A long mark with nothing to lengthen is dropped. See `lengthens`.
 * 5. Iteration marks ヽヾ repeat the previous letter; latin letters are upper-cased; other characters are kept.
 *
 * The result is idempotent, and each output letter depends only on the input up to it (plus one letter of look-ahead
 * after ヴ), which is what makes `kanaPrefixKey` work.
 */
export function normalizeKana(s: string): string {
  return buildKey(s).key;
}

/** Text matched literally by LIKE: its special characters (%, _ and the default escape character \\) escaped. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The key for a prefix search while the user is still typing: `normalizedColumn LIKE $1 || '%'` with
 * `$1 = kanaPrefixKey(input)`, where the column holds `normalizeKana(nameKana)`.
 *
 * Two differences from `normalizeKana`:
 * - a final ヴ is left out, because its key letter is only known once the next letter is typed (ヴ→ブ, ヴァ→バ);
 *   matching a little more is better than missing "ヴァン" while "ヴ" is on screen;
 * - LIKE's special characters (%, _ and the default escape character \) are escaped, so readings that contain them
 *   (latin input) are matched literally. The key contains no quote handling: always pass it as a bound parameter.
 */
export function kanaPrefixKey(s: string): string {
  const { key, endsWithOpenVu } = buildKey(s);
  const prefix = endsWithOpenVu ? key.slice(0, -1) : key;
  return escapeLike(prefix);
}

// ---------------------------------------------------------------------------------------------------------------
// isKana
// ---------------------------------------------------------------------------------------------------------------

// Hiragana (incl. ゔゕゖ, ゝゞゟ), katakana (incl. ヽヾヿ), Ainu small katakana, half-width katakana letters.
const KANA_LETTER_CHARS =
  "\\u3041-\\u3096\\u309D-\\u309F\\u30A1-\\u30FA\\u30FD-\\u30FF\\u31F0-\\u31FF\\uFF66-\\uFF6F\\uFF71-\\uFF9D";
const KANA_MARK_CHARS = "\\u3099-\\u309C\\uFF9E\\uFF9F";
const KANA_ONLY = new RegExp(`^[${KANA_LETTER_CHARS}${KANA_MARK_CHARS}${LONG_MARK_CHARS}${SEPARATOR_CHARS}]+$`);
const HAS_KANA_LETTER = new RegExp(`[${KANA_LETTER_CHARS}]`);

/**
 * Whether `s` is a kana reading: at least one kana letter, and otherwise only characters `normalizeKana`
 * understands (voiced marks, long marks and the dashes typed for them, spaces, middle dots). Width and script
 * (hiragana / katakana) do not matter, since the key is the same either way.
 */
export function isKana(s: string): boolean {
  return KANA_ONLY.test(s) && HAS_KANA_LETTER.test(s);
}
