/**
 * The shapes of a plan diff (改定の新旧対照): what changed, named by field, with the values before and after.
 * diff.ts computes them, diff-table.ts words them.
 */
import type { TargetTyping } from "../indicators/target-typing.js";

export type ChangeType =
  | "planChanged"
  | "added"
  | "removed"
  | "moved"
  | "renamed"
  | "changed"
  | "indicatorAdded"
  | "indicatorRemoved"
  | "indicatorRenamed"
  | "indicatorChanged"
  | "targetChanged";

export const ITEM_ATTRIBUTE_FIELDS = [
  "level",
  "departments",
  "category",
  "isNew",
  "isPriority",
  "majorMeasure",
  "constituentPlans",
  "summary",
] as const;
export type ItemAttributeField = (typeof ITEM_ATTRIBUTE_FIELDS)[number];

export const PLAN_FIELDS = ["title", "levelNames", "gradeScale", "period"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export type ChangeField =
  | `plan.${PlanField}`
  | "item"
  | "code"
  | "title"
  | "placement"
  | "relisting"
  | ItemAttributeField
  | "indicator"
  | "indicator.name"
  | "indicator.kind"
  | "indicator.baselineSource"
  | "indicator.item"
  | "target";

/** Where an item is shown, with its parent named as in the snapshot it comes from. */
export interface PlacementValue {
  parentItemId: string | null;
  parentCode: string | null;
  parentTitle: string | null;
  /** as stored */
  position: number;
  /** 1-based rank among the parent's children in that snapshot (for display) */
  ordinal: number;
}

export interface ItemValue {
  level: number;
  code: string | null;
  title: string;
  placement: PlacementValue | null;
  departmentNames: string[];
}

export interface DepartmentsValue {
  departmentIds: string[];
  departmentNames: string[];
}

export interface TargetValue extends TargetTyping {
  source: string;
}

export interface IndicatorValue {
  kind: string;
  name: string;
  baselineSource: string | null;
  targets: { fiscalYear: number; source: string }[];
}

export interface ItemRef {
  itemId: string | null;
  code: string | null;
  title: string | null;
}

export type ChangeValue =
  | string
  | number
  | boolean
  | null
  | string[]
  | { code: string; label: string }[]
  | { startFiscalYear: number; endFiscalYear: number }
  | PlacementValue
  | ItemValue
  | DepartmentsValue
  | IndicatorValue
  | TargetValue
  | ItemRef;

export interface Change {
  type: ChangeType;
  /** the item concerned: b's item, or a's when it was removed; null for the plan itself and plan-level indicators */
  itemId: string | null;
  code: string | null;
  title: string | null;
  level: number | null;
  field: ChangeField;
  indicatorId?: string;
  indicatorName?: string;
  fiscalYear?: number;
  before: ChangeValue;
  after: ChangeValue;
}

export interface DiffSummary {
  /** items (distinct) */
  added: number;
  removed: number;
  moved: number;
  renamed: number;
  changed: number;
  /** indicators (distinct) */
  indicatorsAdded: number;
  indicatorsRemoved: number;
  indicatorsRenamed: number;
  indicatorsChanged: number;
  /** (indicator, fiscal year) pairs */
  targetsChanged: number;
  /** plan fields */
  planChanged: number;
}

export interface SnapshotDiff {
  summary: DiffSummary;
  changes: Change[];
}
