import { sign, verify } from "node:crypto";
import { canonicalJson } from "../audit.js";
import type { SigningKey } from "./signing-key.js";

/** A municipality's chain head at a moment: its last sequence number and that record's hash. */
export interface ChainHead {
  municipalityId: string;
  seq: number;
  hash: string;
}

export interface SignedCheckpoint extends ChainHead {
  /** ISO time of the checkpoint */
  at: string;
  keyId: string;
  /** Ed25519 signature, base64 */
  signature: string;
}

// the purpose is part of what is signed, so a signature made by this key for anything else is never a checkpoint
const signedBytes = (c: ChainHead & { at: string; keyId: string }) =>
  Buffer.from(
    `tsunagu audit checkpoint\n${canonicalJson({ municipalityId: c.municipalityId, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId })}`,
  );

export function signCheckpoint(key: SigningKey, head: ChainHead, at: Date): SignedCheckpoint {
  const unsigned = { ...head, at: at.toISOString(), keyId: key.keyId };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), key.privateKey).toString("base64") };
}

/** Why a checkpoint's signature does not hold, or null when it does. */
export function signatureProblem(key: SigningKey, c: SignedCheckpoint): string | null {
  if (c.keyId !== key.keyId) return `signed by key ${c.keyId}, not by the audit key ${key.keyId}`;
  const ok = verify(null, signedBytes(c), key.publicKey, Buffer.from(c.signature, "base64"));
  return ok ? null : "the signature does not match (the checkpoint was altered or forged)";
}
