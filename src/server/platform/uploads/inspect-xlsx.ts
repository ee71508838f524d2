/**
 * Decides whether an uploaded xlsx may be handed to a spreadsheet parser, before any parser sees it: how many
 * entries the zip holds, how large each and all of them are once inflated, how strongly each is compressed. The
 * declared sizes are checked first (cheap), then confirmed by inflating every entry while counting, with a cap:
 * an entry whose data inflates past what it declared is refused as soon as it does.
 */
import { inflatedSize } from "./inflated-size.js";
import { readZipDirectory, type ZipEntry } from "./zip-directory.js";

export interface XlsxLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** inflated ÷ compressed, for entries of at least `ratioFloorBytes` once inflated */
  maxRatio: number;
  ratioFloorBytes: number;
}

export interface XlsxStats {
  entries: number;
  compressedBytes: number;
  inflatedBytes: number;
  largestEntry: { name: string; bytes: number } | null;
  highestRatio: { name: string; ratio: number } | null;
}

export type XlsxRefusal =
  | { reason: "not_zip" | "unsupported" | "corrupt"; detail: string }
  | { reason: "too_many_entries"; limit: number }
  | { reason: "entry_too_large"; name: string; bytes: number; limit: number }
  | { reason: "total_too_large"; bytes: number; limit: number }
  | { reason: "ratio_too_high"; name: string; ratio: number; limit: number }
  | { reason: "size_mismatch"; name: string; declared: number };

export type XlsxInspection = { ok: true; stats: XlsxStats } | ({ ok: false } & XlsxRefusal);

export async function inspectXlsx(bytes: Uint8Array, limits: XlsxLimits): Promise<XlsxInspection> {
  const dir = readZipDirectory(bytes, limits.maxEntries);
  if (!dir.ok) {
    return dir.reason === "too_many_entries"
      ? { ok: false, reason: "too_many_entries", limit: limits.maxEntries }
      : { ok: false, reason: dir.reason, detail: dir.detail };
  }
  const declared = checkDeclared(dir.entries, limits);
  if (declared) return { ok: false, ...declared };
  for (const entry of dir.entries) {
    const confirmed = await confirmSize(bytes, entry);
    if (confirmed) return { ok: false, ...confirmed };
  }
  return { ok: true, stats: statsOf(dir.entries, bytes.length) };
}

/** The limits against what the directory says: nothing is inflated yet. */
function checkDeclared(entries: ZipEntry[], limits: XlsxLimits): XlsxRefusal | null {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxEntryBytes) {
      return { reason: "entry_too_large", name: e.name, bytes: e.uncompressedSize, limit: limits.maxEntryBytes };
    }
    const ratio = ratioOf(e);
    if (e.uncompressedSize >= limits.ratioFloorBytes && ratio > limits.maxRatio) {
      return { reason: "ratio_too_high", name: e.name, ratio, limit: limits.maxRatio };
    }
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) return { reason: "total_too_large", bytes: total, limit: limits.maxTotalBytes };
  }
  return null;
}

/** Inflates one entry (counting only) and accepts it when it yields exactly the declared number of bytes. */
async function confirmSize(bytes: Uint8Array, e: ZipEntry): Promise<XlsxRefusal | null> {
  if (e.method === 0) return null; // stored: the bytes are the content, and their length was checked
  const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  const result = await inflatedSize(data, e.uncompressedSize);
  if (!result.ok && result.reason === "corrupt") return { reason: "corrupt", detail: e.name };
  if (!result.ok || result.bytes !== e.uncompressedSize) {
    return { reason: "size_mismatch", name: e.name, declared: e.uncompressedSize };
  }
  return null;
}

const ratioOf = (e: ZipEntry) => e.uncompressedSize / Math.max(1, e.compressedSize);

function statsOf(entries: ZipEntry[], compressedBytes: number): XlsxStats {
  let inflatedBytes = 0;
  let largestEntry: XlsxStats["largestEntry"] = null;
  let highestRatio: XlsxStats["highestRatio"] = null;
  for (const e of entries) {
    inflatedBytes += e.uncompressedSize;
    if (!largestEntry || e.uncompressedSize > largestEntry.bytes) {
      largestEntry = { name: e.name, bytes: e.uncompressedSize };
    }
    if (!highestRatio || ratioOf(e) > highestRatio.ratio) highestRatio = { name: e.name, ratio: ratioOf(e) };
  }
  return { entries: entries.length, compressedBytes, inflatedBytes, largestEntry, highestRatio };
}
