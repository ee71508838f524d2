import { describe, expect, it } from "vitest";
import { printMetaLine, SUMMARY_SCOPE, summaryStatus } from "./print-meta";

describe("printMetaLine", () => {
  it("says when the copy was made (the day in Japan) and the data's state", () => {
    const createdAt = new Date("2026-12-06T16:23:00Z"); // 7 December in Japan
    expect(printMetaLine({ createdAt })).toBe("作成日 令和8年12月7日");
    expect(
      printMetaLine({
        createdAt,
        scope: SUMMARY_SCOPE,
        status: summaryStatus({ graded: 40, ungraded: 28, projects: 68 }),
      }),
    ).toBe(
      "作成日 令和8年12月7日　集計対象: 承認済みの評価表　状態: 集計中（承認済み 40件／全68件。ほかは未評価として数えています）",
    );
    expect(summaryStatus({ graded: 68, ungraded: 0, projects: 68 })).toBe("確定（全68件が承認済み）");
    expect(summaryStatus({ graded: 0, ungraded: 0, projects: 0 })).toMatch(/^集計中/);
  });
});
