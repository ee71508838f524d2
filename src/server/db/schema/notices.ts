import { index, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, recordTable, sameMunicipality } from "./columns.js";
import { users } from "./core.js";

/**
 * In-app notices (お知らせ): one row per recipient. A notice names its subject (a sheet, a referral, a round…) by
 * type and id and never carries a person's data; what it shows is built from the subject when listed, and only while
 * the recipient can still open that subject. The unique key (recipient, kind, subject, occasion) makes writing the
 * same notice twice a no-op, so the events and the daily scan may repeat safely.
 */
export const notices = recordTable(
  "notices",
  {
    recipientId: uuid("recipient_id").notNull(),
    /** NoticeKind (src/domain/labels/notices.ts) */
    kind: text("kind").notNull(),
    /** what the notice is about: sheet | referral | round | task | monitoring | committee */
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** what makes this notice a new one for the same subject: the deadline's day, the event's audit time… */
    occasion: text("occasion").notNull().default(""),
    /** a reference people quote (受付番号, 年度), never a person's name or circumstances */
    reference: text("reference"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    unique("notices_once_uq").on(t.municipalityId, t.recipientId, t.kind, t.subjectType, t.subjectId, t.occasion),
    sameMunicipality(t, t.recipientId, users),
    index("notices_recipient_idx").on(t.municipalityId, t.recipientId, t.createdAt),
  ],
);
