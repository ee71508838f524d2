import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * What the embedded server keeps in its data folder besides PostgreSQL's own files: the database's name and the
 * passwords of its two roles (mode 0600, readable by whoever may read the folder, so signing in is exactly as
 * protected as the data files themselves). Written last on the first start: a folder holds it only once it is
 * a complete server folder.
 */
export const SERVER_FILE = "tsunagu-server.json";

export interface ServerFile {
  format: 1;
  database: string;
  /** the superuser initdb made: owns the tables, runs the migrations */
  owner: { user: string; password: string };
  /** the role the app connects as: owns nothing (db/app-role.ts) */
  app: { user: string; password: string };
}

/**
 * A data folder the server will not open as it is (PGlite's, someone else's, out of the server's reach): the
 * operator has to act, so starting again changes nothing (the app exits with EX_CONFIG, which the supervisor does
 * not retry).
 */
export class DataFolderRefused extends Error {
  override name = "DataFolderRefused";
}

/**
 * The default folder moved from data/pglite to data/postgres with the server: while the old one holds a PGlite
 * database and the new one is still empty, starting would show an empty city instead of the data.
 */
export function refuseUnmovedPgliteDefault(previousDefault: string | undefined, dataDir: string) {
  if (!previousDefault || inspectDataFolder(dataDir).kind !== "empty") return;
  if (inspectDataFolder(previousDefault).kind === "pglite")
    throw new DataFolderRefused(pgliteFolderMessage(previousDefault, dataDir));
}

export type FolderKind =
  | { kind: "empty" }
  | { kind: "server"; server: ServerFile }
  /** a PGlite database, as the versions before the embedded server wrote */
  | { kind: "pglite" }
  /** files that are none of the above: never touched */
  | { kind: "other" };

/**
 * PGlite and PostgreSQL share the data folder's layout (PG_VERSION, base/, global/), but PGlite never writes
 * postmaster.opts, which a PostgreSQL server writes at every start, and never our server file.
 */
export function inspectDataFolder(dataDir: string): FolderKind {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) return { kind: "empty" };
  const file = path.join(dataDir, SERVER_FILE);
  if (existsSync(file)) return { kind: "server", server: JSON.parse(readFileSync(file, "utf8")) as ServerFile };
  if (existsSync(path.join(dataDir, "PG_VERSION")) && !existsSync(path.join(dataDir, "postmaster.opts")))
    return { kind: "pglite" };
  return { kind: "other" };
}

/** What a running server wrote in postmaster.pid (PostgreSQL 10 and later: one value a line). */
export interface PostmasterPid {
  pid: number;
  port: number;
  /** starting, ready, stopping or standby */
  status: string;
}

export function readPostmasterPid(dataDir: string): PostmasterPid | null {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port, status: (lines[7] ?? "").trim() };
}

/** Whether `pid` is a live process (another account's process counts: signalling it is refused, not unknown). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the live process `pid` is a PostgreSQL server. After a reboot or in a container the number in a stale
 * postmaster.pid may belong to another program, and PostgreSQL then refuses to start; on Linux /proc tells.
 * Elsewhere the answer is yes, and PostgreSQL's own check decides.
 */
export function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]?.endsWith("postgres") ?? false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT" || !existsSync("/proc/self");
  }
}

/**
 * The refusal of a PGlite folder, saying how to go on. `target` is the folder the server would use by default
 * (data/postgres when the PGlite one is the old default data/pglite), else the operator names a new one.
 */
export const pgliteFolderMessage = (dataDir: string, target?: string) =>
  [
    `データのフォルダ ${dataDir} には、以前の版が使っていた PGlite のデータベースがあります。`,
    "今の版は既定で PostgreSQL サーバーを使います。PGlite のフォルダは開かず、上書きもしません。続けるには次のどちらかにしてください:",
    "  1. このまま PGlite で使い続ける: TSUNAGU_DB=pglite npm start（運用コマンドにも TSUNAGU_DB=pglite を付けます）",
    "  2. PostgreSQL サーバーへ移す: " +
      (target
        ? `TSUNAGU_DB=pglite npm run cli -- backup <ファイル> でバックアップを取り、npm run cli -- restore <ファイル> で ${target} に復元してから npm start`
        : `TSUNAGU_DB=pglite TSUNAGU_DATA_DIR=${dataDir} npm run cli -- backup <ファイル> でバックアップを取り、npm run cli -- restore <ファイル> --to <新しい空のフォルダ> で復元してから、TSUNAGU_DATA_DIR をその新しいフォルダにして npm start`),
  ].join("\n");

export const otherFolderMessage = (dataDir: string) =>
  `データのフォルダ ${dataDir} には tsunagu のデータベースではないファイルがあります。空のフォルダか、tsunagu が作ったフォルダを TSUNAGU_DATA_DIR に指定してください`;

export const serverFolderForPgliteMessage = (dataDir: string) =>
  `データのフォルダ ${dataDir} は PostgreSQL サーバーのデータです。PGlite では開けません: TSUNAGU_DB=pglite を外して起動してください`;
