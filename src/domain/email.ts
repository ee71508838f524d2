/**
 * E-mail addresses as people type them in Japan: full-width letters, digits and ＠ are read as their half-width
 * forms, spaces around are dropped, the domain is lower-cased. Returns the address, or null when it is not one.
 */
export function normalizeEmail(value: string): string | null {
  const text = value.normalize("NFKC").trim();
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (!/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) || local.startsWith(".") || local.endsWith(".")) return null;
  if (local.includes("..") || local.length > 64) return null;
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) return null;
  return `${local}@${domain}`;
}

export const EMAIL_PROBLEM = "メールアドレスの形が正しくありません（例: taro@example.lg.jp）";
