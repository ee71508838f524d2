/**
 * Searching persons by what a support worker types: a reading (ふりがな) or a name (漢字).
 * Pure functions: no I/O.
 */
import { escapeLike, isKana, kanaPrefixKey } from "./kana";

/**
 * A name as the prefix search by name compares it: NFKC (full-width latin → ASCII, half-width kana → full-width,
 * the ideographic space → a space), then without spaces, so 「見本　一郎」, 「見本 一郎」 and 「見本一郎」 are one name.
 * The database computes the same for every stored name (the generated column persons.name_key:
 * `replace(normalize(name_kanji, NFKC), ' ', '')`); a test checks that the two agree.
 */
export function nameSearchKey(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

/** What a search field holds: a reading when it is kana only, otherwise (kanji, latin letters, mixed) a name. */
export type PersonQuery = { by: "reading"; prefix: string } | { by: "name"; prefix: string };

/**
 * The LIKE prefix (already escaped) of what was typed: kana → the reading key (kanaPrefixKey), anything else → the
 * name key. Null when nothing searchable remains (only spaces or separators).
 */
export function personQuery(typed: string): PersonQuery | null {
  const text = typed.trim();
  if (!text) return null;
  if (isKana(text)) {
    const prefix = kanaPrefixKey(text);
    return prefix ? { by: "reading", prefix } : null;
  }
  const key = nameSearchKey(text);
  return key ? { by: "name", prefix: escapeLike(key) } : null;
}
