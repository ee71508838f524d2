import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { inspectDataFolder, isAlive, readPostmasterPid } from "../db/embedded-server/data-folder.js";
import { askRunningServer } from "../platform/backup/control-socket.js";
import { checkRowFile, copyRows, restoreRowFile } from "../platform/backup/logical/row-backup.js";
import { type RowBackupManifest, readManifestLine } from "../platform/backup/logical/row-file.js";
import { checkRestoredDatabase } from "../platform/backup/restore-check.js";
import { AppError } from "../platform/errors.js";
import { decodeOrRefuse, refusingBadInput, report, withDatabase } from "./backup.js";

const isUrl = (to: string) => /^postgres(ql)?:\/\//.test(to);

/**
 * `restore <file> [--to <folder or DATABASE_URL>] [--force]`: the backup into an empty target (the configured one
 * by default), then the same verification as `audit verify` with the restore point shown. A folder is made the
 * configured engine's: an embedded PostgreSQL server's (the default) or PGlite's (TSUNAGU_DB=pglite). A logical
 * backup goes into any target; a PGlite folder copy goes back into a PGlite folder as it is, or is opened in memory
 * and its rows loaded into a PostgreSQL target (how a PGlite folder moves to the server). `restore --to
 * <DATABASE_URL>` without a file verifies a database restored by pg_restore. Exit code 1 when the verification
 * fails, 2 when the file or the target is refused.
 */
export async function runRestore(
  config: Config,
  opts: { file: string | undefined; to: string | undefined; force: boolean },
) {
  const to = opts.to ?? config.databaseUrl ?? config.dataDir;
  const verify = (database: Database, where: string) =>
    checkRestoredDatabase(database.db, config.auditCheckpoints).then((check) => report(check, where));
  if (!opts.file) {
    if (!isUrl(to))
      throw new AppError(
        2,
        "usage",
        "使い方: restore <file> [--to <データのフォルダ|DATABASE_URL>] [--force] [--json]",
      );
    return withDatabase({ url: to }, (database) => verify(database, "PostgreSQL"));
  }
  const file = opts.file;
  if (!existsSync(file)) throw new AppError(2, "no-file", `バックアップファイル ${file} がありません`);
  const { manifest, offset } = await refusingBadInput(async () => readManifestLine(file));
  const rows = manifest.version === 2 ? (manifest as unknown as RowBackupManifest) : null;
  const folderCopy = rows ? null : decodeOrRefuse(readFileSync(file), file).payload;
  // the whole file is checked before anything is written (and again as it is loaded)
  if (rows) await refusingBadInput(() => checkRowFile(file, rows, offset));
  const load = (target: Database) =>
    refusingBadInput(async () => {
      if (rows) await restoreRowFile(file, rows, offset, target, { replace: opts.force });
      else
        await withDatabase({ fromDump: new Blob([new Uint8Array(folderCopy as Buffer)]) }, (copy) =>
          copyRows(copy, target, { replace: opts.force }),
        );
    });

  if (isUrl(to))
    return withDatabase({ url: to }, async (target) => {
      await load(target);
      return verify(target, "PostgreSQL");
    });

  const folder = path.resolve(to);
  await refuseFolderInUse(folder);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    if (!opts.force)
      throw new AppError(2, "not-empty", `${folder} は空ではありません。上書きするときは --force を付けてください`);
    rmSync(folder, { recursive: true, force: true });
  }
  let loaded = false;
  const loadThenVerify = async (target: Database) => {
    await load(target);
    loaded = true;
    return verify(target, folder);
  };
  try {
    if (config.engine === "server")
      // a new server in the folder; the rows go in as the tables' owner, then the app's role gets its grants
      return await withDatabase({ dataDir: folder, engine: "server" }, async (server) => {
        const ownerUrl = server.embedded?.migrationUrl;
        if (!ownerUrl) throw new Error("the embedded server did not name its owner's connection");
        await withDatabase({ url: ownerUrl }, (owner) => load(owner));
        loaded = true;
        await server.migrate();
        return verify(server, folder);
      });
    // PGlite: a folder copy goes back as it is; a logical backup is loaded into a new database in the folder
    if (folderCopy)
      return await withDatabase(
        { dataDir: folder, engine: "pglite", fromDump: new Blob([new Uint8Array(folderCopy)]) },
        (target) => {
          loaded = true;
          return verify(target, folder);
        },
      );
    return await withDatabase({ dataDir: folder, engine: "pglite" }, (target) => loadThenVerify(target));
  } catch (error) {
    // the folder was empty or absent before: a restore that failed to load leaves nothing that looks like a database
    if (!loaded) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** A folder that a running app (PGlite's control socket) or PostgreSQL server (its postmaster.pid) holds. */
async function refuseFolderInUse(folder: string) {
  const running = inspectDataFolder(folder).kind === "server" ? readPostmasterPid(folder) : null;
  if ((running && isAlive(running.pid)) || (await askRunningServer(folder, "ping")))
    throw new AppError(2, "running", `${folder} はサーバーが使用中です。サーバーを止めてから復元してください`);
}
