import { useEffect, useRef, useState } from "react";

/** Near the limit (this share of it) the count is also spoken; earlier it would only be noise. */
const SPEAK_FROM = 0.9;
/** Spoken once typing pauses, never on every keystroke. */
const SPEAK_AFTER_MS = 1000;

const n = (v: number) => v.toLocaleString("ja-JP");

/** What the counter says: "1,234／20,000文字", or how far over the limit the text is. */
export function characterCountText(length: number, max: number): string {
  return length > max
    ? `${n(length)}／${n(max)}文字（${n(length - max)}文字多すぎます）`
    : `${n(length)}／${n(max)}文字`;
}

/** What a screen reader hears once typing pauses near the limit ("" before that). */
export function characterCountAnnouncement(length: number, max: number): string {
  if (length > max) return `${n(length - max)}文字多すぎます。${n(max)}文字以内にしてください。`;
  if (length >= max * SPEAK_FROM) return `あと${n(max - length)}文字入力できます。`;
  return "";
}

/**
 * The character counter of a text field. The visible count is referenced by the field's aria-describedby (`id`),
 * so it is read with the field; a separate polite live region speaks only near or over the limit, after a pause.
 * The length is the string length, as the server's schema counts it.
 */
export function CharacterCount({ id, value, max }: { id: string; value: string; max: number }) {
  const length = value.length;
  const [spoken, setSpoken] = useState("");
  // the text a page opens with is not news: speak only once the user has typed
  const initial = useRef(length);
  useEffect(() => {
    if (length === initial.current) return;
    initial.current = -1;
    const timer = setTimeout(() => setSpoken(characterCountAnnouncement(length, max)), SPEAK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [length, max]);
  return (
    <>
      <span id={id} className={length > max ? "char-count over" : "char-count"}>
        {characterCountText(length, max)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {spoken}
      </span>
    </>
  );
}
