import { date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  createdAt,
  municipalityId,
  municipalityKey,
  recordTable,
  sameMunicipality,
  timestamps,
  version,
} from "./columns.js";
import { agencies, persons, referrals } from "./support.js";

/**
 * 重層的支援: households (世帯) and the cases (ケース) a 多機関協働 coordinator opens from referrals, with their team
 * of agencies, phase and consent history, activity records (支援経過) and versioned assessments. Every table is
 * municipality-owned: municipality_id first in every key, foreign keys are composite.
 */

export const households = recordTable(
  "households",
  {
    /** how the staff call the household, e.g. 「つなぐ家」 */
    name: text("name"),
    address: text("address").notNull(),
    registeredByAgencyId: uuid("registered_by_agency_id").notNull(),
    createdBy: uuid("created_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("households_agency_idx").on(t.municipalityId, t.registeredByAgencyId),
    sameMunicipality(t, t.registeredByAgencyId, agencies),
  ],
);

/** A person in a household with the relationship (続柄) to the household's main person. */
export const householdMembers = pgTable(
  "household_members",
  {
    municipalityId: municipalityId(),
    householdId: uuid("household_id").notNull(),
    personId: uuid("person_id").notNull(),
    relationship: text("relationship").notNull(),
    addedBy: uuid("added_by"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    municipalityKey(t, t.householdId, t.personId),
    index("household_members_person_idx").on(t.municipalityId, t.personId),
    sameMunicipality(t, t.householdId, households),
    sameMunicipality(t, t.personId, persons),
  ],
);

/** A case: phase 受付 → アセスメント → プラン → 支援 → モニタリング → 終結; consent given | not_given | unknown | withdrawn. */
export const cases = recordTable(
  "cases",
  {
    householdId: uuid("household_id").notNull(),
    mainPersonId: uuid("main_person_id").notNull(),
    leadAgencyId: uuid("lead_agency_id").notNull(),
    issues: jsonb("issues").$type<string[]>().notNull(),
    phase: text("phase").notNull(),
    consent: text("consent").notNull(),
    consentDate: text("consent_date"),
    consentMethod: text("consent_method"),
    openedBy: uuid("opened_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("cases_household_idx").on(t.municipalityId, t.householdId),
    index("cases_phase_idx").on(t.municipalityId, t.phase),
    // the list's order (most recently updated first): a page is read from the index, not sorted from all cases
    index("cases_updated_idx").on(t.municipalityId, t.updatedAt.desc(), t.id),
    // 統計: cases opened in a fiscal year
    index("cases_created_idx").on(t.municipalityId, t.createdAt),
    sameMunicipality(t, t.householdId, households),
    foreignKey({
      columns: [t.municipalityId, t.householdId, t.mainPersonId],
      foreignColumns: [householdMembers.municipalityId, householdMembers.householdId, householdMembers.personId],
    }),
    sameMunicipality(t, t.leadAgencyId, agencies),
  ],
);

/** The referrals a case was opened from; a referral belongs to at most one case. */
export const caseReferrals = pgTable(
  "case_referrals",
  {
    municipalityId: municipalityId(),
    caseId: uuid("case_id").notNull(),
    referralId: uuid("referral_id").notNull(),
  },
  (t) => [
    municipalityKey(t, t.caseId, t.referralId),
    unique("case_referrals_referral_uq").on(t.municipalityId, t.referralId),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.referralId, referrals),
  ],
);

/** The agencies currently on the case team (the lead agency always is). Past changes are in case_events. */
export const caseTeam = pgTable(
  "case_team",
  {
    municipalityId: municipalityId(),
    caseId: uuid("case_id").notNull(),
    agencyId: uuid("agency_id").notNull(),
    addedBy: uuid("added_by"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    municipalityKey(t, t.caseId, t.agencyId),
    index("case_team_agency_idx").on(t.municipalityId, t.agencyId),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.agencyId, agencies),
  ],
);

/**
 * The history of a case: kind opened | phase | consent | team_added | team_removed | lead_changed | issues_changed,
 * who (user and agency), when and why. Phase, consent and issues events carry the new value (the opening event
 * carries all three).
 */
export const caseEvents = pgTable(
  "case_events",
  {
    municipalityId: municipalityId(),
    caseId: uuid("case_id").notNull(),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    phase: text("phase"),
    consent: text("consent"),
    consentDate: text("consent_date"),
    consentMethod: text("consent_method"),
    /** the case's issues (課題) from this event on */
    issues: jsonb("issues").$type<string[]>(),
    /** the agency added or removed (team events) */
    subjectAgencyId: uuid("subject_agency_id"),
    reason: text("reason"),
    byUserId: uuid("by_user_id"),
    byAgencyId: uuid("by_agency_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [municipalityKey(t, t.caseId, t.seq), sameMunicipality(t, t.caseId, cases)],
);

/** 支援経過: kind 面談 | 訪問 | 電話 | 同行 | オンライン | 会議; visibility team | agency. Never edited. */
export const caseRecords = recordTable(
  "case_records",
  {
    caseId: uuid("case_id").notNull(),
    agencyId: uuid("agency_id").notNull(),
    kind: text("kind").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    text: text("text").notNull(),
    visibility: text("visibility").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_records_case_idx").on(t.municipalityId, t.caseId, t.date),
    // 統計: contacts by mode and agency in a fiscal year, answered from the index alone
    index("case_records_date_idx").on(t.municipalityId, t.date, t.kind, t.agencyId),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.agencyId, agencies),
  ],
);

/** The shared assessment (統一的な記録方式): every save is a new version of the case's assessment. */
export const caseAssessments = pgTable(
  "case_assessments",
  {
    municipalityId: municipalityId(),
    caseId: uuid("case_id").notNull(),
    version: integer("version").notNull(),
    agencyId: uuid("agency_id").notNull(),
    sections: jsonb("sections").$type<Record<string, string>>().notNull(),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    municipalityKey(t, t.caseId, t.version),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.agencyId, agencies),
  ],
);
