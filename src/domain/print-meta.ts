/**
 * The line a printed or exported table carries above it: when the copy was made and what state its data was in, so
 * a sheet of paper on a committee's table says how current it is. The same words on screen prints and in xlsx.
 */
import { formatJapaneseDate } from "./japanese-date";
import type { GradeTally } from "./summary";

export interface PrintMeta {
  /** when the copy was made (shown as its day in Japan) */
  createdAt: Date;
  /** what the table counts or shows ("承認済みの評価表") */
  scope?: string | undefined;
  /** the data's state ("集計中（承認済み 40件／全68件）") */
  status?: string | undefined;
}

/** 「作成日 令和8年12月7日　集計対象: 承認済みの評価表　状態: …」 */
export function printMetaLine(meta: PrintMeta): string {
  return [
    `作成日 ${formatJapaneseDate(meta.createdAt)}`,
    meta.scope ? `集計対象: ${meta.scope}` : null,
    meta.status ? `状態: ${meta.status}` : null,
  ]
    .filter(Boolean)
    .join("　");
}

/** What the 総括表 counts: only accepted sheets (submitted and draft grades count as 未評価). */
export const SUMMARY_SCOPE = "承認済みの評価表";

/** The 総括表's state: final once every project counted has an accepted grade, in progress before that. */
export function summaryStatus(total: Pick<GradeTally, "graded" | "ungraded" | "projects">): string {
  if (total.projects > 0 && total.ungraded === 0) return `確定（全${total.projects}件が承認済み）`;
  return `集計中（承認済み ${total.graded}件／全${total.projects}件。ほかは未評価として数えています）`;
}

/** A 新旧対照's state: approved versions only, or one side still the working state (not approved). */
export function diffStatus(sides: readonly { status: "live" | "approved" }[]): string {
  return sides.some((s) => s.status === "live")
    ? "作業中の内容（未承認）を含む比較です"
    : "承認済みの版どうしの比較です";
}
