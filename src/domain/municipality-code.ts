import { toHalfWidth } from "./text/normalize.js";

/**
 * 全国地方公共団体コード: five digits (prefecture and municipality) and a check digit. The check digit is the last
 * digit of 11 minus the remainder, divided by 11, of the five digits weighted 6, 5, 4, 3, 2 (総務省). Full-width
 * digits and surrounding spaces are accepted, as people type them.
 */
const WEIGHTS = [6, 5, 4, 3, 2];

export function municipalityCodeCheckDigit(firstFive: string): number {
  const sum = [...firstFive].reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return (11 - (sum % 11)) % 10;
}

export type CodeReading = { ok: true; code: string } | { ok: false; message: string };

/** A typed 団体コード as six half-width digits, or why it is not one (in Japanese). */
export function readMunicipalityCode(typed: string): CodeReading {
  const code = toHalfWidth(typed).trim();
  if (!/^\d{6}$/.test(code))
    return { ok: false, message: "団体コードは6桁の数字で入力してください（例: 千代田区は 131016）" };
  const expected = municipalityCodeCheckDigit(code.slice(0, 5));
  if (Number(code[5]) !== expected)
    return {
      ok: false,
      message: `団体コード ${code} の検査数字（6桁目）が正しくありません（${code.slice(0, 5)} なら ${expected}）。番号を確かめてください`,
    };
  return { ok: true, code };
}
