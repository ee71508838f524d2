/**
 * Kanji names as duplicate detection compares them (duplicates.ts): without separators and glyph selectors, and
 * with the variant kanji that are typed either way folded onto one form.
 */

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
export function compactKanji(s: string): string {
  return s.normalize("NFKC").replace(KANJI_NOISE, "").toUpperCase();
}

export function foldKanjiVariants(s: string): string {
  return Array.from(s, (c) => KANJI_VARIANTS.get(c) ?? c).join("");
}
