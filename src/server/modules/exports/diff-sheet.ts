/**
 * Three-way comparison of one evaluation sheet: the value exported (known by its fingerprint), the value in the
 * edited file, and the value in the database now. Pure.
 *
 * - file = database: nothing to do (also when both sides made the same edit)
 * - file ≠ export, database = export: the user edited the cell → a change to apply
 * - file = export, database ≠ export: only tsunagu changed since → keep the database, not a change
 * - file ≠ export, database ≠ export, file ≠ database: both edited → a conflict; the sheet is not applied
 * Without a fingerprint (older metadata) the version decides: any difference after a newer version is a conflict.
 */
import { SHEET_FIELDS, type SheetField } from "../evaluations/schema.js";
import type { SheetFieldValues } from "./schema.js";
import { exportedText, fieldHash, normalizeValue } from "./workbook-layout.js";

export interface SheetDiff {
  changes: { field: SheetField; before: string | null; after: string | null }[];
  conflicts: { field: SheetField; file: string | null; current: string | null }[];
  /** whether the file differs from what was exported, judged from the fingerprints alone (no database values) */
  editedInFile: boolean;
}

export function diffSheet(
  file: SheetFieldValues,
  current: SheetFieldValues,
  exportedHashes: Partial<Record<SheetField, string>>,
  versionChanged: boolean,
): SheetDiff {
  const diff: SheetDiff = { changes: [], conflicts: [], editedInFile: false };
  for (const field of SHEET_FIELDS) {
    const f = normalizeValue(file[field]);
    const base = exportedHashes[field];
    if (base === undefined || fieldHash(f) !== base) diff.editedInFile = true;
  }
  for (const field of SHEET_FIELDS) {
    const f = normalizeValue(file[field]);
    const db = normalizeValue(current[field]);
    if (f === db) continue;
    const base = exportedHashes[field];
    const editedInFile = base === undefined || fieldHash(f) !== base;
    if (!editedInFile) continue;
    // the export fingerprints the cell's text (lists one item per line); files written before that, the stored text
    const asExported = [fieldHash(exportedText(field, db)), fieldHash(db)];
    const changedInDb = versionChanged && (base === undefined || !asExported.includes(base));
    if (changedInDb) diff.conflicts.push({ field, file: f, current: db });
    else diff.changes.push({ field, before: current[field], after: f });
  }
  return diff;
}
