import type { DepartmentMention } from "../../../domain/departments/named-departments.js";
import type { ParsedImplementationPlan } from "../../../domain/import-implementation-plan/types.js";
import { DEFAULT_LADDER, type MilestoneLadder } from "../../../domain/indicators/milestones.js";
import { classifyTargets } from "../../../domain/indicators/target.js";
import type { ImplementationPlanLayout } from "./implementation-plan-rows.js";

/**
 * Target cells by kind, counted as classifyTargets counts them (a blank or dash-only cell is `blank`, not `text`),
 * and the distinct free texts the plan office still has to classify.
 */
export function targetCounts(sources: readonly string[], ladder: MilestoneLadder = DEFAULT_LADDER) {
  const { counts, freeTexts } = classifyTargets(sources, ladder);
  return {
    targets: {
      numeric: counts.numeric,
      milestone: counts.milestone,
      asNeeded: counts.asNeeded,
      text: counts.text,
      blank: counts.blank,
    },
    freeTextTargets: freeTexts,
  };
}

/** Every department name an item of the plan is linked to, with the line of the item naming it. */
export function implementationPlanDepartmentMentions(layout: ImplementationPlanLayout): DepartmentMention[] {
  return layout.items.flatMap((i) => i.departments.map((name) => ({ name, line: i.source.line })));
}

/** What the preview shows and the CLI prints: counts as read from the document, and what the import will write. */
export function implementationPlanReport(
  doc: ParsedImplementationPlan,
  layout: ImplementationPlanLayout,
  encoding: string,
) {
  const measures = doc.goals.flatMap((g) => g.measures);
  const initiatives = measures.flatMap((m) => m.initiatives);
  const { targets, freeTextTargets } = targetCounts(
    layout.indicators.flatMap((i) => i.targets.map((t) => t.target.source)),
  );
  return {
    kind: "implementation-plan" as const,
    encoding,
    plan: { title: doc.title, startFiscalYear: doc.startFiscalYear, endFiscalYear: doc.endFiscalYear },
    fiscalYears: doc.fiscalYears,
    goals: doc.goals.length,
    measures: measures.length,
    /** 重点取組 as printed, re-listings included */
    items: initiatives.length,
    /** 取組内容 as printed, re-listings included */
    activities: initiatives.reduce((n, i) => n + i.activities.length, 0),
    /** rows the import writes: re-listings are placements, not rows */
    rows: { items: layout.items.length, placements: layout.placements.length },
    relistings: layout.relistings,
    indicators: layout.indicators.length,
    targets,
    freeTextTargets,
    matrix: { departments: doc.matrix.departments.length, cells: doc.matrix.cells.length },
    warnings: [...doc.warnings, ...layout.warnings].sort((a, b) => a.line - b.line),
    unparsed: doc.unparsed,
  };
}
export type ImplementationPlanReport = ReturnType<typeof implementationPlanReport>;
