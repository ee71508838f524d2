import { z } from "zod";
import type { WorkbookProblemKind } from "../../../domain/labels/imports.js";
import type { GradeDef } from "../../db/schema/plans.js";
import { fiscalYearInput, type SheetField } from "../evaluations/schema.js";

export const exportParams = z.object({
  planId: z.uuid("計画の指定が正しくありません"),
  fiscalYear: fiscalYearInput,
});

/** Why a sheet of an uploaded workbook was not applied (the kinds and their words: domain/labels/imports). */
export type ProblemKind = WorkbookProblemKind;

export interface WorkbookProblem {
  kind: ProblemKind;
  worksheet: string | null;
  cell: string | null;
  message: string;
}

export type SheetFieldValues = Record<SheetField, string | null>;

export interface ReadSheet {
  sheetId: string;
  itemId: string;
  exportedVersion: number;
  worksheetName: string;
  fields: SheetFieldValues;
  /** fingerprints of the values as exported (see fieldHash); absent when the metadata lacks them */
  exportedHashes: Partial<Record<SheetField, string>>;
}

export interface ReadWorkbook {
  formatVersion: number;
  planId: string;
  fiscalYear: number;
  gradeScale: GradeDef[];
  sheets: ReadSheet[];
  problems: WorkbookProblem[];
}

export interface FieldChange {
  field: SheetField;
  label: string;
  before: string | null;
  after: string | null;
}

export interface FieldConflict {
  field: SheetField;
  label: string;
  /** what the workbook says */
  file: string | null;
  /** what tsunagu has now, written by someone else after the export */
  current: string | null;
}

export interface ChangedSheet {
  sheetId: string;
  code: string | null;
  title: string;
  worksheet: string;
  fields: FieldChange[];
}

export interface ConflictSheet {
  sheetId: string;
  code: string | null;
  title: string;
  worksheet: string;
  exportedVersion: number;
  currentVersion: number;
  message: string;
  fields: FieldConflict[];
}

export interface WorkbookImportResult {
  kind: "evaluation-xlsx";
  planId: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  dryRun: boolean;
  changed: ChangedSheet[];
  unchanged: number;
  conflicts: ConflictSheet[];
  problems: WorkbookProblem[];
}
