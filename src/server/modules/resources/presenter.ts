import {
  RESOURCE_AUDIENCE_LABELS,
  RESOURCE_CATEGORY_LABELS,
  RESOURCE_STATUS_LABELS,
  type ResourceAudience,
  type ResourceCategory,
  type ResourceStatus,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Weekday,
} from "../../../domain/labels/resources.js";
import { type AgencyMap, agencyRefOrNull } from "../agencies/presenter.js";
import type { ResourceRow } from "./repository.js";

/** What names a resource's references: the municipality's agencies and 地区. */
export interface ResourceNames {
  agencies: AgencyMap;
  districts: Map<string, string>;
}

/** The days in the week's order, each with its word. */
export const presentDays = (days: readonly string[]) =>
  WEEKDAYS.filter((d) => days.includes(d)).map((code: Weekday) => ({ code, label: WEEKDAY_LABELS[code] }));

/** The operator as shown: an agency of the municipality, or a community group's name. */
export const operatorOf = (r: ResourceRow, names: ResourceNames) => {
  const agency = agencyRefOrNull(names.agencies, r.operatorAgencyId);
  return { agency, name: agency?.name ?? r.operatorName ?? "" };
};

/**
 * A resource as the directory shows it. `seesLocation`: the caller may read a hidden location's address; otherwise
 * a hidden one answers `address: null` (the flag says that there is one, not where).
 */
export function presentResource(r: ResourceRow, names: ResourceNames, seesLocation: boolean) {
  const category = r.category as ResourceCategory;
  const status = r.status as ResourceStatus;
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    category,
    categoryLabel: RESOURCE_CATEGORY_LABELS[category] ?? r.category,
    operator: operatorOf(r, names),
    district: r.districtId ? { id: r.districtId, name: names.districts.get(r.districtId) ?? "" } : null,
    address: r.locationHidden && !seesLocation ? null : r.address,
    locationHidden: r.locationHidden,
    days: presentDays(r.days),
    scheduleNote: r.scheduleNote,
    audiences: r.audiences.map((code) => ({
      code: code as ResourceAudience,
      label: RESOURCE_AUDIENCE_LABELS[code as ResourceAudience] ?? code,
    })),
    capacity: r.capacity,
    contact: r.contact,
    accessibility: r.accessibility,
    description: r.description,
    tags: r.tags,
    status,
    statusLabel: RESOURCE_STATUS_LABELS[status] ?? r.status,
    proposedBy: agencyRefOrNull(names.agencies, r.proposedByAgencyId),
    reviewReason: r.reviewReason,
    reviewedAt: r.reviewedAt,
    updatedAt: r.updatedAt,
  };
}
export type ResourceDetail = ReturnType<typeof presentResource>;
