import { date, index, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.js";
import { createdAt, recordTable, sameMunicipality, timestamps, version } from "./columns.js";
import { districts } from "./meetings.js";
import { resources } from "./resources.js";
import { agencies } from "./support.js";

/**
 * Participation support (参加支援): a case's person matched to a local resource and followed until it holds, and
 * the resources cases looked for and did not find (unmet needs, read as 地域づくり input).
 */

/** A placement: the resource proposed for the case's main person, its current status and next follow-up. */
export const placements = recordTable(
  "placements",
  {
    caseId: uuid("case_id").notNull(),
    resourceId: uuid("resource_id").notNull(),
    /** the person's wishes the resource answers (本人の希望) */
    wishes: text("wishes").notNull(),
    /** PLACEMENT_STATUSES: the latest of its history */
    status: text("status").notNull(),
    /** the day of the latest change (its fiscal year counts it in the placements measure) */
    statusOn: date("status_on", { mode: "string" }).notNull(),
    /** PLACEMENT_INTERRUPTION_REASONS, when interrupted */
    interruptionReason: text("interruption_reason"),
    /** the next follow-up; due when it is Japan's today or past */
    followUpOn: date("follow_up_on", { mode: "string" }),
    proposedByAgencyId: uuid("proposed_by_agency_id"),
    createdBy: uuid("created_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("placements_case_idx").on(t.municipalityId, t.caseId),
    index("placements_resource_idx").on(t.municipalityId, t.resourceId),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.resourceId, resources),
    sameMunicipality(t, t.proposedByAgencyId, agencies),
  ],
);

/** Each status a placement took, on its day: the history, only ever appended. */
export const placementEvents = recordTable(
  "placement_events",
  {
    placementId: uuid("placement_id").notNull(),
    status: text("status").notNull(),
    on: date("on", { mode: "string" }).notNull(),
    interruptionReason: text("interruption_reason"),
    note: text("note"),
    recordedBy: uuid("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("placement_events_placement_idx").on(t.municipalityId, t.placementId),
    // 統計: placement changes in a fiscal year
    index("placement_events_on_idx").on(t.municipalityId, t.on),
    sameMunicipality(t, t.placementId, placements),
  ],
);

/**
 * A resource a case looked for and did not find: what was looked for, where and for whom. The case it came from is
 * kept for the audit trail only; the list the coordinators read names no person.
 */
export const unmetNeeds = recordTable(
  "unmet_needs",
  {
    caseId: uuid("case_id").notNull(),
    lookedFor: text("looked_for").notNull(),
    districtId: uuid("district_id"),
    /** RESOURCE_AUDIENCES codes */
    audiences: jsonb("audiences").$type<string[]>().notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    recordedByAgencyId: uuid("recorded_by_agency_id"),
    recordedBy: uuid("recorded_by"),
    ...timestamps(),
  },
  (t) => [
    index("unmet_needs_recorded_idx").on(t.municipalityId, t.recordedOn),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.districtId, districts),
  ],
);
