import { boolean, index, integer, jsonb, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { recordTable, sameMunicipality, timestamps, version } from "./columns.js";
import { districts } from "./meetings.js";
import { agencies } from "./support.js";

/**
 * The local resource directory (地域資源, issue 14): places and activities in the community a person can be
 * connected to. It holds no personal data; only a hidden location (a shelter) is need-to-know, and the presenter
 * leaves it out for everyone but the coordinators and the operator agency. Lists of codes (days, audiences, tags)
 * are jsonb arrays, filtered by containment.
 */
export const resources = recordTable(
  "resources",
  {
    name: text("name").notNull(),
    /** RESOURCE_CATEGORIES */
    category: text("category").notNull(),
    /** the operator when it is one of the municipality's agencies */
    operatorAgencyId: uuid("operator_agency_id"),
    /** the operator's name when it is a community group without an account */
    operatorName: text("operator_name"),
    districtId: uuid("district_id"),
    address: text("address"),
    /** a shelter: the address is shown only to the coordinators and the operator agency, and never exported */
    locationHidden: boolean("location_hidden").notNull().default(false),
    /** WEEKDAYS codes the resource is open on */
    days: jsonb("days").$type<string[]>().notNull(),
    scheduleNote: text("schedule_note"),
    /** RESOURCE_AUDIENCES codes */
    audiences: jsonb("audiences").$type<string[]>().notNull(),
    capacity: integer("capacity"),
    contact: text("contact"),
    accessibility: text("accessibility"),
    description: text("description"),
    /** free words for matching a person's wishes (畑, 料理, 短時間 …) */
    tags: jsonb("tags").$type<string[]>().notNull(),
    /** RESOURCE_STATUSES */
    status: text("status").notNull(),
    /** the provider agency that proposed it (a proposal is seen by that agency and the coordinators) */
    proposedByAgencyId: uuid("proposed_by_agency_id"),
    /** the coordinator's reason when a proposal was turned down (見送り) */
    reviewReason: text("review_reason"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("resources_status_idx").on(t.municipalityId, t.status),
    sameMunicipality(t, t.operatorAgencyId, agencies),
    sameMunicipality(t, t.proposedByAgencyId, agencies),
    sameMunicipality(t, t.districtId, districts),
  ],
);

/**
 * 地域づくりの拠点: per resource and month, how many took part and which organisations joined (their names; never a
 * person). One row per month, corrected in place under its version.
 */
export const resourceActivityMonths = recordTable(
  "resource_activity_months",
  {
    resourceId: uuid("resource_id").notNull(),
    /** YYYY-MM */
    month: text("month").notNull(),
    participants: integer("participants").notNull(),
    organisations: jsonb("organisations").$type<string[]>().notNull(),
    recordedBy: uuid("recorded_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    unique("resource_activity_months_month_uq").on(t.municipalityId, t.resourceId, t.month),
    sameMunicipality(t, t.resourceId, resources),
  ],
);
