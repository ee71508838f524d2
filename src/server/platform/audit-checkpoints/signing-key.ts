import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** the first 16 hex digits of the SHA-256 of the public key (DER): which key signed a checkpoint */
  keyId: string;
}

export class MissingSigningKeyError extends Error {
  constructor(readonly keyPath: string) {
    super(
      `監査ログの署名鍵 ${keyPath} が見つかりません。チェックポイントがすでにあるため、新しい鍵は作りません（鍵を元の場所に戻すか、TSUNAGU_AUDIT_KEY で鍵のファイルを指定してください）`,
    );
  }
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

/** Reads the Ed25519 private key (PKCS#8 PEM) at keyPath; null when there is no such file. */
export function readSigningKey(keyPath: string): SigningKey | null {
  if (!existsSync(keyPath)) return null;
  const privateKey = createPrivateKey(readFileSync(keyPath));
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new Error(`監査ログの署名鍵 ${keyPath} が Ed25519 の鍵ではありません`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * The key, made on first use (mode 0600, its folder 0700). A new key is made only while no checkpoint exists
 * anywhere: once checkpoints were signed, a lost key must be restored, not silently replaced by one that would
 * sign a rewritten chain.
 */
export function ensureSigningKey(keyPath: string, checkpointsExist: boolean): SigningKey {
  const existing = readSigningKey(keyPath);
  if (existing) return existing;
  if (checkpointsExist) throw new MissingSigningKeyError(keyPath);
  mkdirSync(path.dirname(keyPath), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  // "wx": two processes starting at once must not each write a key and sign with different ones
  let fd: number;
  try {
    fd = openSync(keyPath, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readSigningKey(keyPath) as SigningKey;
    throw error;
  }
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return readSigningKey(keyPath) as SigningKey;
}
