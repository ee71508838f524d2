import type { DepartmentRow } from "./repository.js";

export interface DepartmentNameRow {
  departmentId: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

export function presentDepartment(d: DepartmentRow, history: DepartmentNameRow[] = []) {
  return {
    id: d.id,
    name: d.name,
    mergedIntoId: d.mergedIntoId,
    abolishedOn: d.abolishedOn,
    active: !d.mergedIntoId && !d.abolishedOn,
    version: d.version,
    history: history
      .filter((h) => h.departmentId === d.id)
      .map((h) => ({ name: h.name, validFrom: h.validFrom === "1900-01-01" ? null : h.validFrom, validTo: h.validTo })),
  };
}
