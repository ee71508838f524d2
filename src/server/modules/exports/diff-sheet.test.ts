import { describe, expect, it } from "vitest";
import { SHEET_FIELDS } from "../evaluations/schema.js";
import { diffSheet } from "./diff-sheet.js";
import type { SheetFieldValues } from "./schema.js";
import { exportedText, fieldHash } from "./workbook-layout.js";

const empty = Object.fromEntries(SHEET_FIELDS.map((f) => [f, null])) as SheetFieldValues;
const stored: SheetFieldValues = { ...empty, results: "実績 ・会議 ・研修", grade: "B" };
const hashes = (values: SheetFieldValues, shown: boolean) =>
  Object.fromEntries(SHEET_FIELDS.map((f) => [f, fieldHash(shown ? exportedText(f, values[f]) : values[f])]));

describe("diffSheet with lists shown one item per line", () => {
  it("reads a cell left as exported as unchanged, whether the file shows the list laid out or as stored", () => {
    const laidOut: SheetFieldValues = { ...stored, results: "実績\n・会議\n・研修", issues: "追記" };
    const diff = diffSheet(laidOut, stored, hashes(stored, true), true);
    expect(diff.conflicts).toEqual([]);
    expect(diff.changes).toEqual([{ field: "issues", before: null, after: "追記" }]);
    // a file exported before lists were laid out fingerprinted the stored text
    const older = diffSheet({ ...stored, issues: "追記" }, stored, hashes(stored, false), true);
    expect(older.conflicts).toEqual([]);
    expect(older.changes.map((c) => c.field)).toEqual(["issues"]);
  });

  it("still finds a conflict when the list was changed in tsunagu after the export and in the file", () => {
    const now: SheetFieldValues = { ...stored, results: "実績 ・会議" };
    const file: SheetFieldValues = { ...stored, results: "Excelで書き換えた実績" };
    const diff = diffSheet(file, now, hashes(stored, true), true);
    expect(diff.conflicts).toEqual([{ field: "results", file: "Excelで書き換えた実績", current: "実績 ・会議" }]);
  });
});
