import { existsSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { inspectDataFolder, refuseUnmovedPgliteDefault } from "../db/embedded-server/data-folder.js";
import { BackupFileError, decodeBackup } from "../platform/backup/backup-file.js";
import { askRunningServer } from "../platform/backup/control-socket.js";
import { RestoreTargetError } from "../platform/backup/logical/load-rows.js";
import { takeRowBackup } from "../platform/backup/logical/row-backup.js";
import { UnknownSchemaError } from "../platform/backup/logical/schema-version.js";
import type { RestoreCheck } from "../platform/backup/restore-check.js";
import { takeBackup } from "../platform/backup/snapshot.js";
import { AppError } from "../platform/errors.js";

/**
 * `backup <file>`: on PostgreSQL a logical copy of every table (platform/backup/logical), taken over a connection of
 * its own while the app goes on; on PGlite a copy of the data folder, which the running server holds, so it is asked
 * through its control socket (otherwise the folder is opened here). Either file is written beside its final name and
 * renamed, so an interrupted backup never leaves a file that looks whole.
 */
export async function runBackup(config: Config, file: string | undefined) {
  if (!file) throw new AppError(2, "usage", "使い方: backup <file>");
  // the owner's connection when there are two roles: the app's role may not read the migrations' bookkeeping
  if (config.databaseUrl) return rowBackup(config, { url: config.databaseMigrationUrl ?? config.databaseUrl }, file);
  if (config.engine === "server") {
    refuseUnmovedPgliteDefault(config.previousDefaultDataDir, config.dataDir);
    if (inspectDataFolder(config.dataDir).kind === "empty") throw noDatabase(config.dataDir);
    return rowBackup(config, { dataDir: config.dataDir, engine: "server" }, file);
  }
  let bytes = await askRunningServer(config.dataDir, "backup");
  const via = bytes ? "server" : "folder";
  if (!bytes) {
    if (!existsSync(config.dataDir) || readdirSync(config.dataDir).length === 0) throw noDatabase(config.dataDir);
    const database = await openDatabase({ dataDir: config.dataDir, engine: "pglite" });
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

const noDatabase = (dataDir: string) =>
  new AppError(2, "no-database", `データのフォルダ ${dataDir} にデータベースがありません`);

async function rowBackup(config: Config, opening: Parameters<typeof openDatabase>[0], file: string) {
  const database = await openDatabase(opening);
  try {
    const target = path.resolve(file);
    // the embedded server's tables are read as their owner, as an external server's with two roles
    const manifest = await refusingBadInput(() =>
      database.embedded
        ? withDatabase({ url: database.embedded.migrationUrl }, (owner) =>
            takeRowBackup(owner, config.auditCheckpoints, target),
          )
        : takeRowBackup(database, config.auditCheckpoints, target),
    );
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    return {
      json: { ok: true, file: target, bytes: manifest.payload.bytes, via: "database", ...manifest },
      text: `バックアップを書きました: ${target}（${Object.keys(manifest.tables).length} 表 ${rows} 行、${manifest.createdAt}、スキーマ ${manifest.schema.migration}、チェックポイント ${manifest.checkpoints.length} 件）`,
    };
  } finally {
    await database.close();
  }
}

export async function withDatabase<T>(
  opening: Parameters<typeof openDatabase>[0],
  use: (database: Database) => Promise<T>,
) {
  const database = await openDatabase(opening);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** The file and target problems an operator can act on, as exit code 2 with their message. */
export async function refusingBadInput<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RestoreTargetError) throw new AppError(2, "not-empty", error.message);
    if (error instanceof BackupFileError || error instanceof UnknownSchemaError)
      throw new AppError(2, "bad-backup", error.message);
    throw error;
  }
}

export function decodeOrRefuse(bytes: Buffer, source: string) {
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

export function report(check: RestoreCheck, target: string) {
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
