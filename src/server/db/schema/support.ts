import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  createdAt,
  municipalityId,
  municipalityKey,
  recordTable,
  sameMunicipality,
  timestamps,
  version,
} from "./columns.js";
import { departments, ofMunicipality } from "./core.js";

/**
 * Issue 4, 重層的支援体制: agencies (support windows and registered providers), persons, and referral sheets
 * (つなぐシート) with their history. Every table is municipality-owned: municipality_id first in every key.
 */

/** 包括的相談支援 | 参加支援 | 地域づくり | アウトリーチ | 多機関協働 */
export const agencies = recordTable(
  "agencies",
  {
    name: text("name").notNull(),
    category: text("category").notNull(),
    /** public (a window of the municipality or commissioned) | provider (登録事業者) */
    kind: text("kind").notNull(),
    /** 多機関協働 coordinators: see every referral, receive those sent to "the coordinators" */
    isCoordinator: boolean("is_coordinator").notNull().default(false),
    departmentId: uuid("department_id"),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    ofMunicipality(t),
    unique("agencies_name_uq").on(t.municipalityId, t.name),
    sameMunicipality(t, t.departmentId, departments),
  ],
);

export const persons = recordTable(
  "persons",
  {
    nameKanji: text("name_kanji"),
    nameKana: text("name_kana").notNull(),
    /** normalizeKana(nameKana): prefix search and duplicate candidates */
    kanaKey: text("kana_key").notNull(),
    /**
     * The name for a prefix search by name (漢字): NFKC (full-width latin and half-width kana folded) without spaces.
     * Computed by the database, so every way a row is written has it; nameSearchKey (domain/persons/name.ts) turns
     * what is typed into the same form.
     */
    nameKey: text("name_key").generatedAlwaysAs(sql`replace(normalize(name_kanji, NFKC), ' ', '')`),
    dateOfBirth: text("date_of_birth"), // ISO date
    address: text("address"),
    phone: text("phone"),
    createdByAgencyId: uuid("created_by_agency_id"),
    createdBy: uuid("created_by"),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index("persons_kana_key_idx").on(t.municipalityId, t.kanaKey.op("text_pattern_ops")),
    index("persons_dob_idx").on(t.municipalityId, t.dateOfBirth),
    index("persons_name_key_idx").on(t.municipalityId, t.nameKey.op("text_pattern_ops")),
    // 統計: persons registered in a fiscal year (new_persons)
    index("persons_created_idx").on(t.municipalityId, t.createdAt),
    sameMunicipality(t, t.createdByAgencyId, agencies),
  ],
);

/** Two records the staff believe are one person: linked, never merged. person_id < other_person_id. */
export const personLinks = pgTable(
  "person_links",
  {
    municipalityId: municipalityId(),
    personId: uuid("person_id").notNull(),
    otherPersonId: uuid("other_person_id").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    municipalityKey(t, t.personId, t.otherPersonId),
    sameMunicipality(t, t.personId, persons),
    sameMunicipality(t, t.otherPersonId, persons),
  ],
);

/** つなぐシート. status: sent → accepted → in_progress → completed | declined | forwarded */
export const referrals = recordTable(
  "referrals",
  {
    personId: uuid("person_id").notNull(),
    fromAgencyId: uuid("from_agency_id").notNull(),
    /** null = sent to the 多機関協働 coordinators */
    toAgencyId: uuid("to_agency_id"),
    /**
     * sent to the coordinators asking that the person be taken up at a 支援会議 (art. 106-6), where members bound by
     * confidentiality may share without consent; the coordinators put it on a meeting's agenda
     */
    toSupportMeeting: boolean("to_support_meeting").notNull().default(false),
    concerns: jsonb("concerns").$type<string[]>().notNull(),
    observed: text("observed").notNull(),
    urgency: text("urgency").notNull(), // 高 | 中 | 低
    consent: text("consent").notNull(), // given | not_given | unknown
    consentDate: text("consent_date"),
    consentMethod: text("consent_method"),
    status: text("status").notNull().default("sent"),
    dueDate: text("due_date"), // ISO date
    createdBy: uuid("created_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("referrals_to_idx").on(t.municipalityId, t.toAgencyId),
    index("referrals_from_idx").on(t.municipalityId, t.fromAgencyId),
    // need-to-know on a person: the referrals about the person (policies.personBasis)
    index("referrals_person_idx").on(t.municipalityId, t.personId),
    index("referrals_due_idx").on(t.municipalityId, t.dueDate),
    // 統計: referrals sent in a fiscal year
    index("referrals_created_idx").on(t.municipalityId, t.createdAt),
    sameMunicipality(t, t.personId, persons),
    sameMunicipality(t, t.fromAgencyId, agencies),
    sameMunicipality(t, t.toAgencyId, agencies),
  ],
);

/** The history of a referral: every status it went through, who moved it and why. */
export const referralEvents = pgTable(
  "referral_events",
  {
    municipalityId: municipalityId(),
    referralId: uuid("referral_id").notNull(),
    seq: integer("seq").notNull(),
    status: text("status").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    byUserId: uuid("by_user_id"),
    agencyId: uuid("agency_id"),
    reason: text("reason"),
  },
  (t) => [municipalityKey(t, t.referralId, t.seq), sameMunicipality(t, t.referralId, referrals)],
);

/**
 * The municipality's 「気になること」 checklist (referral concerns and case issues). A municipality without rows
 * uses DEFAULT_CONCERNS; the first edit stores the list. Every row of a municipality carries the list's version
 * (all rows are rewritten by an edit). Referrals and cases store the labels, so a used label is never renamed.
 */
export const concernCategories = recordTable(
  "concern_categories",
  {
    label: text("label").notNull(),
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
    /** the version of the whole list (the same on every row of the municipality) */
    version: version(),
    ...timestamps(),
  },
  (t) => [ofMunicipality(t), unique("concern_categories_label_uq").on(t.municipalityId, t.label)],
);
