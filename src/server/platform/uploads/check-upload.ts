/**
 * The checks every upload passes before anything parses it, with the Japanese message a refused file gets.
 * Nothing has been read or written when these refuse.
 */
import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.js";
import { inspectXlsx, type XlsxRefusal } from "./inspect-xlsx.js";
import { formatMegabytes, UPLOAD_LIMITS } from "./limits.js";

const NOTHING_IMPORTED = "何も取り込んでいません。";

const tooLarge = (message: string, details: Record<string, unknown>) =>
  new AppError(413, "file_too_large", `${message}${NOTHING_IMPORTED}`, details);
const unreadable = (message: string, details: Record<string, unknown>) =>
  new AppError(400, "unreadable_file", `${message}${NOTHING_IMPORTED}`, details);

/** The request body as announced (Content-Length), before it is received. */
export function checkUploadLength(bytes: number): void {
  if (bytes > UPLOAD_LIMITS.uploadBytes) {
    throw tooLarge(
      `ファイルが大きすぎます（${formatMegabytes(bytes)}、上限 ${formatMegabytes(UPLOAD_LIMITS.uploadBytes)}）。`,
      { limit: UPLOAD_LIMITS.uploadBytes },
    );
  }
}

/** Route hook of the upload routes: a body announced larger than the limit is refused before it is received. */
export async function refuseOversizedUpload(request: FastifyRequest): Promise<void> {
  const length = Number(request.headers["content-length"]);
  if (Number.isFinite(length)) checkUploadLength(length);
}

/** A text document, before it is decoded. */
export function checkTextUpload(bytes: Uint8Array): void {
  if (bytes.length > UPLOAD_LIMITS.textBytes) {
    throw tooLarge(
      `テキストファイルが大きすぎます（${formatMegabytes(bytes.length)}、上限 ${formatMegabytes(UPLOAD_LIMITS.textBytes)}）。文書を分けて取り込んでください。`,
      { limit: UPLOAD_LIMITS.textBytes },
    );
  }
}

/**
 * An xlsx, before a spreadsheet parser opens it: the zip's directory, then every entry inflated and counted.
 * `notReadable` is the caller's answer to a file that is not a zip it can read (damaged, encrypted, zip64, …).
 */
export async function checkXlsxUpload(bytes: Uint8Array, notReadable: () => AppError): Promise<void> {
  checkUploadLength(bytes.length);
  const result = await inspectXlsx(bytes, UPLOAD_LIMITS.xlsx);
  if (!result.ok) throw refusal(result, notReadable);
}

const WHAT_WE_READ = "tsunaguから書き出したファイルを、Excelで編集して保存したものを選んでください。";

/** Entry names come from the file: shown shortened, as text. */
const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

function refusal(r: XlsxRefusal, notReadable: () => AppError): AppError {
  const details = { reason: r.reason };
  switch (r.reason) {
    case "not_zip":
    case "unsupported":
      return notReadable();
    case "corrupt": // the detail is the entry's name
      return unreadable(
        `Excelファイル（.xlsx）の中のデータ（${shown(r.detail)}）が壊れています。${WHAT_WE_READ}`,
        details,
      );
    case "too_many_entries":
      return tooLarge(
        `Excelファイルの中のファイル（シートなど）が多すぎます（上限 ${r.limit.toLocaleString("ja-JP")}）。${WHAT_WE_READ}`,
        { ...details, limit: r.limit },
      );
    case "entry_too_large":
      return tooLarge(
        `Excelファイルを展開すると大きすぎます（${shown(r.name)} が ${formatMegabytes(r.bytes)}、上限 ${formatMegabytes(r.limit)}）。`,
        { ...details, entry: shown(r.name), limit: r.limit },
      );
    case "total_too_large":
      return tooLarge(
        `Excelファイルを展開すると大きすぎます（合計 ${formatMegabytes(r.bytes)} 以上、上限 ${formatMegabytes(r.limit)}）。`,
        { ...details, limit: r.limit },
      );
    case "ratio_too_high":
      return unreadable(
        `Excelファイルの中に、通常ではありえないほど圧縮されたデータがあります（${shown(r.name)}: ${Math.round(r.ratio).toLocaleString("ja-JP")}倍、上限 ${r.limit}倍）。`,
        { ...details, entry: shown(r.name), limit: r.limit },
      );
    case "size_mismatch":
      return unreadable(
        `Excelファイルの中のデータ（${shown(r.name)}）の大きさが、ファイルに記録された大きさと一致しません。ファイルが壊れているか、書き換えられています。`,
        { ...details, entry: shown(r.name) },
      );
  }
}
