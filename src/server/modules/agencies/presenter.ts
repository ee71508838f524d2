import { AGENCY_KIND_LABELS } from "../../../domain/labels/support.js";
import type { AgencyRow } from "./repository.js";

export function presentAgency(a: AgencyRow) {
  return {
    id: a.id,
    name: a.name,
    category: a.category,
    kind: a.kind,
    kindLabel: (AGENCY_KIND_LABELS as Record<string, string>)[a.kind] ?? a.kind,
    isCoordinator: a.isCoordinator,
    departmentId: a.departmentId,
    version: a.version,
  };
}
