import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { BackupFileError, decodeBackup } from "../platform/backup/backup-file.js";
import { askRunningServer } from "../platform/backup/control-socket.js";
import { RestoreTargetError } from "../platform/backup/logical/load-rows.js";
import { checkRowFile, copyRows, restoreRowFile, takeRowBackup } from "../platform/backup/logical/row-backup.js";
import { type RowBackupManifest, readManifestLine } from "../platform/backup/logical/row-file.js";
import { UnknownSchemaError } from "../platform/backup/logical/schema-version.js";
import { checkRestoredDatabase, type RestoreCheck } from "../platform/backup/restore-check.js";
import { takeBackup } from "../platform/backup/snapshot.js";
import { AppError } from "../platform/errors.js";

const isUrl = (to: string) => /^postgres(ql)?:\/\//.test(to);

/**
 * `backup <file>`: on PostgreSQL a logical copy of every table (platform/backup/logical), taken over a connection of
 * its own while the app goes on; on PGlite a copy of the data folder, which the running server holds, so it is asked
 * through its control socket (otherwise the folder is opened here). Either file is written beside its final name and
 * renamed, so an interrupted backup never leaves a file that looks whole.
 */
export async function runBackup(config: Config, file: string | undefined) {
  if (!file) throw new AppError(2, "usage", "使い方: backup <file>");
  if (config.databaseUrl) return rowBackup(config, file);
  let bytes = await askRunningServer(config.dataDir, "backup");
  const via = bytes ? "server" : "folder";
  if (!bytes) {
    if (!existsSync(config.dataDir) || readdirSync(config.dataDir).length === 0)
      throw new AppError(2, "no-database", `データのフォルダ ${config.dataDir} にデータベースがありません`);
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      await database.migrate();
      bytes = await takeBackup(database, config.auditCheckpoints);
    } finally {
      await database.close();
    }
  }
  const { manifest } = decodeOrRefuse(bytes, "サーバーの応答");
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, target);
  return {
    json: { ok: true, file: target, bytes: bytes.byteLength, via, ...manifest, payload: manifest.payload },
    text: `バックアップを書きました: ${target}（${bytes.byteLength} バイト、${manifest.createdAt}、チェックポイント ${manifest.checkpoints.length} 件${via === "server" ? "、動いているサーバーから" : ""}）`,
  };
}

async function rowBackup(config: Config, file: string) {
  // the owner's connection when there are two roles: the app's role may not read the migrations' bookkeeping
  const database = await openDatabase({ url: config.databaseMigrationUrl ?? config.databaseUrl });
  try {
    const target = path.resolve(file);
    const manifest = await refusingBadInput(() => takeRowBackup(database, config.auditCheckpoints, target));
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    return {
      json: { ok: true, file: target, bytes: manifest.payload.bytes, via: "database", ...manifest },
      text: `バックアップを書きました: ${target}（${Object.keys(manifest.tables).length} 表 ${rows} 行、${manifest.createdAt}、スキーマ ${manifest.schema.migration}、チェックポイント ${manifest.checkpoints.length} 件）`,
    };
  } finally {
    await database.close();
  }
}

/**
 * `restore <file> [--to <folder or DATABASE_URL>] [--force]`: the backup into an empty target (the configured one
 * by default), then the same verification as `audit verify` with the restore point shown. A logical backup goes into
 * any target; a PGlite folder copy goes back into a folder as it is, or is opened in memory and its rows loaded into
 * a PostgreSQL target. `restore --to <DATABASE_URL>` without a file verifies a database restored by pg_restore.
 * Exit code 1 when the verification fails, 2 when the file or the target is refused.
 */
