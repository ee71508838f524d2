/**
 * The TOTP rules of the second factor (RFC 6238: SHA-1, 6 digits, 30-second steps), pure: the caller passes the
 * time and the last step it accepted, and stores the step this answers.
 */
import { Secret, TOTP } from "otpauth";
import { toHalfWidth } from "../text/normalize.js";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** steps of clock drift accepted either side of the current one */
export const TOTP_DRIFT_STEPS = 1;

/** The time step an instant falls in. */
export const stepAt = (epochMs: number) => Math.floor(epochMs / 1000 / TOTP_PERIOD_SECONDS);

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as authenticator apps take it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** What a person typed, as digits: full-width digits become half-width, spaces and hyphens are dropped. */
export function normaliseCode(typed: string): string {
  return toHalfWidth(typed).replace(/[\s\-ー－]/g, "");
}

const totpOf = (secret: string, issuer = "", label = "") =>
  new TOTP({ issuer, label, secret: Secret.fromBase32(secret), digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });

/** The code of one time step (for the demo's code command and the tests' sign-in). */
export function codeAtStep(secret: string, step: number): string {
  return totpOf(secret).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/**
 * The time step a typed code belongs to, or null when it matches none of the accepted steps (now ± drift) or only
 * steps at or before `lastAcceptedStep`: a code once accepted is never accepted again, nor any older one.
 */
export function acceptedStep(
  secret: string,
  typed: string,
  nowMs: number,
  lastAcceptedStep: number | null,
): number | null {
  const code = normaliseCode(typed);
  if (!/^\d{6}$/.test(code)) return null;
  const now = stepAt(nowMs);
  for (let step = now - TOTP_DRIFT_STEPS; step <= now + TOTP_DRIFT_STEPS; step++) {
    if (lastAcceptedStep !== null && step <= lastAcceptedStep) continue;
    if (codeAtStep(secret, step) === code) return step;
  }
  return null;
}

/** The otpauth:// URI an authenticator app reads from the QR code: the issuer names the municipality. */
export function otpauthUri(secret: string, municipalityName: string, loginId: string): string {
  return totpOf(secret, `tsunagu（${municipalityName}）`, loginId).toString();
}
