import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.js";
import { createdAt, municipalityId, municipalityKey, recordTable, sameMunicipality } from "./columns.js";
import { agencies, persons, referrals } from "./support.js";

/**
 * A person's consent to share their information with agencies (本人同意), the basis a team agency reads a person's
 * data on. Facts only: a consent is never edited, its withdrawal is a row of consent_withdrawals.
 * scope: "team" = every agency on the team of `case_id` at the moment of each read; "agencies" = the agencies in
 * consent_agencies. method: written (書面) | oral (口頭) | other (その他, said in method_note).
 */
export const consents = recordTable(
  "consents",
  {
    personId: uuid("person_id").notNull(),
    /** the case the consent was given for (null: given with a referral, before any case) */
    caseId: uuid("case_id"),
    /** the referral the consent was recorded with, when it came from one */
    referralId: uuid("referral_id"),
    scope: text("scope").notNull(),
    /** null only for consents carried over from referrals that recorded no date */
    givenOn: date("given_on", { mode: "string" }),
    method: text("method").notNull(),
    methodNote: text("method_note"),
    note: text("note"),
    recordedBy: uuid("recorded_by"),
    recordedByAgencyId: uuid("recorded_by_agency_id"),
    recordedAt: createdAt(),
  },
  (t) => [
    index("consents_person_idx").on(t.municipalityId, t.personId),
    index("consents_case_idx").on(t.municipalityId, t.caseId),
    sameMunicipality(t, t.personId, persons),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.referralId, referrals),
    sameMunicipality(t, t.recordedByAgencyId, agencies),
  ],
);

/** The agencies a consent of scope "agencies" names. */
export const consentAgencies = pgTable(
  "consent_agencies",
  {
    municipalityId: municipalityId(),
    consentId: uuid("consent_id").notNull(),
    agencyId: uuid("agency_id").notNull(),
  },
  (t) => [
    municipalityKey(t, t.consentId, t.agencyId),
    sameMunicipality(t, t.consentId, consents),
    sameMunicipality(t, t.agencyId, agencies),
  ],
);

/** The withdrawal of a consent (at most one): from the next request on, the consent is no basis any more. */
export const consentWithdrawals = pgTable(
  "consent_withdrawals",
  {
    municipalityId: municipalityId(),
    consentId: uuid("consent_id").notNull(),
    withdrawnOn: date("withdrawn_on", { mode: "string" }).notNull(),
    reason: text("reason"),
    recordedBy: uuid("recorded_by"),
    recordedByAgencyId: uuid("recorded_by_agency_id"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    municipalityKey(t, t.consentId),
    sameMunicipality(t, t.consentId, consents),
    sameMunicipality(t, t.recordedByAgencyId, agencies),
  ],
);
