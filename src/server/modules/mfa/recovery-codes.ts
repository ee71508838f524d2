import { createHash, randomInt } from "node:crypto";
import { toHalfWidth } from "../../../domain/text/normalize.js";

export const RECOVERY_CODE_COUNT = 10;
// no 0/O, 1/I/L: a code is read off paper
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Ten new codes, each 10 characters (about 49 bits) shown as XXXXX-XXXXX. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What is stored of a code: its hash, over the code as typed in any width, case or grouping. */
export function recoveryCodeHash(typed: string): string {
  const canonical = toHalfWidth(typed)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "");
  return createHash("sha256").update(canonical).digest("hex");
}
