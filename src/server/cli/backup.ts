import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import { openDatabase } from "../db/client.js";
import { BackupFileError, decodeBackup } from "../platform/backup/backup-file.js";
import { askRunningServer } from "../platform/backup/control-socket.js";
import { checkRestoredDatabase, type RestoreCheck } from "../platform/backup/restore-check.js";
import { takeBackup } from "../platform/backup/snapshot.js";
import { AppError } from "../platform/errors.js";

const PG_DUMP_HINT =
  "PostgreSQL のバックアップは pg_dump で取ります（README「運用」）: npm run cli -- audit checkpoint の後に pg_dump -Fc -f <file> <DATABASE_URL>";

/**
 * `backup <file>`: a copy of the embedded database. While the server runs it holds the data folder, so it is asked
 * through its control socket; otherwise the folder is opened here. The file is written beside its final name and
 * renamed, so an interrupted backup never leaves a file that looks whole.
 */
export async function runBackup(config: Config, file: string | undefined) {
  if (!file) throw new AppError(2, "usage", "使い方: backup <file>");
  if (config.databaseUrl) throw new AppError(2, "postgres", PG_DUMP_HINT);
  let bytes = await askRunningServer(config.dataDir, "backup");
  const via = bytes ? "server" : "folder";
  if (!bytes) {
    if (!existsSync(config.dataDir) || readdirSync(config.dataDir).length === 0)
      throw new AppError(2, "no-database", `データのフォルダ ${config.dataDir} にデータベースがありません`);
    const database = await openDatabase({ dataDir: config.dataDir, engine: config.engine });
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

/**
 * `restore <file> [--to <folder>] [--force]`: the backup into a data folder (the configured one by default), then
 * the same verification as `audit verify` with the restore point shown. `restore --to <DATABASE_URL>` without a file
 * verifies a PostgreSQL database after pg_restore. Exit code 1 when the verification fails.
 */
export async function runRestore(
  config: Config,
  opts: { file: string | undefined; to: string | undefined; force: boolean },
) {
  const to = opts.to ?? config.databaseUrl ?? config.dataDir;
  if (/^postgres(ql)?:\/\//.test(to)) {
    if (opts.file)
      throw new AppError(
        2,
        "postgres",
        "PostgreSQL へは pg_restore で戻し（README「運用」）、ファイルを付けずに restore --to <URL> で照合します",
      );
    const database = await openDatabase({ url: to });
    try {
      return report(await checkRestoredDatabase(database.db, config.auditCheckpoints), "PostgreSQL");
    } finally {
      await database.close();
    }
  }
  if (!opts.file) throw new AppError(2, "usage", "使い方: restore <file> [--to <データのフォルダ>] [--force] [--json]");
  const target = path.resolve(to);
  if (!existsSync(opts.file)) throw new AppError(2, "no-file", `バックアップファイル ${opts.file} がありません`);
  const { payload } = decodeOrRefuse(readFileSync(opts.file), opts.file);
  if (await askRunningServer(target, "ping"))
    throw new AppError(2, "running", `${target} はサーバーが使用中です。サーバーを止めてから復元してください`);
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!opts.force)
      throw new AppError(2, "not-empty", `${target} は空ではありません。上書きするときは --force を付けてください`);
    rmSync(target, { recursive: true, force: true });
  }
  const database = await openDatabase({ dataDir: target, fromDump: new Blob([new Uint8Array(payload)]) });
  try {
    return report(await checkRestoredDatabase(database.db, config.auditCheckpoints), target);
  } finally {
    await database.close();
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
