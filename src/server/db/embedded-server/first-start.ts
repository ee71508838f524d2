import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { serverBinaries } from "./binaries.js";
import { SERVER_FILE, type ServerFile } from "./data-folder.js";
import type { ServerAccount } from "./os-user.js";

/**
 * What every start of the server uses, in its own postgresql.conf so that the folder started by hand behaves the
 * same. Durability is never traded for speed (fsync, full-page writes, synchronous commit); the server listens on
 * loopback only, without a Unix socket; its log is in the folder, with neither statements nor details (which
 * would carry the values of a refused row, a person's name) and a week of daily files.
 */
const SETTINGS = `
# tsunagu: written on the first start (README 運用). The port is given at each start.
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = on
full_page_writes = on
synchronous_commit = on
logging_collector = on
log_directory = 'log'
log_filename = 'postgresql-%a.log'
log_rotation_age = 1d
log_rotation_size = 0
log_truncate_on_rotation = on
log_error_verbosity = terse
log_min_error_statement = panic
`;

/** Password sign-in over loopback only: nothing else is accepted, not even from this machine's other accounts. */
const HBA = `# tsunagu: loopback only, with the passwords in ${SERVER_FILE}
host all all 127.0.0.1/32 scram-sha-256
`;

const secret = () => randomBytes(24).toString("base64url");

/**
 * Makes a new server folder: initdb into a folder beside the target, the settings and the server file (the roles'
 * passwords) written, then renamed into place, so that a start cut short never leaves a folder that looks whole.
 * Null when another process made the folder meanwhile. UTF8 with the builtin C.UTF-8 locale: the same on every machine, whatever locales the system has.
 */
export async function createServerFolder(dataDir: string, account: ServerAccount): Promise<ServerFile | null> {
  const server: ServerFile = {
    format: 1,
    database: "tsunagu",
    owner: { user: "tsunagu", password: secret() },
    app: { user: "tsunagu_app", password: secret() },
  };
  const staging = `${dataDir}.initdb-${process.pid}`;
  const stagedData = path.join(staging, "data");
  const giveToServer = (file: string) => {
    if (account.uid !== undefined) chownSync(file, account.uid, account.gid ?? -1);
  };
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  try {
    giveToServer(staging);
    const passwordFile = path.join(staging, "owner-password");
    writeFileSync(passwordFile, `${server.owner.password}\n`, { mode: 0o600 });
    giveToServer(passwordFile);
    const { initdb } = await serverBinaries();
    await runInitdb(initdb, account, [
      `--pgdata=${stagedData}`,
      `--username=${server.owner.user}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--locale=C",
      "--no-instructions",
    ]);
    appendFileSync(path.join(stagedData, "postgresql.conf"), SETTINGS);
    writeFileSync(path.join(stagedData, "pg_hba.conf"), HBA);
    const serverFile = path.join(stagedData, SERVER_FILE);
    writeFileSync(serverFile, `${JSON.stringify(server, null, 2)}\n`, { mode: 0o600 });
    giveToServer(serverFile);
    if (moveIntoPlace(stagedData, dataDir, account) === "taken") return null;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return server;
}

/**
 * An empty target folder (made by the operator) is replaced. A mount point cannot be: its content is moved in
 * instead, the server file last. When another process made the folder meanwhile (two starts at once), its folder
 * stays and this one is dropped: "taken".
 */
function moveIntoPlace(from: string, to: string, account: ServerAccount): "moved" | "taken" {
  const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
  try {
    rmdirSync(to);
  } catch (error) {
    if (code(error) === "ENOTEMPTY" || code(error) === "EEXIST") return "taken";
    if (code(error) === "EBUSY") {
      const entries = readdirSync(from).filter((entry) => entry !== SERVER_FILE);
      for (const entry of [...entries, SERVER_FILE]) renameSync(path.join(from, entry), path.join(to, entry));
      // PostgreSQL insists on its folder being its account's, mode 0700
      chmodSync(to, 0o700);
      if (account.uid !== undefined) chownSync(to, account.uid, account.gid ?? -1);
      return "moved";
    }
    if (code(error) !== "ENOENT") throw error;
  }
  try {
    renameSync(from, to);
  } catch (error) {
    if (code(error) === "ENOTEMPTY" || code(error) === "EEXIST") return "taken";
    throw error;
  }
  return "moved";
}

function runInitdb(initdb: string, account: ServerAccount, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(initdb, args, {
      uid: account.uid,
      gid: account.gid,
      env: { ...process.env, LC_ALL: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `PostgreSQL のデータフォルダを作れませんでした（initdb ${signal ?? `終了コード ${code}`}）: ${output.trim()}`,
          ),
        );
    });
  });
}
