/**
 * The API's shapes for the screens: every one is computed from the server's code in src/contracts, none is
 * written here. This module only keeps the screens' imports short; the words for their codes are in
 * src/domain/labels.
 */
import type { AnyImportReport, PlanDocumentReport, ProgrammeReport, RoadmapReport, WorkbookReport } from "../contracts";
import type { SheetField } from "../server/modules/evaluations/schema";

export type * from "../contracts";
export type { SheetField };
/** A sheet's text fields (every field of the sheet but its grade). */
export type SheetTextField = Exclude<SheetField, "grade">;

export function isWorkbookReport(r: AnyImportReport): r is WorkbookReport {
  return r.kind === "evaluation-xlsx";
}

export function isProgrammeReport(r: { kind: string }): r is ProgrammeReport {
  return r.kind === "programme";
}

export function isRoadmapReport(r: { kind: string }): r is RoadmapReport {
  return r.kind === "roadmap";
}

export function isPlanDocumentReport(r: { kind: string }): r is PlanDocumentReport {
  return r.kind === "implementation-plan" || r.kind === "indicator-table";
}
