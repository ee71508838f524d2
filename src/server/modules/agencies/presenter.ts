import { AGENCY_KIND_LABELS } from "../../../domain/labels/support.js";
import type { AgencyRow } from "./repository.js";

/** The municipality's agencies by id: what a presenter names the agencies of a record with. */
export type AgencyMap = Map<string, AgencyRow>;

/** An agency's name; one no longer registered is still shown, as unknown. */
export const agencyName = (agencies: AgencyMap, id: string) => agencies.get(id)?.name ?? "（不明な機関）";

/** An agency a record names, as the screens link it: id and name. */
export const agencyRef = (agencies: AgencyMap, id: string) => ({ id, name: agencyName(agencies, id) });
export const agencyRefOrNull = (agencies: AgencyMap, id: string | null) => (id ? agencyRef(agencies, id) : null);

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
