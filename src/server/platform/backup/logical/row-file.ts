import { createHash } from "node:crypto";
import { once } from "node:events";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import type { SignedCheckpoint } from "../../audit-checkpoints/signature.js";
import { BackupFileError } from "../backup-file.js";
import type { SchemaVersion } from "./schema-version.js";

/**
 * A logical backup file (format version 2): like the folder copy (version 1), one line of JSON, the manifest, then
 * the payload whose length and SHA-256 it names. The payload is gzipped JSON text sequences (RFC 7464: each text
 * after an RS byte, 0x1E, which valid JSON never contains, and followed by a newline): per table a header
 * `["table", name, rows]` (an array: a row is always an object), then each row as PostgreSQL's `row_to_json` wrote
 * it, so every value keeps its exact text.
 * The file is streamed: rows go through gzip to `<file>.partial` as they are read, the manifest line is written
 * first with its payload fields blank (fixed width) and filled in at the end, then the file is fsync'd and renamed.
 */
export interface RowBackupManifest {
  format: "tsunagu-backup";
  version: 2;
  createdAt: string;
  database: "pglite" | "postgres";
  /** the last migration of the database copied: the shape of its rows */
  schema: SchemaVersion;
  /** the checkpoints signed right before the copy: the restore point */
  checkpoints: SignedCheckpoint[];
  /** rows per table, in the order the payload holds them (tables before the tables that reference them) */
  tables: Record<string, number>;
  payload: { encoding: "json-seq+gzip"; bytes: number; sha256: string };
}

/** What receives a copy's rows table by table: a backup file being written, or a database being restored. */
export interface RowSink {
  table(name: string, rows: number): Promise<void>;
  rows(batch: string[]): Promise<void>;
}

const RS = "\x1e";
const BYTES_WIDTH = 20;

// the payload fields at a fixed width, so that the line keeps its length when they are filled in
function manifestLine(head: Omit<RowBackupManifest, "payload">, bytes: number, sha256: string): Buffer {
  const payload = `{"encoding":"json-seq+gzip","bytes":${String(bytes).padStart(BYTES_WIDTH)},"sha256":"${sha256}"}`;
  return Buffer.from(`${JSON.stringify(head).slice(0, -1)},"payload":${payload}}\n`);
}

export class RowFileWriter implements RowSink {
  private readonly gzip = createGzip();
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private readonly written: Promise<void>;

  private constructor(
    private readonly target: string,
    private readonly fd: number,
    private readonly head: Omit<RowBackupManifest, "payload">,
    private readonly headLength: number,
  ) {
    const count = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.hash.update(chunk);
        this.bytes += chunk.byteLength;
        done(null, chunk);
      },
    });
    const out = createWriteStream("", { fd, start: headLength, autoClose: false });
    this.written = pipeline(this.gzip, count, out);
    // a failure is reported by the next write or by finish; this keeps it from being unhandled meanwhile
    this.written.catch(() => {});
  }

  static create(file: string, head: Omit<RowBackupManifest, "payload">): RowFileWriter {
    const target = path.resolve(file);
    const fd = openSync(`${target}.partial`, "w", 0o600);
    const line = manifestLine(head, 0, "0".repeat(64));
    writeSync(fd, line, 0, line.byteLength, 0);
    return new RowFileWriter(target, fd, head, line.byteLength);
  }

  private async put(text: string) {
    if (!this.gzip.write(`${RS}${text}\n`)) await Promise.race([once(this.gzip, "drain"), this.written]);
  }

  async table(name: string, rows: number) {
    await this.put(JSON.stringify(["table", name, rows]));
  }

  async rows(batch: string[]) {
    // one write a batch: gzip's per-call cost, not the rows, dominated a write per row
    if (batch.length === 0) return;
    const texts = `${RS}${batch.join(`\n${RS}`)}\n`;
    if (!this.gzip.write(texts)) await Promise.race([once(this.gzip, "drain"), this.written]);
  }

  /** Completes the file: the manifest's payload fields, fsync, the final name. */
  async finish(): Promise<RowBackupManifest> {
    this.gzip.end();
    await this.written;
    const sha256 = this.hash.digest("hex");
    const line = manifestLine(this.head, this.bytes, sha256);
    if (line.byteLength !== this.headLength) throw new Error("the manifest line changed its length");
    writeSync(this.fd, line, 0, line.byteLength, 0);
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(`${this.target}.partial`, this.target);
    // the rename itself is durable only once the folder is
    const folder = openSync(path.dirname(this.target), "r");
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
    return { ...this.head, payload: { encoding: "json-seq+gzip", bytes: this.bytes, sha256 } };
  }

  /** Removes the partial file of a backup that failed. */
  abort() {
    this.gzip.destroy();
    try {
      closeSync(this.fd);
    } catch {
      // already closed by finish
    }
    rmSync(`${this.target}.partial`, { force: true });
  }
}

