import type { ParsedIndicatorTable } from "../../../domain/import-indicator-table/types.js";
import type { IndicatorTableLayout } from "./commit-indicator-table.js";
import { targetCounts } from "./implementation-plan-report.js";

/** What the preview shows and the CLI prints for a basic plan's indicator tables. */
export function indicatorTableReport(doc: ParsedIndicatorTable, layout: IndicatorTableLayout, encoding: string) {
  const { targets, freeTextTargets } = targetCounts(
    layout.indicators.flatMap((i) => (i.target ? [i.target.target.source] : [])),
  );
  return {
    kind: "indicator-table" as const,
    encoding,
    plan: layout.plan,
    /** 政策 and 施策 */
    items: layout.items.length,
    policies: layout.items.filter((i) => i.level === 0).length,
    measures: layout.items.filter((i) => i.level === 1).length,
    activities: 0,
    indicators: layout.indicators.length,
    targets,
    /** target years written: fiscal year → number of targets */
    targetFiscalYears: countBy(layout.indicators.flatMap((i) => (i.target ? [i.target.fiscalYear] : []))),
    freeTextTargets,
    warnings: doc.warnings,
    unparsed: doc.unparsed,
  };
}
export type IndicatorTableReport = ReturnType<typeof indicatorTableReport>;

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
