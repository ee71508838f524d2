import { toHalfWidth } from "./text/normalize.js";

/**
 * The password rule, wherever a password is set (an account created, changed or reset; the demo): at least
 * MIN_PASSWORD_LENGTH characters, not the login id nor containing it, not a commonly used password, and not one
 * character or a short run repeated or counted up. Length is what makes a password strong; the other rules only
 * take out what an attacker tries first.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export const PASSWORD_HINT =
  "12文字以上。ログインIDを含むもの、よく使われるもの、同じ文字や並びの繰り返し（aaaa…、1234…）は使えません。";

export const PASSWORD_MESSAGES = {
  tooShort: `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`,
  tooLong: `パスワードは${MAX_PASSWORD_LENGTH}文字以内にしてください`,
  repetitive: "同じ文字や並びの繰り返し（aaaa…、1234… など）はパスワードに使えません",
  containsLoginId: "パスワードにログインIDを含めないでください",
  common: "よく使われているパスワードです。推測されにくいものにしてください",
} as const;

/** What the rules compare: full-width letters and digits as half-width, upper case as lower case. */
export const normalizePassword = (password: string) => toHalfWidth(password).toLowerCase();

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz"];

/** Counting up or down through digits or letters, wrapping around (e.g. 890123456789, zyxwvutsrqpo). */
function isCountedRun(s: string): boolean {
  return SEQUENCES.some((alphabet) =>
    [alphabet, [...alphabet].reverse().join("")].some((order) => {
      const start = order.indexOf(s[0] ?? "");
      if (start < 0) return false;
      return [...s].every((c, i) => order[(start + i) % order.length] === c);
    }),
  );
}

/** One short unit repeated (aaaaaaaaaaaa, 123412341234, abcabcabcabc), or hardly more than a few characters. */
function isRepetitive(s: string): boolean {
  const chars = [...s];
  if (new Set(chars).size < 5) return true;
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    const head = chars.slice(0, unit);
    if (chars.every((c, i) => c === head[i % unit])) return true;
  }
  return isCountedRun(s);
}

/** The rule's checks that need no list: a message for the first one broken, or null. */
export function passwordShapeProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong;
  if (isRepetitive(normalizePassword(password))) return PASSWORD_MESSAGES.repetitive;
  return null;
}

/**
 * The forms in which a password is looked up in a list of common passwords: as it is, and without the digits and
 * signs added at its end (password2024!, iloveyou123456), when what remains is still a word of some length.
 */
export function commonPasswordForms(password: string): string[] {
  const normalized = normalizePassword(password);
  const base = normalized.replace(/[\d\W_]+$/u, "");
  return base.length >= 6 && base !== normalized ? [normalized, base] : [normalized];
}

/** Every rule: a message for the first one broken, or null. `isCommon` looks a form up in a common-password list. */
export function passwordProblem(
  password: string,
  opts: { loginId: string; isCommon: (form: string) => boolean },
): string | null {
  const shape = passwordShapeProblem(password);
  if (shape) return shape;
  const loginId = normalizePassword(opts.loginId.trim());
  const normalized = normalizePassword(password);
  if (loginId && (normalized === loginId || (loginId.length >= 3 && normalized.includes(loginId)))) {
    return PASSWORD_MESSAGES.containsLoginId;
  }
  if (commonPasswordForms(password).some(opts.isCommon)) return PASSWORD_MESSAGES.common;
  return null;
}