/** The first line of a backup file, parsed, and where its payload starts. */
export function readManifestLine(file: string): {
  manifest: { version?: unknown } & Record<string, unknown>;
  offset: number;
} {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(64 * 1024);
    let length = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.byteLength, length);
      const newline = read > 0 ? chunk.subarray(0, read).indexOf(0x0a) : -1;
      if (newline >= 0) {
        chunks.push(Buffer.from(chunk.subarray(0, newline)));
        length += newline;
        break;
      }
      if (read === 0 || length > 16 * 1024 * 1024)
        throw new BackupFileError("バックアップファイルではありません（先頭の説明行がありません）");
      chunks.push(Buffer.from(chunk.subarray(0, read)));
      length += read;
    }
    try {
      return { manifest: JSON.parse(Buffer.concat(chunks).toString("utf8")), offset: length + 1 };
    } catch {
      throw new BackupFileError("バックアップファイルではありません（先頭の説明行を読めません）");
    }
  } finally {
    closeSync(fd);
  }
}

function checkPayload(manifest: RowBackupManifest, bytes: number, sha256: string) {
  if (bytes !== manifest.payload.bytes)
    throw new BackupFileError(
      `バックアップファイルが壊れています: 本体が ${bytes} バイトで、${manifest.payload.bytes} バイトのはずです（途中で切れています）`,
    );
  if (sha256 !== manifest.payload.sha256)
    throw new BackupFileError("バックアップファイルが壊れています: 本体の SHA-256 が説明行と合いません");
}

/** Reads the payload once through SHA-256: a truncated or altered file is refused before anything is written. */
export async function verifyRowFile(file: string, manifest: RowBackupManifest, offset: number): Promise<void> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file, { start: offset })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).byteLength;
  }
  checkPayload(manifest, bytes, hash.digest("hex"));
}

/**
 * Passes the file's rows to `sink` in batches, table by table. The bytes are hashed again as they are read and the
 * tables' row counts compared with the manifest: a file changed since it was verified fails before the restore
 * commits.
 */
export async function readRowFile(
  file: string,
  manifest: RowBackupManifest,
  offset: number,
  sink: RowSink,
): Promise<void> {
  const hash = createHash("sha256");
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      done(null, chunk);
    },
  });
  const decoder = new StringDecoder("utf8");
  const seen = new Map<string, number>();
  let table: string | null = null;
  let pending = "";
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await sink.rows(batch);
    batch = [];
    batchChars = 0;
  };
  const take = async (text: string) => {
    if (text.startsWith("[")) {
      await flush();
      const [, name, rows] = JSON.parse(text) as [string, string, number];
      table = name;
      seen.set(name, 0);
      await sink.table(name, rows);
      return;
    }
    if (table === null) throw new BackupFileError("バックアップファイルが壊れています: 表の見出しがありません");
    seen.set(table, (seen.get(table) ?? 0) + 1);
    batch.push(text);
    batchChars += text.length;
    if (batch.length >= 1000 || batchChars >= 8_000_000) await flush();
  };
  await pipeline(
    createReadStream(file, { start: offset }),
    tap,
    createGunzip(),
    async (texts: AsyncIterable<Buffer>) => {
      for await (const chunk of texts) {
        pending += decoder.write(chunk);
        const complete = pending.split(RS);
        pending = complete.pop() ?? "";
        for (const text of complete) if (text.length > 0) await take(text.replace(/\n$/, ""));
      }
    },
  );
  pending += decoder.end();
  if (pending.length > 0) await take(pending.replace(/\n$/, ""));
  await flush();
  checkPayload(manifest, bytes, hash.digest("hex"));
  for (const name of seen.keys())
    if (!(name in manifest.tables))
      throw new BackupFileError(`バックアップファイルが壊れています: 説明行にない表 ${name} があります`);
  for (const [name, rows] of Object.entries(manifest.tables))
    if ((seen.get(name) ?? 0) !== rows)
      throw new BackupFileError(
        `バックアップファイルが壊れています: 表 ${name} の行が ${seen.get(name) ?? 0} 行で、${rows} 行のはずです`,
      );
}
