/** The mid-year round and its progress sheets as the API answers them: labels from the one table, never a raw row. */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import {
  MID_YEAR_PROGRESS_LABELS,
  MID_YEAR_ROUND_STATUS_LABELS,
  MID_YEAR_SHEET_STATUS_LABELS,
  type MidYearProgress,
  type MidYearRoundStatus,
  type MidYearSheetStatus,
} from "../../../domain/labels/mid-year.js";
import type { SheetItem } from "../evaluations/year-structure.js";
import type { MidYearRoundRow, MidYearSheetRow } from "./repository.js";

export const progressLabel = (p: string | null) => (p ? (MID_YEAR_PROGRESS_LABELS[p as MidYearProgress] ?? p) : null);
export const sheetStatusLabel = (s: string) => MID_YEAR_SHEET_STATUS_LABELS[s as MidYearSheetStatus] ?? s;

export function presentMidYearRound(r: MidYearRoundRow, sheets: number) {
  return {
    id: r.id,
    planId: r.planId,
    fiscalYear: r.fiscalYear,
    fiscalYearLabel: formatFiscalYear(r.fiscalYear),
    status: r.status,
    statusLabel: MID_YEAR_ROUND_STATUS_LABELS[r.status as MidYearRoundStatus] ?? r.status,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    sheets,
  };
}
export type MidYearRoundDto = ReturnType<typeof presentMidYearRound>;

function itemBrief(item: SheetItem | null) {
  return item ? { id: item.id, code: item.code, title: item.title } : null;
}

export function presentMidYearListRow(s: MidYearSheetRow, item: SheetItem | null, departmentIds: string[]) {
  return {
    id: s.id,
    fiscalYear: s.fiscalYear,
    status: s.status,
    statusLabel: sheetStatusLabel(s.status),
    progress: s.progress,
    progressLabel: progressLabel(s.progress),
    /** the plan office's reason when it returned the sheet (shown to the department until it submits again) */
    reviewComment: s.status === "returned" ? s.reviewComment : null,
    departmentIds,
    departmentNames: s.departmentNames,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
    item: itemBrief(item),
  };
}

/** One indicator of the sheet's item with the mid-year actual written on the sheet (null: not written). */
export interface MidYearIndicatorDto {
  id: string;
  name: string;
  actual: string | null;
}

export function presentMidYearSheet(
  s: MidYearSheetRow,
  ctx: {
    item: SheetItem | null;
    planTitle: string;
    departmentIds: string[];
    indicators: { id: string; name: string }[];
    /** the caller may change the fields now (its role, the sheet's status, the round still open) */
    editable: boolean;
    roundClosed: boolean;
  },
) {
  return {
    id: s.id,
    planId: s.planId,
    planTitle: ctx.planTitle,
    fiscalYear: s.fiscalYear,
    fiscalYearLabel: formatFiscalYear(s.fiscalYear),
    status: s.status,
    statusLabel: sheetStatusLabel(s.status),
    progress: s.progress,
    progressLabel: progressLabel(s.progress),
    issues: s.issues,
    secondHalfPlan: s.secondHalfPlan,
    indicators: ctx.indicators.map(
      (i): MidYearIndicatorDto => ({ id: i.id, name: i.name, actual: s.indicatorActuals[i.id] ?? null }),
    ),
    reviewComment: s.reviewComment,
    departmentIds: ctx.departmentIds,
    departmentNames: s.departmentNames,
    version: s.version,
    editable: ctx.editable && !ctx.roundClosed,
    roundClosed: ctx.roundClosed,
    updatedAt: s.updatedAt.toISOString(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    item: itemBrief(ctx.item),
  };
}
export type MidYearSheetDto = ReturnType<typeof presentMidYearSheet>;
