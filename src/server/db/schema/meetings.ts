import { boolean, date, index, integer, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.js";
import { createdAt, recordTable, sameMunicipality, timestamps, version } from "./columns.js";
import { consents } from "./consents.js";
import { users } from "./core.js";
import { agencies, persons, referrals } from "./support.js";

/**
 * Meetings of 重層的支援 (issue 12): the municipality's own kinds of meeting, each mapped to the legal basis it shares
 * information on (art. 106-6 支援会議: without consent, every member bound by confidentiality; or the person's
 * consent: 重層的支援会議), its 地区, and per meeting the roster, the agenda, decisions and minutes. Members and
 * agenda items are never deleted: leaving or removal is a date, so the history of who could see what stays.
 */

/** A kind of meeting as the municipality names it (e.g. 包括的支援会議), mapped to one legal basis. */
export const meetingKinds = recordTable(
  "meeting_kinds",
  {
    name: text("name").notNull(),
    /** art106_6 (支援会議: members share without consent) | consent (重層的支援会議) */
    legalBasis: text("legal_basis").notNull(),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull(),
    version: version(),
    ...timestamps(),
  },
  (t) => [unique("meeting_kinds_name_uq").on(t.municipalityId, t.name)],
);

/** 地区: the municipality's districts meetings are held for (an editable list). */
export const districts = recordTable(
  "districts",
  {
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull(),
    version: version(),
    ...timestamps(),
  },
  (t) => [unique("districts_name_uq").on(t.municipalityId, t.name)],
);

export const meetings = recordTable(
  "meetings",
  {
    kindId: uuid("kind_id").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    /** HH:MM, when the time is known */
    startsAt: text("starts_at"),
    districtId: uuid("district_id"),
    /** the agency that runs the meeting (事務局) */
    secretariatAgencyId: uuid("secretariat_agency_id").notNull(),
    title: text("title").notNull(),
    /** 会議録 */
    minutes: text("minutes"),
    createdBy: uuid("created_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("meetings_held_idx").on(t.municipalityId, t.heldOn),
    sameMunicipality(t, t.kindId, meetingKinds),
    sameMunicipality(t, t.districtId, districts),
    sameMunicipality(t, t.secretariatAgencyId, agencies),
  ],
);

/**
 * A member of one meeting: an agency's staff account (`user_id`, with the agency it worked for then), or an outside
 * expert without an account (name, affiliation, role). `pledged_on`: the confidentiality pledge (誓約) of a
 * 支援会議 member, per meeting. `left_at`: removed from the roster (the row stays).
 */
export const meetingMembers = recordTable(
  "meeting_members",
  {
    meetingId: uuid("meeting_id").notNull(),
    userId: uuid("user_id"),
    agencyId: uuid("agency_id"),
    expertName: text("expert_name"),
    expertAffiliation: text("expert_affiliation"),
    /** supervisor | lawyer | doctor | other (outside experts only) */
    expertRole: text("expert_role"),
    pledgedOn: date("pledged_on", { mode: "string" }),
    pledgeRecordedBy: uuid("pledge_recorded_by"),
    addedBy: uuid("added_by"),
    addedAt: createdAt(),
    leftAt: timestamp("left_at", { withTimezone: true }),
    leftBy: uuid("left_by"),
  },
  (t) => [
    index("meeting_members_meeting_idx").on(t.municipalityId, t.meetingId),
    index("meeting_members_user_idx").on(t.municipalityId, t.userId),
    sameMunicipality(t, t.meetingId, meetings),
    sameMunicipality(t, t.userId, users),
    sameMunicipality(t, t.agencyId, agencies),
  ],
);

/**
 * An agenda item: a case (person_id is then its main person), or a person without a case or not yet consenting.
 * `removed_at`: taken off the agenda (the row stays).
 */
export const meetingSubjects = recordTable(
  "meeting_subjects",
  {
    meetingId: uuid("meeting_id").notNull(),
    caseId: uuid("case_id"),
    personId: uuid("person_id").notNull(),
    /** on a consent-kind meeting: the person's consent that covered the meeting date when the case was taken */
    consentId: uuid("consent_id"),
    /** the つなぐシート the item was taken from: the meeting's pledged members read it under the meeting's basis */
    referralId: uuid("referral_id"),
    addedBy: uuid("added_by"),
    addedAt: createdAt(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedBy: uuid("removed_by"),
  },
  (t) => [
    index("meeting_subjects_meeting_idx").on(t.municipalityId, t.meetingId),
    index("meeting_subjects_person_idx").on(t.municipalityId, t.personId),
    index("meeting_subjects_case_idx").on(t.municipalityId, t.caseId),
    sameMunicipality(t, t.meetingId, meetings),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.personId, persons),
    sameMunicipality(t, t.consentId, consents),
    index("meeting_subjects_referral_idx").on(t.municipalityId, t.referralId),
    sameMunicipality(t, t.referralId, referrals),
  ],
);

/** What a meeting decided, optionally about one agenda item. Never edited. */
export const meetingDecisions = recordTable(
  "meeting_decisions",
  {
    meetingId: uuid("meeting_id").notNull(),
    subjectId: uuid("subject_id"),
    text: text("text").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("meeting_decisions_meeting_idx").on(t.municipalityId, t.meetingId),
    sameMunicipality(t, t.meetingId, meetings),
    sameMunicipality(t, t.subjectId, meetingSubjects),
  ],
);

/**
 * 支援決定: the municipality decided to support the case (on a day, by whom: e.g. 福祉政策課長), recorded by the
 * coordinators. A 重層的支援会議 takes only cases that have one. One per case.
 */
export const caseSupportDecisions = recordTable(
  "case_support_decisions",
  {
    caseId: uuid("case_id").notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    decidedBy: text("decided_by").notNull(),
    recordedBy: uuid("recorded_by"),
    recordedByAgencyId: uuid("recorded_by_agency_id"),
    recordedAt: createdAt(),
  },
  (t) => [
    unique("case_support_decisions_case_uq").on(t.municipalityId, t.caseId),
    sameMunicipality(t, t.caseId, cases),
    sameMunicipality(t, t.recordedByAgencyId, agencies),
  ],
);
