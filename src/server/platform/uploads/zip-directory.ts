/**
 * Reads a zip file's central directory and locates each entry's compressed bytes, without inflating anything.
 *
 * ExcelJS opens an xlsx with JSZip, which inflates every entry whole and only afterwards compares the result with
 * the size the directory declared. This reader finds the entries exactly as JSZip does (the last end-of-directory
 * signature in the file, central records read while their signature repeats, each entry's data after its local
 * header's own name and extra lengths), so that what is checked here is what JSZip will inflate later. Anything a
 * spreadsheet program does not write, and on which two readers could disagree, is refused: zip64, several disks,
 * encryption, bytes before or after the archive, methods other than stored and deflate, entries sharing bytes.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate */
  method: 0 | 8;
  compressedSize: number;
  /** as declared by the central directory: to be confirmed by inflating */
  uncompressedSize: number;
  /** offset of the entry's local header */
  headerStart: number;
  /** offset of the first compressed byte */
  dataStart: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: "not_zip" | "unsupported" | "too_many_entries"; detail: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;
const CENTRAL_LENGTH = 46;
const LOCAL_LENGTH = 30;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/** Reads at most `maxEntries` central records; one more and the answer is "too_many_entries", whatever follows. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const notZip = (detail: string) => ({ ok: false as const, reason: "not_zip" as const, detail });
  const unsupported = (detail: string) => ({ ok: false as const, reason: "unsupported" as const, detail });

  const eocd = lastIndexOfSignature(bytes, EOCD_SIGNATURE);
  if (eocd < 0 || eocd + EOCD_LENGTH > bytes.length) return notZip("no end of central directory");
  const disk = u16(eocd + 4);
  const centralDisk = u16(eocd + 6);
  const recordsOnDisk = u16(eocd + 8);
  const records = u16(eocd + 10);
  const centralSize = u32(eocd + 12);
  const centralOffset = u32(eocd + 16);
  const commentLength = u16(eocd + 20);
  if ([disk, centralDisk, recordsOnDisk, records].includes(MAX_16) || [centralSize, centralOffset].includes(MAX_32)) {
    return unsupported("zip64");
  }
  if (disk !== 0 || centralDisk !== 0 || recordsOnDisk !== records) return unsupported("several disks");
  if (eocd + EOCD_LENGTH + commentLength !== bytes.length) return notZip("bytes after the archive");
  if (centralOffset + centralSize !== eocd) return notZip("central directory not where declared");

  const entries: ZipEntry[] = [];
  let at = centralOffset;
  while (at + 4 <= eocd && u32(at) === CENTRAL_SIGNATURE) {
    if (entries.length === maxEntries) return { ok: false, reason: "too_many_entries", detail: `> ${maxEntries}` };
    if (at + CENTRAL_LENGTH > eocd) return notZip("truncated central record");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const fileCommentLength = u16(at + 32);
    const entryDisk = u16(at + 34);
    const localOffset = u32(at + 42);
    const next = at + CENTRAL_LENGTH + nameLength + extraLength + fileCommentLength;
    if (next > eocd) return notZip("truncated central record");
    const name = bytes.subarray(at + CENTRAL_LENGTH, at + CENTRAL_LENGTH + nameLength);
    const nameText = new TextDecoder().decode(name);
    if (flags & 0x0001) return unsupported(`encrypted: ${nameText}`);
    if (method !== 0 && method !== 8) return unsupported(`method ${method}: ${nameText}`);
    if ([compressedSize, uncompressedSize, localOffset].includes(MAX_32)) return unsupported("zip64");
    if (entryDisk !== 0) return unsupported("several disks");
    if (method === 0 && compressedSize !== uncompressedSize) return notZip(`stored sizes differ: ${nameText}`);

    // JSZip takes the data's position (and the name it reports) from the local header: so do we.
    if (localOffset + LOCAL_LENGTH > centralOffset || u32(localOffset) !== LOCAL_SIGNATURE) {
      return notZip(`no local header: ${nameText}`);
    }
    const localNameLength = u16(localOffset + 26);
    const localExtraLength = u16(localOffset + 28);
    const localName = bytes.subarray(localOffset + LOCAL_LENGTH, localOffset + LOCAL_LENGTH + localNameLength);
    if (!sameBytes(localName, name)) return notZip(`local name differs: ${nameText}`);
    const dataStart = localOffset + LOCAL_LENGTH + localNameLength + localExtraLength;
    if (dataStart + compressedSize > centralOffset) return notZip(`data past the central directory: ${nameText}`);
    entries.push({ name: nameText, method, compressedSize, uncompressedSize, headerStart: localOffset, dataStart });
    at = next;
  }
  if (at !== eocd || entries.length !== records) return notZip("central directory does not match its count");
  return overlapping(entries) ? notZip("entries share bytes") : { ok: true, entries };
}

/** Entries whose headers or data overlap let a small file inflate the same bytes many times over. */
function overlapping(entries: ZipEntry[]): boolean {
  const spans = entries
    .map((e) => ({ start: e.headerStart, end: e.dataStart + e.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur.start < prev.end) return true;
  }
  return false;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The last occurrence of a 4-byte little-endian signature, searching from the end as JSZip does. */
function lastIndexOfSignature(bytes: Uint8Array, signature: number): number {
  const b0 = signature & 0xff;
  const b1 = (signature >>> 8) & 0xff;
  const b2 = (signature >>> 16) & 0xff;
  const b3 = signature >>> 24;
  for (let i = bytes.length - 4; i >= 0; i--) {
    if (bytes[i] === b0 && bytes[i + 1] === b1 && bytes[i + 2] === b2 && bytes[i + 3] === b3) return i;
  }
  return -1;
}
