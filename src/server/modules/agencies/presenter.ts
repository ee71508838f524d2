import type { AgencyRow } from "./repository.js";
import { AGENCY_KIND_LABELS } from "./schema.js";

export function presentAgency(a: AgencyRow) {
  return {
    id: a.id,
    name: a.name,
    category: a.category,
    kind: a.kind,
    kindLabel: AGENCY_KIND_LABELS[a.kind as keyof typeof AGENCY_KIND_LABELS] ?? a.kind,
    isCoordinator: a.isCoordinator,
    departmentId: a.departmentId,
    version: a.version,
  };
}
