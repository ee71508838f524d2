/**
 * The second factor as the tests' sign-in completes it: the secret of each account the tests know (the demo's
 * published ones, the factories' one, and those the helpers enrolled themselves), and codes that are never reused.
 * The server accepts each time step once per account, so the helpers remember the last step used per account and
 * database and take the next one inside the accepted window (now ± 1), waiting for the clock only when the window is
 * used up.
 */
import { codeAtStep, stepAt, TOTP_DRIFT_STEPS, TOTP_PERIOD_SECONDS } from "../../src/domain/mfa/totp.js";
import { DEMO_MFA_SECRETS } from "../../src/server/demo/demo-mfa.js";
import { DEMO_MUNICIPALITY } from "../../src/server/demo/demo-plan.js";

/** The secret the factories enrol their accounts of roles that must use a second factor with. */
export const FACTORY_MFA_SECRET = "ORZXK3TBM52S2ZTBMN2G64TZFVWWMYIA";

const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
const enrolled = new Map<string, string>();
const lastStep = new Map<string, number>();

const accountKey = (baseUrl: string, municipalityCode: string, loginId: string) =>
  `${baseUrl}|${municipalityCode}|${loginId.toLowerCase()}`;

/** Remembers a secret a test enrolled (through the API, as a user does). */
export function rememberSecret(baseUrl: string, municipalityCode: string, loginId: string, secret: string) {
  enrolled.set(accountKey(baseUrl, municipalityCode, loginId), secret);
}

/** The secret of an account the tests know. */
export function knownSecret(baseUrl: string, municipalityCode: string, loginId: string): string {
  const own = enrolled.get(accountKey(baseUrl, municipalityCode, loginId));
  if (own) return own;
  const demo = municipalityCode === DEMO_MUNICIPALITY.code ? DEMO_MFA_SECRETS[loginId.toLowerCase()] : undefined;
  // any other account was made by a factory
  return demo ?? FACTORY_MFA_SECRET;
}

/**
 * A code for the account that the server has not accepted yet: the step after the last one used, at least now − 1;
 * a step about to leave the window is skipped, and beyond now + 1 the clock is waited for.
 */
export async function freshCode(baseUrl: string, municipalityCode: string, loginId: string, secret: string) {
  const key = accountKey(baseUrl, municipalityCode, loginId);
  const now = Date.now();
  const current = stepAt(now);
  // a step behind the current one is refused once the clock moves on: not used in the last second of a step
  const oldest = now % PERIOD_MS > PERIOD_MS - 1000 ? current : current - TOTP_DRIFT_STEPS;
  const step = Math.max((lastStep.get(key) ?? Number.NEGATIVE_INFINITY) + 1, oldest);
  if (step > current + TOTP_DRIFT_STEPS) {
    const acceptedFrom = (step - TOTP_DRIFT_STEPS) * PERIOD_MS;
    await new Promise((r) => setTimeout(r, acceptedFrom - now + 50));
  }
  lastStep.set(key, step);
  return codeAtStep(secret, step);
}
