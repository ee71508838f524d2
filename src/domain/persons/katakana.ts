/**
 * Kana of a reading in one script and width: katakana, full-width, voiced letters composed. Used to key a reading
 * (kana.ts) and to tidy one shown back to the user.
 */

// Half-width katakana block, including its punctuation (｡｢｣､･), ｰ and the half-width voiced marks ﾞﾟ.
const HALF_WIDTH_KANA_RUN = /[\uFF61-\uFF9F]+/g;
// A kana letter followed by a voiced/semi-voiced mark, either combining (U+3099/U+309A) or spacing (゛゜).
const KANA_WITH_MARK = /([\u3041-\u3096\u309D\u30A1-\u30FA\u30FD])([\u3099-\u309C])/g;
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
// Hiragana U+3041 ぁ … U+3096 ゖ and the iteration marks ゝゞ sit exactly 0x60 below their katakana counterparts.
const HIRAGANA_TO_KATAKANA_OFFSET = 0x60;

/**
 * Hiragana → katakana, half-width katakana → full-width, and a letter followed by a separately typed voiced mark
 * ("ｶﾞ", "か" + U+3099, "カ゛") → the single precomposed letter ("ガ").
 *
 * Everything else (kanji, latin letters, full-width digits, spaces) is left untouched, because this is also used to
 * tidy a reading that is shown back to the user; NFKC would rewrite unrelated characters too.
 */
export function toKatakana(s: string): string {
  return (
    s
      // NFKC on half-width runs only: it widens ｶ→カ and turns ﾞﾟ into the combining marks, composing them with the
      // letter before them inside the run ("ｶﾞ" → "ガ").
      .replace(HALF_WIDTH_KANA_RUN, (run) => run.normalize("NFKC"))
      .replace(KANA_WITH_MARK, (pair, base: string, mark: string) => {
        // The spacing marks ゛゜ have no canonical composition; use the combining equivalents so NFC can compose.
        const combining = mark === "\u309B" ? "\u3099" : mark === "\u309C" ? "\u309A" : mark;
        const composed = (base + combining).normalize("NFC");
        // Letters without a voiced form ("ア゛") stay as typed rather than losing the mark silently.
        return composed.length === 1 ? composed : pair;
      })
      .replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + HIRAGANA_TO_KATAKANA_OFFSET))
      // ゟ (the より ligature) has no katakana counterpart at +0x60.
      .replace(/\u309F/g, "ヨリ")
  );
}