export async function runRestore(
  config: Config,
  opts: { file: string | undefined; to: string | undefined; force: boolean },
) {
  const to = opts.to ?? config.databaseUrl ?? config.dataDir;
  if (!opts.file) {
    if (!isUrl(to))
      throw new AppError(
        2,
        "usage",
        "使い方: restore <file> [--to <データのフォルダ|DATABASE_URL>] [--force] [--json]",
      );
    return withDatabase({ url: to }, async (database) =>
      report(await checkRestoredDatabase(database.db, config.auditCheckpoints), "PostgreSQL"),
    );
  }
  const file = opts.file;
  if (!existsSync(file)) throw new AppError(2, "no-file", `バックアップファイル ${file} がありません`);
  const { manifest, offset } = await refusingBadInput(async () => readManifestLine(file));
  const rows = manifest.version === 2 ? (manifest as unknown as RowBackupManifest) : null;
  const folderCopy = rows ? null : decodeOrRefuse(readFileSync(file), file).payload;
  // the whole file is checked before anything is written (and again as it is loaded)
  if (rows) await refusingBadInput(() => checkRowFile(file, rows, offset));
  const replace = opts.force;

  const load = async (target: Database) => {
    if (rows) await restoreRowFile(file, rows, offset, target, { replace });
    else
      await withDatabase({ fromDump: new Blob([new Uint8Array(folderCopy as Buffer)]) }, (copy) =>
        copyRows(copy, target, { replace }),
      );
  };
  if (isUrl(to))
    return withDatabase({ url: to }, async (target) => {
      await refusingBadInput(() => load(target));
      return report(await checkRestoredDatabase(target.db, config.auditCheckpoints), "PostgreSQL");
    });

  const folder = path.resolve(to);
  if (await askRunningServer(folder, "ping"))
    throw new AppError(2, "running", `${folder} はサーバーが使用中です。サーバーを止めてから復元してください`);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    if (!opts.force)
      throw new AppError(2, "not-empty", `${folder} は空ではありません。上書きするときは --force を付けてください`);
    rmSync(folder, { recursive: true, force: true });
  }
  // a folder copy of PGlite goes back as it is; a logical backup is loaded into a new database in the folder
  const opening = folderCopy
    ? { dataDir: folder, fromDump: new Blob([new Uint8Array(folderCopy)]) }
    : { dataDir: folder };
  return withDatabase(opening, async (target) => {
    if (rows) await refusingBadInput(() => load(target));
    return report(await checkRestoredDatabase(target.db, config.auditCheckpoints), folder);
  });
}

async function withDatabase<T>(opening: Parameters<typeof openDatabase>[0], use: (database: Database) => Promise<T>) {
  const database = await openDatabase(opening);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** The file and target problems an operator can act on, as exit code 2 with their message. */
async function refusingBadInput<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RestoreTargetError) throw new AppError(2, "not-empty", error.message);
    if (error instanceof BackupFileError || error instanceof UnknownSchemaError)
      throw new AppError(2, "bad-backup", error.message);
    throw error;
  }
}

function decodeOrRefuse(bytes: Buffer, source: string) {
  try {
    return decodeBackup(bytes);
  } catch (error) {
    if (!(error instanceof BackupFileError)) throw error;
    // the server answers a failed backup with a line of its own: its message is the useful one
    const answer = bytes.subarray(0, 2000).toString("utf8");
    const serverError = answer.startsWith('{"error"')
      ? (JSON.parse(answer.split("\n")[0] ?? "{}").error as string)
      : null;
    throw new AppError(
      2,
      "bad-backup",
      serverError ? `サーバーがバックアップできませんでした: ${serverError}` : `${source}: ${error.message}`,
    );
  }
}

function report(check: RestoreCheck, target: string) {
  const { audit } = check;
  const lines = [
    `復元先: ${target}`,
    "表ごとの行数:",
    ...Object.entries(check.tables).map(([table, n]) => `  ${table} ${n}`),
    audit.restorePoint.at
      ? `復元点: ${audit.restorePoint.at} のチェックポイント（${audit.restorePoint.checkpoints.map((c) => `${c.municipalityId} 番号 ${c.seq}`).join("、")}）`
      : "復元点: チェックポイントなし",
    ...(audit.laterCheckpoints > 0
      ? [
          `復元点より後のチェックポイント ${audit.laterCheckpoints} 件は、この復元で失われた書き込みのものです（照合から外しました）`,
        ]
      : []),
    audit.ok
      ? `監査ログ ${audit.records} 件、チェックポイント ${audit.checkpoints} 件: 改ざんは見つかりませんでした`
      : `監査ログ ${audit.records} 件: 異常あり（${JSON.stringify(audit.firstBad)}）`,
  ];
  return { json: check, text: lines.join("\n"), exitCode: check.ok ? 0 : 1 };
}
