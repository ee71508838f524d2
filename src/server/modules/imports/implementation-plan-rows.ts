/** The rows a 実施計画 is laid out as (what the preview reports and the commit writes), and the levels they sit at. */
import type { Target } from "../../../domain/indicators/target.js";

export interface LayoutItem {
  id: string;
  level: number;
  code: string | null;
  title: string;
  summary: string | null;
  category: string | null;
  majorMeasure: string | null;
  constituentPlans: string[];
  departments: string[];
  source: Record<string, unknown> & { line: number };
}

export interface LayoutPlacement {
  itemId: string;
  parentItemId: string | null;
  position: number;
  relisted: boolean;
}

export interface LayoutTarget {
  fiscalYear: number;
  target: Target;
}

export interface LayoutIndicator {
  id: string;
  itemId: string;
  name: string;
  source: Record<string, unknown>;
  targets: LayoutTarget[];
}

/** Warnings added while linking: same shape as the parser's, so the report lists one kind of warning. */
export interface LayoutWarning {
  kind: "relist_duplicate" | "relist_extra_activity" | "duplicate_target_year" | "category_unknown";
  line: number;
  message: string;
}

export interface ImplementationPlanLayout {
  items: LayoutItem[];
  placements: LayoutPlacement[];
  indicators: LayoutIndicator[];
  warnings: LayoutWarning[];
  relistings: {
    /** extra placements of an original 重点取組 under the 施策 that re-lists it */
    initiatives: number;
    /** extra placements of an original 取組内容 under the 重点取組 that re-lists it */
    activities: number;
    /** activities of a re-listed 重点取組 that are shown through the placement of its original */
    throughInitiative: number;
    /** (再掲) items whose original was not found: imported as items of their own */
    unresolved: number;
  };
}

export const LEVELS = { goal: 0, measure: 1, initiative: 2, activity: 3 } as const;
