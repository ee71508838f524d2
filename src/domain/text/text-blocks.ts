/**
 * How imported text is laid out for people: paragraphs and bullet lists. Documents exported from PDFs keep a list
 * either as an HTML fragment (`<ul><li>・…</li></ul>`) or as bullets run into one line ("・A ・B ・C"); shown as it is
 * stored, every item runs together. This reads the structure at presentation time only: the stored text stays
 * exactly the source, and the tags are never interpreted as HTML (the result is plain strings, rendered as text).
 */

export type TextBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/** Glyphs that start a list item when they open a line or follow a space. */
const BULLETS = "・●◆■◇□";
const BULLET_ITEM = new RegExp(`(?:^|[\\s\\u3000]+)(?=[${BULLETS}])`, "u");
const STARTS_WITH_BULLET = new RegExp(`^[${BULLETS}]`, "u");

/** The tags that carry structure in imported fragments; any other "<…>" is text and stays as written. */
const STRUCTURE_TAG_SOURCE = String.raw`<\s*(\/?)\s*(ul|ol|li|p|br|div|b|strong)\b[^<>]*>`;
const STRUCTURE_TAGS = new RegExp(STRUCTURE_TAG_SOURCE, "giu");
const HAS_STRUCTURE_TAG = new RegExp(STRUCTURE_TAG_SOURCE, "iu");
// markers for the steps below; NUL never occurs in stored text (the API refuses it)
const ITEM = "\u0000li:";
const BREAK = "\n";

/** The lines of a text with its structure tags turned into line breaks and item markers. */
function linesOf(text: string): string[] {
  let ordered = 0; // the next number inside an <ol>, 0 elsewhere
  const withoutTags = text.replace(STRUCTURE_TAGS, (_tag, closing: string, name: string) => {
    const tag = name.toLowerCase();
    if (tag === "b" || tag === "strong") return "";
    if (tag === "ul" || tag === "ol") {
      ordered = tag === "ol" && !closing ? 1 : 0;
      return BREAK;
    }
    if (tag === "li") {
      if (closing) return BREAK;
      // an item without a glyph of its own gets one when shown (or its number in an ordered list)
      return `${BREAK}${ITEM}${ordered ? `${ordered++}. ` : ""}`;
    }
    return BREAK;
  });
  return withoutTags.replace(/\r\n?/g, "\n").split("\n");
}

/** Paragraphs and lists of one text. A text without line breaks, tags or bullets is one paragraph, as written. */
export function textBlocks(text: string | null | undefined): TextBlock[] {
  const blocks: TextBlock[] = [];
  const addItem = (item: string) => {
    const last = blocks.at(-1);
    if (last?.kind === "list") last.items.push(item);
    else blocks.push({ kind: "list", items: [item] });
  };
  for (const raw of linesOf(text ?? "")) {
    if (raw.startsWith(ITEM)) {
      // bullets run into an item split it as they split any line, so that reading the laid-out text again (an
      // exported cell coming back) finds the same items
      const [first = "", ...more] = raw
        .slice(ITEM.length)
        .split(BULLET_ITEM)
        .map((p) => p.trim());
      if (first) addItem(STARTS_WITH_BULLET.test(first) || /^\d+\. /.test(first) ? first : `・${first}`);
      for (const item of more) if (item) addItem(item);
      continue;
    }
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(BULLET_ITEM).map((p) => p.trim());
    const [lead = "", ...items] = parts;
    if (STARTS_WITH_BULLET.test(lead)) addItem(lead);
    else if (lead) blocks.push({ kind: "paragraph", text: lead });
    for (const item of items) if (item) addItem(item);
  }
  return blocks;
}

/**
 * The text as lines for a spreadsheet cell or a plain-text view: one line per paragraph and per list item. A text
 * with no structure to show comes back unchanged (so exporting it and reading it back finds no difference).
 */
export function plainTextOf(text: string | null | undefined): string {
  if (text === null || text === undefined) return "";
  const blocks = textBlocks(text);
  const lines = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.items));
  const structured = blocks.some((b) => b.kind === "list") || HAS_STRUCTURE_TAG.test(text);
  return structured ? lines.join("\n") : text;
}
