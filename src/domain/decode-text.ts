/**
 * Turns uploaded bytes into text, or says in Japanese why it cannot. Pure: no I/O.
 * Accepts UTF-8 (with or without BOM) and Shift_JIS (Windows-31J, what Japanese office PCs save), and never
 * guesses silently: bytes that are valid in neither are refused.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: "utf-8" | "utf-8-bom" | "shift_jis" }
  | { ok: false; reason: "empty" | "binary" | "unknown_encoding"; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: "empty", message: "ファイルが空です" };
  if (looksBinary(bytes)) {
    return {
      ok: false,
      reason: "binary",
      message:
        "テキストファイルではありません。PDFから書き出したテキスト（.txt）か、tsunaguから書き出したExcelファイルを選んでください。",
    };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = tryDecode("utf-8", hasBom ? bytes.subarray(3) : bytes);
  if (utf8 !== null) return { ok: true, text: normalizeNewlines(utf8), encoding: hasBom ? "utf-8-bom" : "utf-8" };
  const sjis = tryDecode("shift_jis", bytes);
  if (sjis !== null && !sjis.includes("\uFFFD"))
    return { ok: true, text: normalizeNewlines(sjis), encoding: "shift_jis" };
  return {
    ok: false,
    reason: "unknown_encoding",
    message: "文字コードを読み取れませんでした。UTF-8 または Shift_JIS のテキストファイルにしてください。",
  };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** NUL bytes or many C0 control characters (other than tab, CR, LF, FF) mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length / 100;
}

function normalizeNewlines(s: string): string {
  return s.replace(/\r\n?/g, "\n");
}
