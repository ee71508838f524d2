import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

/** The operating-system account the server runs as: this process's own, or `postgres` when this process is root. */
export interface ServerAccount {
  /** set only when this process is root and the server must run as another account */
  uid?: number;
  gid?: number;
  name: string;
}

const SERVER_USER = "postgres";

/**
 * PostgreSQL refuses to run as root. A root process runs it as the `postgres` account, which is created (a system
 * account without a login shell) when the machine has none yet.
 */
export function serverAccount(): ServerAccount {
  if (process.getuid?.() !== 0) return { name: process.env.USER ?? "" };
  let ids = idsOf(SERVER_USER);
  if (!ids) {
    const groupExists = run("getent", ["group", SERVER_USER]) !== null;
    const created = run("useradd", [
      "--system",
      ...(groupExists ? ["--gid", SERVER_USER] : ["--user-group"]),
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      SERVER_USER,
    ]);
    ids = idsOf(SERVER_USER);
    if (created === null || !ids)
      throw new Error(
        `root で起動したため PostgreSQL サーバーを ${SERVER_USER} ユーザーで動かしますが、そのユーザーを作れませんでした（useradd）。${SERVER_USER} ユーザーを作ってから、もう一度起動してください`,
      );
  }
  return { ...ids, name: SERVER_USER };
}

function idsOf(name: string): { uid: number; gid: number } | null {
  const uid = run("id", ["-u", name]);
  const gid = run("id", ["-g", name]);
  return uid === null || gid === null ? null : { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/**
 * The first folder above `dir` that the server's account cannot pass through (no search permission), or null.
 * Only relevant when the server runs as another account than this process: a data folder under /root, or in a
 * temporary folder of mode 0700, cannot be reached by `postgres`, and the server would fail with a bare
 * "Permission denied".
 */
export function unreachableAncestor(dir: string, account: ServerAccount): string | null {
  if (account.uid === undefined) return null;
  let current = path.dirname(path.resolve(dir));
  const blocked: string[] = [];
  for (;;) {
    const st = statSync(current);
    const bits = st.uid === account.uid ? 0o100 : st.gid === account.gid ? 0o010 : 0o001;
    if ((st.mode & bits) === 0) blocked.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  // the one nearest the root is the one to fix first
  return blocked.at(-1) ?? null;
}
