import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";

/**
 * Secrets the app must use again (an SMTP password) sealed with AES-256-GCM under a key kept in a file outside the
 * database, beside the audit signing key: a dump or a backup of the database alone does not reveal them. Sealed
 * text: "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url), the key id telling a wrong key from a damaged text.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export class SecretKeyMismatch extends Error {
  constructor() {
    super("保存されている秘密の情報は、いまの鍵で封をしたものではありません（鍵のファイルが替わっています）");
  }
}

/** No key file was given (an app built without one): a secret is refused rather than stored in the clear. */
const missingKey = () =>
  new AppError(409, "conflict", "秘密の情報を保存する鍵が設定されていないため、パスワードを保存できません");

const keyIdOf = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 12);

/** The box over the key at keyPath, made on first use (32 random bytes, mode 0600, its folder 0700). */
export function secretBoxAt(keyPath: string | null): SecretBox {
  let cached: Buffer | undefined;
  const key = () => {
    if (!keyPath) throw missingKey();
    cached ??= ensureKey(keyPath);
    return cached;
  };
  return {
    seal(plain) {
      const k = key();
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", k, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
      return ["v1", keyIdOf(k), ...parts].join(".");
    },
    open(sealed) {
      const k = key();
      const [format, keyId, iv, tag, body] = sealed.split(".");
      if (format !== "v1" || iv === undefined || tag === undefined || body === undefined)
        throw new Error("sealed secret in an unknown format");
      if (keyId !== keyIdOf(k)) throw new SecretKeyMismatch();
      const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

function ensureKey(keyPath: string): Buffer {
  if (existsSync(keyPath)) return readKey(keyPath);
  mkdirSync(path.dirname(keyPath), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    // "wx": two processes starting at once must not each write a key and seal with different ones
    fd = openSync(keyPath, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readKey(keyPath);
    throw error;
  }
  try {
    writeSync(fd, `${randomBytes(32).toString("base64")}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return readKey(keyPath);
}

function readKey(keyPath: string): Buffer {
  const key = Buffer.from(readFileSync(keyPath, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`the key file ${keyPath} does not hold a 32-byte key`);
  return key;
}
