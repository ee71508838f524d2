import { MEASURE_GROUP_LABELS, SHARE_LABEL, TOTAL_LABEL } from "../../../../domain/labels/measures";
import { toCsv } from "../../../../domain/revisions/diff-table";
import type { StatsAnswer } from "../../../types";

/**
 * The statistics as the CSV the page offers (UTF-8 with a BOM, so Excel reads the Japanese): one line per published
 * number, written as on the screen (「5未満」, 「秘匿」), so a suppressed count is not in the file either.
 */
export function statsCsv(stats: StatsAnswer, scope: string): string {
  const rows: string[][] = [["年度・条件", "分類", "指標", "内訳", "値", "単位", "定義"]];
  for (const m of stats.measures) {
    const group = MEASURE_GROUP_LABELS[m.group];
    const line = (part: string, display: string) => [scope, group, m.label, part, display, m.unit, m.definition];
    if (m.total) rows.push(line(TOTAL_LABEL, m.notApplicable ?? m.total.display));
    for (const r of m.rows) rows.push(line(r.label, r.display));
    if (m.share !== null) rows.push([scope, group, m.label, SHARE_LABEL, String(m.share), "%", m.definition]);
  }
  return toCsv(rows);
}
