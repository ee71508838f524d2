import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import {
  GRADE_OVERRIDE_REASON_LABEL,
  NOT_EVALUATED_REASON_LABEL,
  SHEET_ACTION_LABELS,
  SHEET_FIELD_LABELS,
  SHEET_STATUS_LABELS,
  type SheetField,
  type SheetStatus,
} from "../../../domain/labels/evaluation.js";
import type { auditLog } from "../../db/schema/index.js";
import type { IndicatorYearDto } from "../indicators/presenter.js";
import type { PlanRow } from "../plans/repository.js";
import type { SheetRow } from "./repository.js";
import type { SheetItem } from "./year-structure.js";

const statusLabel = (s: string) => SHEET_STATUS_LABELS[s as SheetStatus] ?? s;

function presentItemBrief(item: SheetItem | null) {
  return item
    ? {
        id: item.id,
        code: item.code,
        title: item.title,
        summary: item.summary,
        isNew: item.isNew,
        isPriority: item.isPriority,
        category: item.category,
      }
    : null;
}

export function presentSheetListRow(s: SheetRow, item: SheetItem | null, departmentIds: string[]) {
  return {
    id: s.id,
    fiscalYear: s.fiscalYear,
    status: s.status,
    statusLabel: statusLabel(s.status),
    grade: s.grade,
    departmentIds,
    departmentNames: s.departmentNames,
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
    item: presentItemBrief(item),
  };
}

/** The indicators shown on a sheet (its item and the items below it) and the grade they suggest. */
export interface SheetIndicators {
  indicators: IndicatorYearDto[];
  suggestedGrade: { grade: string | null; reason: string };
}

export function presentSheet(
  s: SheetRow,
  item: SheetItem | null,
  plan: PlanRow,
  departmentIds: string[],
  editable: boolean,
  indicators: SheetIndicators = { indicators: [], suggestedGrade: { grade: null, reason: "" } },
  yearClosed = false,
) {
  return {
    id: s.id,
    planId: s.planId,
    planTitle: plan.title,
    fiscalYear: s.fiscalYear,
    fiscalYearLabel: formatFiscalYear(s.fiscalYear),
    previousFiscalYearLabel: formatFiscalYear(s.fiscalYear - 1),
    status: s.status,
    statusLabel: statusLabel(s.status),
    previousStatus: s.previousStatus,
    targetFirst: s.targetFirst,
    targetSecond: s.targetSecond,
    results: s.results,
    grade: s.grade,
    gradeOverrideReason: s.gradeOverrideReason,
    reason: s.reason,
    issues: s.issues,
    reviewComment: s.reviewComment,
    notEvaluatedReason: s.notEvaluatedReason,
    departmentIds,
    departmentNames: s.departmentNames,
    gradeScale: plan.gradeScale,
    source: s.source,
    version: s.version,
    /** false in a closed year, whoever asks */
    editable: editable && !yearClosed,
    /** the year has been closed (締め): nothing on the sheet changes until it is reopened */
    yearClosed,
    updatedAt: s.updatedAt.toISOString(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    item: presentItemBrief(item),
    indicators: indicators.indicators,
    suggestedGrade: indicators.suggestedGrade,
  };
}
export type SheetDto = ReturnType<typeof presentSheet>;

type AuditRow = typeof auditLog.$inferSelect;

/**
 * The sheet's history: who, when, and each field's value before and after. `names` are the display names of the
 * actors (by user id): people are shown by name; an operator command, which has no user, by its recorded label.
 */
export function presentSheetHistory(entries: AuditRow[], names: ReadonlyMap<string, string> = new Map()) {
  return entries.map((e) => {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = keys
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .map((k) => ({
        field: k,
        label:
          k === "status"
            ? "状態"
            : k === "reviewComment"
              ? "差戻しコメント"
              : k === "gradeOverrideReason"
                ? GRADE_OVERRIDE_REASON_LABEL
                : k === "notEvaluatedReason"
                  ? NOT_EVALUATED_REASON_LABEL
                  : (SHEET_FIELD_LABELS[k as SheetField] ?? k),
        before: k === "status" && before[k] ? statusLabel(String(before[k])) : (before[k] ?? null),
        after: k === "status" && after[k] ? statusLabel(String(after[k])) : (after[k] ?? null),
      }));
    return {
      /** the record's id (its seq may not be set yet: sealed shortly after it was written) */
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      actorName: (e.actorUserId && names.get(e.actorUserId)) || null,
      action: e.action,
      actionLabel: (SHEET_ACTION_LABELS as Record<string, string>)[e.action] ?? e.action,
      changes,
    };
  });
}
