/**
 * What one upload may cost. The reference figures (bench/uploads.ts) are the real documents and the largest
 * workbook tsunagu itself writes: the evaluation workbook of a 2,000-project plan whose six text fields are all
 * as long as the longest field of the largest real document (500 characters, every text different), which is
 * 3.3 MB uploaded, 2,017 entries, 28.3 MB inflated, its largest entry xl/sharedStrings.xml at 17.3 MB, and no
 * entry compressed more than 43 times.
 *
 * The parser's memory is what the limits protect: ExcelJS holds every cell as an object, so a worksheet of small
 * cells costs it 12 to 16 bytes of memory per inflated byte. The worst file the limits let through (64 MB of such
 * cells in two 32 MB worksheets, 5 MB uploaded) took ExcelJS 830 MB of heap, 1 GB resident, 29 s on this machine:
 * a few times the largest real file, and well below the 4 GB heap at which the process dies. One workbook is
 * parsed at a time (parse-slot.ts), so several such files at once do not add up.
 */
const MiB = 1024 * 1024;

export const UPLOAD_LIMITS = {
  /**
   * Request body of an upload. 6 times the 2,000-project workbook (3.3 MB) and 4 times the largest text allowed;
   * the whole body is held in memory before anything looks at it.
   */
  uploadBytes: 20 * MiB,
  /**
   * Text documents, checked before decoding. The largest real document (the 評価総括表・評価表, 68 projects) is
   * 145 KB, so this is 35 times that, or the same document with about 2,400 projects. Parsing is synchronous and
   * takes up to about 3 seconds per MB for a 実施計画 on this machine: the limit also bounds that.
   */
  textBytes: 5 * MiB,
  xlsx: {
    /** 2,017 entries for 2,000 projects (one worksheet each, plus about 15 parts of every workbook). */
    maxEntries: 10_000,
    /** About twice the largest real entry (17.3 MB of shared strings for 2,000 projects with long texts). */
    maxEntryBytes: 32 * MiB,
    /** 2.3 times the 2,000-project workbook's 28.3 MB; the worst case for ExcelJS is described above. */
    maxTotalBytes: 64 * MiB,
    /**
     * The real workbooks compress at most 43 times ([Content_Types].xml); deflate cannot exceed about 1,032.
     * Checked for entries of at least 1 MB, since small entries cost nothing whatever their ratio.
     */
    maxRatio: 200,
    ratioFloorBytes: MiB,
  },
} as const;

/**
 * "20 MB", "1,024.1 MB": sizes in the messages. Rounded up to a tenth, so a size over a limit never reads as the
 * limit itself.
 */
export function formatMegabytes(bytes: number): string {
  const mb = Math.ceil((bytes / MiB) * 10) / 10;
  return `${mb.toLocaleString("ja-JP", { maximumFractionDigits: 1 })} MB`;
}

/** The content types an upload arrives as: its raw bytes, read by the importers (app.ts parses them as bytes). */
export const UPLOAD_CONTENT_TYPES = [
  "application/octet-stream",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const;
