/**
 * A roadmap month's cell names its work streams with tags: "<協議会> ・… <普及啓発> ・…". The text is split at the
 * tags; text before the first tag belongs to 全体. The same tag twice in one cell is one stream, its parts joined.
 */
import { compactText } from "../text/normalize";
import { type StreamText, WHOLE_STREAM } from "./types";

const TAG = /<([^<>\t]{1,40})>/;

export function splitStreams(cell: string): StreamText[] {
  const parts = cell.split(new RegExp(TAG.source, "g"));
  const out: StreamText[] = [];
  const add = (stream: string, raw: string) => {
    const text = raw.trim();
    if (text === "") return;
    const known = out.find((s) => s.stream === stream);
    if (known) known.text = `${known.text} ${text}`;
    else out.push({ stream, text });
  };
  add(WHOLE_STREAM, parts[0] ?? "");
  for (let i = 1; i < parts.length; i += 2) add((parts[i] ?? "").trim(), parts[i + 1] ?? "");
  // 全体 last: the tagged streams are the roadmap's own columns
  return [...out.filter((s) => s.stream !== WHOLE_STREAM), ...out.filter((s) => s.stream === WHOLE_STREAM)];
}

export const textOf = (list: readonly StreamText[] | null, stream: string) =>
  list?.find((s) => s.stream === stream)?.text ?? "";

/** The streams two cells name that say different things (spacing and full-width forms aside), in first order. */
export function disagreeingStreams(a: readonly StreamText[], b: readonly StreamText[]): string[] {
  const streams = [...new Set([...a, ...b].map((s) => s.stream))];
  return streams.filter((stream) => compactText(textOf(a, stream)) !== compactText(textOf(b, stream)));
}
