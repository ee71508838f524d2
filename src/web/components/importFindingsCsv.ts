/**
 * The findings of an import preview (warnings and unread lines) as rows with the document's own text, and as the CSV
 * the plan office downloads to check them against the PDF. Built in the browser from the preview and the file the
 * user chose, so no request is needed and nothing of the document is sent again.
 */
import { decodeText } from "../../domain/decode-text";
import { splitSourceLines } from "../../domain/import-evaluation/source-lines";
import { toCsv } from "../../domain/revisions/diff-table";
import type { ImportWarning } from "../types";

/** The kind the unread lines are listed under, next to the warnings' kinds. */
export const UNPARSED_KIND = "unparsed";
export const UNPARSED_LABEL = "読み取れなかった行";

export interface Finding {
  line: number;
  kind: string;
  message: string;
  /** the document's text on that line, as written ("" when the file could not be read back) */
  source: string;
}

/** The document's lines numbered as the server numbered them; null when the bytes are not readable text. */
export function sourceLinesOf(bytes: ArrayBuffer): string[] | null {
  const decoded = decodeText(new Uint8Array(bytes));
  return decoded.ok ? splitSourceLines(decoded.text) : null;
}

/** Warnings and unread lines in line order (a line's warnings before the line itself when it was not read). */
export function findingsOf(
  warnings: readonly ImportWarning[],
  unparsed: readonly { line: number; text: string }[],
  lines: readonly string[] | null,
): Finding[] {
  const sourceOf = (line: number) => lines?.[line - 1] ?? "";
  const rows: Finding[] = [
    ...warnings.map((w) => ({ line: w.line, kind: w.kind, message: w.message, source: sourceOf(w.line) })),
    ...unparsed.map((u) => ({ line: u.line, kind: UNPARSED_KIND, message: UNPARSED_LABEL, source: u.text })),
  ];
  return rows.sort((a, b) => a.line - b.line);
}

/** Kinds with their counts, in the order they first occur. */
export function kindCounts(findings: readonly Finding[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts.entries()];
}

/** UTF-8 with BOM, CRLF: 行, 種類, 内容, 原文 (formula-like cells are neutralised by toCsv). */
export function findingsCsv(findings: readonly Finding[], labels: Readonly<Record<string, string>>): string {
  const label = (kind: string) => (kind === UNPARSED_KIND ? UNPARSED_LABEL : (labels[kind] ?? kind));
  return toCsv([
    ["行", "種類", "内容", "原文"],
    ...findings.map((f) => [String(f.line), label(f.kind), f.message, f.source]),
  ]);
}
