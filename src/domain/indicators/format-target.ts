/** Targets as Japanese documents print them: "15事業者以上", "4,100人", "年2回", "支援の試行実施", "適宜". */
import { toHalfWidth } from "../text/normalize";
import type { Comparator } from "./numeric-target";
import type { Target } from "./target";

const COMPARATOR_WORDS: Record<Comparator, string> = { gte: "以上", lte: "以下", lt: "未満", gt: "超", eq: "" };

/**
 * A number as Japanese documents print it: thousands separated by commas, decimals as given ("1,234.5").
 * Not toLocaleString: the output must not depend on the server's locale.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const s = String(value);
  if (/e/i.test(s)) return s;
  const negative = s.startsWith("-");
  const [int = "", frac] = (negative ? s.slice(1) : s).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** A quantity with its unit: "4,100人", "年2回" (for the per-period unit "回/年"). */
export function formatQuantity(value: number, unit: string): string {
  const perPeriod = /^(.+)\/(年|月|週|日)$/.exec(unit);
  if (perPeriod) return `${perPeriod[2]}${formatNumber(value)}${perPeriod[1]}`;
  return `${formatNumber(value)}${unit}`;
}

/**
 * Japanese display of a target: "15事業者以上", "20%以下", "年2回", "調査・研究", "支援の試行実施", "適宜".
 * Free text is shown as written (trimmed), since it has no other form.
 */
export function formatTarget(t: Target): string {
  switch (t.kind) {
    case "numeric":
      return `${formatQuantity(t.value, t.unit)}${COMPARATOR_WORDS[t.comparator]}`;
    case "milestone":
      // A bare stage is shown by its canonical label ("調査研究" → "調査・研究"); a stage about an object is shown as
      // written, because swapping in the label would re-spell the plan ("記録方式の導入" is not "記録方式の実施").
      return t.prefix !== undefined ? toHalfWidth(t.source).replace(/\s+/g, " ").trim() : t.step;
    case "asNeeded":
      return "適宜";
    case "text":
      return t.source.trim();
  }
}
