import { createHash } from "node:crypto";
import type { SignedCheckpoint } from "../audit-checkpoints/signature.js";

/**
 * A backup file: one line of JSON (the manifest), a newline, then the PGlite data folder as a gzipped tarball
 * (PGlite's own dumpDataDir format). The manifest names the payload's length and SHA-256, so a truncated or altered
 * file is refused before anything is written; it also carries the checkpoints signed right before the copy (the
 * restore point) and the row count of every table at that moment.
 */
export interface BackupManifest {
  format: "tsunagu-backup";
  version: 1;
  createdAt: string;
  database: "pglite";
  checkpoints: SignedCheckpoint[];
  tables: Record<string, number>;
  payload: { encoding: "tar+gzip"; bytes: number; sha256: string };
}

export class BackupFileError extends Error {}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function encodeBackup(
  manifest: Omit<BackupManifest, "format" | "version" | "payload">,
  payload: Uint8Array,
): Buffer {
  const full: BackupManifest = {
    format: "tsunagu-backup",
    version: 1,
    ...manifest,
    payload: { encoding: "tar+gzip", bytes: payload.byteLength, sha256: sha256(payload) },
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(full)}\n`), payload]);
}

/** The manifest and the payload, or a BackupFileError saying in Japanese what is wrong with the file. */
export function decodeBackup(file: Buffer): { manifest: BackupManifest; payload: Buffer } {
  const newline = file.indexOf(0x0a);
  if (newline < 0) throw new BackupFileError("バックアップファイルではありません（先頭の説明行がありません）");
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(file.subarray(0, newline).toString("utf8")) as BackupManifest;
  } catch {
    throw new BackupFileError("バックアップファイルではありません（先頭の説明行を読めません）");
  }
  if (manifest?.format !== "tsunagu-backup" || manifest.version !== 1 || !manifest.payload)
    throw new BackupFileError("バックアップファイルではないか、この版では読めない形式です");
  const payload = file.subarray(newline + 1);
  if (payload.byteLength !== manifest.payload.bytes)
    throw new BackupFileError(
      `バックアップファイルが壊れています: 本体が ${payload.byteLength} バイトで、${manifest.payload.bytes} バイトのはずです（途中で切れています）`,
    );
  if (sha256(payload) !== manifest.payload.sha256)
    throw new BackupFileError("バックアップファイルが壊れています: 本体の SHA-256 が説明行と合いません");
  return { manifest, payload };
}
